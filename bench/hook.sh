#!/usr/bin/env bash
# The cost of venvsh's auto-activation hook against direnv's, side by side in one run:
#   1. per prompt with nothing changed: N calls of each shell's prompt hook, in bash,
#      zsh and fish, inside a project whose environment is already active;
#   2. on a change (entering the project): `venvsh hook-env` against `direnv export`.
#
#   bench/hook.sh            # ROUNDS=7 N=2000 by default
#
# Needs cargo, bash, zsh, fish, direnv and hyperfine (apt-get install -y direnv hyperfine).
# The machine is shared and noisy: each figure is the median of ROUNDS rounds.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
rounds=${ROUNDS:-7}
n=${N:-2000}
n_direnv=${N_DIRENV:-200}

for tool in bash zsh fish direnv hyperfine; do
    command -v "$tool" >/dev/null || { echo "bench/hook.sh needs $tool" >&2; exit 1; }
done

echo "building venvsh (release)…" >&2
cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
bin=${CARGO_TARGET_DIR:-$repo/target}/release

work=$(mktemp -d "${TMPDIR:-/tmp}/venvsh-hook-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export HOME=$work/home XDG_DATA_HOME=$work/home/data XDG_CONFIG_HOME=$work/home/config
export VENVSH_DATA_DIR=$work/home/venvsh PATH="$bin:$PATH"
mkdir -p "$HOME" "$work/proj/.venv/bin"
printf 'home = /usr/bin\ninclude-system-site-packages = false\n' > "$work/proj/.venv/pyvenv.cfg"
# The same work for direnv: put the environment on PATH and set VIRTUAL_ENV.
printf 'export VIRTUAL_ENV="$PWD/.venv"\nPATH_add .venv/bin\n' > "$work/proj/.envrc"
cd "$work/proj"
venvsh allow >/dev/null
direnv allow . 2>/dev/null

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# Milliseconds per call of the prompt hook, after it has loaded the environment once.
per_call() {
    local shell=$1 tool=$2 calls=$3 script
    case "$shell:$tool" in
        bash:none) script='s=$EPOCHREALTIME; for ((i=0;i<@N@;i++)); do :; done; e=$EPOCHREALTIME' ;;
        zsh:none) script='zmodload zsh/datetime; s=$EPOCHREALTIME; repeat @N@ :; e=$EPOCHREALTIME' ;;
        fish:none) script='set s (date +%s%N); set i 0; while test $i -lt @N@; set i (math $i + 1); true; end; set e (date +%s%N)' ;;
        bash:venvsh) script='eval "$(venvsh hook bash)"; s=$EPOCHREALTIME; for ((i=0;i<@N@;i++)); do __venvsh_hook; done; e=$EPOCHREALTIME' ;;
        bash:direnv) script='eval "$(direnv hook bash)"; _direnv_hook 2>/dev/null; s=$EPOCHREALTIME; for ((i=0;i<@N@;i++)); do _direnv_hook 2>/dev/null; done; e=$EPOCHREALTIME' ;;
        zsh:venvsh) script='zmodload zsh/datetime; eval "$(venvsh hook zsh)"; s=$EPOCHREALTIME; repeat @N@ __venvsh_hook; e=$EPOCHREALTIME' ;;
        zsh:direnv) script='zmodload zsh/datetime; eval "$(direnv hook zsh)"; _direnv_hook 2>/dev/null; s=$EPOCHREALTIME; repeat @N@ _direnv_hook 2>/dev/null; e=$EPOCHREALTIME' ;;
        fish:venvsh) script='venvsh hook fish | source; set s (date +%s%N); set i 0; while test $i -lt @N@; set i (math $i + 1); __venvsh_hook; end; set e (date +%s%N)' ;;
        fish:direnv) script='direnv hook fish | source; __direnv_export_eval 2>/dev/null; set s (date +%s%N); set i 0; while test $i -lt @N@; set i (math $i + 1); __direnv_export_eval 2>/dev/null; end; set e (date +%s%N)' ;;
    esac
    script=${script//@N@/$calls}
    case $shell in
        fish) fish --no-config -c "$script; math \"(\$e - \$s) / 1000000 / $calls\"" ;;
        bash) bash --norc -c "$script; echo \"(\$e - \$s) * 1000 / $calls\" | bc -l" ;;
        zsh) zsh -f -c "$script; print -- \$(( (e - s) * 1000.0 / $calls ))" ;;
    esac
}

command -v bc >/dev/null || { echo "bench/hook.sh needs bc" >&2; exit 1; }

printf '\n### Per prompt, nothing changed (median of %s rounds; venvsh %s calls, direnv %s)\n\n' "$rounds" "$n" "$n_direnv"
printf 'Each figure is the time per call minus the same loop with an empty body (the loop\n'
printf 'itself costs the last column). The hook forks nothing on this path; tests/shells/auto.rs\n'
printf 'proves that with strace.\n\n'
printf '| shell | venvsh | direnv | direnv / venvsh | empty loop |\n|---|---:|---:|---:|---:|\n'
for shell in bash zsh fish; do
    l=$(for _ in $(seq "$rounds"); do per_call "$shell" none "$n"; done | median)
    v=$(for _ in $(seq "$rounds"); do per_call "$shell" venvsh "$n"; done | median)
    d=$(for _ in $(seq "$rounds"); do per_call "$shell" direnv "$n_direnv"; done | median)
    v=$(echo "$v - $l" | bc -l); d=$(echo "$d - $l" | bc -l)
    printf '| %s | %.4f ms | %.3f ms | %.0f× | %.4f ms |\n' "$shell" "$v" "$d" "$(echo "$d / $v" | bc -l)" "$l"
done

# A change: what runs once when entering the project (nothing active yet).
printf '\n### Entering the project (hyperfine, median)\n\n'
json=$work/change.json
env -u DIRENV_DIR -u DIRENV_FILE -u DIRENV_DIFF -u DIRENV_WATCHES -u VENVSH_STATE \
    hyperfine -N --warmup 20 --runs 300 --export-json "$json" \
    'venvsh hook-env --shell bash' 'direnv export bash' >/dev/null 2>&1
python3 - "$json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
v = results["venvsh hook-env --shell bash"]["median"] * 1000
d = results["direnv export bash"]["median"] * 1000
print("| command | median | vs venvsh |\n|---|---:|---:|")
print(f"| `venvsh hook-env --shell bash` | {v:.2f} ms | 1× |")
print(f"| `direnv export bash` | {d:.2f} ms | {d / v:.1f}× |")
PY
