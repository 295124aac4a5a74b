{#- bin\deactivate.bat, written by `venvsh create`: called by cmd.exe with no venvsh installed.
    cmd cannot safely search PATH for a value read at run time, so this removes this
    environment's own bin directory, written in at creation. -#}
@rem Deactivate this virtual environment:  bin\deactivate.bat   (from a .bat file: call it)
@rem Written by venvsh; PATH loses only this environment's entry, PYTHONHOME and the
@rem prompt come back as they were.
@if defined _OLD_VIRTUAL_PYTHONHOME set "PYTHONHOME=%_OLD_VIRTUAL_PYTHONHOME%"
@set "_OLD_VIRTUAL_PYTHONHOME="
{%- let t = off %}
{%- include "cmd/changes.bat" %}
{%- let entry = own_entry %}
{%- include "cmd/path_remove.bat" %}
{%- include "cmd/prompt.bat" %}
