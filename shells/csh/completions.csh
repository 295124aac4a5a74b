{#- tcsh's completions, from the command line's definition. `complete` has no
    per-command options, so `--` completes to the options of every command. tcsh uses
    the first pattern that matches, so options and paths come before the words after a
    command. -#}
# venvsh completions for tcsh. Load them from ~/.tcshrc with:  source FILE
# `\venvsh` runs the binary, not the hook's alias.
complete venvsh \
    'C@[./~]*@d@' \
    'c/--/({% for option in options %}{{ option|word }}{% if !loop.last %} {% endif %}{% endfor %})/' \
    'p/1/({% for command in commands %}{{ command|word }}{% if !loop.last %} {% endif %}{% endfor %})/' \
{%- for command in env_commands %}
    'n/{{ command|word }}/`\venvsh __complete-envs`/' \
{%- endfor %}
    'n/-n/`\venvsh __complete-envs`/' \
    'n/--name/`\venvsh __complete-envs`/' \
{%- for command in shell_commands %}
    'n/{{ command|word }}/({% for shell in shells %}{{ shell|word }}{% if !loop.last %} {% endif %}{% endfor %})/' \
{%- endfor %}
    'n/--shell/({% for shell in shells %}{{ shell|word }}{% if !loop.last %} {% endif %}{% endfor %})/' \
    'n/completions/({% for shell in completion_shells %}{{ shell|word }}{% if !loop.last %} {% endif %}{% endfor %})/'
