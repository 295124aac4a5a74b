# venvsh shell integration for nushell. config.nu writes it into the autoload directory
# at each start, with the line `venvsh hook --help` gives for nu.
#
# nushell cannot evaluate text, so `venvsh activate` reads the transition as JSON
# and applies it with load-env and hide-env.

# `venvsh activate` and `venvsh deactivate` change this shell; other commands run as
# usual, and their output is this command's value, so it can be piped.
def --env --wrapped venvsh [...args: string] {
    let exe = {{ exe|nu }}
    let verb = ($args | get -o 0 | default '')
    if $verb in ['activate' 'deactivate' 'workon'] {
        __venvsh_run ...$args
    } else if $verb == 'doctor' {
{%- if auto %}
        let report = if ('__VENVSH_SEEN' in $env) { 'ok' } else { 'the hook has not run: is it in $env.config.hooks?' }
{%- else %}
        let report = 'no-auto'
{%- endif %}
        ^$exe doctor --shell nu --hook-report $report ...($args | skip 1)
    } else if $verb in ['allow' 'deny'] {
        let out = (^$exe ...$args)
        # Trust changed: look again at the next prompt.
        if ('__VENVSH_SEEN' in $env) { hide-env __VENVSH_SEEN }
        $out
    } else {
        ^$exe ...$args
    }
}

# Works in any nushell that loaded this file, including children that inherited an activation.
def --env deactivate [] {
    venvsh deactivate
}

# Run venvsh for nushell: apply the transition it marks as code for nushell, and return
# anything else (--json, --help) as the value.
def --env __venvsh_run [...args: string] {
    let out = (^{{ exe|nu }} __wrapped nu -- ...$args)
    let lines = ($out | lines)
    if ($lines | get -o 0) == {{ crate::shell::CODE_MARK|nu }} {
        let code = ($lines | skip 1 | str join "\n")
        if ($code | is-not-empty) { __venvsh_apply ($code | from json) }
    } else {
        $out
    }
}

def --env __venvsh_apply [transition: record] {
    let gone = ($transition.unset | where {|name| $name in $env })
    if ($gone | is-not-empty) { hide-env ...$gone }
    load-env $transition.set

    # Edit PATH as a list, removing only the first occurrence of the entry activation added.
    mut entries = ($env.PATH? | default [])
    if ($entries | describe) == 'string' { $entries = ($entries | split row (char esep)) }
    let remove = $transition.path.remove
    if $remove != null {
        let found = ($entries | enumerate | where item == $remove | get -o 0.index)
        if $found != null { $entries = ($entries | drop nth $found) }
    }
    if $transition.path.prepend != null { $entries = ($entries | prepend $transition.path.prepend) }
    $env.PATH = $entries

    # The prompt reads the name when drawn, so nothing in it is ever run.
    if $transition.prompt.show {
        if not ('__VENVSH_HAD_PROMPT' in $env) {
            $env.__VENVSH_HAD_PROMPT = ('PROMPT_COMMAND' in $env)
            $env.__VENVSH_ORIGINAL_PROMPT = ($env.PROMPT_COMMAND? | default '')
            $env.PROMPT_COMMAND = {||
                let original = ($env.__VENVSH_ORIGINAL_PROMPT? | default '')
                let rendered = if ($original | describe) =~ '^closure' { do $original } else { $original }
                $"\(($env.VIRTUAL_ENV_PROMPT? | default '')\) ($rendered)"
            }
        }
    } else if ('__VENVSH_HAD_PROMPT' in $env) {
        if $env.__VENVSH_HAD_PROMPT {
            $env.PROMPT_COMMAND = $env.__VENVSH_ORIGINAL_PROMPT
        } else {
            hide-env PROMPT_COMMAND
        }
        hide-env __VENVSH_HAD_PROMPT __VENVSH_ORIGINAL_PROMPT
    }
}
{%- if auto %}

# Auto-activation, on every directory change and before every prompt (a .venv created
# or removed here). The comparison runs in nushell itself; venvsh runs only when the
# directory or its .venv changed. What was seen is a record, so child processes do
# not inherit it.
def --env __venvsh_hook [] {
    let seen = {pwd: $env.PWD, marker: ($env.PWD | path join '.venv' | path exists)}
    if ($env.__VENVSH_SEEN? | default {}) != $seen {
        $env.__VENVSH_SEEN = $seen
        __venvsh_run hook-env
    }
}

# Install both hooks once, beside whatever hooks the configuration already has.
$env.config = ($env.config? | default {} | upsert hooks {|config|
    let hooks = ($config.hooks? | default {})
    let mine = {|entry| ($entry | describe) =~ '^record' and ($entry.__venvsh_hook? | default false) }
    let pre_prompt = ($hooks.pre_prompt? | default [] | where {|h| not (do $mine $h) })
    let env_change = ($hooks.env_change? | default {})
    let on_pwd = ($env_change.PWD? | default [] | where {|h| not (do $mine $h) })
    $hooks
    | upsert pre_prompt ($pre_prompt | append {__venvsh_hook: true, code: {|| __venvsh_hook }})
    | upsert env_change ($env_change | upsert PWD ($on_pwd | append {__venvsh_hook: true, code: {|before, after| __venvsh_hook }}))
})

# A shell started inside a project is activated before its first command.
__venvsh_hook
{%- endif %}
