# venvsh shell integration for nushell.
# Save it once:  venvsh hook nu | save -f ~/.config/nushell/venvsh.nu
# and add to config.nu:  source ~/.config/nushell/venvsh.nu
#
# nushell cannot evaluate text, so `venvsh activate` reads the transition as JSON
# and applies it with load-env and hide-env.

# `venvsh activate` and `venvsh deactivate` change this shell; other commands run as usual.
def --env --wrapped venvsh [...args: string] {
    let exe = {{ view.exe|nu }}
    if ($args | is-not-empty) and (($args | first) in ['activate' 'deactivate']) {
        let transition = (^$exe ($args | first) --shell nu ...($args | skip 1) | from json)
        __venvsh_apply $transition
    } else {
        ^$exe ...$args
    }
}

# Works in any nushell that loaded this file, including children that inherited an activation.
def --env deactivate [] {
    venvsh deactivate
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
