{#- The `venvsh` and `deactivate` functions, defined by activation and by the hook. -#}
# `venvsh activate` and `venvsh deactivate` change this shell; other commands run as usual.
venvsh() {
{%- if view.shell_name() == "zsh" %}
    emulate -L zsh
{%- endif %}
    case ${1-} in
        activate | deactivate)
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
            ;;
        *)
            {{ view.exe|posix }} "$@"
            ;;
    esac
}

# Works in any shell that loaded the hook, including child shells that inherited
# an activation: what to undo travels in VENVSH_STATE.
deactivate() {
    venvsh deactivate "$@"
}
