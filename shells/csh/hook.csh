{#- The rc-file integration for tcsh. Read through ``eval "`…`"``, so one statement per
    line, each ending in ';', and no comments. An alias after a one-line `if ( … )` is
    not expanded, hence `eval NAME` there. precmd and cwdcmd keep what they held.
    The `venvsh` alias cannot branch on its arguments, and redirections and pipes attach
    to its last command (issue 8, item 2): so it runs venvsh twice, first for the code
    only, which it sources, then as the bare binary for everything else (`__wrapped`).
    It also makes the hook look again at the next prompt, after a trust change say. -#}
{%- if let Some(t) = resume %}
{%- include "csh/changes.csh" %}
{%- include "csh/prompt.csh" %}
rehash ;
{%- endif %}
{%- include "csh/functions.csh" %}
alias venvsh 'set _venvsh_script = `mktemp` ; "$_venvsh_exe" __wrapped tcsh --code-file "$_venvsh_script" --code-only -- \!* ; set _venvsh_status = $status ; source "$_venvsh_script" ; rm -f "$_venvsh_script" ; unset _venvsh_script ; set _venvsh_last_pwd = "" ; "$_venvsh_exe" __wrapped tcsh --after $_venvsh_status -- \!*' ;
{%- if auto %}
set _venvsh_last_pwd = '' ;
set _venvsh_last_marker = '' ;
alias __venvsh_hook_run 'set _venvsh_last_pwd = "$cwd:q" ; set _venvsh_last_marker = $_venvsh_marker ; __venvsh_apply hook-env' ;
alias __venvsh_hook 'set _venvsh_marker = 0 ; if ( -e .venv ) set _venvsh_marker = 1 ; if ( "$cwd:q" != "$_venvsh_last_pwd:q" || $_venvsh_marker != $_venvsh_last_marker ) eval __venvsh_hook_run' ;
set _venvsh_precmd = "`alias precmd`" ;
set _venvsh_cwdcmd = "`alias cwdcmd`" ;
if ( $?prompt && "$_venvsh_precmd:q" == "" ) alias precmd __venvsh_hook ;
if ( $?prompt && "$_venvsh_precmd:q" != "" && "$_venvsh_precmd:q" !~ *__venvsh_hook* ) alias precmd "$_venvsh_precmd:q ; __venvsh_hook" ;
if ( $?prompt && "$_venvsh_cwdcmd:q" == "" ) alias cwdcmd __venvsh_hook ;
if ( $?prompt && "$_venvsh_cwdcmd:q" != "" && "$_venvsh_cwdcmd:q" !~ *__venvsh_hook* ) alias cwdcmd "$_venvsh_cwdcmd:q ; __venvsh_hook" ;
unset _venvsh_precmd _venvsh_cwdcmd ;
if ( $?prompt ) eval __venvsh_hook ;
{%- endif %}
