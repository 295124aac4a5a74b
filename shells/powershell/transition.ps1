{#- Apply a transition in PowerShell. Included by the hook, too. -#}
{%- if let Some(t) = view.transition %}
{%- for name in t.unset %}
Remove-Item -LiteralPath Env:{{ name|name }} -ErrorAction SilentlyContinue
{%- endfor %}
{%- for (name, value) in t.set %}
$Env:{{ name|name }} = {{ value|pwsh }}
{%- endfor %}
{%- if t.path.remove.is_some() || t.path.prepend.is_some() %}
# Edit PATH as a list, removing only the first occurrence of the entry activation added.
$__venvsh_path = [System.Collections.Generic.List[string]]::new()
if ($Env:PATH) {
    $__venvsh_path.AddRange([string[]]($Env:PATH -split [regex]::Escape([IO.Path]::PathSeparator)))
}
{%- if let Some(entry) = t.path.remove %}
[void]$__venvsh_path.Remove({{ entry|pwsh_path }})
{%- endif %}
{%- if let Some(entry) = t.path.prepend %}
$__venvsh_path.Insert(0, {{ entry|pwsh_path }})
{%- endif %}
$Env:PATH = $__venvsh_path -join [IO.Path]::PathSeparator
Remove-Variable -Name __venvsh_path
{%- endif %}
{%- if t.prompt.show %}
# Wrap the prompt once; it reads the name at every prompt and returns a string, so
# nothing in the name is ever run.
{#- Braced names: tree-sitter-powershell, which the tests parse this with, reads only one
    `drive:` or `scope:` in a bare $name; PowerShell reads both forms the same. #}
if (-not (Test-Path -LiteralPath Function:\__venvsh_original_prompt)) {
    ${function:global:__venvsh_original_prompt} = $function:prompt
    function global:prompt {
        '(' + $Env:VIRTUAL_ENV_PROMPT + ') ' + (& $function:__venvsh_original_prompt)
    }
}
{%- else %}
if (Test-Path -LiteralPath Function:\__venvsh_original_prompt) {
    ${function:global:prompt} = $function:__venvsh_original_prompt
    Remove-Item -LiteralPath Function:\__venvsh_original_prompt
}
{%- endif %}
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
