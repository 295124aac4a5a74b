{#- The variables and PATH of transition `t` in cmd.exe. -#}
{%- for name in t.unset %}
@set "{{ name|name }}="
{%- endfor %}
{%- for (name, value) in t.set %}
@set "{{ name|name }}={{ value|cmd }}"
{%- endfor %}
{%- if let Some(entry) = t.path.remove %}
@set "PATH=;%PATH%;"
@set "PATH=%PATH:;{{ entry|cmd_path }};=;%"
@set "PATH=%PATH:~1,-1%"
{%- endif %}
{%- if let Some(entry) = t.path.prepend %}
@if defined PATH (set "PATH={{ entry|cmd_path }};%PATH%") else (set "PATH={{ entry|cmd_path }}")
{%- endif %}
