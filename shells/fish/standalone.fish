{#- bin/activate.fish, written by `venvsh create`: sourced by fish with no venvsh installed. -#}
# Activate this virtual environment:  source bin/activate.fish
# Written by venvsh; needs nothing but fish. `deactivate` undoes it: PATH loses only the
# entry added here, PYTHONHOME and the prompt come back as they were.

function deactivate --description 'Deactivate this virtual environment'
    # Remove the first occurrence of the active environment's bin directory from PATH:
    # entries added while it was active stay where they are.
    if set -q VIRTUAL_ENV[1]
        if set -l __venvsh_index (contains -i -- "$VIRTUAL_ENV"/{{ bin_name|fish }} $PATH)
            set -e PATH[$__venvsh_index]
        end
    end
    if set -q _OLD_VIRTUAL_PYTHONHOME
        set -gx PYTHONHOME $_OLD_VIRTUAL_PYTHONHOME
        set -e _OLD_VIRTUAL_PYTHONHOME
    end
{%- let t = off %}
{%- include "fish/changes.fish" %}
{%- include "fish/prompt.fish" %}
    if test "$argv[1]" != nondestructive
        functions -e deactivate
    end
end

# Undo whatever activation is in force, this environment's or another's.
deactivate nondestructive

# The environment's Python must not see PYTHONHOME; keep it for deactivate.
if set -q PYTHONHOME
    set -g _OLD_VIRTUAL_PYTHONHOME $PYTHONHOME
end
{%- let t = on %}
{%- include "fish/changes.fish" %}
# VIRTUAL_ENV_DISABLE_PROMPT set to anything but empty, 0 or false keeps the prompt as is.
if not set -q VIRTUAL_ENV_DISABLE_PROMPT
or string match -qir -- '^(0|false)?$' "$VIRTUAL_ENV_DISABLE_PROMPT"
{%- include "fish/prompt.fish" %}
end
true
