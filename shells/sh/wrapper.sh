{#- The hook's `venvsh` function, and what it reports to `venvsh doctor`. #}

# `venvsh activate` and `venvsh deactivate` change this shell; other commands run as usual.
venvsh() {
    case ${1-} in
        activate | deactivate | workon) __venvsh_apply "$@" ;;
        allow | deny)
            # Trust changed: look again at the next prompt.
            {{ exe|posix }} "$@"
            set -- "$?"
            __venvsh_last_pwd=
            return "$1"
            ;;
        doctor)
            shift
            {{ exe|posix }} doctor --shell {{ flavor.name()|posix }} --hook-report "$(__venvsh_hook_report)" "$@"
            ;;
        *) {{ exe|posix }} "$@" ;;
    esac
}

# What `venvsh doctor` needs to know that only the shell can see.
__venvsh_hook_report() {
{%- if !auto || flavor == Flavor::Sh %}
    echo no-auto
{%- else if flavor == Flavor::Zsh %}
    if (( ${precmd_functions[(Ie)__venvsh_hook]} )); then echo ok; else echo "__venvsh_hook is no longer in precmd_functions"; fi
{%- else %}
    case " ${PROMPT_COMMAND[*]-} ${precmd_functions[*]-} " in
        *__venvsh_hook*) echo ok ;;
        *) echo "__venvsh_hook is no longer in PROMPT_COMMAND" ;;
    esac
{%- endif %}
}
