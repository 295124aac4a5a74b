{#- PATH edited in cmd.exe itself, by searching it for the entries of transition `t`: for
    the bin\ scripts, which run without venvsh, and for activation when venvsh cannot
    write cmd's PATH whole. The entries are search text of %PATH:x=y%, so cmd_path_element
    refuses `%`, `=` and `!` in them. -#}
{%- if let Some(entry) = t.other_entry() %}
{%- include "cmd/path_remove.bat" %}
{%- endif %}
{%- if let Some(entry) = t.path.remove %}
{%- include "cmd/path_remove.bat" %}
{%- endif %}
{%- if let Some(entry) = t.path.prepend %}
@if defined PATH (set "PATH={{ entry|cmd_path_element }};%PATH%") else (set "PATH={{ entry|cmd_path_element }}")
{%- endif %}
