#!/usr/bin/env bash
# Time `venvsh create` against `python -m venv`, virtualenv and `uv venv`, with and
# without pip, on one interpreter, on both of venvsh's paths, and print markdown tables
# of medians:
#   fresh     the target does not exist: venvsh builds a hidden sibling and renames it;
#   in place  the target is an existing empty directory (a mount point, a folder made for
#             the environment): venvsh builds inside it and moves the entries in.
#
#   bench/create.sh                   # python3 from PATH, environments on tmpfs if there is one
#   PYTHON=/path/to/python3.12 BENCH_DIR=/var/tmp RUNS=50 ROUNDS=10 bench/create.sh
#
# Needs cargo, network access once (virtualenv and uv come from PyPI into a
# throwaway environment), and hyperfine (apt-get install -y hyperfine); without
# hyperfine it falls back to a median over a plain loop.
#
# The goals it checks (and says MISSED when one is not met): without pip, venvsh takes
# at most a quarter of `uv venv`'s time; with pip, it is at least 100x faster than
# `python -m venv`. `--compile-bytecode` is timed against `python -m venv` too, since
# both then compile pip.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-30}
slow_runs=${SLOW_RUNS:-5}

# The real interpreter, not a pyenv shim: every tool gets the same executable.
python=$("${PYTHON:-python3}" -c 'import sys; print(sys._base_executable)')
# BENCH_DIR names the filesystem to measure on; the work happens in a fresh
# directory inside it, removed at the end.
if [ -n "${BENCH_DIR:-}" ]; then
    parent=$BENCH_DIR
elif [ -d /dev/shm ] && [ -w /dev/shm ]; then
    parent=/dev/shm
else
    parent=${TMPDIR:-/tmp}
fi
work=$(mktemp -d "$parent/venvsh-bench.XXXXXX")
target=$work/env
trap 'rm -rf "$work"' EXIT

echo "building venvsh (release)…" >&2
cargo build --release --quiet --manifest-path "$repo/Cargo.toml"
venvsh=$repo/target/release/venvsh

echo "installing virtualenv and uv into a throwaway environment…" >&2
"$python" -m venv "$work/tools"
"$work/tools/bin/pip" install --quiet --disable-pip-version-check virtualenv uv
virtualenv=$work/tools/bin/virtualenv
uv=$work/tools/bin/uv

# Every tool keeps its cache in the bench directory, warmed before timing.
export XDG_CACHE_HOME=$work/cache VENVSH_DATA_DIR=$work/venvsh-data
export UV_CACHE_DIR=$work/uv-cache UV_NO_CONFIG=1
export VIRTUALENV_OVERRIDE_APP_DATA=$work/virtualenv-data

labels=(
    "venvsh create --without-pip"
    "python -m venv --without-pip"
    "virtualenv --no-seed"
    "uv venv"
    "venvsh create"
    "python -m venv"
    "virtualenv"
    "uv venv --seed"
    "venvsh create --compile-bytecode"
)
commands=(
    "$venvsh create --without-pip -p $python $target"
    "$python -m venv --without-pip $target"
    "$virtualenv -q --no-seed -p $python $target"
    "$uv venv -q --no-project -p $python $target"
    "$venvsh create -p $python $target"
    "$python -m venv $target"
    "$virtualenv -q -p $python $target"
    "$uv venv -q --no-project --seed -p $python $target"
    "$venvsh create --compile-bytecode -p $python $target"
)
# The row each one is compared with: venvsh without pip, or venvsh with pip.
baselines=(0 0 0 0 4 4 4 4 4)

# What runs before each timed run: the target absent, or an empty directory; then
# `sync`, so no run pays for the write-back of the files an earlier one made or deleted
# (on ext4 that otherwise lands on whichever command runs next).
# shellcheck disable=SC2016 # $1 is for the scripts written, not for this shell
{
    printf '#!/bin/sh\nrm -rf "$1" && sync\n' >"$work/prepare-fresh"
    printf '#!/bin/sh\nrm -rf "$1" && mkdir "$1" && sync\n' >"$work/prepare-in-place"
}
chmod +x "$work/prepare-fresh" "$work/prepare-in-place"

echo "warming caches…" >&2
for command in "${commands[@]}"; do
    rm -rf "$target"
    $command >/dev/null 2>&1
