{#- Apply a transition in Clink: a Lua chunk the hook loads in text mode with only
    `setenv` (Clink's os.setenv; nil unsets) in scope. Names are identifiers; every value
    is a decimal-escaped Lua string. PATH is computed by venvsh (`path_after`). -#}
{%- for name in t.unset %}
setenv("{{ name|name }}", nil)
{%- endfor %}
{%- for (name, value) in t.set %}
setenv("{{ name|name }}", {{ value|lua }})
{%- endfor %}
{%- if let Some(path) = path_after %}
setenv("PATH", {{ path|lua_bytes }})
{%- endif %}
