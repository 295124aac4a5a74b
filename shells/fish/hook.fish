# venvsh shell integration for fish.
# Load it from ~/.config/fish/config.fish with:  venvsh hook fish | source
{%- if let Some(t) = resume %}
{%- include "fish/apply.fish" %}
{%- endif %}
{%- include "fish/functions.fish" %}
{%- include "fish/wrapper.fish" %}
true
{%- if auto %}

# Auto-activation, on every directory change (cd, prevd/nextd, Alt-arrows) and before
# every prompt. The hook looks, in fish alone, at the directory, whether it holds a
# .venv, and the active environment (another tool's activate or deactivate changes it;
# it may have been deleted); venvsh runs only when one of them changed.
function __venvsh_look --description 'venvsh: what auto-activation compares'
    builtin set -g __venvsh_seen $PWD
    builtin test -e .venv; and builtin set -a __venvsh_seen .venv
    if builtin set -q VIRTUAL_ENV[1]
        builtin set -a __venvsh_seen $VIRTUAL_ENV
        builtin test -d "$VIRTUAL_ENV"; or builtin set -a __venvsh_seen gone
    end
end

function __venvsh_hook --on-variable PWD --on-event fish_prompt --description 'venvsh: auto-activation'
    # fish runs command substitutions in-process, `cd` included (fish-shell#8414);
    # the prompt check catches up afterwards.
    builtin status is-command-substitution; and builtin return
    __venvsh_look
    if builtin test "$__venvsh_seen" != "$__venvsh_last"
        __venvsh_apply hook-env
        __venvsh_look
        builtin set -g __venvsh_last $__venvsh_seen
    end
end
# A shell started inside a project is activated before its first command.
__venvsh_hook
{%- endif %}
