
# venvsh: environment names from the store for the commands that take one.
complete -c venvsh -n "__fish_seen_subcommand_from{% for command in env_commands %} {{ command|word }}{% endfor %}" -a "(command venvsh __complete-envs 2>/dev/null)" -d "stored environment"
complete -c venvsh -n "__fish_seen_subcommand_from{% for command in name_commands %} {{ command|word }}{% endfor %}" -f -a "(command venvsh __complete-envs 2>/dev/null)" -d "stored environment"
{#- Appended to clap's fish completions: store names for the commands that take one. #}
complete -c venvsh -n "__fish_seen_subcommand_from{% for command in env_commands %} {{ command|word }}{% endfor %}{% for command in name_commands %} {{ command|word }}{% endfor %}" -s n -l name -x -a "(command venvsh __complete-envs 2>/dev/null)" -d "stored environment"
