
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'venvsh' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'venvsh'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'venvsh' {
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Activate an environment in this shell (with the hook; else print code for it).')
            [CompletionResult]::new('workon', 'workon', [CompletionResultType]::ParameterValue, 'Activate an environment in this shell (with the hook; else print code for it).')
            [CompletionResult]::new('deactivate', 'deactivate', [CompletionResultType]::ParameterValue, 'Deactivate the active environment (with the hook; else print code for it).')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a virtual environment, as `python -m venv` does.')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Show or delete venvsh''s cache (interpreter facts, unpacked wheels).')
            [CompletionResult]::new('allow', 'allow', [CompletionResultType]::ParameterValue, 'Let the hook auto-activate an environment (default: this project''s).')
            [CompletionResult]::new('deny', 'deny', [CompletionResultType]::ParameterValue, 'Never auto-activate an environment, and stop saying so.')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the shell integration: is the hook loaded and still in place, what is active and why, and is this project''s environment trusted.')
            [CompletionResult]::new('hook-env', 'hook-env', [CompletionResultType]::ParameterValue, 'Used by the hook: print code that auto-activates or deactivates for this directory')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the environments in the store.')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the environments in the store.')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an environment from the store.')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove an environment from the store.')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run one command with an environment active, without a shell.')
            [CompletionResult]::new('shell', 'shell', [CompletionResultType]::ParameterValue, 'Start your shell with an environment active; `exit` leaves it.')
            [CompletionResult]::new('which', 'which', [CompletionResultType]::ParameterValue, 'Show the active environment, else the one `venvsh activate` would choose here.')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show what is active, and what `venvsh activate` would choose in this directory.')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell.')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write every page into a directory')
            [CompletionResult]::new('__complete-envs', '__complete-envs', [CompletionResultType]::ParameterValue, 'Used by the completion scripts: print the store''s environment names')
            [CompletionResult]::new('__wrapped', '__wrapped', [CompletionResultType]::ParameterValue, 'Used by the hook''s `venvsh` function: run a venvsh command line, telling the shell which output is code for it')
            [CompletionResult]::new('hook', 'hook', [CompletionResultType]::ParameterValue, 'Print the shell integration for an rc file (defines `venvsh` and `deactivate`).')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Print the shell integration for an rc file (defines `venvsh` and `deactivate`).')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'venvsh;activate' {
            & venvsh __complete-envs 2>$null | ForEach-Object { [CompletionResult]::new($_, $_, [CompletionResultType]::ParameterValue, 'stored environment') }
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'An environment in the store, by name (as conda''s `-n`)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'An environment in the store, by name (as conda''s `-n`)')
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'The shell to write code for. Default: detected from the parent process')
            [CompletionResult]::new('--prompt', '--prompt', [CompletionResultType]::ParameterName, 'The prompt name to show instead of the environment''s own')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print what activation changes (variables, PATH, prompt) as JSON instead of code')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;workon' {
            & venvsh __complete-envs 2>$null | ForEach-Object { [CompletionResult]::new($_, $_, [CompletionResultType]::ParameterValue, 'stored environment') }
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'An environment in the store, by name (as conda''s `-n`)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'An environment in the store, by name (as conda''s `-n`)')
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'The shell to write code for. Default: detected from the parent process')
            [CompletionResult]::new('--prompt', '--prompt', [CompletionResultType]::ParameterName, 'The prompt name to show instead of the environment''s own')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print what activation changes (variables, PATH, prompt) as JSON instead of code')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;deactivate' {
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'The shell to write code for. Default: detected from the parent process')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print what activation changes (variables, PATH, prompt) as JSON instead of code')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;create' {
            [CompletionResult]::new('--prompt', '--prompt', [CompletionResultType]::ParameterName, 'The prompt name for this environment (`.` means the current directory''s name)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The Python to use: a path, a name on PATH, or a version like `3.12`')
            [CompletionResult]::new('--python', '--python', [CompletionResultType]::ParameterName, 'The Python to use: a path, a name on PATH, or a version like `3.12`')
            [CompletionResult]::new('--link-mode', '--link-mode', [CompletionResultType]::ParameterName, 'How pip''s files get into the environment: hard links to read-only files in venvsh''s cache (copies where linking fails), or private copies (the default on Windows, where the cache''s files cannot be made read-only)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Create the environment in the store under this name (see `venvsh list`), instead of in a directory here')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Create the environment in the store under this name (see `venvsh list`), instead of in a directory here')
            [CompletionResult]::new('--system-site-packages', '--system-site-packages', [CompletionResultType]::ParameterName, 'Give the environment access to the system site-packages')
            [CompletionResult]::new('--symlinks', '--symlinks', [CompletionResultType]::ParameterName, 'Use symlinks rather than copies (the default on POSIX)')
            [CompletionResult]::new('--copies', '--copies', [CompletionResultType]::ParameterName, 'Use copies rather than symlinks (the default on Windows)')
            [CompletionResult]::new('--clear', '--clear', [CompletionResultType]::ParameterName, 'Delete the contents of an existing environment before creating it (never across a mount point inside it)')
            [CompletionResult]::new('--upgrade', '--upgrade', [CompletionResultType]::ParameterName, 'Upgrade the environment to use this Python, in place, and its pip to the version bundled with this Python if that is newer')
            [CompletionResult]::new('--without-pip', '--without-pip', [CompletionResultType]::ParameterName, 'Skip installing pip into the environment')
            [CompletionResult]::new('--upgrade-deps', '--upgrade-deps', [CompletionResultType]::ParameterName, 'Upgrade pip to the latest version on PyPI after creating the environment')
            [CompletionResult]::new('--without-scm-ignore-files', '--without-scm-ignore-files', [CompletionResultType]::ParameterName, 'Do not write a `.gitignore` into the environment (written for Python 3.13 and later, as venv does, and never over an existing one)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With --clear: clear a directory even if it does not look like an environment')
            [CompletionResult]::new('--compile-bytecode', '--compile-bytecode', [CompletionResultType]::ParameterName, 'Compile what is installed (pip) to bytecode, as `python -m venv` does; slower to create, faster to run pip the first time')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;cache' {
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show where the cache is and what it holds.')
            [CompletionResult]::new('clean', 'clean', [CompletionResultType]::ParameterValue, 'Delete the cache.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'venvsh;cache;info' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print it as JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;cache;clean' {
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;cache;help' {
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show where the cache is and what it holds.')
            [CompletionResult]::new('clean', 'clean', [CompletionResultType]::ParameterValue, 'Delete the cache.')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'venvsh;cache;help;info' {
            break
        }
        'venvsh;cache;help;clean' {
            break
        }
        'venvsh;cache;help;help' {
            break
        }
        'venvsh;allow' {
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List what is allowed and denied instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;deny' {
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List what is allowed and denied instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;doctor' {
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'The shell to check. Default: detected from the parent process')
            [CompletionResult]::new('--hook-report', '--hook-report', [CompletionResultType]::ParameterName, 'Set by the hook''s `venvsh` function: what it sees of itself in the shell')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;hook-env' {
            [CompletionResult]::new('--shell', '--shell', [CompletionResultType]::ParameterName, 'The shell to write code for. Default: detected from the parent process')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;list' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the store and its environments as JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;ls' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the store and its environments as JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;remove' {
            & venvsh __complete-envs 2>$null | ForEach-Object { [CompletionResult]::new($_, $_, [CompletionResultType]::ParameterValue, 'stored environment') }
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The same name, as conda''s `-n` gives it')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The same name, as conda''s `-n` gives it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Remove without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Remove without asking')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;rm' {
            & venvsh __complete-envs 2>$null | ForEach-Object { [CompletionResult]::new($_, $_, [CompletionResultType]::ParameterValue, 'stored environment') }
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'The same name, as conda''s `-n` gives it')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The same name, as conda''s `-n` gives it')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Remove without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Remove without asking')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;run' {
            & venvsh __complete-envs 2>$null | ForEach-Object { [CompletionResult]::new($_, $_, [CompletionResultType]::ParameterValue, 'stored environment') }
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'An environment in the store, by name (as conda''s `-n`)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'An environment in the store, by name (as conda''s `-n`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;shell' {
            & venvsh __complete-envs 2>$null | ForEach-Object { [CompletionResult]::new($_, $_, [CompletionResultType]::ParameterValue, 'stored environment') }
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'An environment in the store, by name (as conda''s `-n`)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'An environment in the store, by name (as conda''s `-n`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;which' {
            & venvsh __complete-envs 2>$null | ForEach-Object { [CompletionResult]::new($_, $_, [CompletionResultType]::ParameterValue, 'stored environment') }
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'An environment in the store, by name (as conda''s `-n`)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'An environment in the store, by name (as conda''s `-n`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the answer as JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;status' {
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the answer as JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;completions' {
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write venvsh.1 and a venvsh-COMMAND.1 page per command into this directory, and print the paths written')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'venvsh;__complete-envs' {
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'venvsh;__wrapped' {
            [CompletionResult]::new('--code-file', '--code-file', [CompletionResultType]::ParameterName, 'Write code for the shell into this file instead of marking it on stdout')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'After a --code-only run that exited with STATUS: exit with it for a command line that printed code, and run any other')
            [CompletionResult]::new('--code-only', '--code-only', [CompletionResultType]::ParameterName, 'With --code-file: for a command line that prints no code, do nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;hook' {
            [CompletionResult]::new('--rc-line', '--rc-line', [CompletionResultType]::ParameterName, 'Print the line that loads the hook (for install.sh) instead of the hook, naming venvsh by PROGRAM (default: this binary''s path)')
            [CompletionResult]::new('--no-auto', '--no-auto', [CompletionResultType]::ParameterName, 'Leave out auto-activation on entering a project; keep `venvsh activate` and `deactivate` working in place')
            [CompletionResult]::new('--rc-file', '--rc-file', [CompletionResultType]::ParameterName, 'Print the path of the shell''s rc file (for install.sh) instead of the hook')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Print only the code that puts an inherited activation''s prompt back, for hooks saved to a file (nushell''s), which run it when the shell starts')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;init' {
            [CompletionResult]::new('--rc-line', '--rc-line', [CompletionResultType]::ParameterName, 'Print the line that loads the hook (for install.sh) instead of the hook, naming venvsh by PROGRAM (default: this binary''s path)')
            [CompletionResult]::new('--no-auto', '--no-auto', [CompletionResultType]::ParameterName, 'Leave out auto-activation on entering a project; keep `venvsh activate` and `deactivate` working in place')
            [CompletionResult]::new('--rc-file', '--rc-file', [CompletionResultType]::ParameterName, 'Print the path of the shell''s rc file (for install.sh) instead of the hook')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Print only the code that puts an inherited activation''s prompt back, for hooks saved to a file (nushell''s), which run it when the shell starts')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'venvsh;help' {
            [CompletionResult]::new('activate', 'activate', [CompletionResultType]::ParameterValue, 'Activate an environment in this shell (with the hook; else print code for it).')
            [CompletionResult]::new('deactivate', 'deactivate', [CompletionResultType]::ParameterValue, 'Deactivate the active environment (with the hook; else print code for it).')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a virtual environment, as `python -m venv` does.')
            [CompletionResult]::new('cache', 'cache', [CompletionResultType]::ParameterValue, 'Show or delete venvsh''s cache (interpreter facts, unpacked wheels).')
            [CompletionResult]::new('allow', 'allow', [CompletionResultType]::ParameterValue, 'Let the hook auto-activate an environment (default: this project''s).')
            [CompletionResult]::new('deny', 'deny', [CompletionResultType]::ParameterValue, 'Never auto-activate an environment, and stop saying so.')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the shell integration: is the hook loaded and still in place, what is active and why, and is this project''s environment trusted.')
            [CompletionResult]::new('hook-env', 'hook-env', [CompletionResultType]::ParameterValue, 'Used by the hook: print code that auto-activates or deactivates for this directory')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the environments in the store.')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove an environment from the store.')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run one command with an environment active, without a shell.')
            [CompletionResult]::new('shell', 'shell', [CompletionResultType]::ParameterValue, 'Start your shell with an environment active; `exit` leaves it.')
            [CompletionResult]::new('which', 'which', [CompletionResultType]::ParameterValue, 'Show the active environment, else the one `venvsh activate` would choose here.')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show what is active, and what `venvsh activate` would choose in this directory.')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell.')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or write every page into a directory')
            [CompletionResult]::new('__complete-envs', '__complete-envs', [CompletionResultType]::ParameterValue, 'Used by the completion scripts: print the store''s environment names')
            [CompletionResult]::new('__wrapped', '__wrapped', [CompletionResultType]::ParameterValue, 'Used by the hook''s `venvsh` function: run a venvsh command line, telling the shell which output is code for it')
            [CompletionResult]::new('hook', 'hook', [CompletionResultType]::ParameterValue, 'Print the shell integration for an rc file (defines `venvsh` and `deactivate`).')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'venvsh;help;activate' {
            break
        }
        'venvsh;help;deactivate' {
            break
        }
        'venvsh;help;create' {
            break
        }
        'venvsh;help;cache' {
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show where the cache is and what it holds.')
            [CompletionResult]::new('clean', 'clean', [CompletionResultType]::ParameterValue, 'Delete the cache.')
            break
        }
        'venvsh;help;cache;info' {
            break
        }
        'venvsh;help;cache;clean' {
            break
        }
        'venvsh;help;allow' {
            break
        }
        'venvsh;help;deny' {
            break
        }
        'venvsh;help;doctor' {
            break
        }
        'venvsh;help;hook-env' {
            break
        }
        'venvsh;help;list' {
            break
        }
        'venvsh;help;remove' {
            break
        }
        'venvsh;help;run' {
            break
        }
        'venvsh;help;shell' {
            break
        }
        'venvsh;help;which' {
            break
        }
        'venvsh;help;status' {
            break
        }
        'venvsh;help;completions' {
            break
        }
        'venvsh;help;man' {
            break
        }
        'venvsh;help;__complete-envs' {
            break
        }
        'venvsh;help;__wrapped' {
            break
        }
        'venvsh;help;hook' {
            break
        }
        'venvsh;help;help' {
            break
        }
    })

    $completions.Where({ $_.CompletionText -like "$wordToComplete*" }) |
        Sort-Object -Property ListItemText
}
