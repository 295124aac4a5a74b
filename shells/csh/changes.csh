{#- The variables and PATH of transition `t` in tcsh/csh. -#}
{%- for name in t.unset %}
unsetenv {{ name|name }} ;
{%- endfor %}
{%- for (name, value) in t.set %}
setenv {{ name|name }} {{ value|csh }} ;
{%- endfor %}
{%- if let Some(path) = path_after %}
setenv PATH {{ path|csh }} ;
{%- endif %}
