{#- `venvsh activate`: apply transition `t`, and define `deactivate`. The prompt needs
    nothing: xonsh's {env_name} field reads VIRTUAL_ENV_PROMPT when it draws. -#}
{%- include "xonsh/changes.xsh" %}


def __venvsh_define():
{%- include "xonsh/functions.xsh" %}


__venvsh_define()
del __venvsh_define
