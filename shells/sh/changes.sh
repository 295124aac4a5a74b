{#- The variables and PATH of transition `t` in bash, zsh or POSIX sh. Builtins are
    called as `\builtin NAME` (`\command NAME` in sh), past a user's function or alias
    of that name (issue 11, item 3). -#}
{%- for name in t.unset %}
\{{ flavor.builtin()|word }} unset {{ name|name }}
{%- endfor %}
{%- for (name, value) in t.set %}
\{{ flavor.builtin()|word }} export {{ name|name }}={{ value|posix }}
{%- endfor %}
{%- if let Some(entry) = t.path.remove %}
# Remove the first occurrence of the entry activation added; the user's own
# entries, even ones added while active, stay where they are.
__venvsh_entry={{ entry|posix_path }}
{%- include "sh/path_remove.sh" %}
{%- endif %}
{%- if let Some(entry) = t.path.prepend %}
# An empty PATH gets no trailing ':' (which would mean the current directory).
if [ -n "${PATH-}" ]; then
    PATH={{ entry|posix_path }}:$PATH
else
    PATH={{ entry|posix_path }}
fi
{%- endif %}
{%- if t.path.remove.is_some() || t.path.prepend.is_some() %}
\{{ flavor.builtin()|word }} export PATH
{%- endif %}
