{#- `deactivate` and the helper it calls, defined by activation and by the hook. #}
# Run venvsh for PowerShell and run the code it prints; nothing runs if it failed.
function global:__venvsh_apply {
    $rest = @($args | Select-Object -Skip 1)
    $code = & {{ exe|pwsh }} $args[0] --shell powershell @rest | Out-String
    if ($LASTEXITCODE -eq 0) { Invoke-Expression $code }
}

function global:deactivate {
    __venvsh_apply deactivate @args
}
