{#- The variables and PATH of transition `t` in PowerShell. Cmdlets are module-qualified,
    past a user's alias or function of the same name (issue 11, item 3). -#}
{%- for name in t.unset %}
Microsoft.PowerShell.Management\Remove-Item -LiteralPath Env:{{ name|name }} -ErrorAction SilentlyContinue
{%- endfor %}
{%- for (name, value) in t.set %}
$Env:{{ name|name }} = {{ value|pwsh }}
{%- endfor %}
{%- if t.changes_path() %}
# Edit PATH as a list, removing only the first occurrence of the entry activation added.
$__venvsh_path = [System.Collections.Generic.List[string]]::new()
if ($Env:PATH) {
    $__venvsh_path.AddRange([string[]]($Env:PATH -split [regex]::Escape([IO.Path]::PathSeparator)))
}
{%- if let Some(entry) = t.other_entry() %}
[void]$__venvsh_path.Remove({{ entry|pwsh_path }})
{%- endif %}
{%- if let Some(entry) = t.path.remove %}
[void]$__venvsh_path.Remove({{ entry|pwsh_path }})
{%- endif %}
{%- if let Some(entry) = t.path.prepend %}
$__venvsh_path.Insert(0, {{ entry|pwsh_path }})
{%- endif %}
$Env:PATH = $__venvsh_path -join [IO.Path]::PathSeparator
Microsoft.PowerShell.Utility\Remove-Variable -Name __venvsh_path
{%- endif %}
