@rem The probe for cmd.exe, run under wine: the set before activation, while active
@rem and after deactivation, each saved to a file. tests/shells/probes.rs writes
@rem activate.bat and deactivate.bat beside it (eval mode: what venvsh activate and
@rem venvsh deactivate print, as the venvsh.cmd wrapper saves and calls them; bin mode:
@rem the environment's own), and this file with CRLF line ends.
@rem cmd's PATH, written in by probes.rs (`%` doubled); venvsh is given the same.
@set "PATH=@CMD_PATH@"
@set "PYTHONHOME=/original/home"
@set > before.txt
@call activate.bat
@echo %ERRORLEVEL%> act_status.txt
@set > active.txt
@call deactivate.bat
@echo %ERRORLEVEL%> deact_status.txt
@set > after.txt
@rem bin mode also: PATH edits made while active survive a second activation's
@rem deactivate.bat.
@if not "%VENVSH_TEST_MODE%"=="bin" goto :eof
@call activate.bat
@call activate.bat
@set "PATH=C:\added;%PATH%;C:\back"
@call deactivate.bat
@set > edited.txt
