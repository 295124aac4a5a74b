            try { venvsh __complete-envs 2>/dev/null | from-lines | each {|name| cand $name 'stored environment' } } catch { }
{#- Inserted into each case of clap's elvish completer for a command taking an environment. #}
