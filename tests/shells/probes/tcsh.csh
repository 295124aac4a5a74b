# The probe for tcsh: record the state, activate, record, deactivate, record again;
# each value is written to a file in $VENVSH_TEST_OUT, `<unset>` for a variable that is
# not set (csh has no functions, so each record is spelt out). tests/shells/probes.rs
# feeds it to an interactive tcsh (-f -i), which draws its prompt, in two halves cut
# at the #SPLIT line: tcsh reads all the input it can before drawing a prompt, so the
# second half is sent only after the first has run, and the prompt drawn while
# waiting for it is the activated one.
#
# VENVSH_TEST_ENV      the environment to activate
# VENVSH_TEST_MODE     eval: venvsh activate's output; hook: venvsh hook, then
#                      venvsh activate; bin: the environment's bin/activate.csh
# VENVSH_TEST_VARIANT  for eval: file (the output saved to a file and sourced) or
#                      backtick (the output of venvsh activate, given no environment,
#                      evaluated: it finds the environment through a .venv file)

set prompt = '> '
setenv PYTHONHOME /original/home
if ( $?PATH ) then
    printf '%s' "$PATH:q" >! "$VENVSH_TEST_OUT/before_path"
else
    printf '%s' '<unset>' >! "$VENVSH_TEST_OUT/before_path"
endif
# $status is read in each branch: `endif` resets it.
if ( "$VENVSH_TEST_MODE" == eval && "$VENVSH_TEST_VARIANT" == file ) then
    venvsh activate "$VENVSH_TEST_ENV" --shell tcsh >! "$VENVSH_TEST_OUT/code.csh"
    source "$VENVSH_TEST_OUT/code.csh"
    set probe_status = $status
else if ( "$VENVSH_TEST_MODE" == eval ) then
    eval "`venvsh activate --shell tcsh`"
    set probe_status = $status
else if ( "$VENVSH_TEST_MODE" == hook ) then
    eval "`venvsh hook tcsh`"
    venvsh activate "$VENVSH_TEST_ENV"
    set probe_status = $status
else if ( "$VENVSH_TEST_MODE" == bin ) then
    source "${VENVSH_TEST_ENV}/bin/activate.csh"
    set probe_status = $status
else
    echo "unknown mode $VENVSH_TEST_MODE"
    exit 2
endif
printf '%s' $probe_status >! "$VENVSH_TEST_OUT/act_status"
unset probe_status
if ( $?VIRTUAL_ENV ) then
    printf '%s' "$VIRTUAL_ENV:q" >! "$VENVSH_TEST_OUT/ve"
else
    printf '%s' '<unset>' >! "$VENVSH_TEST_OUT/ve"
endif
if ( $?VIRTUAL_ENV_PROMPT ) then
    printf '%s' "$VIRTUAL_ENV_PROMPT:q" >! "$VENVSH_TEST_OUT/vep"
else
    printf '%s' '<unset>' >! "$VENVSH_TEST_OUT/vep"
endif
if ( $?PATH ) then
    printf '%s' "$PATH:q" >! "$VENVSH_TEST_OUT/path"
else
    printf '%s' '<unset>' >! "$VENVSH_TEST_OUT/path"
endif
if ( $?PYTHONHOME ) then
    printf '%s' "$PYTHONHOME:q" >! "$VENVSH_TEST_OUT/pythonhome"
else
    printf '%s' '<unset>' >! "$VENVSH_TEST_OUT/pythonhome"
endif
#SPLIT
echo __drawn__
deactivate
printf '%s' $status >! "$VENVSH_TEST_OUT/deact_status"
if ( $?PATH ) then
    printf '%s' "$PATH:q" >! "$VENVSH_TEST_OUT/after_path"
else
    printf '%s' '<unset>' >! "$VENVSH_TEST_OUT/after_path"
endif
if ( $?prompt ) then
    printf '%s' "$prompt:q" >! "$VENVSH_TEST_OUT/after_ps1"
else
    printf '%s' '<unset>' >! "$VENVSH_TEST_OUT/after_ps1"
endif
if ( $?VIRTUAL_ENV ) then
    printf '%s' "$VIRTUAL_ENV:q" >! "$VENVSH_TEST_OUT/after_ve"
else
    printf '%s' '<unset>' >! "$VENVSH_TEST_OUT/after_ve"
endif
if ( $?VIRTUAL_ENV_PROMPT ) then
    printf '%s' "$VIRTUAL_ENV_PROMPT:q" >! "$VENVSH_TEST_OUT/after_vep"
else
    printf '%s' '<unset>' >! "$VENVSH_TEST_OUT/after_vep"
endif
if ( $?VENVSH_STATE ) then
    printf '%s' "$VENVSH_STATE:q" >! "$VENVSH_TEST_OUT/after_state"
else
    printf '%s' '<unset>' >! "$VENVSH_TEST_OUT/after_state"
endif
if ( $?PYTHONHOME ) then
    printf '%s' "$PYTHONHOME:q" >! "$VENVSH_TEST_OUT/after_pythonhome"
else
    printf '%s' '<unset>' >! "$VENVSH_TEST_OUT/after_pythonhome"
endif

# bin/activate.csh also: `deactivate` removes itself, and PATH edits made while active
# survive a second activation's deactivate.
if ( "$VENVSH_TEST_MODE" == bin ) then
    alias deactivate >! "$VENVSH_TEST_OUT/deactivate_left"
    source "${VENVSH_TEST_ENV}/bin/activate.csh"
    source "${VENVSH_TEST_ENV}/bin/activate.csh"
    setenv PATH "/added/front:${PATH}:/added/back"
    deactivate
    if ( $?PATH ) then
        printf '%s' "$PATH:q" >! "$VENVSH_TEST_OUT/edited_path"
    else
        printf '%s' '<unset>' >! "$VENVSH_TEST_OUT/edited_path"
    endif
endif
exit 0
