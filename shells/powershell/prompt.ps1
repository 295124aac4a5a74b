{#- The prompt part of transition `t` in PowerShell. -#}
{%- if t.prompt.show %}
# Wrap the prompt once; it reads the name at every prompt and returns a string, so
# nothing in the name is ever run.
{#- Braced names: tree-sitter-powershell, which the tests parse this with, reads only one
    `drive:` or `scope:` in a bare $name; PowerShell reads both forms the same. #}
if (-not (Microsoft.PowerShell.Management\Test-Path -LiteralPath Function:\__venvsh_original_prompt)) {
    ${function:global:__venvsh_original_prompt} = $function:prompt
    function global:prompt {
        '(' + $Env:VIRTUAL_ENV_PROMPT + ') ' + (& $function:__venvsh_original_prompt)
    }
}
{%- else %}
if (Microsoft.PowerShell.Management\Test-Path -LiteralPath Function:\__venvsh_original_prompt) {
    ${function:global:prompt} = $function:__venvsh_original_prompt
    Microsoft.PowerShell.Management\Remove-Item -LiteralPath Function:\__venvsh_original_prompt
}
{%- endif %}
