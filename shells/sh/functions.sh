{#- The functions activation defines (`deactivate`), and with the hook also `venvsh`. -#}
# Run venvsh for this shell and apply the code it prints; stdout is empty on failure.
__venvsh_apply() {
{%- if view.shell_name() == "zsh" %}
    emulate -L zsh
{%- endif %}
    __venvsh_verb=$1
    shift
    if __venvsh_code=$({{ view.exe|posix }} "$__venvsh_verb" --shell {{ view.shell_name()|posix }} "$@"); then
        eval "$__venvsh_code"
        set -- "$?"
    else
        set -- "$?"
    fi
    unset __venvsh_verb __venvsh_code
    return "$1"
}

# Works in any shell that loaded the hook, including child shells that inherited
# an activation: what to undo travels in VENVSH_STATE.
deactivate() {
    __venvsh_apply deactivate "$@"
}
{%- if view.hook %}

# `venvsh activate` and `venvsh deactivate` change this shell; other commands run as usual.
venvsh() {
    case ${1-} in
        activate | deactivate) __venvsh_apply "$@" ;;
        allow | deny)
            # Trust changed: look again at the next prompt.
            {{ view.exe|posix }} "$@"
            set -- "$?"
            __venvsh_last_pwd=
            return "$1"
            ;;
        doctor)
            shift
            {{ view.exe|posix }} doctor --shell {{ view.shell_name()|posix }} --hook-report "$(__venvsh_hook_report)" "$@"
            ;;
        *) {{ view.exe|posix }} "$@" ;;
    esac
}

# What `venvsh doctor` needs to know that only the shell can see.
__venvsh_hook_report() {
{%- if !view.auto || view.shell_name() == "sh" %}
    echo no-auto
{%- else if view.shell_name() == "zsh" %}
    if (( ${precmd_functions[(Ie)__venvsh_hook]} )); then echo ok; else echo "__venvsh_hook is no longer in precmd_functions"; fi
{%- else %}
    case " ${PROMPT_COMMAND[*]-} ${precmd_functions[*]-} " in
        *__venvsh_hook*) echo ok ;;
        *) echo "__venvsh_hook is no longer in PROMPT_COMMAND" ;;
    esac
{%- endif %}
}
{%- endif %}
