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
#
# Nothing of yours is lost (issue 8, item 12). A file already at a path install.sh
# writes is moved aside first, and --uninstall puts it back. A file it wrote that you
# changed since is neither replaced nor removed, nor is an rc-file block whose markers
# or lines are not as it wrote them: install.sh names the file (and line) and stops
# without changing anything; only a reinstall leaves a block you edited as it is and
# goes on.

set -eu

MARK_BEGIN='# >>> venvsh >>>'
MARK_END='# <<< venvsh <<<'

# The manifest: this header, then one line per thing install added, oldest first. The
# path comes last, so it may hold spaces. SUM is `cksum` output ("CRC-SIZE") of what
# was written; N names a file in install-saved/, next to the manifest.
#   dir PATH             a directory it created
#   file SUM PATH        a file it created where there was none
#   replaced SUM N PATH  a file it wrote where there was one, moved to install-saved/N
#   rc HOW N PATH        the hook block it put in rc file PATH (a copy: install-saved/N);
#                        HOW: created (no file before), appended, or appended-newline
#                        (the last line had no newline; install added one, then the block)
MANIFEST_HEADER='# venvsh install-manifest 2'

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

# A problem found while checking, before anything is changed: the message, then the
# name of the hint that helps (see refuse_if_problems, which then stops).
problems=0 hints=''
problem() {
    message=''
    while [ $# -gt 1 ]; do
        message="$message${message:+ }$1"
        shift
    done
    printf 'install.sh: error: %s\n' "$message" >&2
    problems=$((problems + 1))
    case " $hints " in
    *" $1 "*) ;;
    *) hints="$hints $1" ;;
    esac
}

refuse_if_problems() {
    [ "$problems" -eq 0 ] && return 0
    for h in $hints; do
        case "$h" in
        rc-install)
            hint "install.sh changes only a block it added, as it added it: put the markers or" \
                "lines back as they were, or delete the block (both markers too) yourself," \
                "then run install.sh again (or pass --no-modify-rc)"
            ;;
        rc-uninstall)
            hint "install.sh removes only the block it added, as it added it: put the markers or" \
                "lines back as they were, or delete the block (both markers too) yourself," \
                "then run install.sh --uninstall again"
            ;;
        file-install)
            hint "install.sh does not replace a file you changed: move yours elsewhere, then" \
                "run install.sh again (it writes a fresh copy)"
            ;;
        file-uninstall)
            hint "install.sh does not delete a file you changed: move yours elsewhere (or" \
                "delete it), then run install.sh --uninstall again"
            ;;
        manifest)
            hint "the manifest lists what install.sh added; it must be as install.sh wrote it"
            ;;
        esac
    done
    say "nothing was changed" >&2
    exit 1
}

