{#- Remove every occurrence of `entry` from PATH (cmd cannot stop at the first). #}
@set "PATH=;%PATH%;"
@set "PATH=%PATH:;{{ entry|cmd_path_element }};=;%"
@set "PATH=%PATH:~1,-1%"
