{#- The variables and PATH of transition `t` in fish. Every builtin is called as
    `builtin NAME`: a user's function of that name must not break this (virtualenv
    #3185, issue 11, item 3). -#}
{%- for name in t.unset %}
builtin set -e {{ name|name }}
{%- endfor %}
{%- for (name, value) in t.set %}
builtin set -gx {{ name|name }} {{ value|fish }}
{%- endfor %}
{%- if let Some(entry) = t.path.remove %}
# Remove the first occurrence only: entries the user added while active stay.
if builtin set -l __venvsh_index (builtin contains -i -- {{ entry|fish_path }} $PATH)
    builtin set -e PATH[$__venvsh_index]
end
{%- endif %}
{%- if let Some(entry) = t.path.prepend %}
builtin set -gx PATH {{ entry|fish_path }} $PATH
{%- endif %}
