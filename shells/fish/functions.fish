{#- `deactivate` and the helper it calls, defined by activation and by the hook. #}
# Run venvsh for fish: source what it marks as code for fish, and pass anything else
# (--json, --help, errors) on untouched.
function __venvsh_apply --description 'venvsh: apply activate or deactivate'
    builtin set -l __venvsh_out ({{ exe|fish }} __wrapped fish -- $argv | builtin string collect)
    builtin set -l __venvsh_status $pipestatus[1]
    if builtin string match -q -- {{ crate::shell::CODE_MARK|fish }}'*' "$__venvsh_out"
        builtin printf '%s\n' "$__venvsh_out" | builtin source
        builtin return $status
    else if builtin test -n "$__venvsh_out"
        builtin printf '%s\n' "$__venvsh_out"
    end
    builtin return $__venvsh_status
end

# Works in any fish that loaded the hook, including children that inherited an activation.
function deactivate --description 'venvsh: deactivate the active environment'
    __venvsh_apply deactivate $argv
end
