#!/usr/bin/env bash
# Time `venvsh create` against `python -m venv`, virtualenv and `uv venv`, with and
# without pip, on one interpreter, and print a markdown table of medians.
#
#   bench/create.sh                   # python3 from PATH, environments on tmpfs if there is one
#   PYTHON=/path/to/python3.12 BENCH_DIR=/var/tmp RUNS=50 bench/create.sh
#
# Needs cargo, network access once (virtualenv and uv come from PyPI into a
# throwaway environment), and hyperfine (apt-get install -y hyperfine); without
# hyperfine it falls back to a median over a plain loop.
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
export XDG_CACHE_HOME=$work/cache
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
)
# The row each one is compared with: venvsh without pip, or venvsh with pip.
baselines=(0 0 0 0 4 4 4 4)

echo "warming caches…" >&2
for command in "${commands[@]}"; do
    rm -rf "$target"
    $command >/dev/null
done
rm -rf "$target"
# Timed runs use the warm caches only. uv reads every CA certificate at startup
# when these are set, even offline; the warm-up above needed them for PyPI.
commands[7]="${commands[7]} --offline"
unset SSL_CERT_DIR SSL_CERT_FILE

medians=()
for i in "${!commands[@]}"; do
    n=$runs
    case "${labels[$i]}" in "python -m venv") n=$slow_runs ;; esac
    echo "timing: ${labels[$i]} ($n runs)" >&2
    if command -v hyperfine >/dev/null; then
        hyperfine -N --style none --warmup 2 --runs "$n" --prepare "rm -rf $target" \
            --export-json "$work/result.json" "${commands[$i]}" >/dev/null
        median=$("$python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$work/result.json")
    else
        times=()
        for _ in $(seq "$n"); do
            rm -rf "$target"
            start=$(date +%s%N)
            ${commands[$i]} >/dev/null
            times+=($(( $(date +%s%N) - start )))
        done
        median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2) / 1e9}')
    fi
    medians+=("$median")
done
rm -rf "$target"

version=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
fs=$(stat -f -c %T "$work")
echo
echo "Python $version ($python); environments on $fs ($work); $(nproc) CPUs; $(command -v hyperfine >/dev/null && echo "hyperfine, $runs runs ($slow_runs for python -m venv), 2 warmup" || echo "median of a plain loop")"
echo "virtualenv $("$work/tools/bin/python" -c 'import importlib.metadata as m; print(m.version("virtualenv"))'), $("$uv" --version)"
echo
echo "| command | median | vs venvsh |"
echo "|---|---:|---:|"
for i in "${!commands[@]}"; do
    base=${medians[${baselines[$i]}]}
    "$python" - "${labels[$i]}" "${medians[$i]}" "$base" <<'EOF'
import sys
label, median, base = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
shown = f"{median * 1000:.1f} ms" if median < 1 else f"{median:.2f} s"
ratio = "1×" if median == base else f"{median / base:.1f}×"
print(f"| `{label}` | {shown} | {ratio} |")
EOF
done
