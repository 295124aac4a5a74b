{#- The functions activation and the hook define: `deactivate` and its helper. -#}
# Run venvsh for this shell and apply the code it prints; stdout is empty on failure.
__venvsh_apply() {
{%- if flavor == Flavor::Zsh %}
    emulate -L zsh
{%- endif %}
    __venvsh_verb=$1
    shift
    if __venvsh_code=$({{ exe|posix }} "$__venvsh_verb" --shell {{ flavor.name()|posix }} "$@"); then
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
