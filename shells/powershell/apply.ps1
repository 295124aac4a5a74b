{#- Apply transition `t` in PowerShell. -#}
{%- include "powershell/changes.ps1" %}
{%- include "powershell/prompt.ps1" %}
