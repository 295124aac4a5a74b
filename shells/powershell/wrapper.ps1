{#- The hook's `venvsh` function. #}

# `venvsh activate` and `venvsh deactivate` change this session; other commands run as usual.
function global:venvsh {
    $verb = if ($args.Count -gt 0) { $args[0] } else { '' }
    # A global flag before the verb (`venvsh -q activate`): the verb decides.
    $codeVerb = if ((@('-q', '--quiet') -contains $verb) -and $args.Count -gt 1) { $args[1] } else { $verb }
    if (@('activate', 'deactivate', 'workon') -contains $codeVerb) {
        __venvsh_apply @args
    } elseif ($verb -eq 'doctor') {
        $report = if (-not (Microsoft.PowerShell.Management\Test-Path -LiteralPath Function:\__venvsh_hook)) { 'no-auto' }
            elseif (Microsoft.PowerShell.Management\Test-Path -LiteralPath Function:\__venvsh_hooked_prompt) { 'ok' }
            else { '__venvsh_hook is no longer called by the prompt' }
        & {{ exe|pwsh }} doctor --shell powershell --hook-report $report @($args | Microsoft.PowerShell.Utility\Select-Object -Skip 1)
    } else {
        & {{ exe|pwsh }} @args
        # Trust changed: look again at the next prompt.
        if (@('allow', 'deny') -contains $verb) { $global:__venvsh_last_pwd = $null }
    }
}
