
Remove-Item -LiteralPath Env:PYTHONHOME -ErrorAction SilentlyContinue
$Env:VENVSH_STATE = '7b2276657273696f6e223a312c22656e76223a222f686f6d652f757365722f6d7920656e76222c22706174685f656e747279223a222f686f6d652f757365722f6d7920656e762f62696e222c227361766564223a7b22505954484f4e484f4d45223a222f6f726967696e616c2f686f6d65222c225649525455414c5f454e56223a6e756c6c2c225649525455414c5f454e565f50524f4d5054223a6e756c6c7d2c226f726967696e223a226d616e75616c227d'
$Env:VIRTUAL_ENV = '/home/user/my env'
$Env:VIRTUAL_ENV_PROMPT = 'my env'
# Edit PATH as a list, removing only the first occurrence of the entry activation added.
$__venvsh_path = [System.Collections.Generic.List[string]]::new()
if ($Env:PATH) {
    $__venvsh_path.AddRange([string[]]($Env:PATH -split [regex]::Escape([IO.Path]::PathSeparator)))
}
$__venvsh_path.Insert(0, '/home/user/my env/bin')
$Env:PATH = $__venvsh_path -join [IO.Path]::PathSeparator
Remove-Variable -Name __venvsh_path
# Wrap the prompt once; it reads the name at every prompt and returns a string, so
# nothing in the name is ever run.
if (-not (Test-Path -LiteralPath Function:\__venvsh_original_prompt)) {
    ${function:global:__venvsh_original_prompt} = $function:prompt
    function global:prompt {
        '(' + $Env:VIRTUAL_ENV_PROMPT + ') ' + (& $function:__venvsh_original_prompt)
    }
}
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