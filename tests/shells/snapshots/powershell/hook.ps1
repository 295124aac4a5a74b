# venvsh shell integration for PowerShell.
# Load it from $PROFILE with:  venvsh hook powershell | Out-String | Invoke-Expression
# Run venvsh for PowerShell: run what it marks as code for PowerShell, and pass anything
# else (-json, -help, errors) on untouched.
function global:__venvsh_apply {
    $out = & '/usr/local/bin/venvsh' __wrapped powershell '--' @args | Out-String
    if ($LASTEXITCODE -eq 0 -and $out.StartsWith('# venvsh: code for this shell')) {
        Invoke-Expression $out
    } elseif ($out) {
        $out.TrimEnd([char]13, [char]10)
    }
}

function global:deactivate {
    __venvsh_apply deactivate @args
}

# `venvsh activate` and `venvsh deactivate` change this session; other commands run as usual.
function global:venvsh {
    $verb = if ($args.Count -gt 0) { $args[0] } else { '' }
    if (@('activate', 'deactivate') -contains $verb) {
        __venvsh_apply @args
    } elseif ($verb -eq 'doctor') {
        $report = if (-not (Test-Path -LiteralPath Function:\__venvsh_hook)) { 'no-auto' }
            elseif (Test-Path -LiteralPath Function:\__venvsh_hooked_prompt) { 'ok' }
            else { '__venvsh_hook is no longer called by the prompt' }
        & '/usr/local/bin/venvsh' doctor --shell powershell --hook-report $report @($args | Select-Object -Skip 1)
    } else {
        & '/usr/local/bin/venvsh' @args
        # Trust changed: look again at the next prompt.
        if (@('allow', 'deny') -contains $verb) { $global:__venvsh_last_pwd = $null }
    }
}

# Auto-activation. The hook compares the location and whether it holds a .venv with
# what it saw last, in PowerShell itself; venvsh runs only when one of them changed.
$global:__venvsh_last_pwd = $null
$global:__venvsh_last_marker = $null
function global:__venvsh_hook {
    $location = $ExecutionContext.SessionState.Path.CurrentLocation
    # HKLM:, Env: and other providers' locations are not directories.
    if ($location.Provider.Name -ne 'FileSystem') { return }
    $here = $location.ProviderPath
    $marker = Test-Path -LiteralPath (Join-Path $here '.venv')
    if ($here -ne $global:__venvsh_last_pwd -or $marker -ne $global:__venvsh_last_marker) {
        $global:__venvsh_last_pwd = $here
        $global:__venvsh_last_marker = $marker
        $exitCode = $global:LASTEXITCODE
        __venvsh_apply hook-env
        $global:LASTEXITCODE = $exitCode
    }
}

# At every prompt (a .venv created or removed here), wrapping the prompt once.
if (-not (Test-Path -LiteralPath Function:\__venvsh_hooked_prompt)) {
    ${function:global:__venvsh_hooked_prompt} = ${function:prompt}
    function global:prompt {
        __venvsh_hook
        & ${function:__venvsh_hooked_prompt}
    }
}

# On every location change, added to any handler already there (PowerShell 7.1+;
# Windows PowerShell 5.1 has only the prompt check).
$__venvsh_commands = $ExecutionContext.SessionState.InvokeCommand
if (($__venvsh_commands | Get-Member -Name LocationChangedAction) -and -not (Get-Variable -Name __venvsh_location_hook -Scope Global -ErrorAction SilentlyContinue)) {
    $global:__venvsh_location_hook = [System.EventHandler[System.Management.Automation.LocationChangedEventArgs]] { __venvsh_hook }
    $__venvsh_commands.LocationChangedAction = [System.Delegate]::Combine($__venvsh_commands.LocationChangedAction, $global:__venvsh_location_hook)
}
Remove-Variable -Name __venvsh_commands

# A session started inside a project is activated before its first command.
__venvsh_hook