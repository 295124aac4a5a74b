{#- The rc-file integration for bash, zsh and POSIX sh. -#}
# venvsh shell integration for {{ flavor.name()|posix }}.
# Load it from your rc file with:  eval "$(venvsh hook {{ flavor.name()|posix }})"
{%- if let Some(t) = resume %}
{%- include "sh/apply.sh" %}
{%- endif %}
{% include "sh/functions.sh" %}
{%- include "sh/wrapper.sh" %}
{%- if auto && flavor == Flavor::Bash %}

# Auto-activation. At each prompt the hook looks, in bash alone (no process), at the
# directory, whether it holds a .venv, and the active environment (another tool's
# activate or deactivate changes it; it may have been deleted); venvsh runs only when
# one of them changed since it last looked.
__venvsh_look() {
    __venvsh_seen=$PWD
    if [[ -e .venv ]]; then __venvsh_seen+=$'\n.venv'; fi
    if [[ -n ${VIRTUAL_ENV-} ]]; then
        __venvsh_seen+=$'\n'$VIRTUAL_ENV
        if [[ ! -d $VIRTUAL_ENV ]]; then __venvsh_seen+=' (gone)'; fi
    fi
}

__venvsh_hook() {
    \builtin local __venvsh_status=$?
    __venvsh_look
    if [[ $__venvsh_seen != "${__venvsh_last-}" ]]; then
        __venvsh_apply hook-env
        __venvsh_look
        __venvsh_last=$__venvsh_seen
    fi
    \builtin return "$__venvsh_status"
}

# Run at every prompt, last, so that PIPESTATUS reaches every other prompt command
# intact (zoxide #1134), but before a prompt tool draws the prompt from the
# environment, in either load order (issue 11, item 6). bash-preexec owns
# PROMPT_COMMAND: join its precmd_functions, before starship's. starship owns it:
# join STARSHIP_PROMPT_COMMAND, which starship runs, with $? restored, before drawing.
if [[ -n ${__bp_imported-} ]]; then
    if [[ " ${precmd_functions[*]-} " != *" __venvsh_hook "* ]]; then
        __venvsh_functions=()
        for __venvsh_function in "${precmd_functions[@]}"; do
            if [[ $__venvsh_function == starship_precmd ]]; then __venvsh_functions+=(__venvsh_hook); fi
            __venvsh_functions+=("$__venvsh_function")
        done
        if [[ " ${__venvsh_functions[*]-} " != *" __venvsh_hook "* ]]; then __venvsh_functions+=(__venvsh_hook); fi
        precmd_functions=("${__venvsh_functions[@]}")
        \builtin unset __venvsh_functions __venvsh_function
    fi
elif [[ ${PROMPT_COMMAND-} == starship_precmd ]]; then
    if [[ ${STARSHIP_PROMPT_COMMAND-} != *__venvsh_hook* ]]; then
        STARSHIP_PROMPT_COMMAND=${STARSHIP_PROMPT_COMMAND:+$STARSHIP_PROMPT_COMMAND; }__venvsh_hook
    fi
elif [[ -n ${PROMPT_COMMAND+set} && ${PROMPT_COMMAND@a} == *a* ]]; then
    [[ " ${PROMPT_COMMAND[*]} " == *" __venvsh_hook "* ]] || PROMPT_COMMAND+=(__venvsh_hook)
elif [[ ${PROMPT_COMMAND-} != *__venvsh_hook* ]]; then
    # Join a string form with '; ', without doubling a trailing ';' (direnv #473).
    __venvsh_prompt_command=${PROMPT_COMMAND-}
    while [[ $__venvsh_prompt_command == *[\;[:space:]] ]]; do
        __venvsh_prompt_command=${__venvsh_prompt_command%?}
    done
    PROMPT_COMMAND=${__venvsh_prompt_command:+$__venvsh_prompt_command; }__venvsh_hook
    \builtin unset __venvsh_prompt_command
fi
# A shell started inside a project is activated before its first command.
__venvsh_hook
{%- else if auto && flavor == Flavor::Zsh %}

# Auto-activation. At each prompt and directory change the hook looks, in zsh alone
# (no process), at the directory, whether it holds a .venv, and the active environment
# (another tool's activate or deactivate changes it; it may have been deleted); venvsh
# runs only when one of them changed, so a cd that fires both chpwd and precmd runs
# it once.
__venvsh_look() {
    \builtin emulate -L zsh
    \builtin typeset -g __venvsh_seen=$PWD
    [[ -e .venv ]] && __venvsh_seen+=$'\n.venv'
    if [[ -n ${VIRTUAL_ENV-} ]]; then
        __venvsh_seen+=$'\n'$VIRTUAL_ENV
        [[ -d $VIRTUAL_ENV ]] || __venvsh_seen+=' (gone)'
    fi
}

__venvsh_hook() {
    \builtin emulate -L zsh
    __venvsh_look
    if [[ $__venvsh_seen != "${__venvsh_last-}" ]]; then
        __venvsh_apply hook-env
        __venvsh_look
        \builtin typeset -g __venvsh_last=$__venvsh_seen
    fi
}
# Joined once to precmd_functions and chpwd_functions, as add-zsh-hook would, but
# without it: it calls `emulate`, which a user's function of that name would replace.
() {
    \builtin emulate -L zsh
    (( ${precmd_functions[(Ie)__venvsh_hook]} )) || precmd_functions+=(__venvsh_hook)
    (( ${chpwd_functions[(Ie)__venvsh_hook]} )) || chpwd_functions+=(__venvsh_hook)
}
# A shell started inside a project is activated before its first command.
__venvsh_hook
{%- endif %}
