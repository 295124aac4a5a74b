{#- The rc-file integration for tcsh. Read through ``eval "`…`"``, so one statement per
    line, each ending in ';', and no comments. An alias after a one-line `if ( … )` is
    not expanded, hence `eval NAME` there. precmd and cwdcmd keep what they held.
    The `venvsh` alias cannot branch on its arguments, and redirections and pipes attach
    to its last command (issue 8, item 2): so it runs venvsh twice, first for the code
    only, which it sources, then as the bare binary for everything else (`__wrapped`).
    It also makes the hook look again at the next prompt, after a trust change say. At
    each prompt the hook looks, in tcsh alone, at the directory, whether it holds a .venv,
    and the active environment (another tool's activate or deactivate changes it; it may
    have been deleted); venvsh runs only when one of them changed. csh substitutes a
    line's variables before a one-line `if` tests, so an unset one is read in `eval`. -#}
{%- if let Some(t) = resume %}
{%- include "csh/apply.csh" %}
{%- endif %}
{%- include "csh/functions.csh" %}
alias venvsh 'set _venvsh_script = `\mktemp` ; "$_venvsh_exe" __wrapped tcsh --code-file "$_venvsh_script" --code-only -- \!* ; set _venvsh_status = $status ; source "$_venvsh_script" ; \rm -f "$_venvsh_script" ; unset _venvsh_script ; set _venvsh_last_pwd = "" ; "$_venvsh_exe" __wrapped tcsh --after $_venvsh_status -- \!*' ;
{%- if auto %}
set _venvsh_last_pwd = '' ;
set _venvsh_last_marker = '' ;
set _venvsh_last_ve = '' ;
alias __venvsh_look 'set _venvsh_marker = 0 ; if ( -e .venv ) set _venvsh_marker = 1 ; set _venvsh_ve = "" ; if ( $?VIRTUAL_ENV ) eval '"'"'set _venvsh_ve = "$VIRTUAL_ENV:q"'"'"' ; set _venvsh_gone = gone ; if ( "$_venvsh_ve:q" == "" || -d "$_venvsh_ve:q" ) set _venvsh_gone = "" ; set _venvsh_marker = "$_venvsh_marker$_venvsh_gone"' ;
alias __venvsh_hook_run '__venvsh_apply hook-env ; __venvsh_look ; set _venvsh_last_pwd = "$cwd:q" ; set _venvsh_last_marker = "$_venvsh_marker" ; set _venvsh_last_ve = "$_venvsh_ve:q"' ;
alias __venvsh_hook '__venvsh_look ; if ( "$cwd:q" != "$_venvsh_last_pwd:q" || "$_venvsh_marker" != "$_venvsh_last_marker" || "$_venvsh_ve:q" != "$_venvsh_last_ve:q" ) eval __venvsh_hook_run' ;
set _venvsh_precmd = "`alias precmd`" ;
set _venvsh_cwdcmd = "`alias cwdcmd`" ;
if ( $?prompt && "$_venvsh_precmd:q" == "" ) alias precmd __venvsh_hook ;
if ( $?prompt && "$_venvsh_precmd:q" != "" && "$_venvsh_precmd:q" !~ *__venvsh_hook* ) alias precmd "$_venvsh_precmd:q ; __venvsh_hook" ;
if ( $?prompt && "$_venvsh_cwdcmd:q" == "" ) alias cwdcmd __venvsh_hook ;
if ( $?prompt && "$_venvsh_cwdcmd:q" != "" && "$_venvsh_cwdcmd:q" !~ *__venvsh_hook* ) alias cwdcmd "$_venvsh_cwdcmd:q ; __venvsh_hook" ;
unset _venvsh_precmd _venvsh_cwdcmd ;
if ( $?prompt ) eval __venvsh_hook ;
{%- endif %}
