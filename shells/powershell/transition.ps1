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
    if ($args.Count -gt 0 -and @('activate', 'deactivate') -contains $args[0]) {
        __venvsh_apply @args
    } else {
        & {{ view.exe|pwsh }} @args
    }
}
{%- endif %}
{%- endif %}