done
rm -rf "$target"
# Timed runs use the warm caches only. uv reads every CA certificate at startup
# when these are set, even offline; the warm-up above needed them for PyPI.
commands[7]="${commands[7]} --offline"
unset SSL_CERT_DIR SSL_CERT_FILE

# On a shared machine the load comes in bursts, so every command's runs are spread
# over the whole benchmark: ROUNDS rounds, each timing every command a few times, and
# each command's median taken over all its runs. A burst then slows all of them alike.
rounds=${ROUNDS:-5}

# sample MODE INDEX N: time N runs, appending each one's seconds to its file.
sample() {
    local mode=$1 i=$2 n=$3 file="$work/times-$1-$2"
    if command -v hyperfine >/dev/null; then
        hyperfine -N --style none --warmup 1 --runs "$n" --prepare "$work/prepare-$mode $target" \
            --export-json "$work/result.json" "${commands[$i]}" >/dev/null 2>&1
        "$python" -c 'import json, sys; print(*json.load(open(sys.argv[1]))["results"][0]["times"], sep="\n")' \
            "$work/result.json" >>"$file"
    else
        local start
        for _ in $(seq "$n"); do
            "$work/prepare-$mode" "$target"
            start=$(date +%s%N)
            ${commands[$i]} >/dev/null 2>&1
            echo "$(($(date +%s%N) - start))e-9" >>"$file"
        done
    fi
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
modes=(fresh in-place)
for round in $(seq "$rounds"); do
    echo "round $round of $rounds" >&2
    for mode in "${modes[@]}"; do
        for i in "${!commands[@]}"; do
            n=$(((runs + rounds - 1) / rounds))
            case "${labels[$i]}" in "python -m venv" | "venvsh create --compile-bytecode") n=$(((slow_runs + rounds - 1) / rounds)) ;; esac
            sample "$mode" "$i" "$n"
        done
    done
done
declare -A medians
for mode in "${modes[@]}"; do
    for i in "${!commands[@]}"; do
        medians[$mode,$i]=$("$python" -c 'import statistics, sys; print(statistics.median(float(l) for l in open(sys.argv[1])))' "$work/times-$mode-$i")
    done
done
rm -rf "$target"

version=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
fs=$(stat -f -c %T "$work")
echo
echo "Python $version ($python); environments on $fs ($work); $(nproc) CPUs; $(command -v hyperfine >/dev/null && echo "hyperfine" || echo "a plain loop"), $runs runs ($slow_runs for python -m venv and --compile-bytecode) over $rounds rounds; medians; load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "virtualenv $("$work/tools/bin/python" -c 'import importlib.metadata as m; print(m.version("virtualenv"))'), $("$uv" --version)"
echo
echo "| command | fresh | vs venvsh | in place | vs venvsh |"
echo "|---|---:|---:|---:|---:|"
for i in "${!commands[@]}"; do
    "$python" - "${labels[$i]}" "${medians[fresh,$i]}" "${medians[fresh,${baselines[$i]}]}" \
        "${medians[in-place,$i]}" "${medians[in-place,${baselines[$i]}]}" <<'EOF'
import sys
label = sys.argv[1]
cells = []
for median, base in ((sys.argv[2], sys.argv[3]), (sys.argv[4], sys.argv[5])):
    median, base = float(median), float(base)
    shown = f"{median * 1000:.1f} ms" if median < 1 else f"{median:.2f} s"
    ratio = "1×" if median == base else f"{median / base:.1f}×"
    cells += [shown, ratio]
print(f"| `{label}` | " + " | ".join(cells) + " |")
EOF
done
echo
for mode in "${modes[@]}"; do
    "$python" - "$mode" "${medians[$mode,0]}" "${medians[$mode,3]}" "${medians[$mode,4]}" "${medians[$mode,5]}" <<'EOF'
import sys
mode, bare, uv, pip, venv = sys.argv[1], *map(float, sys.argv[2:])
for what, ratio, goal in (("without pip, uv venv / venvsh", uv / bare, 4),
                          ("with pip, python -m venv / venvsh", venv / pip, 100)):
    verdict = "met" if ratio >= goal else "MISSED"
    print(f"{mode}: {what} = {ratio:.2f}× (goal ≥ {goal}×: {verdict})")
EOF
done
