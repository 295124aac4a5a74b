#!/bin/sh
# Install venvsh for the current user, from a checkout of its source.
#
#   sh install.sh [--bin-dir DIR] [--from-binary PATH] [--yes | --no-modify-rc]
#   sh install.sh --uninstall
#
# Installs the binary (default ~/.local/bin), the completion scripts where bash, zsh
# and fish look for them, the man pages, and, if you agree, the `venvsh hook` line in
# your shell's rc file. Everything it adds is written to a manifest,
# ${XDG_DATA_HOME:-~/.local/share}/venvsh/install-manifest, and --uninstall removes
# exactly that: files, the rc-file block, and directories it created (when empty).
# Running it twice changes nothing the second time.

set -eu

MARK_BEGIN='# >>> venvsh >>>'
MARK_END='# <<< venvsh <<<'

usage() {
    cat <<'EOF'
usage: sh install.sh [options]

  --bin-dir DIR        install the binary into DIR (default: ~/.local/bin)
  --from-binary PATH   install this venvsh binary instead of building one with cargo
  --yes                add the hook to your shell's rc file without asking
  --no-modify-rc       never touch rc files; print the line to add instead
  --uninstall          remove everything a previous install added
  -h, --help           show this help
EOF
}

say() {
    printf 'install.sh: %s\n' "$*"
}

err() {
    printf 'install.sh: error: %s\n' "$*" >&2
    exit 1
}

need_cmd() {
    command -v "$1" >/dev/null 2>&1 || err "this needs '$1', which is not on PATH"
}

# A path goes into the manifest as one line; refuse what cannot.
check_path() {
    case "$1" in
    *'
'*) err "paths with a newline are not supported: $1" ;;
    esac
}

# --- the manifest --------------------------------------------------------------------

pending=''

# Record one thing the install added, once. Until the manifest's directory exists
# (it may be among the directories being created), records wait in $pending.
record() {
    line="$1 $2"
    if [ ! -d "$manifest_dir" ]; then
        pending="$pending$line
"
        return 0
    fi
    if [ -n "$pending" ]; then
        old_pending=$pending
        pending=''
        printf '%s' "$old_pending" | while IFS= read -r p; do
            append_record "$p"
        done
    fi
    append_record "$line"
}

append_record() {
    if [ -f "$manifest" ] && grep -Fqx -- "$1" "$manifest"; then
        return 0
    fi
    printf '%s\n' "$1" >>"$manifest"
}

# --- installing ----------------------------------------------------------------------

# Create a directory and every missing parent, recording each one created.
ensure_dir() {
    [ -d "$1" ] && return 0
    ensure_dir "$(dirname -- "$1")"
    mkdir -- "$1" || err "could not create $1"
    record dir "$1"
}

# Put SRC at DEST with MODE, unless DEST already has exactly that content.
install_file() {
    src=$1 dest=$2 mode=$3
    check_path "$dest"
    if [ -f "$dest" ] && cmp -s -- "$src" "$dest"; then
        return 0
    fi
    ensure_dir "$(dirname -- "$dest")"
    tmp="$dest.venvsh-install.$$"
    if ! { cp -- "$src" "$tmp" && chmod "$mode" "$tmp" && mv -f -- "$tmp" "$dest"; }; then
        rm -f -- "$tmp"
        err "could not write $dest"
    fi
    record file "$dest"
    say "installed $dest"
}

# The text of $1 for inside sh/bash/zsh single quotes.
sh_quote() {
    printf '%s' "$1" | sed "s/'/'\\\\''/g"
}

# The rc file and hook line for the user's shell ($SHELL); empty for other shells.
rc_for_shell() {
    rc_file='' rc_lines=''
    quoted_bin=$(sh_quote "$bin_path")
    quoted_zsh_dir=$(sh_quote "$zsh_dir")
    case "$(basename -- "${SHELL:-}")" in
    bash)
        rc_file="$HOME/.bashrc"
        rc_lines="eval \"\$('$quoted_bin' hook bash)\""
        ;;
    zsh)
        rc_file="${ZDOTDIR:-$HOME}/.zshrc"
        rc_lines="fpath=('$quoted_zsh_dir' \$fpath)
