{#- `deactivate` and the helper it calls, defined by activation and by the hook. #}
# Run venvsh for fish and source the code it prints.
function __venvsh_apply --description 'venvsh: apply activate or deactivate'
    {{ exe|fish }} $argv[1] --shell fish $argv[2..-1] | source
    return $pipestatus[1]
end

# Works in any fish that loaded the hook, including children that inherited an activation.
function deactivate --description 'venvsh: deactivate the active environment'
    __venvsh_apply deactivate $argv
end
