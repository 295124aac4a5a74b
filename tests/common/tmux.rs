//! A program in a real terminal: its own tmux server, lines typed with `send-keys`,
//! the screen read with `capture-pane`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// How long to wait for something a typed line should bring.
const PATIENCE: Duration = Duration::from_secs(20);

pub struct Tmux {
    socket: PathBuf,
    /// Pause after each line: nushell's line editor drops keys typed while a command runs.
    settle: Duration,
}

impl Tmux {
    /// Start `argv` in a new tmux server whose socket is `socket`, in `cwd`, with
    /// exactly the environment `env` (through `env -i`: nothing of tmux's own, such as
    /// its TERM); return once the program drew its first screen.
    pub fn start(
        socket: &Path,
        cwd: &Path,
        env: &[(&str, String)],
        argv: &[&str],
        (width, height): (u16, u16),
    ) -> Tmux {
        let mut command = Command::new("tmux");
        command
            .arg("-S")
            .arg(socket)
            .args(["-f", "/dev/null", "new-session", "-d", "-s", "t"])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .arg("-c")
            .arg(cwd)
            .args(["env", "-i"])
            .args(env.iter().map(|(k, v)| format!("{k}={v}")))
            .args(argv)
            .current_dir(cwd)
            .env_clear();
        for (k, v) in env {
            command.env(k, v);
        }
        let status = command.status().expect("tmux runs");
        assert!(status.success(), "tmux could not start {argv:?}");
        let tmux = Tmux {
            socket: socket.to_owned(),
            settle: Duration::ZERO,
        };
        // Keys typed before the line editor is up are lost or misread (nushell's reedline
        // asks the terminal where the cursor is): wait for the first screen, then a moment.
        let deadline = Instant::now() + PATIENCE;
        while tmux.screen().trim().is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(300));
        tmux
    }

    /// Pause this long after each line typed.
    pub fn settle(mut self, pause: Duration) -> Self {
        self.settle = pause;
        self
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Type `line` and Enter.
    pub fn type_line(&self, line: &str) {
        let status = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["send-keys", "-t", "t", "-l", line])
            .status()
            .unwrap();
        assert!(status.success(), "tmux send-keys failed");
        let status = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["send-keys", "-t", "t", "Enter"])
            .status()
            .unwrap();
        assert!(status.success(), "tmux send-keys failed");
        std::thread::sleep(self.settle);
    }

    /// Type `text` and then the keys named in `keys` (tmux's names: `Tab`, `C-u`), with
    /// no Enter: for completion.
    pub fn type_keys(&self, text: &str, keys: &[&str]) {
        if !text.is_empty() {
            self.tmux(&["send-keys", "-t", "t", "-l", text]);
        }
        for key in keys {
            self.tmux(&["send-keys", "-t", "t", key]);
        }
    }

    /// What the terminal shows now.
    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "t"])
    }

    /// The screen and its scrollback, wrapped lines joined.
    pub fn scrollback(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-J", "-S", "-2000", "-t", "t"])
    }

    /// Wait until the screen shows `needle`, and return the screen.
    #[track_caller]
    pub fn wait_for_screen(&self, needle: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "{needle:?} never appeared; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait until `file` exists and its text passes `complete`, and return the text.
    #[track_caller]
    pub fn wait_for_file(&self, file: &Path, complete: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if let Ok(text) = fs::read_to_string(file)
                && complete(&text)
            {
                return text;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!(
            "{} was never written; the screen:\n{}",
            file.display(),
            self.scrollback()
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}
