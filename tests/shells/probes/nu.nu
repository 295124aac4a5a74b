# The probe for nushell: commands that record the state before activation, while
# active and after deactivation; each value is written to a file in
# $env.VENVSH_TEST_OUT, `<unset>` for a variable that is not set. PATH is a list in
# nushell: it is recorded joined with `:`.
#
# `source` and `overlay use` take paths known when a file is parsed, so
# tests/shells/probes.rs writes, for each case, a main.nu that sources the hook (hook
# mode), then this file, then runs:
#   probe begin
#   <activate>       venvsh activate $env.VENVSH_TEST_ENV, or overlay use bin/activate.nu
#   probe active
#   <deactivate>
#   probe after
#
# VENVSH_TEST_VARIANT  PROMPT_COMMAND before activation: closure (as in nushell's
#                      default config), text (a string, which nushell also draws),
#                      or absent

def w [name: string, value: string] { $value | save -f ($env.VENVSH_TEST_OUT | path join $name) }

def var [name: string] { $env | get -o $name | default '<unset>' }

def path_text [] { $env.PATH | str join ':' }

# How nushell draws PROMPT_COMMAND: a closure is run, a string is shown as it is.
def prompt_text [] {
    if 'PROMPT_COMMAND' in $env {
        let p = $env.PROMPT_COMMAND
        if ($p | describe) =~ '^closure' { do $p } else { $p }
    } else { '<unset>' }
}

def --env "probe begin" [] {
    $env.PYTHONHOME = '/original/home'
    match $env.VENVSH_TEST_VARIANT {
        'closure' => { $env.PROMPT_COMMAND = {|| '> ' } }
        'text' => { $env.PROMPT_COMMAND = '> ' }
        'absent' => { hide-env --ignore-errors PROMPT_COMMAND }
        $other => { error make {msg: $'unknown variant ($other)'} }
    }
    w before_path (path_text)
    w before_ps1 (prompt_text)
}

def "probe active" [] {
    w ve (var VIRTUAL_ENV)
    w vep (var VIRTUAL_ENV_PROMPT)
    w path (path_text)
    w path_type ($env.PATH | describe)
    w pythonhome (var PYTHONHOME)
    w prompt_command_type ($env.PROMPT_COMMAND | describe)
    w prompt (do $env.PROMPT_COMMAND)
}

def "probe after" [] {
    w after_path (path_text)
    w after_path_type ($env.PATH | describe)
    w after_ps1 (prompt_text)
    w after_ve (var VIRTUAL_ENV)
    w after_vep (var VIRTUAL_ENV_PROMPT)
    w after_state (var VENVSH_STATE)
    w after_pythonhome (var PYTHONHOME)
    w after_leftovers ($env | columns | where {|name| $name starts-with '__VENVSH' and $name != '__VENVSH_SEEN' } | str join ' ')
}
