
Remove-Item -LiteralPath Env:VIRTUAL_ENV -ErrorAction SilentlyContinue
Remove-Item -LiteralPath Env:VIRTUAL_ENV_PROMPT -ErrorAction SilentlyContinue
Remove-Item -LiteralPath Env:VENVSH_STATE -ErrorAction SilentlyContinue
$Env:PYTHONHOME = '/original/home'
# Edit PATH as a list, removing only the first occurrence of the entry activation added.
$__venvsh_path = [System.Collections.Generic.List[string]]::new()
if ($Env:PATH) {
    $__venvsh_path.AddRange([string[]]($Env:PATH -split [regex]::Escape([IO.Path]::PathSeparator)))
}
[void]$__venvsh_path.Remove('/home/user/my env/bin')
$Env:PATH = $__venvsh_path -join [IO.Path]::PathSeparator
Remove-Variable -Name __venvsh_path
if (Test-Path -LiteralPath Function:\__venvsh_original_prompt) {
    ${function:global:prompt} = $function:__venvsh_original_prompt
    Remove-Item -LiteralPath Function:\__venvsh_original_prompt
}