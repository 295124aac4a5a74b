#!/usr/bin/env bash
# Run virtualenv's activation tests against venvsh's bin/ scripts.
#
#   bash tests/virtualenv_activation/run.sh SETUP_DIR VENVSH WORK_DIR [pytest args]
#
# SETUP_DIR is what setup.sh prepared; the report (JSON, see venvsh_plugin.py) is
# WORK_DIR/report.json. virtualenv's suite assumes an ordinary user: tcsh's and bash's
# default prompts end in `#` for root, and bash draws `\$` as `#` there. So under root
# it runs as nobody (setpriv), with WORK_DIR as its home and temporary directory.
set -euo pipefail

setup=$(cd "${1:?usage: run.sh SETUP_DIR VENVSH WORK_DIR}" && pwd)
venvsh=${2:?}
work=${3:?}
case $work in /*) ;; *) work=$PWD/$work ;; esac
shift 3
here=$(cd "$(dirname "$0")" && pwd)
suite=$setup/virtualenv-21.15.11

rm -rf "$work"
mkdir -p "$work/home" "$work/tmp"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
    chown -R 65534:65534 "$work"
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
cd "$suite"
exec "${as_user[@]}" env HOME="$work/home" TMPDIR="$work/tmp" \
    XDG_CACHE_HOME="$work/home/.cache" VENVSH_DATA_DIR="$work/home/venvsh-data" \
    PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$here" \
    VENVSH="$venvsh" VENVSH_REPORT="$work/report.json" \
    "$setup/venv/bin/python" -m pytest -p venvsh_plugin -p no:cacheprovider -p no:logging \
    --basetemp="$work/tmp/pytest" -o addopts= -q --no-header -rN \
    tests/unit/activation "$@"
