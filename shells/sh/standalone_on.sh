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
{%- if let Some(root) = windows_root %}
# Git Bash, MSYS2 and Cygwin name a Windows path by their own mounts (/c/…, /cygdrive/c/…):
# cygpath converts it, as in CPython's activate (cpython gh-103088, gh-112507).
case $(\command uname 2>/dev/null) in
    CYGWIN* | MSYS* | MINGW*) VIRTUAL_ENV=$(\command cygpath -u {{ root|posix }}) ;;
    *) VIRTUAL_ENV={{ root|posix }} ;;
esac
\{{ flavor.builtin()|word }} export VIRTUAL_ENV
if [ -n "${PATH-}" ]; then
    PATH=$VIRTUAL_ENV/{{ bin_name|posix }}:$PATH
else
    PATH=$VIRTUAL_ENV/{{ bin_name|posix }}
fi
\{{ flavor.builtin()|word }} export PATH
{%- endif %}
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
