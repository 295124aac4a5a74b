@rem venvsh for cmd.exe: save as venvsh.cmd in a directory that comes before venvsh.exe
@rem on PATH, e.g.  venvsh hook cmd > "%USERPROFILE%\bin\venvsh.cmd"
@rem Then `venvsh activate DIR` and `venvsh deactivate` change this cmd session
@rem (in a .bat file, use `call venvsh activate DIR`).
@if /i "%~1"=="-q" goto __venvsh_flag
@if /i "%~1"=="--quiet" goto __venvsh_flag
@if /i "%~1"=="activate" goto __venvsh_apply
@if /i "%~1"=="deactivate" goto __venvsh_apply
@if /i "%~1"=="workon" goto __venvsh_apply
@{{ exe|cmd_arg }} %*
@exit /b %ERRORLEVEL%
:__venvsh_flag
@rem A global flag before the verb (`venvsh -q activate`): the verb decides.
@if /i "%~2"=="activate" goto __venvsh_apply
@if /i "%~2"=="deactivate" goto __venvsh_apply
@if /i "%~2"=="workon" goto __venvsh_apply
@{{ exe|cmd_arg }} %*
@exit /b %ERRORLEVEL%
:__venvsh_apply
@rem venvsh writes the code for cmd into a file of its own, which is then called;
@rem anything else it prints (--json, --help, errors) reaches the console untouched.
@set "__VENVSH_SCRIPT=%TEMP%\venvsh-%RANDOM%%RANDOM%.bat"
@{{ exe|cmd_arg }} __wrapped cmd --code-file "%__VENVSH_SCRIPT%" -- %*
@if errorlevel 1 (del "%__VENVSH_SCRIPT%" 2>nul & set "__VENVSH_SCRIPT=" & exit /b 1)
@if exist "%__VENVSH_SCRIPT%" call "%__VENVSH_SCRIPT%"
@del "%__VENVSH_SCRIPT%" 2>nul
@set "__VENVSH_SCRIPT="
