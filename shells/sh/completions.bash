
# venvsh: environment names from the store for the commands that take one.
_venvsh_with_envs() {
    _venvsh "$@"
    # clap lists the hidden commands too; they are for venvsh's scripts, not for people.
    if ((COMP_CWORD == 1)); then
        local kept=() word
        for word in "${COMPREPLY[@]}"; do
            [[ $word == __* ]] || kept+=("$word")
        done
        COMPREPLY=("${kept[@]}")
    fi
    local cur="${COMP_WORDS[COMP_CWORD]}" sub="" given=0 named=0 i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
        --) return 0 ;;
        -n | --name) if ((i == COMP_CWORD - 1)); then named=1; fi; ((i++)) ;;
        --shell | --prompt | -p | --python) ((i++)) ;;
        -*) ;;
        *) if [[ -z $sub ]]; then sub="${COMP_WORDS[i]}"; else given=1; fi ;;
        esac
    done
    # `-n NAME` (conda's) names an environment in the store: clap's file names go.
    if ((named)); then
        COMPREPLY=()
    elif [[ $given == 0 && $cur != -* ]]; then
        case "$sub" in
        {% for command in commands %}{{ command|word }}{% if !loop.last %} | {% endif %}{% endfor %}) named=1 ;;
        esac
    fi
    if ((named)); then
        local name
        while IFS= read -r name; do
            [[ $name == "$cur"* ]] && COMPREPLY+=("$name")
        done < <(command venvsh __complete-envs 2>/dev/null)
    fi
    return 0
}
complete -F _venvsh_with_envs -o bashdefault -o default venvsh
