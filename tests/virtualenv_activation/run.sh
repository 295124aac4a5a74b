#!/usr/bin/env bash
# Run virtualenv's activation tests against venvsh's bin/ scripts.
#
#   bash tests/virtualenv_activation/run.sh SETUP_DIR VENVSH WORK_DIR [pytest args]
#
# SETUP_DIR is what setup.sh prepared; the report (JSON, see venvsh_plugin.py) is
# WORK_DIR/report.json. virtualenv's suite assumes an ordinary user: tcsh's and bash's
# default prompts end in `#` for root, and bash draws `\$` as `#` there. So under root
# it runs as nobody (setpriv), from a copy in /tmp (see below).
set -euo pipefail

setup=$(cd "${1:?usage: run.sh SETUP_DIR VENVSH WORK_DIR}" && pwd)
venvsh=${2:?}
work=${3:?}
case $work in /*) ;; *) work=$PWD/$work ;; esac
shift 3
here=$(cd "$(dirname "$0")" && pwd)
suite=$setup/virtualenv-21.15.11

rm -rf "$work"
mkdir -p "$work"
run=$work
python=$setup/venv/bin/python
as_user=()
if [ "$(id -u)" -eq 0 ]; then
    # nobody must reach every file it runs, and the checkout may sit in a directory only
    # root can enter (`mktemp -d` makes one): stage the suite, its Python environment,
    # the plugin and venvsh under a fresh directory in /tmp, and bring the report back.
    run=$(mktemp -d /tmp/venvsh-virtualenv-activation.XXXXXX)
    trap 'rm -rf "$run"' EXIT
    chmod 755 "$run"
    cp -a "$setup/venv" "$suite" "$run/"
    mkdir "$run/plugin"
    cp "$here"/*.py "$run/plugin/"
    cp "$venvsh" "$run/venvsh"
    suite=$run/$(basename "$suite")
    python=$run/venv/bin/python
    here=$run/plugin
    venvsh=$run/venvsh
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
mkdir -p "$run/home" "$run/tmp"
[ "${#as_user[@]}" -eq 0 ] || chown -R 65534:65534 "$run/home" "$run/tmp"
cd "$suite"
status=0
"${as_user[@]}" env HOME="$run/home" TMPDIR="$run/tmp" \
    XDG_CACHE_HOME="$run/home/.cache" VENVSH_DATA_DIR="$run/home/venvsh-data" \
    PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$here" \
    VENVSH="$venvsh" VENVSH_REPORT="$run/tmp/report.json" \
    "$python" -m pytest -p venvsh_plugin -p no:cacheprovider -p no:logging \
    --basetemp="$run/tmp/pytest" -o addopts= -q --no-header -rN \
    tests/unit/activation "$@" || status=$?
if [ -f "$run/tmp/report.json" ]; then
    cp "$run/tmp/report.json" "$work/report.json"
fi
exit "$status"
