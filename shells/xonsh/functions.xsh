{#- The body of a function (indented) that defines `deactivate` and the helper it
    calls, for activation and the hook. Everything stays inside that function, so the
    session's namespace gets nothing but the aliases. #}
    import json
    import os
    import shlex
    import subprocess
    import sys

    exe = {{ exe|xonsh }}
    mark = {{ crate::shell::CODE_MARK|xonsh }}.encode()
    # How the hook's venvsh alias hands words over (see bare() there).
    argv_var = '__VENVSH_ARGV'

    def write(stream, data):
        buffer = getattr(stream, 'buffer', None)
        stream.flush()
        if buffer is None:
            stream.write(data.decode('utf-8', 'replace'))
        else:
            buffer.write(data)
            buffer.flush()

    def apply(args, stdin=None, stdout=None, stderr=None):
        """venvsh: run what venvsh marks as code for xonsh; pass anything else on."""
        env = dict(__xonsh__.env.detype())
        env.pop(argv_var, None)
        done = subprocess.run(
            [exe, '__wrapped', 'xonsh', '--', *args],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=stderr,
            env=env,
        )
        if done.stdout.startswith(mark):
            # Plain Python: nothing in it is read as xonsh's subprocess syntax.
            exec(compile(done.stdout.decode(), 'venvsh', 'exec'), {})
            return 0
        if done.stdout:
            write(sys.stdout if stdout is None else stdout, done.stdout)
        return done.returncode

    def deactivate(args, stdin=None, stdout=None, stderr=None):
        """venvsh: deactivate the active environment."""
        return apply(['deactivate', *args], stdin, stdout, stderr)

    # Works in any xonsh that loaded the hook, including children that inherited an
    # activation: what to undo travels in VENVSH_STATE.
    __xonsh__.aliases['deactivate'] = deactivate
