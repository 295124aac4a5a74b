{#- The hook's `venvsh` function, and what it reports to `venvsh doctor`. #}

# `venvsh activate` and `venvsh deactivate` change this shell; other commands run as usual.
venvsh() {
    case ${1-} in
        -q | --quiet)
            # A global flag before the verb (`venvsh -q activate`): the verb decides.
            case ${2-} in
                activate | deactivate | workon)
                    __venvsh_apply "$@"
                    \{{ flavor.builtin()|word }} return
                    ;;
            esac
            ;;
    esac
    case ${1-} in
        activate | deactivate | workon) __venvsh_apply "$@" ;;
        allow | deny)
            # Trust changed: look again at the next prompt.
            {{ exe|posix }} "$@"
            \{{ flavor.builtin()|word }} set -- "$?"
            __venvsh_last=
            \{{ flavor.builtin()|word }} return "$1"
            ;;
        doctor)
            \{{ flavor.builtin()|word }} shift
            {{ exe|posix }} doctor --shell {{ flavor.name()|posix }} --hook-report "$(__venvsh_hook_report)" "$@"
            ;;
        *) {{ exe|posix }} "$@" ;;
    esac
}

# What `venvsh doctor` needs to know that only the shell can see.
__venvsh_hook_report() {
{%- if !auto %}
    \{{ flavor.builtin()|word }} printf '%s\n' no-auto
{%- else if flavor == Flavor::Sh %}
    \{{ flavor.builtin()|word }} printf '%s\n' no-prompt-hook
{%- else if flavor == Flavor::Zsh %}
    if (( ${precmd_functions[(Ie)__venvsh_hook]} )); then \builtin printf '%s\n' ok; else \builtin printf '%s\n' "__venvsh_hook is no longer in precmd_functions"; fi
{%- else %}
    # In PROMPT_COMMAND, bash-preexec's precmd_functions, or starship's prompt command.
    case " ${PROMPT_COMMAND[*]-} ${precmd_functions[*]-} " in
        *__venvsh_hook*) \builtin printf '%s\n' ok ;;
        *" starship_precmd "*)
            case ${STARSHIP_PROMPT_COMMAND-} in
                *__venvsh_hook*) \builtin printf '%s\n' ok ;;
                *) \builtin printf '%s\n' "__venvsh_hook is no longer in STARSHIP_PROMPT_COMMAND" ;;
            esac
            ;;
        *) \builtin printf '%s\n' "__venvsh_hook is no longer in PROMPT_COMMAND" ;;
    esac
{%- endif %}
}
