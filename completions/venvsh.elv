
use builtin;
use str;

set edit:completion:arg-completer[venvsh] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'venvsh'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'venvsh'= {
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand activate 'Activate an environment in this shell (with the hook; else print code for it).'
            cand workon 'Activate an environment in this shell (with the hook; else print code for it).'
            cand deactivate 'Deactivate the active environment (with the hook; else print code for it).'
            cand create 'Create a virtual environment, as `python -m venv` does.'
            cand cache 'Show or delete venvsh''s cache (interpreter facts, unpacked wheels).'
            cand allow 'Let the hook auto-activate an environment (default: this project''s).'
            cand deny 'Never auto-activate an environment, and stop saying so.'
            cand doctor 'Check the shell integration: is the hook loaded and still in place, what is active and why, and is this project''s environment trusted.'
            cand hook-env 'Used by the hook: print code that auto-activates or deactivates for this directory'
            cand list 'List the environments in the store.'
            cand ls 'List the environments in the store.'
            cand remove 'Remove an environment from the store.'
            cand rm 'Remove an environment from the store.'
            cand run 'Run one command with an environment active, without a shell.'
            cand shell 'Start your shell with an environment active; `exit` leaves it.'
            cand which 'Show the active environment, else the one `venvsh activate` would choose here.'
            cand status 'Show what is active, and what `venvsh activate` would choose in this directory.'
            cand completions 'Print the completion script for a shell.'
            cand man 'Print the man page, or write every page into a directory'
            cand __complete-envs 'Used by the completion scripts: print the store''s environment names'
            cand __wrapped 'Used by the hook''s `venvsh` function: run a venvsh command line, telling the shell which output is code for it'
            cand hook 'Print the shell integration for an rc file (defines `venvsh` and `deactivate`).'
            cand init 'Print the shell integration for an rc file (defines `venvsh` and `deactivate`).'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'venvsh;activate'= {
            try { venvsh __complete-envs 2>/dev/null | from-lines | each {|name| cand $name 'stored environment' } } catch { }
            cand -n 'An environment in the store, by name (as conda''s `-n`)'
            cand --name 'An environment in the store, by name (as conda''s `-n`)'
            cand --shell 'The shell to write code for. Default: detected from the parent process'
            cand --prompt 'The prompt name to show instead of the environment''s own'
            cand --json 'Print what activation changes (variables, PATH, prompt) as JSON instead of code'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;workon'= {
            try { venvsh __complete-envs 2>/dev/null | from-lines | each {|name| cand $name 'stored environment' } } catch { }
            cand -n 'An environment in the store, by name (as conda''s `-n`)'
            cand --name 'An environment in the store, by name (as conda''s `-n`)'
            cand --shell 'The shell to write code for. Default: detected from the parent process'
            cand --prompt 'The prompt name to show instead of the environment''s own'
            cand --json 'Print what activation changes (variables, PATH, prompt) as JSON instead of code'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;deactivate'= {
            cand --shell 'The shell to write code for. Default: detected from the parent process'
            cand --json 'Print what activation changes (variables, PATH, prompt) as JSON instead of code'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;create'= {
            cand --prompt 'The prompt name for this environment (`.` means the current directory''s name)'
            cand -p 'The Python to use: a path, a name on PATH, or a version like `3.12`'
            cand --python 'The Python to use: a path, a name on PATH, or a version like `3.12`'
            cand --link-mode 'How pip''s files get into the environment: hard links to read-only files in venvsh''s cache (copies where linking fails), or private copies (the default on Windows, where the cache''s files cannot be made read-only)'
            cand -n 'Create the environment in the store under this name (see `venvsh list`), instead of in a directory here'
            cand --name 'Create the environment in the store under this name (see `venvsh list`), instead of in a directory here'
            cand --system-site-packages 'Give the environment access to the system site-packages'
            cand --symlinks 'Use symlinks rather than copies (the default on POSIX)'
            cand --copies 'Use copies rather than symlinks (the default on Windows)'
            cand --clear 'Delete the contents of an existing environment before creating it (never across a mount point inside it)'
            cand --upgrade 'Upgrade the environment to use this Python, in place, and its pip to the version bundled with this Python if that is newer'
            cand --without-pip 'Skip installing pip into the environment'
            cand --upgrade-deps 'Upgrade pip to the latest version on PyPI after creating the environment'
            cand --without-scm-ignore-files 'Do not write a `.gitignore` into the environment (written for Python 3.13 and later, as venv does, and never over an existing one)'
            cand --force 'With --clear: clear a directory even if it does not look like an environment'
            cand --compile-bytecode 'Compile what is installed (pip) to bytecode, as `python -m venv` does; slower to create, faster to run pip the first time'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;cache'= {
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand info 'Show where the cache is and what it holds.'
            cand clean 'Delete the cache.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'venvsh;cache;info'= {
            cand --json 'Print it as JSON'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;cache;clean'= {
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;cache;help'= {
            cand info 'Show where the cache is and what it holds.'
            cand clean 'Delete the cache.'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'venvsh;cache;help;info'= {
        }
        &'venvsh;cache;help;clean'= {
        }
        &'venvsh;cache;help;help'= {
        }
        &'venvsh;allow'= {
            cand --list 'List what is allowed and denied instead'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;deny'= {
            cand --list 'List what is allowed and denied instead'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;doctor'= {
            cand --shell 'The shell to check. Default: detected from the parent process'
            cand --hook-report 'Set by the hook''s `venvsh` function: what it sees of itself in the shell'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;hook-env'= {
            cand --shell 'The shell to write code for. Default: detected from the parent process'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;list'= {
            cand --json 'Print the store and its environments as JSON'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;ls'= {
            cand --json 'Print the store and its environments as JSON'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;remove'= {
            try { venvsh __complete-envs 2>/dev/null | from-lines | each {|name| cand $name 'stored environment' } } catch { }
            cand -n 'The same name, as conda''s `-n` gives it'
            cand --name 'The same name, as conda''s `-n` gives it'
            cand -y 'Remove without asking'
            cand --yes 'Remove without asking'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;rm'= {
            try { venvsh __complete-envs 2>/dev/null | from-lines | each {|name| cand $name 'stored environment' } } catch { }
            cand -n 'The same name, as conda''s `-n` gives it'
            cand --name 'The same name, as conda''s `-n` gives it'
            cand -y 'Remove without asking'
            cand --yes 'Remove without asking'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;run'= {
            try { venvsh __complete-envs 2>/dev/null | from-lines | each {|name| cand $name 'stored environment' } } catch { }
            cand -n 'An environment in the store, by name (as conda''s `-n`)'
            cand --name 'An environment in the store, by name (as conda''s `-n`)'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;shell'= {
            try { venvsh __complete-envs 2>/dev/null | from-lines | each {|name| cand $name 'stored environment' } } catch { }
            cand -n 'An environment in the store, by name (as conda''s `-n`)'
            cand --name 'An environment in the store, by name (as conda''s `-n`)'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;which'= {
            try { venvsh __complete-envs 2>/dev/null | from-lines | each {|name| cand $name 'stored environment' } } catch { }
            cand -n 'An environment in the store, by name (as conda''s `-n`)'
            cand --name 'An environment in the store, by name (as conda''s `-n`)'
            cand --json 'Print the answer as JSON'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;status'= {
            cand --json 'Print the answer as JSON'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;completions'= {
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;man'= {
            cand --out-dir 'Write venvsh.1 and a venvsh-COMMAND.1 page per command into this directory, and print the paths written'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'venvsh;__complete-envs'= {
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'venvsh;__wrapped'= {
            cand --code-file 'Write code for the shell into this file instead of marking it on stdout'
            cand --after 'After a --code-only run that exited with STATUS: exit with it for a command line that printed code, and run any other'
            cand --code-only 'With --code-file: for a command line that prints no code, do nothing'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;hook'= {
            cand --rc-line 'Print the line that loads the hook (for install.sh) instead of the hook, naming venvsh by PROGRAM (default: this binary''s path)'
            cand --no-auto 'Leave out auto-activation on entering a project; keep `venvsh activate` and `deactivate` working in place'
            cand --rc-file 'Print the path of the shell''s rc file (for install.sh) instead of the hook'
            cand --resume 'Print only the code that puts an inherited activation''s prompt back, for hooks saved to a file (nushell''s), which run it when the shell starts'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;init'= {
            cand --rc-line 'Print the line that loads the hook (for install.sh) instead of the hook, naming venvsh by PROGRAM (default: this binary''s path)'
            cand --no-auto 'Leave out auto-activation on entering a project; keep `venvsh activate` and `deactivate` working in place'
            cand --rc-file 'Print the path of the shell''s rc file (for install.sh) instead of the hook'
            cand --resume 'Print only the code that puts an inherited activation''s prompt back, for hooks saved to a file (nushell''s), which run it when the shell starts'
            cand -q 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand --quiet 'Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'venvsh;help'= {
            cand activate 'Activate an environment in this shell (with the hook; else print code for it).'
            cand deactivate 'Deactivate the active environment (with the hook; else print code for it).'
            cand create 'Create a virtual environment, as `python -m venv` does.'
            cand cache 'Show or delete venvsh''s cache (interpreter facts, unpacked wheels).'
            cand allow 'Let the hook auto-activate an environment (default: this project''s).'
            cand deny 'Never auto-activate an environment, and stop saying so.'
            cand doctor 'Check the shell integration: is the hook loaded and still in place, what is active and why, and is this project''s environment trusted.'
            cand hook-env 'Used by the hook: print code that auto-activates or deactivates for this directory'
            cand list 'List the environments in the store.'
            cand remove 'Remove an environment from the store.'
            cand run 'Run one command with an environment active, without a shell.'
            cand shell 'Start your shell with an environment active; `exit` leaves it.'
            cand which 'Show the active environment, else the one `venvsh activate` would choose here.'
            cand status 'Show what is active, and what `venvsh activate` would choose in this directory.'
            cand completions 'Print the completion script for a shell.'
            cand man 'Print the man page, or write every page into a directory'
            cand __complete-envs 'Used by the completion scripts: print the store''s environment names'
            cand __wrapped 'Used by the hook''s `venvsh` function: run a venvsh command line, telling the shell which output is code for it'
            cand hook 'Print the shell integration for an rc file (defines `venvsh` and `deactivate`).'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'venvsh;help;activate'= {
        }
        &'venvsh;help;deactivate'= {
        }
        &'venvsh;help;create'= {
        }
        &'venvsh;help;cache'= {
            cand info 'Show where the cache is and what it holds.'
            cand clean 'Delete the cache.'
        }
        &'venvsh;help;cache;info'= {
        }
        &'venvsh;help;cache;clean'= {
        }
        &'venvsh;help;allow'= {
        }
        &'venvsh;help;deny'= {
        }
        &'venvsh;help;doctor'= {
        }
        &'venvsh;help;hook-env'= {
        }
        &'venvsh;help;list'= {
        }
        &'venvsh;help;remove'= {
        }
        &'venvsh;help;run'= {
        }
        &'venvsh;help;shell'= {
        }
        &'venvsh;help;which'= {
        }
        &'venvsh;help;status'= {
        }
        &'venvsh;help;completions'= {
        }
        &'venvsh;help;man'= {
        }
        &'venvsh;help;__complete-envs'= {
        }
        &'venvsh;help;__wrapped'= {
        }
        &'venvsh;help;hook'= {
        }
        &'venvsh;help;help'= {
        }
    ]
    $completions[$command]
}
