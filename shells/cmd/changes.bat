{#- The variables and PATH of transition `t` in cmd.exe. -#}
{%- for name in t.unset %}
@set "{{ name|name }}="
{%- endfor %}
{%- for (name, value) in t.set %}
@set "{{ name|name }}={{ value|cmd }}"
{%- endfor %}
{%- if let Some(entry) = t.other_entry() %}
{%- include "cmd/path_remove.bat" %}
{%- endif %}
{%- if let Some(entry) = t.path.remove %}
{%- include "cmd/path_remove.bat" %}
{%- endif %}
{%- if let Some(entry) = t.path.prepend %}
@if defined PATH (set "PATH={{ entry|cmd_path }};%PATH%") else (set "PATH={{ entry|cmd_path }}")
{%- endif %}
