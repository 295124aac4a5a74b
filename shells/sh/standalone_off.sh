{#- The body of `deactivate` in bin/activate, for sh or (rendered alone) zsh. -#}
{%- if flavor == Flavor::Zsh %}
() {
\builtin emulate -L zsh
{%- endif %}
# Remove the first occurrence of the active environment's bin directory from PATH:
# entries added while it was active stay where they are.
if [ -n "${VIRTUAL_ENV-}" ]; then
    __venvsh_entry=$VIRTUAL_ENV/{{ bin_name|posix }}
{%- include "sh/path_remove.sh" %}
    \{{ flavor.builtin()|word }} export PATH
fi
if [ -n "${_OLD_VIRTUAL_PYTHONHOME+set}" ]; then
    PYTHONHOME=$_OLD_VIRTUAL_PYTHONHOME
    \{{ flavor.builtin()|word }} export PYTHONHOME
    \{{ flavor.builtin()|word }} unset _OLD_VIRTUAL_PYTHONHOME
fi
{%- include "sh/changes.sh" %}
{%- include "sh/prompt.sh" %}
\{{ flavor.builtin()|word }} hash -r 2>/dev/null || true
{%- if flavor == Flavor::Zsh %}
}
{%- endif %}
