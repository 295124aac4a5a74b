{#- Remove the first occurrence of $__venvsh_entry from PATH, then unset it. #}
__venvsh_path=":${PATH-}:"
case $__venvsh_path in
    *:"$__venvsh_entry":*)
        __venvsh_path=${__venvsh_path%%:"$__venvsh_entry":*}:${__venvsh_path#*:"$__venvsh_entry":}
        ;;
esac
__venvsh_path=${__venvsh_path#:}
PATH=${__venvsh_path%:}
\{{ flavor.builtin()|word }} unset __venvsh_entry __venvsh_path
