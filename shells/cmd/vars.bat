{#- The variables of transition `t` in cmd.exe (PATH aside). -#}
{%- for name in t.unset %}
@set "{{ name|name }}="
{%- endfor %}
{%- for (name, value) in t.set %}
@set "{{ name|name }}={{ value|cmd }}"
{%- endfor %}
