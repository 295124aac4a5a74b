{#- `venvsh activate`: apply transition `t`, and define `deactivate`. -#}
{%- include "sh/apply.sh" %}
{% include "sh/functions.sh" %}
