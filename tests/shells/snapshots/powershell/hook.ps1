# venvsh shell integration for PowerShell.
# Load it from $PROFILE with:  venvsh hook powershell | Out-String | Invoke-Expression
# Run venvsh for PowerShell and run the code it prints; nothing runs if it failed.
function global:__venvsh_apply {
    $rest = @($args | Select-Object -Skip 1)
    $code = & '/usr/local/bin/venvsh' $args[0] --shell powershell @rest | Out-String
    if ($LASTEXITCODE -eq 0) { Invoke-Expression $code }
}

function global:deactivate {
    __venvsh_apply deactivate @args
}

# `venvsh activate` and `venvsh deactivate` change this session; other commands run as usual.
function global:venvsh {
    if ($args.Count -gt 0 -and @('activate', 'deactivate') -contains $args[0]) {
        __venvsh_apply @args
    } else {
        & '/usr/local/bin/venvsh' @args
    }
}