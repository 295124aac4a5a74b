{#- bin\activate.bat, written by `venvsh create`: called by cmd.exe with no venvsh installed.
    Values appear only inside set "NAME=value"; rendering writes CRLF. -#}
@rem Activate this virtual environment:  bin\activate.bat   (from a .bat file: call bin\activate.bat)
@rem Written by venvsh; needs nothing but cmd.exe. bin\deactivate.bat undoes it.
@rem Undo an earlier activation of this environment first.
@call "%~dp0deactivate.bat"
@rem The environment's Python must not see PYTHONHOME; keep it for deactivate.bat.
@if defined PYTHONHOME set "_OLD_VIRTUAL_PYTHONHOME=%PYTHONHOME%"
{%- let t = on %}
{%- include "cmd/changes.bat" %}
@rem VIRTUAL_ENV_DISABLE_PROMPT set to anything but empty, 0 or false keeps the prompt as is
@rem (the prompt comes last, so that ends the script).
@if defined VIRTUAL_ENV_DISABLE_PROMPT if not "%VIRTUAL_ENV_DISABLE_PROMPT%"=="0" if /i not "%VIRTUAL_ENV_DISABLE_PROMPT%"=="false" goto :eof
{%- include "cmd/prompt.bat" %}
