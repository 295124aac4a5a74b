{#- bin/Activate.ps1, written by `venvsh create`: dot-sourced by PowerShell with no venvsh
    installed. ASCII only: non-ASCII values are spelled with [char]. -#}
# Activate this virtual environment:  . bin/Activate.ps1   (Windows PowerShell 5.1, pwsh 7)
# Written by venvsh; needs nothing but PowerShell. `deactivate` undoes it: PATH loses only
# the entry added here, PYTHONHOME and the prompt come back as they were.

function global:deactivate([switch] $NonDestructive) {
    # Remove the first occurrence of the active environment's bin directory from PATH:
    # entries added while it was active stay where they are.
    if ($Env:VIRTUAL_ENV) {
        $__venvsh_entry = $Env:VIRTUAL_ENV + [IO.Path]::DirectorySeparatorChar + {{ bin_name|pwsh }}
        $__venvsh_path = [System.Collections.Generic.List[string]]::new()
        if ($Env:PATH) {
            $__venvsh_path.AddRange([string[]]($Env:PATH -split [regex]::Escape([IO.Path]::PathSeparator)))
        }
        [void]$__venvsh_path.Remove($__venvsh_entry)
        $Env:PATH = $__venvsh_path -join [IO.Path]::PathSeparator
    }
    if (Microsoft.PowerShell.Management\Test-Path -LiteralPath Variable:global:_OLD_VIRTUAL_PYTHONHOME) {
        $Env:PYTHONHOME = $global:_OLD_VIRTUAL_PYTHONHOME
        Microsoft.PowerShell.Utility\Remove-Variable -Scope Global -Name _OLD_VIRTUAL_PYTHONHOME
    }
{%- let t = off %}
{%- include "powershell/changes.ps1" %}
{%- include "powershell/prompt.ps1" %}
    if (-not $NonDestructive) {
        Microsoft.PowerShell.Management\Remove-Item -LiteralPath Function:\deactivate
    }
}

# Undo whatever activation is in force, this environment's or another's.
deactivate -NonDestructive

# The environment's Python must not see PYTHONHOME; keep it for deactivate.
if (Microsoft.PowerShell.Management\Test-Path -LiteralPath Env:PYTHONHOME) {
    $global:_OLD_VIRTUAL_PYTHONHOME = $Env:PYTHONHOME
}
{%- let t = on %}
{%- include "powershell/changes.ps1" %}
# VIRTUAL_ENV_DISABLE_PROMPT set to anything but empty, 0 or false keeps the prompt as is.
if (-not $Env:VIRTUAL_ENV_DISABLE_PROMPT -or @('0', 'false') -contains $Env:VIRTUAL_ENV_DISABLE_PROMPT) {
{%- include "powershell/prompt.ps1" %}
}
