{#- The hook's `venvsh` function, and what it reports to `venvsh doctor`. #}

# `venvsh activate` and `venvsh deactivate` change this shell; other commands run as usual.
function venvsh --description 'venvsh: Python virtual environments'
    # A global flag before the verb (`venvsh -q activate`): the verb decides.
    if builtin contains -- "$argv[1]" -q --quiet; and builtin contains -- "$argv[2]" activate deactivate workon
        __venvsh_apply $argv
        builtin return $status
    end
    switch "$argv[1]"
        case activate deactivate workon
            __venvsh_apply $argv
        case allow deny
            # Trust changed: look again at the next prompt.
            {{ exe|fish }} $argv
            builtin set -l __venvsh_status $status
            builtin set -g __venvsh_last
            builtin return $__venvsh_status
        case doctor
            {{ exe|fish }} doctor --shell fish --hook-report (__venvsh_hook_report) $argv[2..-1]
        case '*'
            {{ exe|fish }} $argv
    end
end

# What `venvsh doctor` needs to know that only the shell can see.
function __venvsh_hook_report
{%- if auto %}
    if builtin string match -q 'PWD __venvsh_hook' -- (builtin functions --handlers-type variable)
        builtin printf '%s\n' ok
    else
        builtin printf '%s\n' '__venvsh_hook no longer handles PWD'
    end
{%- else %}
    builtin printf '%s\n' no-auto
{%- endif %}
end