if (( \$+functions[compdef] )); then autoload -Uz _venvsh; compdef _venvsh venvsh; fi
eval \"\$('$quoted_bin' hook zsh)\""
        ;;
    fish)
        rc_file="$config_home/fish/config.fish"
        case "$bin_path" in
        *"'"* | *"\\"*) err "the binary's path cannot be written in fish quotes: $bin_path" ;;
        esac
        rc_lines="'$bin_path' hook fish | source"
        ;;
    esac
}

# Append the marked hook block to the rc file, recording how, so uninstall can
# restore the file byte for byte.
add_hook() {
    check_path "$rc_file"
    if [ -f "$rc_file" ] && grep -Fqx -- "$MARK_BEGIN" "$rc_file"; then
        say "$rc_file already loads the hook"
        return 0
    fi
    if [ -e "$rc_file" ]; then
        how=appended
        # A last line without its newline gets one first; uninstall takes it away again.
        if [ -s "$rc_file" ] && [ "$(tail -c 1 -- "$rc_file" | od -An -c | tr -d ' ')" != '\n' ]; then
            how=appended-newline
            printf '\n' >>"$rc_file"
        fi
    else
        how=created
        ensure_dir "$(dirname -- "$rc_file")"
    fi
    printf '%s\n%s\n%s\n' "$MARK_BEGIN" "$rc_lines" "$MARK_END" >>"$rc_file"
    record "rc-$how" "$rc_file"
    say "added the hook to $rc_file (open a new shell to use it)"
}

ask() {
    # Read the answer from the terminal, also when this script's stdin is a pipe.
    if [ -t 0 ]; then
        printf '%s [y/N] ' "$1"
        read -r answer || answer=''
    elif (: </dev/tty) 2>/dev/null; then
        printf '%s [y/N] ' "$1" >/dev/tty
        read -r answer </dev/tty || answer=''
    else
        return 1
    fi
    case "$answer" in
    y | Y | yes | YES | Yes) return 0 ;;
    *) return 1 ;;
    esac
}

