{#- The variables and PATH of transition `t` in xonsh: Python statements on
    __xonsh__.env, whose values are plain string literals (never expanded). #}
{%- for name in t.unset %}
if '{{ name|name }}' in __xonsh__.env:
    del __xonsh__.env['{{ name|name }}']
{%- endfor %}
{%- for (name, value) in t.set %}
__xonsh__.env['{{ name|name }}'] = {{ value|xonsh }}
{%- endfor %}
{%- if let Some(entry) = t.other_entry() %}
# Another tool's activation venvsh takes over from: its entry goes too.
if {{ entry|xonsh_path }} in __xonsh__.env['PATH']:
    __xonsh__.env['PATH'].remove({{ entry|xonsh_path }})
{%- endif %}
{%- if let Some(entry) = t.path.remove %}
# PATH is a list: remove the first occurrence of the entry activation added; the
# user's own entries, even ones added while active, stay where they are.
if {{ entry|xonsh_path }} in __xonsh__.env['PATH']:
    __xonsh__.env['PATH'].remove({{ entry|xonsh_path }})
{%- endif %}
{%- if let Some(entry) = t.path.prepend %}
__xonsh__.env['PATH'].insert(0, {{ entry|xonsh_path }})
{%- endif %}
