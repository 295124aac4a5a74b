{#- Apply a transition in cmd.exe, from a .bat file that is `call`ed. Values appear only
    inside set "NAME=value" (quoted: & | < > ( ) ^ are literal), with % doubled. -#}
{%- if let Some(t) = view.transition %}
{%- for name in t.unset %}
@set "{{ name|name }}="
{%- endfor %}
{%- for (name, value) in t.set %}
@set "{{ name|name }}={{ value|cmd }}"
{%- endfor %}
{%- if let Some(entry) = t.path.remove %}
@set "PATH=;%PATH%;"
@set "PATH=%PATH:;{{ entry|cmd_path }};=;%"
@set "PATH=%PATH:~1,-1%"
{%- endif %}
{%- if let Some(entry) = t.path.prepend %}
@if defined PATH (set "PATH={{ entry|cmd_path }};%PATH%") else (set "PATH={{ entry|cmd_path }}")
{%- endif %}
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
{%- endif %}
