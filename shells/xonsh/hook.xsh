# venvsh shell integration for xonsh.
# Load it from ~/.xonshrc with:  execx($(venvsh hook xonsh))
#
# The prompt is xonsh's own: its {env_name} field shows the active environment.


def __venvsh_define():
{%- include "xonsh/functions.xsh" %}
    seen = {}

    def wrapped(args, stdin=None, stdout=None, stderr=None):
        """venvsh: activate or deactivate, with the words the venvsh alias handed over."""
        words = json.loads(__xonsh__.env.get(argv_var, '[]'))
        return apply(words, stdin, stdout, stderr)

    def bare(words):
        # The command that runs venvsh with exactly these words, as a process of its own
        # with the terminal, pipes and exit status of any command. xonsh expands $NAME
        # and ~ again in the words of a command an alias returns, so the words travel in
        # the environment of a /bin/sh that removes them and becomes venvsh; xonsh
        # leaves the ${...} form in its script alone.
        return {
            'cmd': ['/bin/sh', '-c', 'set -- "${__VENVSH_ARGV}"; unset __VENVSH_ARGV; eval "exec ${1}"'],
            'env': {argv_var: ' '.join(shlex.quote(w) for w in [exe, *words])},
        }

    def report():
        """What `venvsh doctor` needs to know that only the shell can see."""
{%- if auto %}
        events = __xonsh__.builtins.events
        for event in (events.on_chdir, events.on_pre_prompt):
            if not any(getattr(h, '__venvsh_hook__', False) for h in event):
                return "venvsh's handler is no longer in events.on_chdir and on_pre_prompt"
        return 'ok'
{%- else %}
        return 'no-auto'
{%- endif %}

    def venvsh(args, **_):
        """venvsh: Python virtual environments."""
        verb = args[0] if args else ''
        # `venvsh activate` and `venvsh deactivate` change this shell, also with a global
        # flag before the verb (`venvsh -q activate`).
        code_verb = args[1] if verb in ('-q', '--quiet') and len(args) > 1 else verb
        if code_verb in ('activate', 'deactivate', 'workon'):
            return {'cmd': ['__venvsh_apply'], 'env': {argv_var: json.dumps(list(args))}}
        if verb in ('allow', 'deny'):
            # Trust changed: look again at the next prompt.
            seen.clear()
        if verb == 'doctor':
            return bare(['doctor', '--shell', 'xonsh', '--hook-report', report(), *args[1:]])
        return bare(args)

    aliases = __xonsh__.aliases
    aliases['__venvsh_apply'] = wrapped
    aliases['venvsh'] = aliases.return_command(venvsh)
{%- if auto %}

    # Auto-activation, on every directory change and before every prompt. The hook
    # looks, in xonsh itself, at the directory, whether it holds a .venv, and the active
    # environment (another tool may change it; it may have been deleted); venvsh runs
    # only when one of them changed.
    def look():
        active = __xonsh__.env.get('VIRTUAL_ENV', '')
        gone = bool(active) and not os.path.isdir(active)
        return (__xonsh__.env.get('PWD'), os.path.exists('.venv'), active, gone)

    def hook(**_):
        """venvsh: auto-activation."""
        if seen.get('last') != look():
            apply(['hook-env'])
            seen['last'] = look()

    hook.__venvsh_hook__ = True
    events = __xonsh__.builtins.events
    for event in (events.on_chdir, events.on_pre_prompt):
        # Loading the hook again replaces its handler.
        for old in [h for h in event if getattr(h, '__venvsh_hook__', False)]:
            event.discard(old)
        event(hook)
    # A shell started inside a project is activated before its first command.
    hook()
{%- endif %}


__venvsh_define()
del __venvsh_define
