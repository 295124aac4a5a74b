{#- bin/activate.fish, written by `venvsh create`: sourced by fish with no venvsh installed. -#}
# Activate this virtual environment:  source bin/activate.fish
# Written by venvsh; needs nothing but fish. `deactivate` undoes it: PATH loses only the
# entry added here, PYTHONHOME and the prompt come back as they were. Builtins are
# called as `builtin NAME`, past any function of that name (virtualenv #3185).

function deactivate --description 'Deactivate this virtual environment'
    # Remove the first occurrence of the active environment's bin directory from PATH:
    # entries added while it was active stay where they are.
    if builtin set -q VIRTUAL_ENV[1]
        if builtin set -l __venvsh_index (builtin contains -i -- "$VIRTUAL_ENV"/{{ bin_name|fish }} $PATH)
            builtin set -e PATH[$__venvsh_index]
        end
    end
    if builtin set -q _OLD_VIRTUAL_PYTHONHOME
        builtin set -gx PYTHONHOME $_OLD_VIRTUAL_PYTHONHOME
        builtin set -e _OLD_VIRTUAL_PYTHONHOME
    end
{%- let t = off %}
{%- include "fish/changes.fish" %}
{%- include "fish/prompt.fish" %}
    if builtin test "$argv[1]" != nondestructive
        builtin functions -e deactivate
    end
end

# Undo whatever activation is in force, this environment's or another's.
deactivate nondestructive

# The environment's Python must not see PYTHONHOME; keep it for deactivate.
if builtin set -q PYTHONHOME
    builtin set -g _OLD_VIRTUAL_PYTHONHOME $PYTHONHOME
end
{%- let t = on %}
{%- include "fish/changes.fish" %}
{%- if let Some(root) = windows_root %}
# fish in MSYS2 or Cygwin names a Windows path by its own mounts (/c/…, /cygdrive/c/…):
# cygpath converts it, as in CPython's activate.fish (cpython gh-151042).
# (Through a variable: `string match` without a subject would read standard input.)
builtin set -l __venvsh_os (command uname 2>/dev/null)
if builtin string match -qr -- '^(CYGWIN|MSYS|MINGW)' "$__venvsh_os"
    builtin set -gx VIRTUAL_ENV (command cygpath -u {{ root|fish }})
else
    builtin set -gx VIRTUAL_ENV {{ root|fish }}
end
builtin set -gx PATH "$VIRTUAL_ENV"/{{ bin_name|fish }} $PATH
{%- endif %}
# VIRTUAL_ENV_DISABLE_PROMPT set to anything but empty, 0 or false keeps the prompt as is.
if not builtin set -q VIRTUAL_ENV_DISABLE_PROMPT
or builtin string match -qir -- '^(0|false)?$' "$VIRTUAL_ENV_DISABLE_PROMPT"
{%- include "fish/prompt.fish" %}
end
true
