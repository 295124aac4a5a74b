{#- The variables and PATH of transition `t` in PowerShell. -#}
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
