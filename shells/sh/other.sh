{#- Another tool's activation goes first, when transition `t` changes the activation. -#}
{%- if let Some(other) = t.other %}
{%- if flavor != Flavor::Sh %}
# A standard activate script (python -m venv, virtualenv, uv) sourced alone or on top
# of venvsh's defines its own `deactivate`, which alone knows what it saved (PATH,
# the prompt): it undoes its activation first (issue 11, item 5).
{%- endif %}
{%- if flavor == Flavor::Bash %}
if [ -n "${VIRTUAL_ENV-}" ]; then
    case $(\builtin declare -f deactivate 2>/dev/null) in
        '' | *__venvsh_apply*) ;;
        *)
            \deactivate nondestructive
            \builtin unset -f deactivate
            ;;
    esac
fi
{%- else if flavor == Flavor::Zsh %}
if [[ -n ${VIRTUAL_ENV-} && -n ${functions[deactivate]-} && ${functions[deactivate]} != *__venvsh_apply* ]]; then
    \deactivate nondestructive
    \builtin unset -f deactivate
fi
{%- endif %}
{%- if let Some(env) = other.env %}
{%- if let Some(entry) = other.path_entry %}
# Without that `deactivate` here (a child shell inherits no functions), its PATH
# entry goes.
if [ "${VIRTUAL_ENV-}" = {{ env|posix }} ]; then
    __venvsh_entry={{ entry|posix_path }}
{%- include "sh/path_remove.sh" %}
    \{{ flavor.builtin()|word }} export PATH
fi
{%- endif %}
{%- endif %}
{%- endif %}
