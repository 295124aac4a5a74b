{#- `deactivate` and the helper it calls, defined by activation and by the hook. #}
# Run venvsh for fish: source what it marks as code for fish, and pass anything else
# (--json, --help, errors) on untouched.
function __venvsh_apply --description 'venvsh: apply activate or deactivate'
    set -l __venvsh_out ({{ exe|fish }} __wrapped fish -- $argv | string collect)
    set -l __venvsh_status $pipestatus[1]
    if string match -q -- {{ crate::shell::CODE_MARK|fish }}'*' "$__venvsh_out"
        printf '%s\n' "$__venvsh_out" | source
        return $status
    else if test -n "$__venvsh_out"
        printf '%s\n' "$__venvsh_out"
    end
    return $__venvsh_status
end

# Works in any fish that loaded the hook, including children that inherited an activation.
function deactivate --description 'venvsh: deactivate the active environment'
    __venvsh_apply deactivate $argv
end
