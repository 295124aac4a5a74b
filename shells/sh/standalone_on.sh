{#- The activation in bin/activate, for sh or (rendered alone) zsh. -#}
{%- if flavor == Flavor::Zsh %}
() {
\builtin emulate -L zsh
{%- endif %}
# The environment's Python must not see PYTHONHOME; keep it for deactivate.
if [ -n "${PYTHONHOME+set}" ]; then
    _OLD_VIRTUAL_PYTHONHOME=$PYTHONHOME
fi
{%- include "sh/changes.sh" %}
# VIRTUAL_ENV_DISABLE_PROMPT set to anything but empty, 0 or false keeps the prompt as is.
case ${VIRTUAL_ENV_DISABLE_PROMPT-} in
    '' | 0 | [Ff][Aa][Ll][Ss][Ee])
{%- include "sh/prompt.sh" %}
        ;;
esac
# `|| true`: with `set +h` hash fails, and `set -e` must not end the shell (virtualenv #2717).
\{{ flavor.builtin()|word }} hash -r 2>/dev/null || true
{%- if flavor == Flavor::Zsh %}
}
{%- endif %}
