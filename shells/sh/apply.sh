{#- Apply transition `t` in bash, zsh or POSIX sh. -#}
{%- if flavor == Flavor::Zsh %}
# An anonymous function, so zsh options such as KSH_ARRAYS or NO_UNSET cannot
# change how this code runs; assignments below are still global.
() {
\builtin emulate -L zsh
{%- endif %}
{%- include "sh/other.sh" %}
{%- include "sh/changes.sh" %}
{%- include "sh/prompt.sh" %}
{%- if t.env.is_some() %}
# venvsh's activation is in force: `deactivate` is venvsh's (another tool's
# `deactivate` removes itself, and venvsh's with it).
deactivate() {
    __venvsh_apply deactivate "$@"
}
{%- endif %}
# `|| true`: with `set +h` hash fails, and `set -e` must not end the shell (virtualenv #2717).
\{{ flavor.builtin()|word }} hash -r 2>/dev/null || true
{%- if flavor == Flavor::Zsh %}
}
{%- endif %}
