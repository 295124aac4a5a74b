//! install.sh against a temporary HOME: install, check what it put where (and that the
//! hook line works in the shell), install again (nothing changes), uninstall, and HOME
//! is byte for byte what it was. The test binary is installed with --from-binary, so
//! nothing is built in release.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Output, Stdio};

use common::harness::{Trial, plain_trial, trial};

fn main() -> ExitCode {
    let tests: Vec<Trial> = vec![
        trial(
            "bash_with_an_rc_file_lacking_its_final_newline",
            &["bash", "setsid"],
            bash_with_an_rc_file_lacking_its_final_newline,
        ),
        trial(
            "zsh_without_an_rc_file",
            &["zsh", "setsid"],
            zsh_without_an_rc_file,
        ),
        trial(
            "fish_with_a_config_file",
            &["fish", "setsid"],
            fish_with_a_config_file,
        ),
        trial(
            "xonsh_with_an_rc_file",
            &["xonsh", "setsid"],
            xonsh_with_an_rc_file,
        ),
        trial(
            "without_yes_or_a_terminal_the_rc_file_is_left_alone",
            &["setsid"],
            without_yes_or_a_terminal_the_rc_file_is_left_alone,
        ),
        plain_trial("bad_options_are_refused", bad_options_are_refused),
        trial(
            "install_sh_is_shellcheck_clean",
            &["shellcheck"],
            install_sh_is_shellcheck_clean,
        ),
        trial(
            "uninstall_refuses_a_block_without_its_end_marker",
            &["bash", "setsid"],
            uninstall_refuses_a_block_without_its_end_marker,
        ),
        trial(
            "uninstall_refuses_a_block_without_its_end_marker_zsh",
            &["zsh", "setsid"],
            uninstall_refuses_a_block_without_its_end_marker_zsh,
        ),
        trial(
            "uninstall_refuses_a_block_without_its_end_marker_fish",
            &["fish", "setsid"],
            uninstall_refuses_a_block_without_its_end_marker_fish,
        ),
        trial(
            "uninstall_refuses_an_end_marker_without_its_begin_marker",
            &["bash", "setsid"],
            uninstall_refuses_an_end_marker_without_its_begin_marker,
        ),
        trial(
            "uninstall_refuses_a_duplicated_block",
            &["bash", "setsid"],
            uninstall_refuses_a_duplicated_block,
        ),
        trial(
            "uninstall_refuses_nested_markers",
            &["bash", "setsid"],
            uninstall_refuses_nested_markers,
        ),
        trial(
            "uninstall_refuses_a_marker_that_is_not_exactly_its_own",
            &["bash", "setsid"],
            uninstall_refuses_a_marker_that_is_not_exactly_its_own,
        ),
        trial(
            "uninstall_refuses_a_block_with_a_users_line_inside",
            &["bash", "setsid"],
            uninstall_refuses_a_block_with_a_users_line_inside,
        ),
        trial(
            "uninstall_refuses_a_block_whose_hook_line_was_edited",
            &["bash", "setsid"],
            uninstall_refuses_a_block_whose_hook_line_was_edited,
        ),
        trial(
            "uninstall_keeps_the_users_lines_next_to_the_block",
            &["setsid"],
            uninstall_keeps_the_users_lines_next_to_the_block,
        ),
        trial(
            "files_already_at_the_target_paths_are_kept_aside_and_put_back",
            &["setsid"],
            files_already_at_the_target_paths_are_kept_aside_and_put_back,
        ),
        trial(
            "a_file_install_wrote_and_the_user_changed_is_neither_replaced_nor_removed",
            &["setsid"],
            a_file_install_wrote_and_the_user_changed_is_neither_replaced_nor_removed,
        ),
        trial(
            "reinstalling_changes_nothing_and_uninstall_still_restores_home",
            &["setsid"],
            reinstalling_changes_nothing_and_uninstall_still_restores_home,
        ),
    ];
    common::harness::run(tests, 4)
}

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("install.sh")
}

/// What a path is: type, mode (and, with `times`, modification time) in text, and the
/// file's bytes or the link's target.
type Snapshot = BTreeMap<PathBuf, (String, Vec<u8>)>;

