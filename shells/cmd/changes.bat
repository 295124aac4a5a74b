{#- The variables and PATH of transition `t` in cmd.exe, PATH edited in cmd itself. -#}
{%- include "cmd/vars.bat" %}
{%- include "cmd/path_edit.bat" %}
