{#- The prompt part of transition `t` in fish. -#}
{%- if t.prompt.show %}
# Wrap the user's prompt once. The original runs first so it sees the real $status,
# and the prefix is printed without set_color, which prints nothing when TERM=dumb.
if not functions -q __venvsh_original_fish_prompt
    functions -q fish_prompt
    and functions -c fish_prompt __venvsh_original_fish_prompt
    function fish_prompt --description 'venvsh: the environment name, then your prompt'
        set -l __venvsh_rendered (__venvsh_original_fish_prompt | string collect -N)
        builtin printf '(%s) %s' "$VIRTUAL_ENV_PROMPT" "$__venvsh_rendered"
    end
end
{%- else %}
if functions -q __venvsh_original_fish_prompt
    functions -e fish_prompt
    functions -c __venvsh_original_fish_prompt fish_prompt
    functions -e __venvsh_original_fish_prompt
end
{%- endif %}