/// Everything under `root`.
fn snapshot(root: &Path, times: bool) -> Snapshot {
    let mut out = BTreeMap::new();
    walk(root, root, times, &mut out);
    out
}

fn walk(root: &Path, dir: &Path, times: bool, out: &mut Snapshot) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let meta = fs::symlink_metadata(&path).unwrap();
        let rel = path.strip_prefix(root).unwrap().to_owned();
        let mode = meta.permissions().mode();
        if meta.file_type().is_symlink() {
            let target = fs::read_link(&path).unwrap();
            out.insert(
                rel,
                ("link".into(), target.into_os_string().into_encoded_bytes()),
            );
        } else if meta.is_dir() {
            out.insert(rel, (format!("dir {mode:o}"), Vec::new()));
            walk(root, &path, times, out);
        } else {
            let mtime = if times {
                format!(" {}.{}", meta.mtime(), meta.mtime_nsec())
            } else {
                String::new()
            };
            out.insert(
                rel,
                (format!("file {mode:o}{mtime}"), fs::read(&path).unwrap()),
            );
        }
    }
}

/// Fail with the paths that differ (the binary is too big to print).
#[track_caller]
fn assert_same(actual: &Snapshot, expected: &Snapshot, what: &str) {
    let mut differences: Vec<(PathBuf, String, String)> = Vec::new();
    for path in actual.keys().chain(expected.keys()) {
        let (a, e) = (actual.get(path), expected.get(path));
        if a != e && !differences.iter().any(|(p, ..)| p == path) {
            let show = |x: Option<&(String, Vec<u8>)>| {
                x.map_or("absent".to_owned(), |(meta, bytes)| {
                    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]);
                    format!("{meta} {text:?}")
                })
            };
            differences.push((path.clone(), show(a), show(e)));
        }
    }
    assert!(differences.is_empty(), "{what}: {differences:#?}");
}

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("venvsh-install")
            .tempdir()
            .unwrap();
        fs::create_dir(dir.path().join("home")).unwrap();
        Home { dir }
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    fn install_sh(&self, shell: &str, args: &[&str]) -> Output {
        // setsid: no controlling terminal, so nothing can be asked on /dev/tty.
        Command::new("setsid")
            .arg("-w")
            .arg("sh")
            .arg(script())
            .args(args)
            .current_dir(self.dir.path())
            .env_clear()
            .env("HOME", self.home())
            .env("SHELL", format!("/usr/bin/{shell}"))
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .env("TMPDIR", self.dir.path())
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    /// install.sh must refuse: non-zero exit, `error: …` and a hint on stderr.
    fn fails(&self, shell: &str, args: &[&str]) -> String {
        let out = self.install_sh(shell, args);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(
            !out.status.success(),
            "install.sh {args:?} succeeded:\n{}\n{stderr}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(stderr.contains("install.sh: error: "), "{stderr}");
        assert!(stderr.contains("install.sh: hint: "), "{stderr}");
        stderr
    }

    fn ok(&self, shell: &str, args: &[&str]) -> String {
        let out = self.install_sh(shell, args);
        assert!(
            out.status.success(),
            "install.sh {args:?} failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Run `code` in `shell` after loading its rc file the way a login would.
    fn in_shell(&self, shell: &str, code: &str) -> String {
        let home = self.home();
        let args: Vec<String> = match shell {
            "bash" => vec!["--norc".into(), "-c".into(), format!(". ~/.bashrc; {code}")],
            "zsh" => vec!["-f".into(), "-c".into(), format!(". ~/.zshrc; {code}")],
            "xonsh" => vec![
                "--no-rc".into(),
                "-c".into(),
                format!("source ~/.xonshrc\n{code}"),
            ],
            _ => vec![
                "--no-config".into(),
                "-c".into(),
                format!("source ~/.config/fish/config.fish; {code}"),
            ],
        };
        let out = Command::new(common::harness::located(shell))
            .args(&args)
            .env_clear()
            .env("HOME", &home)
            // fish keeps its data (history, universal variables) here: not in HOME.
            .env("XDG_DATA_HOME", self.dir.path().join("shell-data"))
            .env("PATH", "/usr/bin:/bin")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

fn venvsh_bytes() -> Vec<u8> {
    fs::read(env!("CARGO_BIN_EXE_venvsh")).unwrap()
}

/// Install, check, install again, uninstall, compare — for one shell's rc file.
fn round_trip(shell: &str, rc: &str, rc_before: Option<&str>, function_check: &str) {
    let home = Home::new();
    let h = home.home();
    // Things of the user's that must survive: a file in ~/.local/share, an rc file.
    fs::create_dir_all(h.join(".local/share/other")).unwrap();
    fs::write(h.join(".local/share/other/keep"), "mine").unwrap();
    if let Some(text) = rc_before {
        fs::create_dir_all(h.join(rc).parent().unwrap()).unwrap();
        fs::write(h.join(rc), text).unwrap();
    }
    let before = snapshot(&h, false);

    let bin = env!("CARGO_BIN_EXE_venvsh");
    let out = home.ok(shell, &["--from-binary", bin, "--yes"]);
    assert!(out.contains("added the hook"), "{out}");

    // The binary, completions where each shell looks, man pages, the manifest.
    assert_eq!(
        fs::read(h.join(".local/bin/venvsh")).unwrap(),
        venvsh_bytes()
    );
    let mode = fs::metadata(h.join(".local/bin/venvsh"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o755);
    let expected = [
        ".local/share/bash-completion/completions/venvsh",
        ".local/share/zsh/site-functions/_venvsh",
        ".config/fish/completions/venvsh.fish",
        ".local/share/man/man1/venvsh.1",
        ".local/share/man/man1/venvsh-run.1",
        ".local/share/venvsh/install-manifest",
    ];
    for path in expected {
        assert!(h.join(path).is_file(), "{path} missing");
    }
    let bash =
        fs::read_to_string(h.join(".local/share/bash-completion/completions/venvsh")).unwrap();
    assert!(bash.contains("_venvsh_with_envs"));
    // The rc file keeps what it had, then the hook block.
    let rc_text = fs::read_to_string(h.join(rc)).unwrap();
    if let Some(text) = rc_before {
        assert!(rc_text.starts_with(text), "{rc_text}");
    }
    assert!(rc_text.contains("# >>> venvsh >>>"), "{rc_text}");
    // And the hook it loads works: the shell has the `venvsh` function.
    let answer = home.in_shell(shell, function_check);
    assert!(answer.contains("function"), "{shell}: {answer}");

    // Twice: nothing changes, not even a modification time.
    let installed = snapshot(&h, true);
    let again = home.ok(shell, &["--from-binary", bin, "--yes"]);
    assert!(again.contains("already loads the hook"), "{again}");
    assert_eq!(
        snapshot(&h, true),
        installed,
        "the second install changed HOME"
    );

    // Uninstall: HOME as it was, byte for byte.
    home.ok(shell, &["--uninstall"]);
    assert_eq!(
        snapshot(&h, false),
        before,
        "uninstall did not restore HOME"
    );
    // Nothing left to uninstall is an error, and changes nothing.
    let out = home.install_sh(shell, &["--uninstall"]);
    assert!(!out.status.success());
    assert_same(&snapshot(&h, false), &before, "a second uninstall");
}

fn bash_with_an_rc_file_lacking_its_final_newline() {
    round_trip(
        "bash",
        ".bashrc",
        Some("alias ll='ls -l'\nexport EDITOR=vi"),
        "type -t venvsh",
    );
}

fn zsh_without_an_rc_file() {
    round_trip("zsh", ".zshrc", None, "whence -w venvsh");
}

fn fish_with_a_config_file() {
    round_trip(
        "fish",
        ".config/fish/config.fish",
        Some("set -gx EDITOR vi\n"),
        "functions -q venvsh; and echo function",
    );
}

/// The block loads the hook and the completions.
fn xonsh_with_an_rc_file() {
    round_trip(
        "xonsh",
        ".xonshrc",
        Some("$EDITOR = 'vi'\n"),
        "print('function' if 'venvsh' in aliases and 'venvsh' in __xonsh__.completers else 'missing')",
    );
}

fn without_yes_or_a_terminal_the_rc_file_is_left_alone() {
    let home = Home::new();
    let h = home.home();
    fs::write(h.join(".bashrc"), "# mine\n").unwrap();
    let bin = env!("CARGO_BIN_EXE_venvsh");
    let bin_dir = home.dir.path().join("custom bin");
    let out = home.ok(
        "bash",
        &["--from-binary", bin, "--bin-dir", bin_dir.to_str().unwrap()],
    );
    assert_eq!(fs::read_to_string(h.join(".bashrc")).unwrap(), "# mine\n");
    assert!(out.contains("left"), "{out}");
    // The line it suggests names the binary where it went, quoted.
    assert!(
        out.contains(&format!(
            "eval \"$('{}/venvsh' hook bash)\"",
            bin_dir.display()
        )),
        "{out}"
    );
    assert_eq!(fs::read(bin_dir.join("venvsh")).unwrap(), venvsh_bytes());
    let out = home.ok("bash", &["--from-binary", bin, "--no-modify-rc"]);
    assert!(out.contains("to load the hook, add to"), "{out}");
    assert_eq!(fs::read_to_string(h.join(".bashrc")).unwrap(), "# mine\n");

    home.ok("bash", &["--uninstall"]);
    assert!(
        !bin_dir.exists(),
        "the bin dir install.sh created is still there"
    );
    assert_eq!(
        snapshot(&h, false).keys().collect::<Vec<_>>(),
        [Path::new(".bashrc")]
    );
}

fn bad_options_are_refused() {
    let home = Home::new();
    let out = home.install_sh("bash", &["--frobnicate"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown option: --frobnicate"));
    let out = home.install_sh("bash", &["--from-binary", "/nonexistent/venvsh"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not an executable file"));
    assert!(
        snapshot(&home.home(), false).is_empty(),
        "a refused install wrote files"
    );
}

fn install_sh_is_shellcheck_clean() {
    let out = Command::new("shellcheck")
        .args(["-s", "sh"])
        .arg(script())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

// --- Nothing of the user's is lost (issue 8, item 12) ---------------------------------

const BEGIN: &str = "# >>> venvsh >>>";
const END: &str = "# <<< venvsh <<<";

/// The lines of `text`, which ends with a newline, without their newlines (a `\r` stays).
fn lines_of(text: &str) -> Vec<String> {
    let body = text
        .strip_suffix('\n')
        .expect("the text ends with a newline");
    body.split('\n').map(str::to_owned).collect()
}

fn join_lines(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// Install for `shell` over an rc file holding `rc_before`; the user then edits the
/// rc file's lines with `edit`. Uninstall must refuse, naming `RC:line`, and change
/// nothing (not even a modification time). Install again refuses the same way when
/// `install_refuses` (the markers are damaged) or else leaves the block alone. Then
/// the user deletes the block by hand, and uninstall puts HOME back as it was except
/// for the user's own lines.
fn damaged_block(
    shell: &str,
    rc: &str,
    rc_before: &str,
    edit: impl Fn(&mut Vec<String>),
    line: usize,
    install_refuses: bool,
) {
    let home = Home::new();
    let h = home.home();
    let rc_path = h.join(rc);
    fs::create_dir_all(rc_path.parent().unwrap()).unwrap();
    fs::write(&rc_path, rc_before).unwrap();
    let before = snapshot(&h, false);
    let bin = env!("CARGO_BIN_EXE_venvsh");
    home.ok(shell, &["--from-binary", bin, "--yes"]);

    let installed = fs::read_to_string(&rc_path).unwrap();
    let block = lines_of(&installed[rc_before.len()..]);
    assert_eq!(
        block.first().map(String::as_str),
        Some(BEGIN),
        "{installed}"
    );
    let mut lines = lines_of(&installed);
    edit(&mut lines);
    let edited = join_lines(&lines);
    fs::write(&rc_path, &edited).unwrap();
    let damaged = snapshot(&h, true);

    let stderr = home.fails(shell, &["--uninstall"]);
    let at = format!("install.sh: error: {}:{line}: ", rc_path.display());
    assert!(stderr.contains(&at), "expected {at:?} in:\n{stderr}");
    assert_same(&snapshot(&h, true), &damaged, "a refused uninstall");

    if install_refuses {
        let stderr = home.fails(shell, &["--from-binary", bin, "--yes"]);
        assert!(stderr.contains(&at), "expected {at:?} in:\n{stderr}");
    } else {
        let out = home.ok(shell, &["--from-binary", bin, "--yes"]);
        assert!(
            out.contains("was changed since install.sh added it"),
            "{out}"
        );
    }
    assert_same(
        &snapshot(&h, true),
        &damaged,
        "install over a damaged block",
    );

    // The user takes the block out by hand and keeps their own lines.
    let own: Vec<String> = lines_of(&edited)
        .into_iter()
        .filter(|l| !block.contains(l) && !l.contains("venvsh >>>") && !l.contains("venvsh <<<"))
        .collect();
    let own = join_lines(&own);
    fs::write(&rc_path, &own).unwrap();
    let out = home.ok(shell, &["--uninstall"]);
    assert!(out.contains("no longer has the venvsh block"), "{out}");
    let mut expected = before;
    expected.get_mut(Path::new(rc)).unwrap().1 = own.into_bytes();
    assert_same(&snapshot(&h, false), &expected, "uninstall after the fix");
}

const BASHRC: &str = "alias ll='ls -l'\n";

fn uninstall_refuses_a_block_without_its_end_marker() {
    // The old install.sh deleted everything from the begin marker on: here the user's
    // alias after the block. Lines: 1 alias, 2 begin, 3 hook, 4 end.
    let edit = |l: &mut Vec<String>| {
        l.remove(3);
        l.push("alias after='mine'".into());
    };
    damaged_block("bash", ".bashrc", BASHRC, edit, 2, true);
}

fn uninstall_refuses_a_block_without_its_end_marker_zsh() {
    let edit = |l: &mut Vec<String>| {
        let end = l.iter().position(|x| x == END).unwrap();
        l.remove(end);
        l.push("setopt autocd".into());
    };
    damaged_block("zsh", ".zshrc", "bindkey -e\n", edit, 2, true);
}

fn uninstall_refuses_a_block_without_its_end_marker_fish() {
    let edit = |l: &mut Vec<String>| {
        let end = l.iter().position(|x| x == END).unwrap();
        l.remove(end);
        l.push("set -gx PAGER less".into());
    };
    damaged_block(
        "fish",
        ".config/fish/config.fish",
        "set -gx EDITOR vi\n",
        edit,
        2,
        true,
    );
}

fn uninstall_refuses_an_end_marker_without_its_begin_marker() {
    // Lines after the edit: 1 alias, 2 hook, 3 end.
    damaged_block("bash", ".bashrc", BASHRC, |l| drop(l.remove(1)), 3, true);
}

fn uninstall_refuses_a_duplicated_block() {
    // The user copied the block to the end: its begin is line 5.
    let edit = |l: &mut Vec<String>| {
        let copy = l[1..4].to_vec();
        l.extend(copy);
    };
    damaged_block("bash", ".bashrc", BASHRC, edit, 5, true);
}

fn uninstall_refuses_nested_markers() {
    damaged_block(
        "bash",
        ".bashrc",
        BASHRC,
        |l| l.insert(2, BEGIN.into()),
        3,
        true,
    );
}

fn uninstall_refuses_a_marker_that_is_not_exactly_its_own() {
    // An editor that saved the line with a carriage return.
    damaged_block("bash", ".bashrc", BASHRC, |l| l[3].push('\r'), 4, true);
}

fn uninstall_refuses_a_block_with_a_users_line_inside() {
    // Install leaves such a block alone; uninstall names the user's line.
    let edit = |l: &mut Vec<String>| l.insert(3, "export INSIDE=mine".into());
    damaged_block("bash", ".bashrc", BASHRC, edit, 4, false);
}

fn uninstall_refuses_a_block_whose_hook_line_was_edited() {
    damaged_block(
        "bash",
        ".bashrc",
        BASHRC,
        |l| l[2].push_str(" # mine"),
        3,
        false,
    );
}

fn uninstall_keeps_the_users_lines_next_to_the_block() {
    let home = Home::new();
    let h = home.home();
    // No final newline: install adds one before the block. With the user's lines after
    // the block, that newline stays and their blank line too.
    fs::write(h.join(".bashrc"), "alias ll='ls -l'\nexport EDITOR=vi").unwrap();
    let mut expected = snapshot(&h, false);
    let bin = env!("CARGO_BIN_EXE_venvsh");
    home.ok("bash", &["--from-binary", bin, "--yes"]);
    let text = fs::read_to_string(h.join(".bashrc")).unwrap();
    let text = text.replace(BEGIN, &format!("# mine, before\n{BEGIN}")) + "# mine, after\n\n";
    fs::write(h.join(".bashrc"), text).unwrap();

    home.ok("bash", &["--uninstall"]);
    let rc = "alias ll='ls -l'\nexport EDITOR=vi\n# mine, before\n# mine, after\n\n";
    expected.get_mut(Path::new(".bashrc")).unwrap().1 = rc.into();
    assert_same(&snapshot(&h, false), &expected, "uninstall");
}

/// Set a file's modification time (without following a symlink), so that putting it
/// back can be told from writing it again.
fn set_old_mtime(path: &Path) {
    let status = Command::new("touch")
        .args(["-h", "-d", "@1000000000"])
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

fn files_already_at_the_target_paths_are_kept_aside_and_put_back() {
    let home = Home::new();
    let h = home.home();
    // The user's own completion file, private and old; a man page linked from dotfiles.
    let completion = h.join(".local/share/bash-completion/completions/venvsh");
    fs::create_dir_all(completion.parent().unwrap()).unwrap();
    fs::write(&completion, "complete -W 'mine' venvsh\n").unwrap();
    fs::set_permissions(&completion, fs::Permissions::from_mode(0o600)).unwrap();
    set_old_mtime(&completion);
    fs::create_dir_all(h.join("dotfiles")).unwrap();
    fs::write(h.join("dotfiles/venvsh.1"), ".TH MINE 1\n").unwrap();
    let page = h.join(".local/share/man/man1/venvsh.1");
    fs::create_dir_all(page.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink("../../../../dotfiles/venvsh.1", &page).unwrap();
    set_old_mtime(&page);
    let before = snapshot(&h, true);

    let bin = env!("CARGO_BIN_EXE_venvsh");
    let out = home.ok("bash", &["--from-binary", bin, "--yes"]);
    assert!(out.contains("kept in"), "{out}");
    let installed = fs::read_to_string(&completion).unwrap();
    assert!(installed.contains("_venvsh_with_envs"), "{installed}");
    assert!(
        !fs::symlink_metadata(&page)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read(h.join("dotfiles/venvsh.1")).unwrap(),
        b".TH MINE 1\n"
    );

    // Again: what install wrote is not taken for the user's and kept aside a second time.
    let installed = snapshot(&h, true);
    let again = home.ok("bash", &["--from-binary", bin, "--yes"]);
    assert!(!again.contains("kept in"), "{again}");
    assert_same(&snapshot(&h, true), &installed, "the second install");

    home.ok("bash", &["--uninstall"]);
    // Byte for byte, with mode and modification time; the directories' times aside.
    let after = snapshot(&h, true);
    for path in [&completion, &page] {
        let rel = path.strip_prefix(&h).unwrap();
        assert_eq!(after.get(rel), before.get(rel), "{}", rel.display());
    }
    let files_only = |s: &Snapshot| -> Snapshot {
        s.iter()
            .filter(|(_, (meta, _))| !meta.starts_with("dir"))
            .map(|(p, v)| (p.clone(), v.clone()))
            .collect()
    };
    assert_same(&files_only(&after), &files_only(&before), "uninstall");
    assert_same(
        &snapshot(&h, false),
        &snapshot_without_times(&before),
        "uninstall",
    );
}

/// `before` as `snapshot(_, false)` would have taken it.
fn snapshot_without_times(s: &Snapshot) -> Snapshot {
    s.iter()
        .map(|(p, (meta, bytes))| {
            let meta = match meta.strip_prefix("file ") {
                Some(rest) => format!("file {}", rest.split(' ').next().unwrap()),
                None => meta.clone(),
            };
            (p.clone(), (meta, bytes.clone()))
        })
        .collect()
}

fn a_file_install_wrote_and_the_user_changed_is_neither_replaced_nor_removed() {
    let home = Home::new();
    let h = home.home();
    let before = snapshot(&h, false);
    let bin = env!("CARGO_BIN_EXE_venvsh");
    home.ok("bash", &["--from-binary", bin, "--no-modify-rc"]);
    let completion = h.join(".local/share/bash-completion/completions/venvsh");
    let mut text = fs::read_to_string(&completion).unwrap();
    text.push_str("# my tweak\n");
    fs::write(&completion, &text).unwrap();
    let changed = snapshot(&h, true);

    let at = format!(
        "install.sh: error: {} was changed after install.sh wrote it",
        completion.display()
    );
    let stderr = home.fails("bash", &["--from-binary", bin, "--no-modify-rc"]);
    assert!(stderr.contains(&at), "{stderr}");
    assert_same(&snapshot(&h, true), &changed, "a refused reinstall");
    let stderr = home.fails("bash", &["--uninstall"]);
    assert!(stderr.contains(&at), "{stderr}");
    assert_same(&snapshot(&h, true), &changed, "a refused uninstall");

    // The user moves their version away: uninstall removes the rest, and only that.
    fs::rename(&completion, h.join("my-completion")).unwrap();
    home.ok("bash", &["--uninstall"]);
    let mut expected = before;
    expected.insert(
        PathBuf::from("my-completion"),
        ("file 100644".into(), text.into_bytes()),
    );
    assert_same(&snapshot(&h, false), &expected, "uninstall");
}

fn reinstalling_changes_nothing_and_uninstall_still_restores_home() {
    let home = Home::new();
    let h = home.home();
    fs::write(h.join(".bashrc"), "alias ll='ls -l'\nexport EDITOR=vi").unwrap();
    let completion = h.join(".local/share/bash-completion/completions/venvsh");
    fs::create_dir_all(completion.parent().unwrap()).unwrap();
    fs::write(&completion, "complete -W 'mine' venvsh\n").unwrap();
    let before = snapshot(&h, false);

    let bin = env!("CARGO_BIN_EXE_venvsh");
    home.ok("bash", &["--from-binary", bin, "--yes"]);
    let installed = snapshot(&h, true);
    for _ in 0..2 {
        let again = home.ok("bash", &["--from-binary", bin, "--yes"]);
        assert!(again.contains("already loads the hook"), "{again}");
        assert_same(&snapshot(&h, true), &installed, "a reinstall");
    }

    // A new binary replaces the one install wrote (its record follows).
    let newer = home.dir.path().join("venvsh-newer");
    let mut bytes = venvsh_bytes();
    bytes.extend_from_slice(b"\0newer build\0");
    fs::write(&newer, &bytes).unwrap();
    fs::set_permissions(&newer, fs::Permissions::from_mode(0o755)).unwrap();
    home.ok("bash", &["--from-binary", newer.to_str().unwrap(), "--yes"]);
    assert_eq!(fs::read(h.join(".local/bin/venvsh")).unwrap(), bytes);

    // Another --bin-dir: the block install added is updated where it is, and works.
    let apps = h.join("apps/bin");
    let out = home.ok(
        "bash",
        &[
            "--from-binary",
            bin,
            "--yes",
            "--bin-dir",
            apps.to_str().unwrap(),
        ],
    );
    assert!(out.contains("updated the hook"), "{out}");
    let rc = fs::read_to_string(h.join(".bashrc")).unwrap();
    assert!(
        rc.starts_with("alias ll='ls -l'\nexport EDITOR=vi\n")
            && rc.contains(&format!("'{}/venvsh' hook bash", apps.display()))
            && rc.matches(BEGIN).count() == 1,
        "{rc}"
    );
    let answer = home.in_shell("bash", "type -t venvsh");
    assert!(answer.contains("function"), "{answer}");

    home.ok("bash", &["--uninstall"]);
    assert_same(&snapshot(&h, false), &before, "uninstall");
}
