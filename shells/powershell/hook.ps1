# venvsh shell integration for PowerShell.
# Load it from $PROFILE with:  venvsh hook powershell | Out-String | Invoke-Expression
{%- if let Some(t) = resume %}
{%- include "powershell/changes.ps1" %}
{%- include "powershell/prompt.ps1" %}
{%- endif %}
{%- include "powershell/functions.ps1" %}
{%- include "powershell/wrapper.ps1" %}
{%- if auto %}

# Auto-activation. The hook compares the location and whether it holds a .venv with
# what it saw last, in PowerShell itself; venvsh runs only when one of them changed.
$global:__venvsh_last_pwd = $null
$global:__venvsh_last_marker = $null
function global:__venvsh_hook {
    $location = $ExecutionContext.SessionState.Path.CurrentLocation
    # HKLM:, Env: and other providers' locations are not directories.
    if ($location.Provider.Name -ne 'FileSystem') { return }
    $here = $location.ProviderPath
    $marker = Microsoft.PowerShell.Management\Test-Path -LiteralPath (Microsoft.PowerShell.Management\Join-Path $here '.venv')
    if ($here -ne $global:__venvsh_last_pwd -or $marker -ne $global:__venvsh_last_marker) {
        $global:__venvsh_last_pwd = $here
        $global:__venvsh_last_marker = $marker
        $exitCode = $global:LASTEXITCODE
        __venvsh_apply hook-env
        $global:LASTEXITCODE = $exitCode
    }
}

# At every prompt (a .venv created or removed here), wrapping the prompt once.
if (-not (Microsoft.PowerShell.Management\Test-Path -LiteralPath Function:\__venvsh_hooked_prompt)) {
    ${function:global:__venvsh_hooked_prompt} = ${function:prompt}
    function global:prompt {
        __venvsh_hook
        & ${function:__venvsh_hooked_prompt}
    }
}

# On every location change, added to any handler already there (PowerShell 7.1+;
# Windows PowerShell 5.1 has only the prompt check).
$__venvsh_commands = $ExecutionContext.SessionState.InvokeCommand
if (($__venvsh_commands | Microsoft.PowerShell.Utility\Get-Member -Name LocationChangedAction) -and -not (Microsoft.PowerShell.Utility\Get-Variable -Name __venvsh_location_hook -Scope Global -ErrorAction SilentlyContinue)) {
    $global:__venvsh_location_hook = [System.EventHandler[System.Management.Automation.LocationChangedEventArgs]] { __venvsh_hook }
    $__venvsh_commands.LocationChangedAction = [System.Delegate]::Combine($__venvsh_commands.LocationChangedAction, $global:__venvsh_location_hook)
}
Microsoft.PowerShell.Utility\Remove-Variable -Name __venvsh_commands

# A session started inside a project is activated before its first command.
__venvsh_hook
{%- endif %}
