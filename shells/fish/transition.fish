{#- Apply a transition in fish. Included by the hook, too. -#}
{%- if let Some(t) = view.transition %}
{%- include "fish/changes.fish" %}
{%- include "fish/prompt.fish" %}
{%- endif %}
{%- if view.define_functions %}
# Run venvsh for fish and source the code it prints.
function __venvsh_apply --description 'venvsh: apply activate or deactivate'
    {{ view.exe|fish }} $argv[1] --shell fish $argv[2..-1] | source
    return $pipestatus[1]
end

# Works in any fish that loaded the hook, including children that inherited an activation.
function deactivate --description 'venvsh: deactivate the active environment'
    __venvsh_apply deactivate $argv
end
{%- if view.hook %}

# `venvsh activate` and `venvsh deactivate` change this shell; other commands run as usual.
function venvsh --description 'venvsh: Python virtual environments'
    switch "$argv[1]"
        case activate deactivate
            __venvsh_apply $argv
        case allow deny
            # Trust changed: look again at the next prompt.
            {{ view.exe|fish }} $argv
            set -l __venvsh_status $status
            set -g __venvsh_last_pwd
            return $__venvsh_status
        case doctor
            {{ view.exe|fish }} doctor --shell fish --hook-report (__venvsh_hook_report) $argv[2..-1]
        case '*'
            {{ view.exe|fish }} $argv
    end
end

# What `venvsh doctor` needs to know that only the shell can see.
function __venvsh_hook_report
{%- if view.auto %}
    if string match -q 'PWD __venvsh_hook' -- (functions --handlers-type variable)
        echo ok
    else
        echo '__venvsh_hook no longer handles PWD'
    end
{%- else %}
    echo no-auto
{%- endif %}
end
{%- endif %}
{%- endif %}
true
