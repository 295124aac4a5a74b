{#- Apply a transition in fish. Included by the hook, too. -#}
{%- if let Some(t) = view.transition %}
{%- for name in t.unset %}
set -e {{ name|name }}
{%- endfor %}
{%- for (name, value) in t.set %}
set -gx {{ name|name }} {{ value|fish }}
{%- endfor %}
{%- if let Some(entry) = t.path.remove %}
# Remove the first occurrence only: entries the user added while active stay.
if set -l __venvsh_index (contains -i -- {{ entry|fish_path }} $PATH)
    set -e PATH[$__venvsh_index]
end
{%- endif %}
{%- if let Some(entry) = t.path.prepend %}
set -gx PATH {{ entry|fish_path }} $PATH
{%- endif %}
{%- if t.prompt.show %}
# Wrap the user's prompt once. The original runs first so it sees the real $status,
# and the prefix is printed without set_color, which prints nothing when TERM=dumb.
if not functions -q __venvsh_original_fish_prompt
    functions -q fish_prompt
    and functions -c fish_prompt __venvsh_original_fish_prompt
    function fish_prompt --description 'venvsh: the environment name, then your prompt'
        set -l __venvsh_rendered (__venvsh_original_fish_prompt | string collect -N)
        builtin printf '(%s) %s' "$VIRTUAL_ENV_PROMPT" "$__venvsh_rendered"
    end
end
{%- else %}
if functions -q __venvsh_original_fish_prompt
    functions -e fish_prompt
    functions -c __venvsh_original_fish_prompt fish_prompt
    functions -e __venvsh_original_fish_prompt
end
{%- endif %}
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
