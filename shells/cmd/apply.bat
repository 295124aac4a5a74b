{#- Apply a transition in cmd.exe, from a .bat file that is `call`ed. Values appear only
    inside set "NAME=value" (quoted: & | < > ( ) ^ are literal), with % doubled. -#}
{%- include "cmd/changes.bat" %}
{%- include "cmd/prompt.bat" %}
