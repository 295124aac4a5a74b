//! `venvsh shell` in a real terminal: tmux runs an outer shell, the test types
//! `venvsh shell web` into it, and the child shell must have the environment active,
//! show the prompt (its rc file loads `venvsh hook`), deactivate in place, and leave
//! the outer shell as it was after `exit`.
//!
//! tmux and the shells are required with VENVSH_REQUIRE_SHELLS=1 (tests/run.sh installs
//! them); otherwise a missing one is skipped with `SKIPPED: …` on stderr.

#[path = "common/require.rs"]
mod require;
use require::require;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

struct Session {
    dir: tempfile::TempDir,
    socket: PathBuf,
    path: String,
}

impl Session {
    /// A HOME whose rc files load the hook, a store holding `web`, and tmux running
    /// `outer` (a shell started without rc files) in it.
    fn start(outer: &[&str]) -> Self {
        let dir = tempfile::Builder::new()
            .prefix("venvsh-shell")
            .tempdir()
            .unwrap();
        let home = dir.path().join("home");
        let env = dir.path().join("store/web");
        fs::create_dir_all(env.join("bin")).unwrap();
        fs::write(env.join("pyvenv.cfg"), "version = 3.12.0\n").unwrap();
        fs::create_dir_all(home.join(".config/fish")).unwrap();
        fs::create_dir_all(dir.path().join("out")).unwrap();
        fs::write(
            home.join(".bashrc"),
            "PS1='child$ '\neval \"$(venvsh hook bash)\"\n",
        )
        .unwrap();
        fs::write(
            home.join(".zshrc"),
            "PS1='child%# '\neval \"$(venvsh hook zsh)\"\n",
        )
        .unwrap();
        fs::write(
            home.join(".config/fish/config.fish"),
            "function fish_prompt; echo -n 'child> '; end\nvenvsh hook fish | source\n",
        )
        .unwrap();
        let bin = Path::new(env!("CARGO_BIN_EXE_venvsh")).parent().unwrap();
        let path = format!("{}:/usr/local/bin:/usr/bin:/bin", bin.display());
        let socket = dir.path().join("tmux.sock");
        let status = Command::new("tmux")
            .args(["-S", socket.to_str().unwrap(), "-f", "/dev/null"])
            .args(["new-session", "-d", "-x", "160", "-y", "40", "-s", "t"])
            .args(outer)
            .current_dir(dir.path())
            .env_clear()
            .env("HOME", &home)
            .env("ZDOTDIR", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("VENVSH_HOME", dir.path().join("store"))
            .env("PATH", &path)
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .status()
            .unwrap();
        assert!(status.success(), "tmux did not start");
        Session { dir, socket, path }
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-S", self.socket.to_str().unwrap()])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn type_line(&self, line: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", line]);
        self.tmux(&["send-keys", "-t", "t", "Enter"]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "t"])
    }

    fn out(&self, name: &str) -> PathBuf {
        self.dir.path().join("out").join(name)
    }

    /// Wait for the file a typed command writes (it is written whole: `> tmp && mv`).
    fn wait_for(&self, name: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(text) = fs::read_to_string(self.out(name)) {
                return text;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("{name} was never written; the screen:\n{}", self.screen());
    }

    fn wait_for_screen(&self, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "{needle:?} never appeared; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn env_root(&self) -> String {
        self.dir.path().join("store/web").display().to_string()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

/// Type, in the shell's own syntax, "write EXPR to out/NAME", and wait for the file.
fn record(session: &Session, shell: &str, name: &str, expr: &str) -> String {
    let out = session.out(name);
    let tmp = session.out(&format!("{name}.tmp"));
    let line = match shell {
        "fish" => format!(
            "printf '%s' {expr} > '{}'; mv '{}' '{}'",
            tmp.display(),
            tmp.display(),
            out.display()
        ),
        _ => format!(
            "printf '%s' {expr} > '{}' && mv '{}' '{}'",
            tmp.display(),
            tmp.display(),
            out.display()
        ),
    };
    session.type_line(&line);
    session.wait_for(name)
}

fn check(shell: &str, outer: &[&str]) {
    if !require("tmux") || !require(shell) {
        return;
    }
    let session = Session::start(outer);
    let (ve, unset_ve, path) = match shell {
        "fish" => (
            "\"$VIRTUAL_ENV\"",
            "(set -q VIRTUAL_ENV; and echo set; or echo unset)",
            "\"$PATH[1]\"",
        ),
        _ => (
            "\"$VIRTUAL_ENV\"",
            "\"${VIRTUAL_ENV-unset}\"",
            "\"${PATH%%:*}\"",
        ),
    };
    session.type_line("venvsh shell web");
    session.wait_for_screen("child");
    // The child has the environment: variables, PATH, and the prompt from the hook.
    assert_eq!(record(&session, shell, "child_ve", ve), session.env_root());
    assert_eq!(
        record(&session, shell, "child_path", path),
        format!("{}/bin", session.env_root())
    );
    let screen = session.wait_for_screen("(web) child");
    assert!(!screen.contains("error"), "{screen}");
    // deactivate works in the child, as the hook promises.
    session.type_line("deactivate");
    assert_eq!(
        record(&session, shell, "child_after_deactivate", unset_ve),
        "unset"
    );
    session.type_line("exit");

    // Back in the outer shell: nothing was ever active there.
    assert_eq!(record(&session, shell, "outer_after", unset_ve), "unset");
    let joined = match shell {
        "fish" => "(string join : $PATH)",
        _ => "\"$PATH\"",
    };
    assert_eq!(
        record(&session, shell, "outer_path_after", joined),
        session.path
    );
}

#[test]
fn bash() {
    check("bash", &["bash", "--norc", "--noprofile"]);
}

#[test]
fn zsh() {
    check("zsh", &["zsh", "-f"]);
}

#[test]
fn fish() {
    check("fish", &["fish", "--no-config"]);
}

/// `venvsh remove` on a terminal asks, and only `y` removes.
#[test]
fn remove_asks_on_a_terminal() {
    if !require("tmux") || !require("bash") {
        return;
    }
    let session = Session::start(&["bash", "--norc", "--noprofile"]);
    let env = PathBuf::from(session.env_root());

    session.type_line("venvsh remove web");
    session.wait_for_screen("? [y/N]");
    session.type_line("n");
    session.wait_for_screen("kept ");
    assert!(
        env.join("pyvenv.cfg").is_file(),
        "removed after answering n"
    );

    session.type_line("clear; venvsh remove web");
    session.wait_for_screen("? [y/N]");
    session.type_line("y");
    session.wait_for_screen("removed ");
    assert!(!env.exists(), "still there after answering y");
}
