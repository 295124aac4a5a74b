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
            _ => vec![
                "--no-config".into(),
                "-c".into(),
                format!("source ~/.config/fish/config.fish; {code}"),
            ],
        };
        let out = Command::new(shell)
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
