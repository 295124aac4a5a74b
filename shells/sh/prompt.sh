{#- The prompt part of transition `t` in bash, zsh or POSIX sh. The name shown is
    venvsh's own (`__venvsh_prompt`, zsh's psvar[8]), not VIRTUAL_ENV_PROMPT, which an
    activate script sourced on top sets to its own name (issue 11, item 5). -#}
{%- if flavor == Flavor::Zsh %}
{%- if t.prompt.show %}
# zsh expands % escapes (and, with PROMPT_SUBST, $ and `) in PS1, so the name is
# drawn from psvar by %8v, whose value zsh never expands (uv PR #19812). Not slot 9,
# which virtualenv's activate uses.
if [[ ${PS1-} != '(%8v) '* ]]; then
    __venvsh_psvar=("${psvar[@]}")
    PS1='(%8v) '${PS1-}
fi
{%- if let Some(text) = t.prompt.text %}
psvar[8]={{ text|posix }}
{%- endif %}
{%- else %}
if [[ ${PS1-} == '(%8v) '* ]]; then
    PS1=${PS1#'(%8v) '}
fi
if (( ${+__venvsh_psvar} )); then
    psvar=("${__venvsh_psvar[@]}")
    \builtin unset __venvsh_psvar
fi
{%- endif %}
{%- else %}
{%- if t.prompt.show %}
# PS1 holds a reference, not the name: bash and sh expand ${__venvsh_prompt} when
# drawing the prompt, and do not rescan its value for $(…), ` or \ escapes.
{%- if let Some(text) = t.prompt.text %}
__venvsh_prompt={{ text|posix }}
{%- endif %}
case ${PS1-} in
    '(${__venvsh_prompt-}) '*) ;;
    *)
        if [ -z "${PS1+set}" ]; then __venvsh_ps1_was_unset=1; fi
        PS1='(${__venvsh_prompt-}) '${PS1-}
        ;;
esac
{%- else %}
case ${PS1-} in
    '(${__venvsh_prompt-}) '*)
        PS1=${PS1#'(${__venvsh_prompt-}) '}
        if [ -n "${__venvsh_ps1_was_unset-}" ] && [ -z "$PS1" ]; then \{{ flavor.builtin()|word }} unset PS1; fi
        ;;
esac
\{{ flavor.builtin()|word }} unset __venvsh_ps1_was_unset __venvsh_prompt
{%- endif %}
{%- endif %}
