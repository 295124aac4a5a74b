{#- Apply a transition in tcsh/csh. Every statement ends in ';' and stands alone on its
    line, because ``eval "`…`"`` joins the lines; so there are no comments either. When
    venvsh's activation is in force afterwards, `deactivate` is venvsh's (another tool's
    `deactivate` unaliases itself, and venvsh's with it). -#}
{%- include "csh/other.csh" %}
{%- include "csh/changes.csh" %}
{%- include "csh/prompt.csh" %}
{%- if t.env.is_some() %}
alias deactivate '__venvsh_apply deactivate' ;
{%- endif %}
rehash ;
