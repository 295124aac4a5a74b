{#- `deactivate` and the helper it calls, defined by activation and by the hook. #}
# Run venvsh for PowerShell: run what it marks as code for PowerShell, and pass anything
# else (-json, -help, errors) on untouched.
function global:__venvsh_apply {
    $out = & {{ exe|pwsh }} __wrapped powershell '--' @args | Microsoft.PowerShell.Utility\Out-String
    if ($LASTEXITCODE -eq 0 -and $out.StartsWith({{ crate::shell::CODE_MARK|pwsh }})) {
        Microsoft.PowerShell.Utility\Invoke-Expression $out
    } elseif ($out) {
        $out.TrimEnd([char]13, [char]10)
    }
}

function global:deactivate {
    __venvsh_apply deactivate @args
}
