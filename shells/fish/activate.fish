{#- `venvsh activate`: apply transition `t`, and define `deactivate`. -#}
{%- include "fish/other.fish" %}
{%- include "fish/changes.fish" %}
{%- include "fish/prompt.fish" %}
{%- include "fish/functions.fish" %}
true
