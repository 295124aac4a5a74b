#!/usr/bin/env bash
# virtualenv's own activation tests and what runs them, from PyPI, pinned.
#
#   bash tests/virtualenv_activation/setup.sh DIR
#
# DIR/venv: pytest, the plugins virtualenv's test configuration uses, and virtualenv
# itself (its test fixtures build environments through it before venvsh remakes them;
# tests/virtualenv_activation/venvsh_plugin.py). DIR/virtualenv-VERSION/: the sdist,
# whose tests/ the suite runs. Nothing of virtualenv's is committed here.
#
# pip prepares an sdist's metadata before it saves the download. On Python 3.11 and
# later virtualenv's build hook imports python-sbom, which PyPI does not offer, so the
# download runs under pyenv's Python 3.10 (tests/run.sh installs it), where the hook is
# hatchling's plain one.
set -euo pipefail

dest=${1:?usage: setup.sh DIR}
version=21.15.11
packages=(
    "virtualenv==$version" distlib==0.4.4 filelock==4.3.1 packaging==26.4
    platformdirs==4.14.9 python-discovery==1.9.6
    pytest==9.2.0 iniconfig==2.3.1 pluggy==1.7.0 Pygments==2.21.0
    pytest-env==1.8.7 python-dotenv==1.2.4 pytest-mock==3.17.0 pytest-timeout==2.4.0
    time-machine==3.6.0
)
# The stamp names the pins: a changed list installs afresh.
stamp=$dest/.complete-$(printf '%s\n' "${packages[@]}" | sha256sum | cut -c1-16)
[ -f "$stamp" ] && exit 0

rm -rf "$dest"
mkdir -p "$dest/download"
/usr/bin/python3 -m venv "$dest/venv"
"$dest/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps "${packages[@]}"
"$dest/venv/bin/python" -m pip check >/dev/null

python310=${PYENV_ROOT:-$HOME/.pyenv}/versions/3.10.13/bin/python3.10
[ -x "$python310" ] || { echo "setup.sh: $python310 is missing (bash tests/run.sh installs it)" >&2; exit 1; }
"$python310" -m pip download --quiet --disable-pip-version-check --no-deps \
    --no-binary virtualenv --dest "$dest/download" "virtualenv==$version"
tar -xzf "$dest/download/virtualenv-$version.tar.gz" -C "$dest"
[ -f "$dest/virtualenv-$version/tests/unit/activation/conftest.py" ] ||
    { echo "setup.sh: the sdist has no tests/unit/activation" >&2; exit 1; }
touch "$stamp"
