{#- Apply transition `t` in fish (`venvsh deactivate`, the hook's changes). -#}
{%- include "fish/changes.fish" %}
{%- include "fish/prompt.fish" %}
true
