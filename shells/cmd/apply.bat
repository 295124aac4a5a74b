{#- Apply a transition in cmd.exe, from a .bat file that is `call`ed. Values appear only
    inside set "NAME=value" (quoted: & | < > ( ) ^ are literal), with % doubled. PATH is
    computed by venvsh from cmd's own, which it inherits, and written whole (issue 12),
    unless cmd cannot hold that value: then it is edited in cmd (cmd::PathUpdate). -#}
{%- include "cmd/vars.bat" %}
{%- match path %}
{%- when PathUpdate::Whole(value) %}
@set "PATH={{ value|cmd_path }}"
{%- when PathUpdate::Unchanged %}
{%- when PathUpdate::InShell %}
{%- include "cmd/path_edit.bat" %}
{%- endmatch %}
{%- include "cmd/prompt.bat" %}
