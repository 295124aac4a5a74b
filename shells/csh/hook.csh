{#- The rc-file integration for tcsh. Read through ``eval "`…`"``, so one statement per
    line, each ending in ';', and no comments. An alias after a one-line `if ( … )` is
    not expanded, hence `eval NAME` there. precmd and cwdcmd keep what they held. -#}
{%- if let Some(t) = resume %}
{%- include "csh/changes.csh" %}
{%- include "csh/prompt.csh" %}
rehash ;
{%- endif %}
{%- include "csh/functions.csh" %}
alias venvsh '__venvsh_apply' ;
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
