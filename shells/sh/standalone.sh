{#- bin/activate, written by `venvsh create`: sourced by bash, zsh, dash or ksh with no venvsh
    installed. dash parses the whole file, so the zsh variant is one single-quoted string
    that only zsh evaluates. -#}
# Activate this virtual environment:  . bin/activate   (bash, zsh, dash, ksh; source it,
# running it changes nothing). Written by venvsh; needs nothing but the shell.
# `deactivate` undoes it: PATH loses only the entry added here, PYTHONHOME and the
# prompt come back as they were. Builtins are called past any function or alias of
# the same name: `\builtin` in zsh, `\command` in the others.

deactivate() {
    if [ -n "${ZSH_VERSION-}" ]; then
        \builtin eval {{ zsh_off|posix }}
        if [ "${1-}" != nondestructive ]; then
            \builtin unset -f deactivate
        fi
    else
{%- let t = off %}
{%- include "sh/standalone_off.sh" %}
        if [ "${1-}" != nondestructive ]; then
            \command unset -f deactivate
        fi
    fi
}

# Undo whatever activation is in force, this environment's or another's.
deactivate nondestructive

if [ -n "${ZSH_VERSION-}" ]; then
    \builtin eval {{ zsh_on|posix }}
else
{%- let t = on %}
{%- include "sh/standalone_on.sh" %}
fi
