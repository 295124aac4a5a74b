{#- Apply a transition in tcsh/csh. Every statement ends in ';' and stands alone on its
    line, because ``eval "`…`"`` joins the lines; so there are no comments either.
    The `venvsh` alias runs the binary outside any double quotes (where csh would split
    its arguments) and sources what it printed from a private temporary file. -#}
{%- if let Some(t) = view.transition %}
{%- include "csh/changes.csh" %}
{%- include "csh/prompt.csh" %}
rehash ;
{%- endif %}
{%- if view.define_functions %}
set _venvsh_exe = {{ view.exe|csh }} ;
alias __venvsh_apply 'set _venvsh_script = `mktemp` && "$_venvsh_exe" __dispatch tcsh \!* >! "$_venvsh_script" && source "$_venvsh_script" ; rm -f "$_venvsh_script" ; unset _venvsh_script' ;
alias deactivate '__venvsh_apply deactivate' ;
{%- if view.hook %}
alias venvsh '__venvsh_apply' ;
{%- endif %}
{%- endif %}
