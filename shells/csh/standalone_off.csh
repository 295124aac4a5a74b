{#- The body of `deactivate` in bin/activate.csh: one statement per line, each ending in
    ';', joined into one alias. The /bin/sh program reads PATH, VIRTUAL_ENV and the bin
    directory's name from its environment and prints the new PATH after an `x`, which
    keeps an empty PATH one word (csh drops the `:s/x//` again); it prints two lines
    (two words to csh, so PATH is left alone) when nothing is active or PATH holds a
    newline, which csh could not carry. It has no ' or !, so it sits in csh single quotes.
    /bin/sh reads the program from the environment too: `printenv` would have to come
    from PATH (tcsh runs no builtin under a quoted name, and PATH may be empty). The
    command between the backquotes is `/bin/sh -c 'eval "$__VENVSH_DEACTIVATE"'`; csh's
    double quotes close around its single-quoted part, which cannot stand inside them. -#}
setenv __VENVSH_BIN {{ bin_name|csh }} ;
setenv __VENVSH_DEACTIVATE 'n=$(printf "\\nx"); n=${n%x}; case ${VIRTUAL_ENV-} in "") printf "x\\nx"; exit 0;; esac; case ${PATH-} in *"$n"*) printf "x\\nx"; exit 0;; esac; e=$VIRTUAL_ENV/$__VENVSH_BIN; p=:${PATH-}:; case $p in *:"$e":*) p=${p%%:"$e":*}:${p#*:"$e":};; esac; p=${p#:}; printf x%s "${p%:}"' ;
set _venvsh_path = ( "`/bin/sh -c '"'eval "$__VENVSH_DEACTIVATE"'"'`" ) ;
unsetenv __VENVSH_DEACTIVATE __VENVSH_BIN ;
if ( $#_venvsh_path == 1 ) setenv PATH "$_venvsh_path:s/x//" ;
unset _venvsh_path ;
if ( $?_OLD_VIRTUAL_PYTHONHOME ) eval 'setenv PYTHONHOME "$_OLD_VIRTUAL_PYTHONHOME:q"' ;
unset _OLD_VIRTUAL_PYTHONHOME ;
{%- include "csh/changes.csh" %}
{%- include "csh/prompt.csh" %}
rehash ;
if ( ! $?_venvsh_nondestructive ) unalias deactivate ;
