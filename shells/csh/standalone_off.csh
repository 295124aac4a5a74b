{#- The body of `deactivate` in bin/activate.csh: one statement per line, each ending in
    ';', joined into one alias. The /bin/sh program reads PATH, VIRTUAL_ENV and the bin
    directory's name from its environment and prints the new PATH; it prints two lines
    (two words to csh, so PATH is left alone) when nothing is active or PATH holds a
    newline, which csh could not carry. It has no ' or !, so it sits in csh single quotes. -#}
setenv __VENVSH_BIN {{ bin_name|csh }} ;
setenv __VENVSH_DEACTIVATE 'n=$(printf "\\nx"); n=${n%x}; case ${VIRTUAL_ENV-} in "") printf "x\\nx"; exit 0;; esac; case ${PATH-} in *"$n"*) printf "x\\nx"; exit 0;; esac; e=$VIRTUAL_ENV/$__VENVSH_BIN; p=:${PATH-}:; case $p in *:"$e":*) p=${p%%:"$e":*}:${p#*:"$e":};; esac; p=${p#:}; printf %s "${p%:}"' ;
set _venvsh_path = ( "`\printenv __VENVSH_DEACTIVATE | /bin/sh`" ) ;
unsetenv __VENVSH_DEACTIVATE __VENVSH_BIN ;
if ( $#_venvsh_path == 1 ) setenv PATH "$_venvsh_path:q" ;
unset _venvsh_path ;
if ( $?_OLD_VIRTUAL_PYTHONHOME ) eval 'setenv PYTHONHOME "$_OLD_VIRTUAL_PYTHONHOME:q"' ;
unset _OLD_VIRTUAL_PYTHONHOME ;
{%- include "csh/changes.csh" %}
{%- include "csh/prompt.csh" %}
rehash ;
if ( ! $?_venvsh_nondestructive ) unalias deactivate ;
