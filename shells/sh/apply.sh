{#- Apply transition `t` in bash, zsh or POSIX sh. -#}
{%- if flavor == Flavor::Zsh %}
# An anonymous function, so zsh options such as KSH_ARRAYS or NO_UNSET cannot
# change how this code runs; assignments below are still global.
() {
emulate -L zsh
{%- endif %}
{%- include "sh/changes.sh" %}
{%- include "sh/prompt.sh" %}
# `|| true`: with `set +h` hash fails, and `set -e` must not end the shell (virtualenv #2717).
hash -r 2>/dev/null || true
{%- if flavor == Flavor::Zsh %}
}
{%- endif %}
