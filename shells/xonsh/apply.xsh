{#- Apply transition `t` in xonsh (`venvsh deactivate`, the hook's changes). The prompt
    needs nothing: xonsh's {env_name} field reads VIRTUAL_ENV_PROMPT when it draws. -#}
{%- include "xonsh/changes.xsh" %}
