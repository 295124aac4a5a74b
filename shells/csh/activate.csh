{#- `venvsh activate`: apply transition `t`, and define `deactivate`. -#}
{%- include "csh/other.csh" %}
{%- include "csh/changes.csh" %}
{%- include "csh/prompt.csh" %}
rehash ;
{%- include "csh/functions.csh" %}
