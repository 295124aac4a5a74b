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
    # A global flag before the verb (`venvsh -q activate`): the verb decides.
    let code_verb = if $verb in ['-q' '--quiet'] { $args | get -o 1 | default '' } else { $verb }
    if $code_verb in ['activate' 'deactivate' 'workon'] {
        __venvsh_run ...$args
    } else if $verb == 'doctor' {
{%- if auto %}
        let report = if ('__VENVSH_SEEN' in $env) { 'ok' } else { 'the hook has not run: is it in $env.config.hooks?' }
{%- else %}
        let report = 'no-auto'
{%- endif %}
        ^$exe doctor --shell nu --hook-report $report ...($args | skip 1)
    } else if $verb in ['allow' 'deny'] {
        # Trust changed: look again at the next prompt.
        if ('__VENVSH_SEEN' in $env) { hide-env __VENVSH_SEEN }
        ^$exe ...$args
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
def --env --wrapped __venvsh_run [...args: string] {
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
    # Read before the variables change: whether another tool's activation is still there.
    let other = ($transition.other? | default {})
    let other_here = ($other.env? != null and ($env.VIRTUAL_ENV? | default '') == $other.env)
    let gone = ($transition.unset | where {|name| $name in $env })
    if ($gone | is-not-empty) { hide-env ...$gone }
    load-env $transition.set

    # Edit PATH as a list, removing only the first occurrence of the entry activation
    # added, and that of another tool's activation venvsh takes over from.
    mut entries = ($env.PATH? | default [])
    if ($entries | describe) == 'string' { $entries = ($entries | split row (char esep)) }
    for remove in [(if $other_here { $other.path_entry? }) $transition.path.remove] {
        if $remove != null {
            let found = ($entries | enumerate | where item == $remove | get -o 0.index)
            if $found != null { $entries = ($entries | drop nth $found) }
        }
    }
    if $transition.path.prepend != null { $entries = ($entries | prepend $transition.path.prepend) }
    $env.PATH = $entries

    # The prompt reads the name when drawn, so nothing in it is ever run. What the hook
    # keeps for it is a record, which child processes do not inherit: a child nushell
    # starts without it, puts the prompt back (`hook nu --resume`), and deactivates as
    # this one does (issue 11, item 1).
    if $transition.prompt.show {
        if ($env.__VENVSH_PROMPT? | describe) !~ '^record' {
            $env.__VENVSH_PROMPT = {
                had: ('PROMPT_COMMAND' in $env)
                original: ($env.PROMPT_COMMAND? | default '')
                text: $transition.prompt.text
            }
            $env.PROMPT_COMMAND = {||
                let kept = ($env.__VENVSH_PROMPT? | default {})
                let original = ($kept.original? | default '')
                let rendered = if ($original | describe) =~ '^closure' { do $original } else { $original }
                $"\(($kept.text? | default '')\) ($rendered)"
            }
        } else {
            $env.__VENVSH_PROMPT = ($env.__VENVSH_PROMPT | upsert text $transition.prompt.text)
        }
    } else if ($env.__VENVSH_PROMPT? | describe) =~ '^record' {
        if $env.__VENVSH_PROMPT.had {
            $env.PROMPT_COMMAND = $env.__VENVSH_PROMPT.original
        } else {
            hide-env PROMPT_COMMAND
        }
        hide-env __VENVSH_PROMPT
    }
}
# A nushell started inside an activated shell inherits the variables, but not the
# prompt: put it back.
__venvsh_run hook nu --resume
{%- if auto %}

# Auto-activation, on every directory change and before every prompt. The hook looks,
# in nushell itself, at the directory, whether it holds a .venv, and the active
# environment (it may have been deleted); venvsh runs only when one of them changed.
# What was seen is a record, so child processes do not inherit it.
def --env __venvsh_look [] {
    let active = ($env.VIRTUAL_ENV? | default '')
    {
        pwd: $env.PWD
        marker: ($env.PWD | path join '.venv' | path exists)
        active: $active
        gone: ($active != '' and not ($active | path exists))
    }
}

def --env __venvsh_hook [] {
    if ($env.__VENVSH_SEEN? | default {}) != (__venvsh_look) {
        __venvsh_run hook-env
        $env.__VENVSH_SEEN = (__venvsh_look)
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
