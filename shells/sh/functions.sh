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
        *) {{ view.exe|posix }} "$@" ;;
    esac
}
{%- endif %}
