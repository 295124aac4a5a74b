{#- The functions activation and the hook define: `deactivate` and its helper. -#}
# Run venvsh for this shell: apply what it marks as code for this shell, and pass
# anything else (--json, --help, errors) on untouched.
__venvsh_apply() {
{%- if flavor == Flavor::Zsh %}
    emulate -L zsh
{%- endif %}
    if __venvsh_out=$({{ exe|posix }} __wrapped {{ flavor.name()|word }} -- "$@"); then
        set -- 0
    else
        set -- "$?"
    fi
    case $__venvsh_out in
        {{ crate::shell::CODE_MARK|posix }}*)
            eval "$__venvsh_out"
            set -- "$?"
            ;;
        ?*) printf '%s\n' "$__venvsh_out" ;;
    esac
    unset __venvsh_out
    return "$1"
}

# Works in any shell that loaded the hook, including child shells that inherited
# an activation: what to undo travels in VENVSH_STATE.
deactivate() {
    __venvsh_apply deactivate "$@"
}
