# venvsh completions for xonsh.
# Load them from ~/.xonshrc with:  execx($(venvsh completions xonsh))


def __venvsh_completions():
    import subprocess

    from xonsh.completers.completer import add_one_completer
    from xonsh.completers.tools import contextual_command_completer_for, non_exclusive_completer

    commands = ('activate', 'deactivate', 'create', 'cache', 'allow', 'deny', 'doctor', 'list', 'remove', 'run', 'shell', 'which', 'status', 'completions', 'hook', )
    # Commands whose argument is a path or a store name, and those taking a name only.
    env_commands = ('activate', 'workon', 'run', 'shell', 'which', )
    name_commands = ('remove', 'rm', )

    def store_names(prefix):
        try:
            done = subprocess.run(
                ['venvsh', '__complete-envs'],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=__xonsh__.env.detype(),
            )
        except OSError:
            return set()
        names = done.stdout.decode('utf-8', 'replace').splitlines()
        return {name for name in names if name.startswith(prefix)}

    @contextual_command_completer_for('venvsh')
    def complete(context):
        """venvsh: its commands, and store names where a command takes a name only."""
        if context.arg_index == 1:
            return {command for command in commands if command.startswith(context.prefix)}
        if context.arg_index == 2 and context.args[1].value in name_commands:
            return store_names(context.prefix)
        return None

    @non_exclusive_completer
    @contextual_command_completer_for('venvsh')
    def complete_envs(context):
        """venvsh: store names, besides paths, where a command takes an environment."""
        if context.arg_index == 2 and context.args[1].value in env_commands:
            return store_names(context.prefix)
        return None

    add_one_completer('venvsh', complete, 'start')
    add_one_completer('venvsh_envs', complete_envs, 'start')


__venvsh_completions()
del __venvsh_completions
