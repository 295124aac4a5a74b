{#- The prompt part of transition `t` in bash, zsh or POSIX sh. -#}
{%- if flavor == Flavor::Zsh %}
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
