# The probe for xonsh: record the state, activate, record, deactivate, record again;
# each value is written to a file in $VENVSH_TEST_OUT, `<unset>` for a variable that is
# not set. tests/shells/probes.rs runs it with `xonsh --no-rc` and checks the files.
#
# VENVSH_TEST_ENV   the environment to activate
# VENVSH_TEST_MODE  eval: execx($(venvsh activate ENV --shell xonsh));
#                   hook: execx($(venvsh hook xonsh)), then venvsh activate ENV
#
# Variables are recorded as xonsh hands them to commands (detyped: PATH joined), and
# the prompt as xonsh formats its own {env_name} field, with $PROMPT left as it was.
import os
import subprocess

out = ${...}['VENVSH_TEST_OUT']
env = ${...}['VENVSH_TEST_ENV']
mode = ${...}['VENVSH_TEST_MODE']


def w(name, value):
    with open(os.path.join(out, name), 'w', encoding='utf-8', newline='') as f:
        f.write(value)


def v(name):
    return __xonsh__.env.detype().get(name, '<unset>')


def prompt():
    # Fields are computed once per prompt: start afresh, as xonsh does before drawing.
    $PROMPT_FIELDS.reset()
    return __xonsh__.shell.prompt_formatter('{env_name}> ')


def status(run):
    try:
        run()
    except subprocess.CalledProcessError as e:
        return str(e.returncode)
    return '0'


$PROMPT = '{env_name}{user}> '
$PYTHONHOME = '/original/home'
w('before_path', v('PATH'))
if mode == 'eval':
    w('act_status', status(lambda: execx($(venvsh activate @(env) --shell xonsh))))
elif mode == 'hook':
    execx($(venvsh hook xonsh))
    w('act_status', status(lambda: ![venvsh activate @(env)]))
else:
    raise SystemExit(f'unknown mode {mode}')
w('ve', v('VIRTUAL_ENV'))
w('vep', v('VIRTUAL_ENV_PROMPT'))
w('path', v('PATH'))
w('path0', $PATH[0])
w('pythonhome', v('PYTHONHOME'))
w('prompt', prompt())
w('prompt_var', $PROMPT)
w('deact_status', status(lambda: ![deactivate]))
w('after_path', v('PATH'))
w('after_ps1', prompt())
w('after_ve', v('VIRTUAL_ENV'))
w('after_vep', v('VIRTUAL_ENV_PROMPT'))
w('after_state', v('VENVSH_STATE'))
w('after_pythonhome', v('PYTHONHOME'))
w('leftovers', ' '.join(sorted(name for name in globals() if 'venvsh' in name)))
