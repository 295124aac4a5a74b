{#- Apply transition `t` in fish (`venvsh deactivate`, the hook's changes). -#}
{%- include "fish/other.fish" %}
{%- include "fish/changes.fish" %}
{%- include "fish/prompt.fish" %}
{%- if t.env.is_some() %}
# venvsh's activation is in force: `deactivate` is venvsh's (another tool's
# `deactivate` erases itself, and venvsh's with it).
function deactivate --description 'venvsh: deactivate the active environment'
    __venvsh_apply deactivate $argv
end
{%- endif %}
true
