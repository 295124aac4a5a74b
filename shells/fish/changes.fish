{#- The variables and PATH of transition `t` in fish. -#}
{%- for name in t.unset %}
set -e {{ name|name }}
{%- endfor %}
{%- for (name, value) in t.set %}
set -gx {{ name|name }} {{ value|fish }}
{%- endfor %}
{%- if let Some(entry) = t.path.remove %}
# Remove the first occurrence only: entries the user added while active stay.
if set -l __venvsh_index (contains -i -- {{ entry|fish_path }} $PATH)
    set -e PATH[$__venvsh_index]
end
{%- endif %}
{%- if let Some(entry) = t.path.prepend %}
set -gx PATH {{ entry|fish_path }} $PATH
{%- endif %}