do_install() {
    if [ -n "$from_binary" ]; then
        [ -x "$from_binary" ] || err "--from-binary $from_binary is not an executable file"
        built=$from_binary
    else
        need_cmd cargo
        src_dir=$(cd -- "$(dirname -- "$0")" && pwd)
        [ -f "$src_dir/Cargo.toml" ] || err "run install.sh from a venvsh checkout, or pass --from-binary"
        say "building venvsh (cargo build --release --locked)"
        cargo build --release --locked --manifest-path "$src_dir/Cargo.toml" >&2
        built="${CARGO_TARGET_DIR:-$src_dir/target}/release/venvsh"
    fi

    ensure_dir "$manifest_dir"
    install_file "$built" "$bin_path" 755

    work=$(mktemp -d "${TMPDIR:-/tmp}/venvsh-install.XXXXXX")
    trap 'rm -rf -- "$work"' EXIT
    "$bin_path" --version >/dev/null || err "the installed $bin_path does not run"

    if command -v bash >/dev/null 2>&1; then
        "$bin_path" completions bash >"$work/venvsh.bash"
        install_file "$work/venvsh.bash" "$bash_dir/venvsh" 644
    fi
    if command -v zsh >/dev/null 2>&1; then
        "$bin_path" completions zsh >"$work/_venvsh"
        install_file "$work/_venvsh" "$zsh_dir/_venvsh" 644
    fi
    if command -v fish >/dev/null 2>&1; then
        "$bin_path" completions fish >"$work/venvsh.fish"
        install_file "$work/venvsh.fish" "$fish_dir/venvsh.fish" 644
    fi
    mkdir "$work/man"
    "$bin_path" man --out-dir "$work/man" >/dev/null
    for page in "$work"/man/*.1; do
        install_file "$page" "$man_dir/$(basename -- "$page")" 644
    done

    rc_for_shell
    if [ -z "$rc_file" ]; then
        say "add the hook for your shell yourself: see \`venvsh hook --help\` and the README"
    elif [ "$modify_rc" = no ]; then
        say "to load the hook, add to $rc_file:"
        printf '%s\n' "$rc_lines"
    elif [ "$modify_rc" = yes ] || ask "add the venvsh hook to $rc_file?"; then
        add_hook
    else
        say "left $rc_file alone; to load the hook, add to it:"
        printf '%s\n' "$rc_lines"
    fi

    case ":${PATH:-}:" in
    *":$bin_dir:"*) ;;
    *) say "note: $bin_dir is not on your PATH" ;;
    esac
}

# Remove the hook block from an rc file, then undo what adding it did to the file.
remove_hook() {
    file=$1 how=$2
    [ -f "$file" ] || return 0
    tmp="$file.venvsh-uninstall.$$"
    awk -v b="$MARK_BEGIN" -v e="$MARK_END" '
        $0 == b { skip = 1; next }
        skip && $0 == e { skip = 0; next }
        !skip { print }
    ' "$file" >"$tmp" || { rm -f -- "$tmp"; err "could not rewrite $file"; }
    case "$how" in
    appended-newline)
        # The file had no final newline before; $(…) drops the one install added.
        printf '%s' "$(cat -- "$tmp")" >"$file"
        ;;
    created)
        if [ -s "$tmp" ]; then cat -- "$tmp" >"$file"; else rm -f -- "$file"; fi
        ;;
    *) cat -- "$tmp" >"$file" ;;
    esac
    rm -f -- "$tmp"
    say "removed the hook from $file"
}

do_uninstall() {
    [ -f "$manifest" ] || err "nothing to uninstall: $manifest does not exist"
    # Newest first: files and rc blocks, then the manifest, then directories.
    reversed=$(sed -n '1!G;h;$p' "$manifest")
    printf '%s\n' "$reversed" | while IFS= read -r line; do
        kind=${line%% *} path=${line#* }
        case "$kind" in
        file) rm -f -- "$path" && say "removed $path" ;;
        rc-appended | rc-appended-newline | rc-created) remove_hook "$path" "${kind#rc-}" ;;
        esac
    done
    rm -f -- "$manifest"
    printf '%s\n' "$reversed" | while IFS= read -r line; do
        kind=${line%% *} path=${line#* }
        if [ "$kind" = dir ] && [ -d "$path" ]; then
            rmdir -- "$path" 2>/dev/null || say "kept $path: it is not empty"
        fi
    done
    say "uninstalled"
}

main() {
    bin_dir='' from_binary='' modify_rc=ask uninstall=no
    while [ $# -gt 0 ]; do
        case "$1" in
        --bin-dir)
            [ $# -ge 2 ] || err "--bin-dir needs a directory"
            bin_dir=$2
            shift
            ;;
        --from-binary)
            [ $# -ge 2 ] || err "--from-binary needs a path"
            from_binary=$2
            shift
            ;;
        --yes | -y) modify_rc=yes ;;
        --no-modify-rc) modify_rc=no ;;
        --uninstall) uninstall=yes ;;
        -h | --help)
            usage
            return 0
            ;;
        *)
            usage >&2
            err "unknown option: $1"
            ;;
        esac
        shift
    done

    [ -n "${HOME:-}" ] || err "HOME is not set"
    data_home=${XDG_DATA_HOME:-$HOME/.local/share}
    config_home=${XDG_CONFIG_HOME:-$HOME/.config}
    manifest_dir="$data_home/venvsh"
    manifest="$manifest_dir/install-manifest"
    bin_dir=${bin_dir:-$HOME/.local/bin}
    case "$bin_dir" in
    /*) ;;
    *) bin_dir="$(pwd)/$bin_dir" ;;
    esac
    bin_path="$bin_dir/venvsh"
    bash_dir="${BASH_COMPLETION_USER_DIR:-$data_home/bash-completion}/completions"
    zsh_dir="$data_home/zsh/site-functions"
    fish_dir="$config_home/fish/completions"
    man_dir="$data_home/man/man1"
    check_path "$bin_path"
    check_path "$manifest"

    if [ "$uninstall" = yes ]; then
        do_uninstall
    else
        do_install
    fi
}

main "$@"
