# The probe for fish: record the state, activate, record, deactivate, record again;
# each value is written to a file in $VENVSH_TEST_OUT, `<unset>` for a variable that is
# not set. tests/shells/probes.rs runs it with TERM=dumb (set_color prints nothing
# there) and checks the files.
#
# VENVSH_TEST_ENV   the environment to activate
# VENVSH_TEST_MODE  eval: venvsh activate's output; hook: venvsh hook, then
#                   venvsh activate; bin: the environment's bin/activate.fish

function w --argument-names name
    if set -q $argv[2]
        string join : -- $$argv[2] >$VENVSH_TEST_OUT/$name
    else
        printf '%s' '<unset>' >$VENVSH_TEST_OUT/$name
    end
    # `string join` of one element "joins nothing" and returns 1.
    return 0
end

function fish_prompt
    printf '%s' $status >$VENVSH_TEST_OUT/seen_status
    printf '> '
end

set -gx PYTHONHOME /original/home
w before_path PATH
switch $VENVSH_TEST_MODE
    case eval
        venvsh activate $VENVSH_TEST_ENV --shell fish | source
        # venvsh's own status, not source's.
        set -g __probe_status $pipestatus[1]
    case hook
        venvsh hook fish | source
        venvsh activate $VENVSH_TEST_ENV
        set -g __probe_status $status
    case bin
        source $VENVSH_TEST_ENV/bin/activate.fish
        set -g __probe_status $status
    case '*'
        echo "unknown mode $VENVSH_TEST_MODE" >&2
        exit 2
end
printf '%s' $__probe_status >$VENVSH_TEST_OUT/act_status
set -e __probe_status
w ve VIRTUAL_ENV
w vep VIRTUAL_ENV_PROMPT
w path PATH
w pythonhome PYTHONHOME
fish_prompt >$VENVSH_TEST_OUT/prompt
# The prompt wrapper keeps $status for the user's prompt: the original sees `false`'s 1.
false
fish_prompt >/dev/null
command mv $VENVSH_TEST_OUT/seen_status $VENVSH_TEST_OUT/prompt_status
deactivate
printf '%s' $status >$VENVSH_TEST_OUT/deact_status
w after_path PATH
fish_prompt >$VENVSH_TEST_OUT/after_ps1
w after_ve VIRTUAL_ENV
w after_vep VIRTUAL_ENV_PROMPT
w after_state VENVSH_STATE
w after_pythonhome PYTHONHOME

# bin/activate.fish also: `deactivate` removes itself, and PATH edits made while active
# survive a second activation's deactivate.
if test "$VENVSH_TEST_MODE" = bin
    if functions -q deactivate
        printf yes
    else
        printf no
    end >$VENVSH_TEST_OUT/deactivate_left
    source $VENVSH_TEST_ENV/bin/activate.fish
    source $VENVSH_TEST_ENV/bin/activate.fish
    set -gx PATH /added/front $PATH /added/back
    deactivate
    w edited_path PATH
end
