# venvsh shell integration for PowerShell.
# Load it from $PROFILE with:  venvsh hook powershell | Out-String | Invoke-Expression
{%- include "powershell/transition.ps1" %}
