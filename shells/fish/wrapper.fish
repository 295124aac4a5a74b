{#- The hook's `venvsh` function, and what it reports to `venvsh doctor`. #}

# `venvsh activate` and `venvsh deactivate` change this shell; other commands run as usual.
function venvsh --description 'venvsh: Python virtual environments'
    switch "$argv[1]"
        case activate deactivate workon
            __venvsh_apply $argv
        case allow deny
            # Trust changed: look again at the next prompt.
            {{ exe|fish }} $argv
            set -l __venvsh_status $status
            set -g __venvsh_last_pwd
            return $__venvsh_status
        case doctor
            {{ exe|fish }} doctor --shell fish --hook-report (__venvsh_hook_report) $argv[2..-1]
        case '*'
            {{ exe|fish }} $argv
    end
end

# What `venvsh doctor` needs to know that only the shell can see.
function __venvsh_hook_report
{%- if auto %}
    if string match -q 'PWD __venvsh_hook' -- (functions --handlers-type variable)
        echo ok
    else
        echo '__venvsh_hook no longer handles PWD'
    end
{%- else %}
    echo no-auto
{%- endif %}
end
