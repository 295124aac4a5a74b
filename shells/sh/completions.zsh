{#- Inserted into clap's zsh completions: the functions the patched arguments call. -#}
# venvsh: environment names from the store, besides paths.
(( $+functions[_venvsh_envs] )) ||
_venvsh_envs() {
    local -a names
    names=(${(f)"$(command venvsh __complete-envs 2>/dev/null)"})
    _describe -t envs 'stored environment' names
}
(( $+functions[_venvsh_env_or_path] )) ||
_venvsh_env_or_path() {
    _alternative 'envs:stored environment:_venvsh_envs' 'files:path:_files'
}

