{#- The functions activation and the hook define: `deactivate` and its helper. -#}
# Run venvsh for this shell: apply what it marks as code for this shell, and pass
# anything else (--json, --help, errors) on untouched.
__venvsh_apply() {
{%- if flavor == Flavor::Zsh %}
    \builtin emulate -L zsh
{%- endif %}
    if __venvsh_out=$({{ exe|posix }} __wrapped {{ flavor.name()|word }} -- "$@"); then
        \{{ flavor.builtin()|word }} set -- 0
    else
        \{{ flavor.builtin()|word }} set -- "$?"
    fi
    case $__venvsh_out in
        {{ crate::shell::CODE_MARK|posix }}*)
            \{{ flavor.builtin()|word }} eval "$__venvsh_out"
            \{{ flavor.builtin()|word }} set -- "$?"
            ;;
        ?*) \{{ flavor.builtin()|word }} printf '%s\n' "$__venvsh_out" ;;
    esac
    \{{ flavor.builtin()|word }} unset __venvsh_out
    \{{ flavor.builtin()|word }} return "$1"
}

# Works in any shell that loaded the hook, including child shells that inherited
# an activation: what to undo travels in VENVSH_STATE.
deactivate() {
    __venvsh_apply deactivate "$@"
}
