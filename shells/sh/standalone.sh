{#- bin/activate, written by `venvsh create`: sourced by bash, zsh, dash or ksh with no venvsh
    installed. dash parses the whole file, so the zsh variant is one single-quoted string
    that only zsh evaluates. -#}
# Activate this virtual environment:  . bin/activate   (bash, zsh, dash, ksh; source it,
# running it changes nothing). Written by venvsh; needs nothing but the shell.
# `deactivate` undoes it: PATH loses only the entry added here, PYTHONHOME and the
# prompt come back as they were.

deactivate() {
    if [ -n "${ZSH_VERSION-}" ]; then
        eval {{ zsh_off|posix }}
    else
{%- let t = off %}
{%- include "sh/standalone_off.sh" %}
    fi
    if [ "${1-}" != nondestructive ]; then
        unset -f deactivate
    fi
}

# Undo whatever activation is in force, this environment's or another's.
deactivate nondestructive

if [ -n "${ZSH_VERSION-}" ]; then
    eval {{ zsh_on|posix }}
else
{%- let t = on %}
{%- include "sh/standalone_on.sh" %}
fi
