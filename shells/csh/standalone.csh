{#- bin/activate.csh, written by `venvsh create`: sourced by tcsh with no venvsh installed. -#}
# Activate this virtual environment:  source bin/activate.csh   (tcsh; csh on macOS/BSD)
# Written by venvsh; needs nothing but tcsh and /bin/sh. `deactivate` undoes it: PATH
# loses only the entry added here, PYTHONHOME and the prompt come back as they were.
#
# `deactivate` is an alias, so every statement in it stands alone on one line. It removes
# the first occurrence of $VIRTUAL_ENV/bin from PATH with /bin/sh, which reads PATH and
# VIRTUAL_ENV from its environment, so no value is ever spliced into code; csh alone
# cannot drop one PATH entry (its `path` array turns empty entries into `.`).

# tcsh runs history substitution on each line it reads, before quotes: under the user's
# own histchars the `\!` below would stay `\!` and a name holding their history
# character would be rewritten; with backslash_quote set, `\` escapes inside quotes and
# the prompt's backslashes would be lost. The defaults hold until the end, then the
# user's settings come back (found by virtualenv's test_cshell_custom_histchars_* and
# test_cshell_prompt_preserves_quoting_mode).
if ( $?histchars ) then
    set _venvsh_histchars = "$histchars:q"
    unset histchars
endif
if ( $?backslash_quote ) then
    set _venvsh_backslash_quote
    unset backslash_quote
endif

alias deactivate {{ deactivate|csh }}

# Undo whatever activation is in force, this environment's or another's.
set _venvsh_nondestructive
deactivate
unset _venvsh_nondestructive

# The environment's Python must not see PYTHONHOME; keep it for deactivate.
if ( $?PYTHONHOME ) then
    set _OLD_VIRTUAL_PYTHONHOME = "$PYTHONHOME:q"
endif
{%- let t = on %}
{%- include "csh/changes.csh" %}
# An empty PATH gets no trailing ':' (which would mean the current directory).
if ( $?PATH ) then
    if ( "$PATH:q" == "" ) then
        setenv PATH {{ bin|csh_path }}
    else
        setenv PATH {{ bin|csh_path }}:"$PATH:q"
    endif
else
    setenv PATH {{ bin|csh_path }}
endif
# VIRTUAL_ENV_DISABLE_PROMPT set to anything but empty, 0 or false keeps the prompt as is.
set _venvsh_show_prompt = 1
if ( $?VIRTUAL_ENV_DISABLE_PROMPT ) then
    set _venvsh_show_prompt = 0
    if ( "$VIRTUAL_ENV_DISABLE_PROMPT:q" == "" ) set _venvsh_show_prompt = 1
    if ( "$VIRTUAL_ENV_DISABLE_PROMPT:q" == "0" ) set _venvsh_show_prompt = 1
    if ( "$VIRTUAL_ENV_DISABLE_PROMPT:q" =~ [Ff][Aa][Ll][Ss][Ee] ) set _venvsh_show_prompt = 1
endif
if ( $_venvsh_show_prompt ) then
{%- include "csh/prompt.csh" %}
endif
unset _venvsh_show_prompt
if ( $?_venvsh_histchars ) then
    set histchars = "$_venvsh_histchars:q"
    unset _venvsh_histchars
endif
if ( $?_venvsh_backslash_quote ) then
    set backslash_quote
    unset _venvsh_backslash_quote
endif
rehash
