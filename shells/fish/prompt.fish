{#- The prompt part of transition `t` in fish. The name shown is venvsh's own
    (`__venvsh_prompt`), not VIRTUAL_ENV_PROMPT, which an activate script sourced on top
    sets to its own name (issue 11, item 5). -#}
{%- if t.prompt.show %}
{%- if let Some(text) = t.prompt.text %}
builtin set -g __venvsh_prompt {{ text|fish }}
{%- endif %}
# Wrap the user's prompt once. The original runs first so it sees the real $status,
# and the prefix is printed without set_color, which prints nothing when TERM=dumb.
if not builtin functions -q __venvsh_original_fish_prompt
    builtin functions -q fish_prompt
    and builtin functions -c fish_prompt __venvsh_original_fish_prompt
    function fish_prompt --description 'venvsh: the environment name, then your prompt'
        builtin set -l __venvsh_rendered (__venvsh_original_fish_prompt | builtin string collect -N)
        builtin printf '(%s) %s' "$__venvsh_prompt" "$__venvsh_rendered"
    end
end
{%- else %}
# Put the user's prompt back, unless a prompt tool (starship) has replaced venvsh's
# wrapper since: then that one stays.
if builtin functions -q __venvsh_original_fish_prompt
    if builtin string match -q -- '*__venvsh_original_fish_prompt*' (builtin functions fish_prompt | builtin string collect)
        builtin functions -e fish_prompt
        builtin functions -c __venvsh_original_fish_prompt fish_prompt
    end
    builtin functions -e __venvsh_original_fish_prompt
end
builtin set -e __venvsh_prompt
{%- endif %}
