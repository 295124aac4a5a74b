# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_venvsh_global_optspecs
    string join \n q/quiet h/help V/version
end

function __fish_venvsh_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_venvsh_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_venvsh_using_subcommand
    set -l cmd (__fish_venvsh_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c venvsh -n "__fish_venvsh_needs_command" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_needs_command" -s h -l help -d 'Print help'
complete -c venvsh -n "__fish_venvsh_needs_command" -s V -l version -d 'Print version'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "activate" -d 'Activate an environment in this shell (with the hook; else print code for it).'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "workon" -d 'Activate an environment in this shell (with the hook; else print code for it).'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "deactivate" -d 'Deactivate the active environment (with the hook; else print code for it).'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "create" -d 'Create a virtual environment, as `python -m venv` does.'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "cache" -d 'Show or delete venvsh\'s cache (interpreter facts, unpacked wheels).'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "allow" -d 'Let the hook auto-activate an environment (default: this project\'s).'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "deny" -d 'Never auto-activate an environment, and stop saying so.'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "doctor" -d 'Check the shell integration: is the hook loaded and still in place, what is active and why, and is this project\'s environment trusted.'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "hook-env" -d 'Used by the hook: print code that auto-activates or deactivates for this directory'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "list" -d 'List the environments in the store.'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "ls" -d 'List the environments in the store.'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "remove" -d 'Remove an environment from the store.'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "rm" -d 'Remove an environment from the store.'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "run" -d 'Run one command with an environment active, without a shell.'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "shell" -d 'Start your shell with an environment active; `exit` leaves it.'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "which" -d 'Show the active environment, else the one `venvsh activate` would choose here.'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "status" -d 'Show what is active, and what `venvsh activate` would choose in this directory.'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "completions" -d 'Print the completion script for a shell.'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "man" -d 'Print the man page, or write every page into a directory'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "__complete-envs" -d 'Used by the completion scripts: print the store\'s environment names'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "__wrapped" -d 'Used by the hook\'s `venvsh` function: run a venvsh command line, telling the shell which output is code for it'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "hook" -d 'Print the shell integration for an rc file (defines `venvsh` and `deactivate`).'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "init" -d 'Print the shell integration for an rc file (defines `venvsh` and `deactivate`).'
complete -c venvsh -n "__fish_venvsh_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c venvsh -n "__fish_venvsh_using_subcommand activate" -s n -l name -d 'An environment in the store, by name (as conda\'s `-n`)' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand activate" -l shell -d 'The shell to write code for. Default: detected from the parent process' -r -f -a "bash\t''
zsh\t''
sh\t'POSIX sh: dash, ksh, busybox ash'
fish\t''
tcsh\t''
powershell\t''
nu\t''
cmd\t''
clink\t'cmd.exe with Clink: only `hook clink` (and the hook\'s `hook-env`); explicit activation in cmd is the `venvsh.cmd` wrapper'
xonsh\t'xonsh, the Python shell'"
complete -c venvsh -n "__fish_venvsh_using_subcommand activate" -l prompt -d 'The prompt name to show instead of the environment\'s own' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand activate" -l json -d 'Print what activation changes (variables, PATH, prompt) as JSON instead of code'
complete -c venvsh -n "__fish_venvsh_using_subcommand activate" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand activate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand workon" -s n -l name -d 'An environment in the store, by name (as conda\'s `-n`)' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand workon" -l shell -d 'The shell to write code for. Default: detected from the parent process' -r -f -a "bash\t''
zsh\t''
sh\t'POSIX sh: dash, ksh, busybox ash'
fish\t''
tcsh\t''
powershell\t''
nu\t''
cmd\t''
clink\t'cmd.exe with Clink: only `hook clink` (and the hook\'s `hook-env`); explicit activation in cmd is the `venvsh.cmd` wrapper'
xonsh\t'xonsh, the Python shell'"
complete -c venvsh -n "__fish_venvsh_using_subcommand workon" -l prompt -d 'The prompt name to show instead of the environment\'s own' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand workon" -l json -d 'Print what activation changes (variables, PATH, prompt) as JSON instead of code'
complete -c venvsh -n "__fish_venvsh_using_subcommand workon" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand workon" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand deactivate" -l shell -d 'The shell to write code for. Default: detected from the parent process' -r -f -a "bash\t''
zsh\t''
sh\t'POSIX sh: dash, ksh, busybox ash'
fish\t''
tcsh\t''
powershell\t''
nu\t''
cmd\t''
clink\t'cmd.exe with Clink: only `hook clink` (and the hook\'s `hook-env`); explicit activation in cmd is the `venvsh.cmd` wrapper'
xonsh\t'xonsh, the Python shell'"
complete -c venvsh -n "__fish_venvsh_using_subcommand deactivate" -l json -d 'Print what activation changes (variables, PATH, prompt) as JSON instead of code'
complete -c venvsh -n "__fish_venvsh_using_subcommand deactivate" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand deactivate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -l prompt -d 'The prompt name for this environment (`.` means the current directory\'s name)' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -s p -l python -d 'The Python to use: a path, a name on PATH, or a version like `3.12`' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -l link-mode -d 'How pip\'s files get into the environment: hard links to read-only files in venvsh\'s cache (copies where linking fails), or private copies (the default on Windows, where the cache\'s files cannot be made read-only)' -r -f -a "hardlink\t'Hard-link read-only files from venvsh\'s cache; copy where linking fails'
copy\t'Write a private copy of every file'"
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -s n -l name -d 'Create the environment in the store under this name (see `venvsh list`), instead of in a directory here' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -l system-site-packages -d 'Give the environment access to the system site-packages'
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -l symlinks -d 'Use symlinks rather than copies (the default on POSIX)'
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -l copies -d 'Use copies rather than symlinks (the default on Windows)'
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -l clear -d 'Delete the contents of an existing environment before creating it (never across a mount point inside it)'
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -l upgrade -d 'Upgrade the environment to use this Python, in place, and its pip to the version bundled with this Python if that is newer'
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -l without-pip -d 'Skip installing pip into the environment'
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -l upgrade-deps -d 'Upgrade pip to the latest version on PyPI after creating the environment'
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -l without-scm-ignore-files -d 'Do not write a `.gitignore` into the environment (written for Python 3.13 and later, as venv does, and never over an existing one)'
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -l force -d 'With --clear: clear a directory even if it does not look like an environment'
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -l compile-bytecode -d 'Compile what is installed (pip) to bytecode, as `python -m venv` does; slower to create, faster to run pip the first time'
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand cache; and not __fish_seen_subcommand_from info clean help" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand cache; and not __fish_seen_subcommand_from info clean help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand cache; and not __fish_seen_subcommand_from info clean help" -f -a "info" -d 'Show where the cache is and what it holds.'
complete -c venvsh -n "__fish_venvsh_using_subcommand cache; and not __fish_seen_subcommand_from info clean help" -f -a "clean" -d 'Delete the cache.'
complete -c venvsh -n "__fish_venvsh_using_subcommand cache; and not __fish_seen_subcommand_from info clean help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c venvsh -n "__fish_venvsh_using_subcommand cache; and __fish_seen_subcommand_from info" -l json -d 'Print it as JSON'
complete -c venvsh -n "__fish_venvsh_using_subcommand cache; and __fish_seen_subcommand_from info" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand cache; and __fish_seen_subcommand_from info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand cache; and __fish_seen_subcommand_from clean" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand cache; and __fish_seen_subcommand_from clean" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "info" -d 'Show where the cache is and what it holds.'
complete -c venvsh -n "__fish_venvsh_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "clean" -d 'Delete the cache.'
complete -c venvsh -n "__fish_venvsh_using_subcommand cache; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c venvsh -n "__fish_venvsh_using_subcommand allow" -l list -d 'List what is allowed and denied instead'
complete -c venvsh -n "__fish_venvsh_using_subcommand allow" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand allow" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand deny" -l list -d 'List what is allowed and denied instead'
complete -c venvsh -n "__fish_venvsh_using_subcommand deny" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand deny" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand doctor" -l shell -d 'The shell to check. Default: detected from the parent process' -r -f -a "bash\t''
zsh\t''
sh\t'POSIX sh: dash, ksh, busybox ash'
fish\t''
tcsh\t''
powershell\t''
nu\t''
cmd\t''
clink\t'cmd.exe with Clink: only `hook clink` (and the hook\'s `hook-env`); explicit activation in cmd is the `venvsh.cmd` wrapper'
xonsh\t'xonsh, the Python shell'"
complete -c venvsh -n "__fish_venvsh_using_subcommand doctor" -l hook-report -d 'Set by the hook\'s `venvsh` function: what it sees of itself in the shell' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand doctor" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand hook-env" -l shell -d 'The shell to write code for. Default: detected from the parent process' -r -f -a "bash\t''
zsh\t''
sh\t'POSIX sh: dash, ksh, busybox ash'
fish\t''
tcsh\t''
powershell\t''
nu\t''
cmd\t''
clink\t'cmd.exe with Clink: only `hook clink` (and the hook\'s `hook-env`); explicit activation in cmd is the `venvsh.cmd` wrapper'
xonsh\t'xonsh, the Python shell'"
complete -c venvsh -n "__fish_venvsh_using_subcommand hook-env" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand hook-env" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand list" -l json -d 'Print the store and its environments as JSON'
complete -c venvsh -n "__fish_venvsh_using_subcommand list" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand ls" -l json -d 'Print the store and its environments as JSON'
complete -c venvsh -n "__fish_venvsh_using_subcommand ls" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand remove" -s n -l name -d 'The same name, as conda\'s `-n` gives it' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand remove" -s y -l yes -d 'Remove without asking'
complete -c venvsh -n "__fish_venvsh_using_subcommand remove" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand rm" -s n -l name -d 'The same name, as conda\'s `-n` gives it' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand rm" -s y -l yes -d 'Remove without asking'
complete -c venvsh -n "__fish_venvsh_using_subcommand rm" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand run" -s n -l name -d 'An environment in the store, by name (as conda\'s `-n`)' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand run" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand shell" -s n -l name -d 'An environment in the store, by name (as conda\'s `-n`)' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand shell" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand shell" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand which" -s n -l name -d 'An environment in the store, by name (as conda\'s `-n`)' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand which" -l json -d 'Print the answer as JSON'
complete -c venvsh -n "__fish_venvsh_using_subcommand which" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand which" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand status" -l json -d 'Print the answer as JSON'
complete -c venvsh -n "__fish_venvsh_using_subcommand status" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand completions" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand man" -l out-dir -d 'Write venvsh.1 and a venvsh-COMMAND.1 page per command into this directory, and print the paths written' -r -F
complete -c venvsh -n "__fish_venvsh_using_subcommand man" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand man" -s h -l help -d 'Print help'
complete -c venvsh -n "__fish_venvsh_using_subcommand __complete-envs" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand __complete-envs" -s h -l help -d 'Print help'
complete -c venvsh -n "__fish_venvsh_using_subcommand __wrapped" -l code-file -d 'Write code for the shell into this file instead of marking it on stdout' -r -F
complete -c venvsh -n "__fish_venvsh_using_subcommand __wrapped" -l after -d 'After a --code-only run that exited with STATUS: exit with it for a command line that printed code, and run any other' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand __wrapped" -l code-only -d 'With --code-file: for a command line that prints no code, do nothing'
complete -c venvsh -n "__fish_venvsh_using_subcommand __wrapped" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand __wrapped" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand hook" -l rc-line -d 'Print the line that loads the hook (for install.sh) instead of the hook, naming venvsh by PROGRAM (default: this binary\'s path)' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand hook" -l no-auto -d 'Leave out auto-activation on entering a project; keep `venvsh activate` and `deactivate` working in place'
complete -c venvsh -n "__fish_venvsh_using_subcommand hook" -l rc-file -d 'Print the path of the shell\'s rc file (for install.sh) instead of the hook'
complete -c venvsh -n "__fish_venvsh_using_subcommand hook" -l resume -d 'Print only the code that puts an inherited activation\'s prompt back, for hooks saved to a file (nushell\'s), which run it when the shell starts'
complete -c venvsh -n "__fish_venvsh_using_subcommand hook" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand hook" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand init" -l rc-line -d 'Print the line that loads the hook (for install.sh) instead of the hook, naming venvsh by PROGRAM (default: this binary\'s path)' -r
complete -c venvsh -n "__fish_venvsh_using_subcommand init" -l no-auto -d 'Leave out auto-activation on entering a project; keep `venvsh activate` and `deactivate` working in place'
complete -c venvsh -n "__fish_venvsh_using_subcommand init" -l rc-file -d 'Print the path of the shell\'s rc file (for install.sh) instead of the hook'
complete -c venvsh -n "__fish_venvsh_using_subcommand init" -l resume -d 'Print only the code that puts an inherited activation\'s prompt back, for hooks saved to a file (nushell\'s), which run it when the shell starts'
complete -c venvsh -n "__fish_venvsh_using_subcommand init" -s q -l quiet -d 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
complete -c venvsh -n "__fish_venvsh_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "activate" -d 'Activate an environment in this shell (with the hook; else print code for it).'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "deactivate" -d 'Deactivate the active environment (with the hook; else print code for it).'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "create" -d 'Create a virtual environment, as `python -m venv` does.'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "cache" -d 'Show or delete venvsh\'s cache (interpreter facts, unpacked wheels).'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "allow" -d 'Let the hook auto-activate an environment (default: this project\'s).'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "deny" -d 'Never auto-activate an environment, and stop saying so.'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "doctor" -d 'Check the shell integration: is the hook loaded and still in place, what is active and why, and is this project\'s environment trusted.'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "hook-env" -d 'Used by the hook: print code that auto-activates or deactivates for this directory'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "list" -d 'List the environments in the store.'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "remove" -d 'Remove an environment from the store.'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "run" -d 'Run one command with an environment active, without a shell.'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "shell" -d 'Start your shell with an environment active; `exit` leaves it.'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "which" -d 'Show the active environment, else the one `venvsh activate` would choose here.'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "status" -d 'Show what is active, and what `venvsh activate` would choose in this directory.'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "completions" -d 'Print the completion script for a shell.'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "man" -d 'Print the man page, or write every page into a directory'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "__complete-envs" -d 'Used by the completion scripts: print the store\'s environment names'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "__wrapped" -d 'Used by the hook\'s `venvsh` function: run a venvsh command line, telling the shell which output is code for it'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "hook" -d 'Print the shell integration for an rc file (defines `venvsh` and `deactivate`).'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and not __fish_seen_subcommand_from activate deactivate create cache allow deny doctor hook-env list remove run shell which status completions man __complete-envs __wrapped hook help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "info" -d 'Show where the cache is and what it holds.'
complete -c venvsh -n "__fish_venvsh_using_subcommand help; and __fish_seen_subcommand_from cache" -f -a "clean" -d 'Delete the cache.'

# venvsh: environment names from the store for the commands that take one.
complete -c venvsh -n "__fish_seen_subcommand_from activate workon run shell which" -a "(command venvsh __complete-envs 2>/dev/null)" -d "stored environment"
complete -c venvsh -n "__fish_seen_subcommand_from remove rm" -f -a "(command venvsh __complete-envs 2>/dev/null)" -d "stored environment"
complete -c venvsh -n "__fish_seen_subcommand_from activate workon run shell which remove rm" -s n -l name -x -a "(command venvsh __complete-envs 2>/dev/null)" -d "stored environment"
