# The probe for PowerShell (pwsh), under strict mode: record the state, activate,
# record, deactivate, record again; each value is written to a file in
# $Env:VENVSH_TEST_OUT, `<unset>` for a variable that is not set.
# tests/shells/probes.rs runs it with pwsh -NoProfile -NonInteractive -File.
#
# VENVSH_TEST_ENV   the environment to activate
# VENVSH_TEST_MODE  eval: venvsh activate's output; hook: venvsh hook, then
#                   venvsh activate; bin: the environment's bin/Activate.ps1
Set-StrictMode -Version Latest
function w([string]$Name, [string]$Value) {
    [IO.File]::WriteAllText((Join-Path $Env:VENVSH_TEST_OUT $Name), $Value)
}
function v([string]$Name) {
    $item = Get-Item -LiteralPath "Env:$Name" -ErrorAction SilentlyContinue
    if ($null -eq $item) { '<unset>' } else { $item.Value }
}
function status([bool]$Ok) { if ($Ok) { [string]$LASTEXITCODE } else { 'failed' } }
function global:prompt { '> ' }
# Defined before anything sets it: bin/Activate.ps1 runs no native command.
$global:LASTEXITCODE = 0
$Env:PYTHONHOME = '/original/home'
w before_path $Env:PATH
# `if`, not a script block: the activation must run in this scope. $? is read in
# each branch, right after the activation.
if ($Env:VENVSH_TEST_MODE -eq 'eval') {
    venvsh activate $Env:VENVSH_TEST_ENV --shell powershell | Out-String | Invoke-Expression
    $activated = $?
} elseif ($Env:VENVSH_TEST_MODE -eq 'hook') {
    venvsh hook powershell | Out-String | Invoke-Expression
    venvsh activate $Env:VENVSH_TEST_ENV
    $activated = $?
} elseif ($Env:VENVSH_TEST_MODE -eq 'bin') {
    . (Join-Path $Env:VENVSH_TEST_ENV 'bin/Activate.ps1')
    $activated = $?
} else {
    throw "unknown mode $Env:VENVSH_TEST_MODE"
}
w act_status (status $activated)
w ve (v VIRTUAL_ENV)
w vep (v VIRTUAL_ENV_PROMPT)
w path (v PATH)
w pythonhome (v PYTHONHOME)
w prompt (prompt)
deactivate
w deact_status (status $?)
w after_path (v PATH)
w after_ps1 (prompt)
w after_ve (v VIRTUAL_ENV)
w after_vep (v VIRTUAL_ENV_PROMPT)
w after_state (v VENVSH_STATE)
w after_pythonhome (v PYTHONHOME)
