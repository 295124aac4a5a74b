module completions {
  # venvsh: environment names from the store, besides paths.
  export def "nu-complete venvsh envs" [] {
    ^venvsh __complete-envs | lines
  }


  # Python virtual environments that work in every shell
  export extern venvsh [
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help
    --version(-V)             # Print version
  ]

  def "nu-complete venvsh activate shell" [] {
    [ "bash" "zsh" "sh" "fish" "tcsh" "powershell" "nu" "cmd" "clink" "xonsh" ]
  }

  # Activate an environment in this shell (with the hook; else print code for it).
  export extern "venvsh activate" [
    --name(-n): string        # An environment in the store, by name (as conda's `-n`)
    --shell: string@"nu-complete venvsh activate shell" # The shell to write code for. Default: detected from the parent process
    --prompt: string          # The prompt name to show instead of the environment's own
    --json                    # Print what activation changes (variables, PATH, prompt) as JSON instead of code
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
    env?: path@"nu-complete venvsh envs"                # The environment: a directory holding `pyvenv.cfg`, or a store name. Default: the nearest `.venv` walking up from the current directory
  ]

  def "nu-complete venvsh deactivate shell" [] {
    [ "bash" "zsh" "sh" "fish" "tcsh" "powershell" "nu" "cmd" "clink" "xonsh" ]
  }

  # Deactivate the active environment (with the hook; else print code for it).
  export extern "venvsh deactivate" [
    --shell: string@"nu-complete venvsh deactivate shell" # The shell to write code for. Default: detected from the parent process
    --json                    # Print what activation changes (variables, PATH, prompt) as JSON instead of code
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
  ]

  def "nu-complete venvsh create link_mode" [] {
    [ "hardlink" "copy" ]
  }

  # Create a virtual environment, as `python -m venv` does.
  export extern "venvsh create" [
    --system-site-packages    # Give the environment access to the system site-packages
    --symlinks                # Use symlinks rather than copies (the default on POSIX)
    --copies                  # Use copies rather than symlinks (the default on Windows)
    --clear                   # Delete the contents of an existing environment before creating it (never across a mount point inside it)
    --upgrade                 # Upgrade the environment to use this Python, in place, and its pip to the version bundled with this Python if that is newer
    --without-pip             # Skip installing pip into the environment
    --prompt: string          # The prompt name for this environment (`.` means the current directory's name)
    --upgrade-deps            # Upgrade pip to the latest version on PyPI after creating the environment
    --without-scm-ignore-files # Do not write a `.gitignore` into the environment (written for Python 3.13 and later, as venv does, and never over an existing one)
    --python(-p): string      # The Python to use: a path, a name on PATH, or a version like `3.12`
    --force                   # With --clear: clear a directory even if it does not look like an environment
    --link-mode: string@"nu-complete venvsh create link_mode" # How pip's files get into the environment: hard links to read-only files in venvsh's cache (copies where linking fails), or private copies (the default on Windows, where the cache's files cannot be made read-only)
    --compile-bytecode        # Compile what is installed (pip) to bytecode, as `python -m venv` does; slower to create, faster to run pip the first time
    --name(-n): string        # Create the environment in the store under this name (see `venvsh list`), instead of in a directory here
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
    ...env_dirs: path         # Directories to create environments in
  ]

  # Show or delete venvsh's cache (interpreter facts, unpacked wheels).
  export extern "venvsh cache" [
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
  ]

  # Show where the cache is and what it holds.
  export extern "venvsh cache info" [
    --json                    # Print it as JSON
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
  ]

  # Delete the cache.
  export extern "venvsh cache clean" [
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "venvsh cache help" [
  ]

  # Show where the cache is and what it holds.
  export extern "venvsh cache help info" [
  ]

  # Delete the cache.
  export extern "venvsh cache help clean" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "venvsh cache help help" [
  ]

  # Let the hook auto-activate an environment (default: this project's).
  export extern "venvsh allow" [
    --list                    # List what is allowed and denied instead
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
    dir?: path                # An environment, or a project directory holding `.venv`. Default: the nearest `.venv` walking up from the current directory
  ]

  # Never auto-activate an environment, and stop saying so.
  export extern "venvsh deny" [
    --list                    # List what is allowed and denied instead
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
    dir?: path                # An environment, or a project directory holding `.venv`. Default: the nearest `.venv` walking up from the current directory
  ]

  def "nu-complete venvsh doctor shell" [] {
    [ "bash" "zsh" "sh" "fish" "tcsh" "powershell" "nu" "cmd" "clink" "xonsh" ]
  }

  # Check the shell integration: is the hook loaded and still in place, what is active and why, and is this project's environment trusted.
  export extern "venvsh doctor" [
    --shell: string@"nu-complete venvsh doctor shell" # The shell to check. Default: detected from the parent process
    --hook-report: string     # Set by the hook's `venvsh` function: what it sees of itself in the shell
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
  ]

  def "nu-complete venvsh hook-env shell" [] {
    [ "bash" "zsh" "sh" "fish" "tcsh" "powershell" "nu" "cmd" "clink" "xonsh" ]
  }

  # Used by the hook: print code that auto-activates or deactivates for this directory
  export extern "venvsh hook-env" [
    --shell: string@"nu-complete venvsh hook-env shell" # The shell to write code for. Default: detected from the parent process
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
  ]

  # List the environments in the store.
  export extern "venvsh list" [
    --json                    # Print the store and its environments as JSON
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
  ]

  # Remove an environment from the store.
  export extern "venvsh remove" [
    --name(-n): string        # The same name, as conda's `-n` gives it
    --yes(-y)                 # Remove without asking
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
    name?: string             # The name of the environment in the store
  ]

  # Run one command with an environment active, without a shell.
  export extern "venvsh run" [
    --name(-n): string        # An environment in the store, by name (as conda's `-n`)
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
    env?: path@"nu-complete venvsh envs"                # The environment: a directory holding `pyvenv.cfg`, or a store name. Default: the nearest `.venv` walking up from the current directory
  ]

  # Start your shell with an environment active; `exit` leaves it.
  export extern "venvsh shell" [
    --name(-n): string        # An environment in the store, by name (as conda's `-n`)
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
    env?: path@"nu-complete venvsh envs"                # The environment: a directory holding `pyvenv.cfg`, or a store name. Default: the nearest `.venv` walking up from the current directory
  ]

  # Show the active environment, else the one `venvsh activate` would choose here.
  export extern "venvsh which" [
    --name(-n): string        # An environment in the store, by name (as conda's `-n`)
    --json                    # Print the answer as JSON
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
    env?: path@"nu-complete venvsh envs"                # The environment to describe: a path or a store name. Default: the active one, else the nearest `.venv` walking up from the current directory
  ]

  # Show what is active, and what `venvsh activate` would choose in this directory.
  export extern "venvsh status" [
    --json                    # Print the answer as JSON
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
  ]

  def "nu-complete venvsh completions shell" [] {
    [ "bash" "zsh" "fish" "tcsh" "powershell" "nu" "xonsh" "elvish" ]
  }

  # Print the completion script for a shell.
  export extern "venvsh completions" [
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
    shell: string@"nu-complete venvsh completions shell" # The shell to complete in
  ]

  # Print the man page, or write every page into a directory
  export extern "venvsh man" [
    --out-dir: path           # Write venvsh.1 and a venvsh-COMMAND.1 page per command into this directory, and print the paths written
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help
  ]

  # Used by the completion scripts: print the store's environment names
  export extern "venvsh __complete-envs" [
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help
  ]

  def "nu-complete venvsh __wrapped shell" [] {
    [ "bash" "zsh" "sh" "fish" "tcsh" "powershell" "nu" "cmd" "clink" "xonsh" ]
  }

  # Used by the hook's `venvsh` function: run a venvsh command line, telling the shell which output is code for it
  export extern "venvsh __wrapped" [
    --code-file: path         # Write code for the shell into this file instead of marking it on stdout
    --code-only               # With --code-file: for a command line that prints no code, do nothing
    --after: string           # After a --code-only run that exited with STATUS: exit with it for a command line that printed code, and run any other
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
    shell: string@"nu-complete venvsh __wrapped shell" # The shell whose `venvsh` function is calling
  ]

  def "nu-complete venvsh hook shell" [] {
    [ "bash" "zsh" "sh" "fish" "tcsh" "powershell" "nu" "cmd" "clink" "xonsh" ]
  }

  # Print the shell integration for an rc file (defines `venvsh` and `deactivate`).
  export extern "venvsh hook" [
    --no-auto                 # Leave out auto-activation on entering a project; keep `venvsh activate` and `deactivate` working in place
    --rc-line: string         # Print the line that loads the hook (for install.sh) instead of the hook, naming venvsh by PROGRAM (default: this binary's path)
    --rc-file                 # Print the path of the shell's rc file (for install.sh) instead of the hook
    --resume                  # Print only the code that puts an inherited activation's prompt back, for hooks saved to a file (nushell's), which run it when the shell starts
    --quiet(-q)               # Leave out informational lines (created, removed, allowed); errors, warnings and what was asked for still print
    --help(-h)                # Print help (see more with '--help')
    shell: string@"nu-complete venvsh hook shell" # The shell to integrate with
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "venvsh help" [
  ]

  # Activate an environment in this shell (with the hook; else print code for it).
  export extern "venvsh help activate" [
  ]

  # Deactivate the active environment (with the hook; else print code for it).
  export extern "venvsh help deactivate" [
  ]

  # Create a virtual environment, as `python -m venv` does.
  export extern "venvsh help create" [
  ]

  # Show or delete venvsh's cache (interpreter facts, unpacked wheels).
  export extern "venvsh help cache" [
  ]

  # Show where the cache is and what it holds.
  export extern "venvsh help cache info" [
  ]

  # Delete the cache.
  export extern "venvsh help cache clean" [
  ]

  # Let the hook auto-activate an environment (default: this project's).
  export extern "venvsh help allow" [
  ]

  # Never auto-activate an environment, and stop saying so.
  export extern "venvsh help deny" [
  ]

  # Check the shell integration: is the hook loaded and still in place, what is active and why, and is this project's environment trusted.
  export extern "venvsh help doctor" [
  ]

  # Used by the hook: print code that auto-activates or deactivates for this directory
  export extern "venvsh help hook-env" [
  ]

  # List the environments in the store.
  export extern "venvsh help list" [
  ]

  # Remove an environment from the store.
  export extern "venvsh help remove" [
  ]

  # Run one command with an environment active, without a shell.
  export extern "venvsh help run" [
  ]

  # Start your shell with an environment active; `exit` leaves it.
  export extern "venvsh help shell" [
  ]

  # Show the active environment, else the one `venvsh activate` would choose here.
  export extern "venvsh help which" [
  ]

  # Show what is active, and what `venvsh activate` would choose in this directory.
  export extern "venvsh help status" [
  ]

  # Print the completion script for a shell.
  export extern "venvsh help completions" [
  ]

  # Print the man page, or write every page into a directory
  export extern "venvsh help man" [
  ]

  # Used by the completion scripts: print the store's environment names
  export extern "venvsh help __complete-envs" [
  ]

  # Used by the hook's `venvsh` function: run a venvsh command line, telling the shell which output is code for it
  export extern "venvsh help __wrapped" [
  ]

  # Print the shell integration for an rc file (defines `venvsh` and `deactivate`).
  export extern "venvsh help hook" [
  ]

  # Print this message or the help of the given subcommand(s)
  export extern "venvsh help help" [
  ]

}

export use completions *
