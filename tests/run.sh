#!/usr/bin/env bash
# The README's test command: install every shell the suite needs, then run the whole
# suite with every shell required (a missing shell fails; nothing is skipped).
#
#   bash tests/run.sh
#
# Needs root (or sudo) for apt-get on Debian/Ubuntu. nushell is built from crates.io,
# pinned, as its maintainers' packages are not in Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

NU_VERSION=0.115.1
log() { printf '\n== %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

nu_ok() { command -v nu >/dev/null 2>&1 && [ "$(nu --version)" = "$NU_VERSION" ]; }

# nushell takes the longest to build, so it builds while everything else happens.
nu_pid=
if ! nu_ok; then
    log "building nushell $NU_VERSION in the background"
    cargo install nu --version "$NU_VERSION" --locked --no-default-features >"${TMPDIR:-/tmp}/venvsh-nu-install.log" 2>&1 &
    nu_pid=$!
fi

packages=(bash zsh dash ksh fish tcsh wine wine64 python3 tmux strace elvish shellcheck lua5.4)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

log "checking format and lints"
cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings

log "building the tests"
cargo test --locked --no-run

if [ -n "$nu_pid" ]; then
    log "waiting for nushell"
    if ! wait "$nu_pid"; then
        tail -n 30 "${TMPDIR:-/tmp}/venvsh-nu-install.log" >&2
        exit 1
    fi
fi
export PATH="$HOME/.cargo/bin:$PATH"
nu_ok || { echo "nushell $NU_VERSION is not on PATH" >&2; exit 1; }

log "running the suite with every shell required"
VENVSH_REQUIRE_SHELLS=1 cargo test --locked
