{#- Apply a transition in PowerShell. Included by the hook, too. -#}
{%- if let Some(t) = view.transition %}
{%- include "powershell/changes.ps1" %}
{%- include "powershell/prompt.ps1" %}
{%- endif %}
{%- if view.define_functions %}
# Run venvsh for PowerShell and run the code it prints; nothing runs if it failed.
function global:__venvsh_apply {
    $rest = @($args | Select-Object -Skip 1)
    $code = & {{ view.exe|pwsh }} $args[0] --shell powershell @rest | Out-String
    if ($LASTEXITCODE -eq 0) { Invoke-Expression $code }
}

function global:deactivate {
    __venvsh_apply deactivate @args
}
{%- if view.hook %}

# `venvsh activate` and `venvsh deactivate` change this session; other commands run as usual.
function global:venvsh {
    $verb = if ($args.Count -gt 0) { $args[0] } else { '' }
    if (@('activate', 'deactivate') -contains $verb) {
        __venvsh_apply @args
    } elseif ($verb -eq 'doctor') {
        $report = if (-not (Test-Path -LiteralPath Function:\__venvsh_hook)) { 'no-auto' }
            elseif (Test-Path -LiteralPath Function:\__venvsh_hooked_prompt) { 'ok' }
            else { '__venvsh_hook is no longer called by the prompt' }
        & {{ view.exe|pwsh }} doctor --shell powershell --hook-report $report @($args | Select-Object -Skip 1)
    } else {
        & {{ view.exe|pwsh }} @args
        # Trust changed: look again at the next prompt.
        if (@('allow', 'deny') -contains $verb) { $global:__venvsh_last_pwd = $null }
    }
}
{%- endif %}
{%- endif %}
