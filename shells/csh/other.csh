{#- Another tool's activation goes first, when transition `t` changes the activation: a
    standard activate.csh (python -m venv, virtualenv, uv), sourced alone or on top of
    venvsh's, defines its own `deactivate` alias, which alone knows what it saved (the
    prompt); it undoes its activation first (issue 11, item 5). PATH is then set whole
    below, computed without its entry (`path_after`). -#}
{%- if t.other.is_some() %}
set _venvsh_other = '' ;
if ( $?VIRTUAL_ENV ) set _venvsh_other = "`alias deactivate`" ;
if ( "$_venvsh_other:q" != '' && "$_venvsh_other:q" !~ *__venvsh_apply* ) eval 'deactivate nondestructive ; unalias deactivate' ;
unset _venvsh_other ;
{%- endif %}
