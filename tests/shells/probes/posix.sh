# shellcheck shell=sh source=/dev/null
# The probe for bash, zsh and dash: record the state, activate, record, deactivate,
# record again; each value is written to a file in $VENVSH_TEST_OUT, `<unset>` for a
# variable that is not set. tests/shells/probes.rs runs it (as `-c` text, or on the
# standard input of an interactive dash) and checks the files.
#
# VENVSH_TEST_ENV      the environment to activate
# VENVSH_TEST_MODE     eval: venvsh activate's output; hook: venvsh hook, then
#                      venvsh activate; bin: the environment's bin/activate
# VENVSH_TEST_SHELL    the --shell name (bash, zsh, sh)
# VENVSH_TEST_RENDER   how this shell expands PS1 as it draws it (bash: ${PS1@P});
#                      empty when the shell draws the prompt itself

w() { printf '%s' "$2" >"$VENVSH_TEST_OUT/$1"; }
PS1='> '
PYTHONHOME=/original/home
export PYTHONHOME
w before_path "$PATH"
case $VENVSH_TEST_MODE in
    eval) eval "$(venvsh activate "$VENVSH_TEST_ENV" --shell "$VENVSH_TEST_SHELL")" ;;
    hook)
        eval "$(venvsh hook "$VENVSH_TEST_SHELL")"
        venvsh activate "$VENVSH_TEST_ENV"
        ;;
    bin) . "$VENVSH_TEST_ENV/bin/activate" ;;
    *)
        echo "unknown mode $VENVSH_TEST_MODE" >&2
        exit 2
        ;;
esac
w act_status "$?"
w ve "${VIRTUAL_ENV-<unset>}"
w vep "${VIRTUAL_ENV_PROMPT-<unset>}"
w path "$PATH"
w pythonhome "${PYTHONHOME-<unset>}"
if [ -n "${VENVSH_TEST_RENDER-}" ]; then eval "w prompt \"$VENVSH_TEST_RENDER\""; fi
deactivate
w deact_status "$?"
w after_path "$PATH"
w after_ps1 "$PS1"
w after_ve "${VIRTUAL_ENV-<unset>}"
w after_vep "${VIRTUAL_ENV_PROMPT-<unset>}"
w after_state "${VENVSH_STATE-<unset>}"
w after_pythonhome "${PYTHONHOME-<unset>}"

# bin/activate also: `deactivate` removes itself, and PATH edits made while active
# survive a second activation's deactivate.
if [ "$VENVSH_TEST_MODE" = bin ]; then
    if command -v deactivate >/dev/null 2>&1; then w deactivate_left yes; else w deactivate_left no; fi
    . "$VENVSH_TEST_ENV/bin/activate"
    . "$VENVSH_TEST_ENV/bin/activate"
    PATH=/added/front:$PATH:/added/back
    deactivate
    w edited_path "$PATH"
    w edited_ps1 "$PS1"
fi
