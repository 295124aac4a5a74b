{#- The rc-file integration for bash, zsh and POSIX sh. -#}
# venvsh shell integration for {{ flavor.name()|posix }}.
# Load it from your rc file with:  eval "$(venvsh hook {{ flavor.name()|posix }})"
{%- if let Some(t) = resume %}
{%- include "sh/apply.sh" %}
{%- endif %}
{% include "sh/functions.sh" %}
{%- include "sh/wrapper.sh" %}
{%- if auto && flavor == Flavor::Bash %}

# Auto-activation. The hook compares the directory and whether it holds a .venv with
# what it saw last, in bash itself; venvsh runs only when one of them changed.
__venvsh_hook() {
    local __venvsh_status=$? __venvsh_marker=0
    if [[ -e .venv ]]; then __venvsh_marker=1; fi
    if [[ $PWD != "${__venvsh_last_pwd-}" || $__venvsh_marker != "${__venvsh_last_marker-}" ]]; then
        __venvsh_last_pwd=$PWD
        __venvsh_last_marker=$__venvsh_marker
        __venvsh_apply hook-env
    fi
    return "$__venvsh_status"
}

# Run at every prompt, last, so that PIPESTATUS reaches every other prompt command
# intact (zoxide #1134). bash-preexec owns PROMPT_COMMAND; join its precmd_functions.
if [[ -n ${__bp_imported-} ]]; then
    [[ " ${precmd_functions[*]-} " == *" __venvsh_hook "* ]] || precmd_functions+=(__venvsh_hook)
elif [[ -n ${PROMPT_COMMAND+set} && ${PROMPT_COMMAND@a} == *a* ]]; then
    [[ " ${PROMPT_COMMAND[*]} " == *" __venvsh_hook "* ]] || PROMPT_COMMAND+=(__venvsh_hook)
elif [[ ${PROMPT_COMMAND-} != *__venvsh_hook* ]]; then
    # Join a string form with '; ', without doubling a trailing ';' (direnv #473).
    __venvsh_prompt_command=${PROMPT_COMMAND-}
    while [[ $__venvsh_prompt_command == *[\;[:space:]] ]]; do
        __venvsh_prompt_command=${__venvsh_prompt_command%?}
    done
    PROMPT_COMMAND=${__venvsh_prompt_command:+$__venvsh_prompt_command; }__venvsh_hook
    unset __venvsh_prompt_command
fi
# A shell started inside a project is activated before its first command.
__venvsh_hook
{%- else if auto && flavor == Flavor::Zsh %}

# Auto-activation. The hook compares the directory and whether it holds a .venv with
# what it saw last, in zsh itself; venvsh runs only when one of them changed, so a cd
# that fires both chpwd and precmd runs it once.
__venvsh_hook() {
    emulate -L zsh
    local marker=0
    [[ -e .venv ]] && marker=1
    if [[ $PWD != ${__venvsh_last_pwd-} || $marker != ${__venvsh_last_marker-} ]]; then
        typeset -g __venvsh_last_pwd=$PWD __venvsh_last_marker=$marker
        __venvsh_apply hook-env
    fi
}
autoload -Uz add-zsh-hook
add-zsh-hook precmd __venvsh_hook
add-zsh-hook chpwd __venvsh_hook
# A shell started inside a project is activated before its first command.
__venvsh_hook
{%- endif %}
