# venvsh shell integration for fish.
# Load it from ~/.config/fish/config.fish with:  venvsh hook fish | source
{%- if let Some(t) = resume %}
{%- include "fish/changes.fish" %}
{%- include "fish/prompt.fish" %}
{%- endif %}
{%- include "fish/functions.fish" %}
{%- include "fish/wrapper.fish" %}
true
{%- if auto %}

# Auto-activation, on every directory change (cd, prevd/nextd, Alt-arrows) and before
# every prompt (a .venv created or removed here). The comparison runs in fish itself;
# venvsh runs only when the directory or its .venv changed.
function __venvsh_hook --on-variable PWD --on-event fish_prompt --description 'venvsh: auto-activation'
    # fish runs command substitutions in-process, `cd` included (fish-shell#8414);
    # the prompt check catches up afterwards.
    status is-command-substitution; and return
    set -l marker 0
    test -e .venv; and set marker 1
    if test "$PWD" != "$__venvsh_last_pwd" -o "$marker" != "$__venvsh_last_marker"
        set -g __venvsh_last_pwd $PWD
        set -g __venvsh_last_marker $marker
        __venvsh_apply hook-env
    end
end
# A shell started inside a project is activated before its first command.
__venvsh_hook
{%- endif %}
