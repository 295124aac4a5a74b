{#- Apply a transition in tcsh/csh. Every statement ends in ';' and stands alone on its
    line, because ``eval "`…`"`` joins the lines; so there are no comments either. -#}
{%- include "csh/changes.csh" %}
{%- include "csh/prompt.csh" %}
rehash ;
