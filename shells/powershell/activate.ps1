{#- `venvsh activate`: apply transition `t`, and define `deactivate`. -#}
{%- include "powershell/changes.ps1" %}
{%- include "powershell/prompt.ps1" %}
{%- include "powershell/functions.ps1" %}
