{#- bin/activate.nu, written by `venvsh create`: a module for `overlay use`, with no venvsh
    installed. Values are raw strings; PATH stays a list. -#}
# Activate this virtual environment:  overlay use bin/activate.nu
# Written by venvsh; needs nothing but nushell. `deactivate` is `overlay hide activate`:
# hiding the overlay puts back every variable it changed, PATH, PYTHONHOME and the
# prompt included, as they were before activation (PATH edits made meanwhile go too),
# but not the directory: it keeps PWD (virtualenv #2745).

# `source bin/activate.nu` would activate with nothing to undo it: sourced, this file
# runs the block below, which stops with a message; `overlay use` only imports it.
module venvsh_sourced {
    export-env {
        error make --unspanned {
            msg: "bin/activate.nu is a module: activate with `overlay use bin/activate.nu` (not `source`), then `deactivate`"
        }
    }
}
use venvsh_sourced

export-env {
{%- for name in on.unset %}
    # Hiding a variable in an overlay outlives `overlay hide`, so it is emptied instead
    # (Python ignores an empty PYTHONHOME); hiding the overlay puts the value back.
    if ($env | get -o {{ name|name }}) != null { $env.{{ name|name }} = '' }
{%- endfor %}
    load-env {
{%- for (name, value) in on.set %}
        {{ name|name }}: {{ value|nu }}
{%- endfor %}
    }
    mut entries = ($env.PATH? | default [])
    if ($entries | describe) == 'string' { $entries = ($entries | split row (char esep)) }
{%- if let Some(entry) = on.path.prepend %}
    $env.PATH = ($entries | prepend {{ entry|nu_path }})
{%- endif %}
    # VIRTUAL_ENV_DISABLE_PROMPT set to anything but empty, 0 or false keeps the prompt.
    let disable = ($env.VIRTUAL_ENV_DISABLE_PROMPT? | default '' | into string)
    if $disable =~ '(?i)^(0|false)?$' {
        # The prompt reads the name when drawn, so nothing in it is ever run.
        let original = ($env.PROMPT_COMMAND? | default '')
        $env.PROMPT_COMMAND = {||
            let rendered = if ($original | describe) =~ '^closure' { do $original } else { $original }
            $"\(($env.VIRTUAL_ENV_PROMPT? | default '')\) ($rendered)"
        }
    }
}

export alias deactivate = overlay hide --keep-env [PWD] activate
