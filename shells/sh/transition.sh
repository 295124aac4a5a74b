{#- Apply a transition in bash, zsh or POSIX sh. Included by the hook, too. -#}
{%- if let Some(t) = view.transition %}
{%- if view.shell_name() == "zsh" %}
# An anonymous function, so zsh options such as KSH_ARRAYS or NO_UNSET cannot
# change how this code runs; assignments below are still global.
() {
emulate -L zsh
{%- endif %}
{%- for name in t.unset %}
unset {{ name|name }}
{%- endfor %}
{%- for (name, value) in t.set %}
export {{ name|name }}={{ value|posix }}
{%- endfor %}
{%- if let Some(entry) = t.path.remove %}
# Remove the first occurrence of the entry activation added; the user's own
# entries, even ones added while active, stay where they are.
__venvsh_entry={{ entry|posix_path }}
__venvsh_path=":${PATH-}:"
case $__venvsh_path in
    *:"$__venvsh_entry":*)
        __venvsh_path=${__venvsh_path%%:"$__venvsh_entry":*}:${__venvsh_path#*:"$__venvsh_entry":}
        ;;
esac
__venvsh_path=${__venvsh_path#:}
PATH=${__venvsh_path%:}
unset __venvsh_entry __venvsh_path
{%- endif %}
{%- if let Some(entry) = t.path.prepend %}
# An empty PATH gets no trailing ':' (which would mean the current directory).
if [ -n "${PATH-}" ]; then
    PATH={{ entry|posix_path }}:$PATH
else
    PATH={{ entry|posix_path }}
fi
{%- endif %}
{%- if t.path.remove.is_some() || t.path.prepend.is_some() %}
export PATH
{%- endif %}
{%- if view.shell_name() == "zsh" %}
{%- if t.prompt.show %}
# zsh expands % escapes (and, with PROMPT_SUBST, $ and `) in PS1, so the name is
# drawn from psvar by %9v, whose value zsh never expands (uv PR #19812).
if [[ ${PS1-} != '(%9v) '* ]]; then
    __venvsh_psvar=("${psvar[@]}")
    PS1='(%9v) '${PS1-}
fi
psvar[9]=${VIRTUAL_ENV_PROMPT-}
{%- else %}
if [[ ${PS1-} == '(%9v) '* ]]; then
    PS1=${PS1#'(%9v) '}
fi
if (( ${+__venvsh_psvar} )); then
    psvar=("${__venvsh_psvar[@]}")
    unset __venvsh_psvar
fi
{%- endif %}
{%- else %}
{%- if t.prompt.show %}
# PS1 holds a reference, not the name: bash and sh expand ${VIRTUAL_ENV_PROMPT}
# when drawing the prompt, and do not rescan its value for $(…), ` or \ escapes.
case ${PS1-} in
    '(${VIRTUAL_ENV_PROMPT-}) '*) ;;
    *)
        if [ -z "${PS1+set}" ]; then __venvsh_ps1_was_unset=1; fi
        PS1='(${VIRTUAL_ENV_PROMPT-}) '${PS1-}
        ;;
esac
{%- else %}
case ${PS1-} in
    '(${VIRTUAL_ENV_PROMPT-}) '*)
        PS1=${PS1#'(${VIRTUAL_ENV_PROMPT-}) '}
        if [ -n "${__venvsh_ps1_was_unset-}" ] && [ -z "$PS1" ]; then unset PS1; fi
        ;;
esac
unset __venvsh_ps1_was_unset
{%- endif %}
{%- endif %}
# `|| true`: with `set +h` hash fails, and `set -e` must not end the shell (virtualenv #2717).
hash -r 2>/dev/null || true
{%- if view.shell_name() == "zsh" %}
}
{%- endif %}
{%- endif %}
{%- if view.define_functions %}
{% include "sh/functions.sh" %}
{%- endif %}