hint() {
    printf 'install.sh: hint: %s\n' "$*" >&2
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

# cksum is POSIX: the file's CRC and size, enough to tell whether someone changed it.
sum_of() {
    cksum <"$1" | tr ' ' -
}

# Whether something, even a dangling symlink, is at $1.
exists() {
    [ -e "$1" ] || [ -L "$1" ]
}

# --- the manifest --------------------------------------------------------------------

pending=''

# Split manifest line $1 into kind, sum, n, how and path (the fields its kind has);
# fail for a line install.sh does not write.
parse_record() {
    kind='' sum='' n='' how='' path=''
    case "$1" in
    *' '*) ;;
    *) return 1 ;;
    esac
    kind=${1%% *} rest=${1#* }
    case "$kind" in
    dir) ;;
    file) sum=${rest%% *} rest=${rest#* } ;;
    replaced) sum=${rest%% *} rest=${rest#* } n=${rest%% *} rest=${rest#* } ;;
    rc) how=${rest%% *} rest=${rest#* } n=${rest%% *} rest=${rest#* } ;;
    *) return 1 ;;
    esac
    path=$rest
    case "$path" in /*) ;; *) return 1 ;; esac
    case "$kind:$n" in *:*[!0-9]*) return 1 ;; esac
    case "$kind:$how" in
    rc:created | rc:appended | rc:appended-newline) ;;
    rc:*) return 1 ;;
    esac
    case "$kind:$sum" in
    file: | replaced:) return 1 ;;
    esac
    case "$kind:$n" in
    replaced: | rc:) return 1 ;;
    esac
    return 0
}

# Whether word $1 is one of the words in $2.
is_one_of() {
    case " $2 " in
    *" $1 "*) return 0 ;;
    *) return 1 ;;
    esac
}

# The manifest's record of one of the kinds $1 for path $2: sets rec_kind ('' when
# there is none), rec_sum and rec_n.
find_record() {
    rec_kind='' rec_sum='' rec_n=''
    [ -f "$manifest" ] || return 0
    while IFS= read -r fr_line; do
        if parse_record "$fr_line" && [ "$path" = "$2" ] && is_one_of "$kind" "$1"; then
            rec_kind=$kind rec_sum=$sum rec_n=$n
        fi
    done <"$manifest"
}

# Add line $1 to the manifest, once. Until the manifest exists (its directory may be
# among the directories being created), lines wait in $pending.
record() {
    if [ ! -f "$manifest" ]; then
        pending="$pending$1
"
        return 0
    fi
    grep -Fqx -- "$1" "$manifest" || printf '%s\n' "$1" >>"$manifest"
}

start_manifest() {
    [ -f "$manifest" ] && return 0
    printf '%s\n%s' "$MANIFEST_HEADER" "$pending" >"$manifest" || err "could not write $manifest"
    pending=''
}

# Replace the records of kinds $1 for path $2 with line $3.
set_record() {
    grep -Fqx -- "$3" "$manifest" && return 0
    tmp_manifest="$manifest.new.$$"
    while IFS= read -r sr_line; do
        if parse_record "$sr_line" && [ "$path" = "$2" ] && is_one_of "$kind" "$1"; then
            continue
        fi
        printf '%s\n' "$sr_line"
    done <"$manifest" >"$tmp_manifest"
    printf '%s\n' "$3" >>"$tmp_manifest"
    mv -f -- "$tmp_manifest" "$manifest" || err "could not write $manifest"
}

# A manifest install.sh can read: its header, then lines it writes.
check_manifest() {
    [ -f "$manifest" ] || return 0
    IFS= read -r first <"$manifest" || first=''
    if [ "$first" != "$MANIFEST_HEADER" ]; then
        problem "$manifest:1: not '$MANIFEST_HEADER' (an older install.sh wrote it?)" manifest
        return 0
    fi
    line_no=0
    while IFS= read -r cm_line; do
        line_no=$((line_no + 1))
        [ "$line_no" -eq 1 ] && continue
        parse_record "$cm_line" || problem "$manifest:$line_no: not a line install.sh writes" manifest
    done <"$manifest"
}

# A fresh name in install-saved/: sets n_new.
new_saved() {
    [ -d "$saved_dir" ] || mkdir -- "$saved_dir" || err "could not create $saved_dir"
    n_new=1
    while exists "$saved_dir/$n_new"; do
        n_new=$((n_new + 1))
    done
}

# --- the rc-file block ---------------------------------------------------------------

# Find the venvsh block in rc file $1: block_b and block_e are its first and last line
# ('' when the file has no marker at all). Markers that do not make exactly one block
# are a problem (hint $2), reported with the line.
scan_rc() {
    block_b='' block_e=''
    scan=$(LC_ALL=C awk -v B="$MARK_BEGIN" -v E="$MARK_END" '
        function fail(s) { out = s }
        out != "" { next }
        $0 == B {
            if (b && !e) fail("nested " NR " " b)
            else if (b) fail("second " NR " " b " " e)
            else b = NR
            next
        }
        $0 == E {
            if (!b) fail("end-first " NR)
            else if (e) fail("second-end " NR " " e)
            else e = NR
            next
        }
        index($0, ">>> venvsh >>>") || index($0, "<<< venvsh <<<") { fail("damaged " NR) }
        END {
            if (out == "" && b && !e) out = "no-end " b
            if (out == "") out = b ? "ok " b " " e : "none"
            print out
        }' "$1") || { problem "could not read $1" "$2"; return 1; }
    read -r what l1 l2 l3 <<EOF
$scan
EOF
    case "$what" in
    none) return 0 ;;
    ok)
        block_b=$l1 block_e=$l2
        return 0
        ;;
    no-end) problem "$1:$l1: the venvsh block begins here but no '$MARK_END' line ends it" "$2" ;;
    end-first) problem "$1:$l1: '$MARK_END' without a '$MARK_BEGIN' line before it" "$2" ;;
    nested) problem "$1:$l1: a second '$MARK_BEGIN', inside the block that begins on line $l2" "$2" ;;
    second) problem "$1:$l1: a second venvsh block (the first is lines $l2-$l3)" "$2" ;;
    second-end) problem "$1:$l1: a second '$MARK_END' (the block ended on line $l2)" "$2" ;;
    *) problem "$1:$l1: a venvsh marker that is not exactly '$MARK_BEGIN' or '$MARK_END'" "$2" ;;
    esac
    return 1
}

# Whether lines $2..$3 of file $1 are exactly the lines of file $4; if not, diff_line
# is the first line that differs.
block_matches() {
    if [ ! -f "$4" ]; then
        diff_line=$2
        return 1
    fi
    diff_line=$(LC_ALL=C awk -v b="$2" -v e="$3" '
        NR == FNR { want[FNR] = $0; n = FNR; next }
        FNR < b { next }
        FNR > e { exit }
        { i = FNR - b + 1; if (i > n || $0 != want[i]) { print FNR; exit } }
    ' "$4" "$1")
    [ -z "$diff_line" ]
}

# Write file $1 without its lines $2..$3 to $4, byte for byte. With $5=yes, also take
# away the newline install put before the block, when nothing follows the block.
without_block() {
    total=$(LC_ALL=C awk 'END { print NR }' "$1")
    : >"$4"
    if [ "$2" -gt 1 ]; then
        if [ "$5" = yes ] && [ "$3" -ge "$total" ]; then
            LC_ALL=C awk -v n=$(($2 - 1)) 'NR < n { print } NR == n { printf "%s", $0; exit }' \
                "$1" >"$4"
        else
            head -n $(($2 - 1)) <"$1" >"$4"
        fi
    fi
    tail -n +$(($3 + 1)) <"$1" >>"$4"
}

# --- installing ----------------------------------------------------------------------

# Create a directory and every missing parent, recording each one created.
ensure_dir() {
    [ -d "$1" ] && return 0
    ensure_dir "$(dirname -- "$1")"
    mkdir -- "$1" || err "could not create $1"
    record "dir $1"
}

# Before anything changes: may SRC be installed at DEST? Not over a directory, and not
# over a file install wrote that was changed since (unless it is what SRC holds).
check_file() {
    check_path "$2"
    exists "$2" || return 0
    if [ -d "$2" ]; then
        problem "$2 is a directory; install.sh would put a file there" file-install
        return 0
    fi
    find_record 'file replaced' "$2"
    [ -n "$rec_kind" ] || return 0
    if [ ! -L "$2" ] && { [ "$(sum_of "$2")" = "$rec_sum" ] || cmp -s -- "$1" "$2"; }; then
        return 0
    fi
    problem "$2 was changed after install.sh wrote it" file-install
}

# Put SRC at DEST with MODE, unless DEST already has exactly that content. What was at
# DEST, when install did not write it, goes to install-saved/ for --uninstall to put back.
install_file() {
    src=$1 dest=$2 mode=$3
    find_record 'file replaced' "$dest"
    if [ ! -L "$dest" ] && [ -f "$dest" ] && cmp -s -- "$src" "$dest"; then
        # Already there. A copy install did not write stays the owner's: not recorded.
        if [ -n "$rec_kind" ]; then
            new_sum=$(sum_of "$dest")
            if [ "$rec_kind" = replaced ]; then
                set_record 'file replaced' "$dest" "replaced $new_sum $rec_n $dest"
            else
                set_record 'file replaced' "$dest" "file $new_sum $dest"
            fi
        fi
        return 0
    fi
    ensure_dir "$(dirname -- "$dest")"
    tmp="$dest.venvsh-install.$$"
    if ! { cp -- "$src" "$tmp" && chmod "$mode" "$tmp"; }; then
        rm -f -- "$tmp"
        err "could not write $dest"
    fi
    new_sum=$(sum_of "$tmp")
    if [ -n "$rec_kind" ] || ! exists "$dest"; then
        # Nothing there, or the file install wrote before, unchanged (check_file).
        mv -f -- "$tmp" "$dest" || { rm -f -- "$tmp" && err "could not write $dest"; }
        if [ "$rec_kind" = replaced ]; then
            set_record 'file replaced' "$dest" "replaced $new_sum $rec_n $dest"
        else
            set_record 'file replaced' "$dest" "file $new_sum $dest"
        fi
        say "installed $dest"
        return 0
    fi
    new_saved
    mv -- "$dest" "$saved_dir/$n_new" || { rm -f -- "$tmp" && err "could not move $dest aside"; }
    record "replaced $new_sum $n_new $dest"
    if ! mv -f -- "$tmp" "$dest"; then
        mv -- "$saved_dir/$n_new" "$dest"
        rm -f -- "$tmp"
        err "could not write $dest"
    fi
    say "installed $dest; the file that was there is kept in $saved_dir/$n_new," \
        "and --uninstall puts it back"
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
    xonsh)
        rc_file="$HOME/.xonshrc"
        # xonsh reads escapes in quoted words, and expands $NAME even inside quotes.
        case "$bin_path" in
        *"'"* | *"\\"* | *'$'*) err "the binary's path cannot be written in xonsh quotes: $bin_path" ;;
        esac
        rc_lines="execx(\$('$bin_path' hook xonsh))
execx(\$('$bin_path' completions xonsh))"
        ;;
    esac
}

# Add the marked hook block to the rc file (checked by scan_rc before), recording how,
# so uninstall can restore the file byte for byte. A block already there is left as it
# is unless install added it and it is unchanged.
add_hook() {
    printf '%s\n%s\n%s\n' "$MARK_BEGIN" "$rc_lines" "$MARK_END" >"$work/block"
    find_record rc "$rc_file"
    block_b=''
    if [ -f "$rc_file" ]; then
        scan_rc "$rc_file" rc-install || refuse_if_problems
    fi
    if [ -n "$block_b" ]; then
        if [ -z "$rec_kind" ]; then
            say "$rc_file already has a venvsh block, which install.sh did not add; left it as it is"
        elif ! block_matches "$rc_file" "$block_b" "$block_e" "$saved_dir/$rec_n"; then
            say "left $rc_file as it is: line $diff_line of its venvsh block" \
                "(lines $block_b-$block_e) was changed since install.sh added it"
        elif block_matches "$rc_file" "$block_b" "$block_e" "$work/block"; then
            say "$rc_file already loads the hook"
        else
            # install added it for another --bin-dir: replace it where it is.
            : >"$work/rc"
            if [ "$block_b" -gt 1 ]; then head -n $((block_b - 1)) <"$rc_file" >"$work/rc"; fi
            cat -- "$work/block" >>"$work/rc"
            tail -n +$((block_e + 1)) <"$rc_file" >>"$work/rc"
            cat -- "$work/block" >"$saved_dir/$rec_n"
            cat -- "$work/rc" >"$rc_file"
            say "updated the hook in $rc_file"
        fi
        return 0
    fi
    if exists "$rc_file"; then
        rc_how=appended
        # A last line without its newline gets one first; uninstall takes it away again.
        if [ -s "$rc_file" ] && [ "$(tail -c 1 -- "$rc_file" | od -An -c | tr -d ' ')" != '\n' ]; then
            rc_how=appended-newline
        fi
    else
        rc_how=created
        ensure_dir "$(dirname -- "$rc_file")"
    fi
    new_saved
    cp -- "$work/block" "$saved_dir/$n_new" || err "could not write $saved_dir/$n_new"
    # A block that was removed by hand: its old copy goes with its record.
    if [ -n "$rec_kind" ]; then
        rm -f -- "$saved_dir/$rec_n"
    fi
    set_record rc "$rc_file" "rc $rc_how $n_new $rc_file"
    if [ "$rc_how" = appended-newline ]; then
        printf '\n' >>"$rc_file"
    fi
    cat -- "$work/block" >>"$rc_file"
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

# Call $1 SRC DEST MODE for every file install puts in place.
each_payload() {
    "$1" "$built" "$bin_path" 755
    if [ -f "$work/venvsh.bash" ]; then "$1" "$work/venvsh.bash" "$bash_dir/venvsh" 644; fi
    if [ -f "$work/_venvsh" ]; then "$1" "$work/_venvsh" "$zsh_dir/_venvsh" 644; fi
    if [ -f "$work/venvsh.fish" ]; then "$1" "$work/venvsh.fish" "$fish_dir/venvsh.fish" 644; fi
    for page in "$work"/man/*.1; do
        "$1" "$page" "$man_dir/$(basename -- "$page")" 644
    done
}

do_install() {
    check_manifest
    refuse_if_problems
    rc_for_shell
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
    "$built" --version >/dev/null || err "$built does not run"

    # Everything is made first, and checked against what is in place, so that a
    # refusal changes nothing.
    if command -v bash >/dev/null 2>&1; then
        "$built" completions bash >"$work/venvsh.bash"
    fi
    if command -v zsh >/dev/null 2>&1; then
        "$built" completions zsh >"$work/_venvsh"
    fi
    if command -v fish >/dev/null 2>&1; then
        "$built" completions fish >"$work/venvsh.fish"
    fi
    mkdir "$work/man"
    "$built" man --out-dir "$work/man" >/dev/null
    each_payload check_file
    if [ -n "$rc_file" ] && [ "$modify_rc" != no ]; then
        check_path "$rc_file"
        if [ -f "$rc_file" ]; then
            scan_rc "$rc_file" rc-install || :
        elif exists "$rc_file"; then
            problem "$rc_file is not a file install.sh can add the hook to" rc-install
        fi
    fi
    refuse_if_problems

    ensure_dir "$manifest_dir"
    start_manifest
    each_payload install_file
    "$bin_path" --version >/dev/null || err "the installed $bin_path does not run"

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

# --- uninstalling --------------------------------------------------------------------

# Before anything changes: can record $1 be undone without losing anything of yours?
check_undo() {
    parse_record "$1" || return 0
    case "$kind" in
    file | replaced)
        if exists "$path" && { [ -L "$path" ] || [ ! -f "$path" ] || [ "$(sum_of "$path")" != "$sum" ]; }; then
            problem "$path was changed after install.sh wrote it" file-uninstall
        elif [ "$kind" = replaced ] && ! exists "$saved_dir/$n"; then
            if exists "$path"; then
                problem "$saved_dir/$n, what was at $path before install.sh, is missing:" \
                    "install.sh cannot put it back" file-uninstall
            fi
        elif [ "$kind" = replaced ] && [ ! -d "$(dirname -- "$path")" ]; then
            problem "$(dirname -- "$path") is gone: $saved_dir/$n, what was at $path before" \
                "install.sh, cannot go back there; create the directory again" none
        fi
        ;;
    rc)
        [ -f "$path" ] || return 0
        scan_rc "$path" rc-uninstall || return 0
        [ -n "$block_b" ] || return 0
        if [ ! -f "$saved_dir/$n" ]; then
            problem "$path:$block_b: install.sh's copy of this venvsh block, $saved_dir/$n," \
                "is missing, so it cannot tell whether the block is as it added it" rc-uninstall
        elif ! block_matches "$path" "$block_b" "$block_e" "$saved_dir/$n"; then
            problem "$path:$diff_line: the venvsh block (lines $block_b-$block_e) differs here" \
                "from what install.sh added" rc-uninstall
        fi
        ;;
    esac
}

# Undo record $1 (checked by check_undo).
undo() {
    parse_record "$1" || return 0
    case "$kind" in
    file)
        if exists "$path"; then
            rm -f -- "$path" || err "could not remove $path"
            say "removed $path"
        fi
        ;;
    replaced)
        # What was there before is gone (check_undo made sure nothing is at $path).
        exists "$saved_dir/$n" || return 0
        rm -f -- "$path" || err "could not remove $path"
        mv -- "$saved_dir/$n" "$path" || err "could not put $saved_dir/$n back at $path"
        say "put back the $path that was there before"
        ;;
    rc)
        remove_hook "$path" "$how" "$saved_dir/$n"
        ;;
    esac
}

# Remove the hook block from rc file $1, then undo what adding it (the way $2) did.
remove_hook() {
    rm -f -- "$3"
    [ -f "$1" ] || return 0
    scan_rc "$1" rc-uninstall || refuse_if_problems
    if [ -z "$block_b" ]; then
        say "$1 no longer has the venvsh block; left it as it is"
        return 0
    fi
    strip=no
    [ "$2" = appended-newline ] && strip=yes
    without_block "$1" "$block_b" "$block_e" "$work/rc" "$strip"
    if [ "$2" = created ] && [ ! -s "$work/rc" ]; then
        rm -f -- "$1" || err "could not remove $1"
    else
        cat -- "$work/rc" >"$1" || err "could not rewrite $1"
    fi
    say "removed the hook from $1"
}

do_uninstall() {
    [ -f "$manifest" ] || err "nothing to uninstall: $manifest does not exist"
    check_manifest
    refuse_if_problems
    # Newest first, without the header.
    sed -n '2,$p' "$manifest" | sed -n '1!G;h;$p' >"$work/reversed"
    while IFS= read -r line; do
        check_undo "$line"
    done <"$work/reversed"
    refuse_if_problems

    # Files and rc blocks, then the manifest, then directories.
    while IFS= read -r line; do
        undo "$line"
    done <"$work/reversed"
    rm -f -- "$manifest"
    if [ -d "$saved_dir" ]; then
        rmdir -- "$saved_dir" 2>/dev/null || say "kept $saved_dir: it is not empty"
    fi
    while IFS= read -r line; do
        if parse_record "$line" && [ "$kind" = dir ] && [ -d "$path" ]; then
            rmdir -- "$path" 2>/dev/null || say "kept $path: it is not empty"
        fi
    done <"$work/reversed"
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
    saved_dir="$manifest_dir/install-saved"
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

    work=$(mktemp -d "${TMPDIR:-/tmp}/venvsh-install.XXXXXX")
    trap 'rm -rf -- "$work"' EXIT

    if [ "$uninstall" = yes ]; then
        do_uninstall
    else
        do_install
    fi
}

main "$@"
