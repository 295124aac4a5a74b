{#- The prompt part of transition `t` in tcsh/csh. -#}
{%- if t.prompt.show %}
{%- if let Some(text) = t.prompt.text %}
set _venvsh_prompt_prefix = '('{{ text|csh_prompt }}') ' ;
if ( $?prompt && ! $?_venvsh_old_prompt ) eval 'set _venvsh_old_prompt = "$prompt:q"' ;
if ( $?_venvsh_old_prompt ) eval 'set prompt = "$_venvsh_prompt_prefix:q$_venvsh_old_prompt:q"' ;
{%- endif %}
{%- else %}
if ( $?_venvsh_old_prompt ) eval 'set prompt = "$_venvsh_old_prompt:q"' ;
unset _venvsh_old_prompt _venvsh_prompt_prefix ;
{%- endif %}
