{#- The prompt part of transition `t` in cmd.exe. -#}
{%- if t.prompt.show %}
{%- if let Some(text) = t.prompt.text %}
@if not defined __VENVSH_OLD_PROMPT if defined PROMPT (set "__VENVSH_OLD_PROMPT=%PROMPT%") else (set "__VENVSH_OLD_PROMPT=$P$G" & set "__VENVSH_PROMPT_WAS_UNSET=1")
@set "PROMPT=({{ text|cmd_prompt }}) %__VENVSH_OLD_PROMPT%"
{%- endif %}
{%- else %}
@if defined __VENVSH_OLD_PROMPT set "PROMPT=%__VENVSH_OLD_PROMPT%"
@if defined __VENVSH_PROMPT_WAS_UNSET set "PROMPT="
@set "__VENVSH_OLD_PROMPT="
@set "__VENVSH_PROMPT_WAS_UNSET="
{%- endif %}
