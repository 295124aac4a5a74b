//! `venvsh shell` in a real terminal: tmux runs an outer shell, the test types
//! `venvsh shell web` into it, and the child shell must have the environment active,
//! show the prompt (its rc file loads `venvsh hook`), deactivate in place, and leave
//! the outer shell as it was after `exit`.
//!
//! tmux and the shells are required with VENVSH_REQUIRE_SHELLS=1 (tests/run.sh installs
//! them); otherwise a test whose program is missing is reported as ignored, with why.

mod common;

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use common::harness::{Trial, located, trial};
use common::tmux::Tmux;

fn main() -> ExitCode {
    let tests: Vec<Trial> = vec![
        trial("bash", &["tmux", "bash"], || {
            check("bash", &["--norc", "--noprofile"], &POSIX)
        }),
        trial("zsh", &["tmux", "zsh"], || check("zsh", &["-f"], &POSIX)),
        trial("fish", &["tmux", "fish"], || {
            check("fish", &["--no-config"], &FISH)
        }),
        trial("nu", &["tmux", "nu"], || check("nu", &[], &NU)),
        trial(
            "remove_asks_on_a_terminal",
            &["tmux", "bash"],
            remove_asks_on_a_terminal,
        ),
        trial(
            "nu::a_child_nu_resumes_the_prompt_and_deactivates",
            &["tmux", "nu"],
            nu_child,
        ),
        trial(
            "nu::other_commands_are_values_and_interactive_ones_use_the_terminal",
            &["tmux", "nu"],
            nu_values_and_terminal,
        ),
    ];
    common::harness::run(tests, 4)
}

struct Session {
    dir: tempfile::TempDir,
    tmux: Tmux,
    path: String,
}

impl Session {
    /// A HOME whose rc files load the hook, a store holding `web`, and tmux running
    /// `outer` (a shell started without rc files) in it.
    fn start(shell: &str, args: &[&str]) -> Self {
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
        // nushell sources a file saved once, as the README says.
        let nu_dir = home.join(".config/nushell");
        fs::create_dir_all(&nu_dir).unwrap();
        let hook = std::process::Command::new(common::venvsh())
            .args(["hook", "nu"])
            .output()
            .unwrap();
        fs::write(nu_dir.join("venvsh.nu"), &hook.stdout).unwrap();
        fs::write(nu_dir.join("env.nu"), "").unwrap();
        fs::write(
            nu_dir.join("config.nu"),
            format!(
                "$env.config.show_banner = false\n$env.PROMPT_COMMAND = {{|| 'child> ' }}\n$env.PROMPT_COMMAND_RIGHT = ''\n$env.PROMPT_INDICATOR = ''\nsource '{}'\n",
                nu_dir.join("venvsh.nu").display()
            ),
        )
        .unwrap();
        let path = common::test_path();
        let env = [
            ("HOME", home.display().to_string()),
            ("ZDOTDIR", home.display().to_string()),
            (
                "XDG_CONFIG_HOME",
                home.join(".config").display().to_string(),
            ),
            (
                "XDG_DATA_HOME",
                home.join(".local/share").display().to_string(),
            ),
            (
                "VENVSH_HOME",
                dir.path().join("store").display().to_string(),
            ),
            ("PATH", path.clone()),
            ("TERM", "xterm-256color".to_owned()),
            ("LANG", "C.UTF-8".to_owned()),
        ];
        let program = located(shell);
        let mut argv = vec![program.as_str()];
        argv.extend(args);
        let tmux = Tmux::start(
            &dir.path().join("tmux.sock"),
            dir.path(),
            &env,
            &argv,
            (160, 40),
        );
        // nushell's line editor drops keys typed while a command runs.
        let tmux = if shell == "nu" {
            tmux.settle(std::time::Duration::from_millis(300))
        } else {
            tmux
        };
        Session { dir, tmux, path }
    }

    fn type_line(&self, line: &str) {
        self.tmux.type_line(line);
    }

    fn out(&self, name: &str) -> PathBuf {
        self.dir.path().join("out").join(name)
    }

    /// Wait for the file a typed command writes (it is written whole: `> tmp && mv`).
    #[track_caller]
    fn wait_for(&self, name: &str) -> String {
        self.tmux.wait_for_file(&self.out(name), |_| true)
    }

    #[track_caller]
    fn wait_for_screen(&self, needle: &str) -> String {
        self.tmux.wait_for_screen(needle)
    }

    /// Wait until the terminal's scrollback shows `needle` `count` times.
    #[track_caller]
    fn wait_for_count(&self, needle: &str, count: usize) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            let text = self.tmux.scrollback();
            if text.matches(needle).count() >= count {
                return text;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{needle:?} never appeared {count} times:\n{text}"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    fn env_root(&self) -> String {
        self.dir.path().join("store/web").display().to_string()
    }
}

/// What the lines typed into an outer shell look like in its syntax.
struct Syntax {
    /// `printf '%s' EXPR > TMP && mv TMP OUT` in the shell's syntax.
    write: fn(&str, &str, &str) -> String,
    /// Expressions for `printf '%s'`: VIRTUAL_ENV, `unset` when it is not set, the
    /// first PATH entry, and PATH joined with `:`.
    ve: &'static str,
    unset_ve: &'static str,
    first_path: &'static str,
    joined_path: &'static str,
}

fn posix_write(expr: &str, tmp: &str, out: &str) -> String {
    format!("printf '%s' {expr} > '{tmp}' && mv '{tmp}' '{out}'")
}

const POSIX: Syntax = Syntax {
    write: posix_write,
    ve: "\"$VIRTUAL_ENV\"",
    unset_ve: "\"${VIRTUAL_ENV-unset}\"",
    first_path: "\"${PATH%%:*}\"",
    joined_path: "\"$PATH\"",
};

const FISH: Syntax = Syntax {
    write: |expr, tmp, out| format!("printf '%s' {expr} > '{tmp}'; mv '{tmp}' '{out}'"),
    ve: "\"$VIRTUAL_ENV\"",
    unset_ve: "(set -q VIRTUAL_ENV; and echo set; or echo unset)",
    first_path: "\"$PATH[1]\"",
    joined_path: "(string join : $PATH)",
};

const NU: Syntax = Syntax {
    write: |expr, tmp, out| format!("{expr} | save -f '{tmp}'; mv -f '{tmp}' '{out}'"),
    ve: "$env.VIRTUAL_ENV",
    unset_ve: "($env.VIRTUAL_ENV? | default unset)",
    first_path: "($env.PATH | first)",
    joined_path: "($env.PATH | str join ':')",
};

/// Type, in the shell's own syntax, "write EXPR to out/NAME", and wait for the file.
fn record(session: &Session, syntax: &Syntax, name: &str, expr: &str) -> String {
    let out = session.out(name);
    let tmp = session.out(&format!("{name}.tmp"));
    session.type_line(&(syntax.write)(
        expr,
        &tmp.display().to_string(),
        &out.display().to_string(),
    ));
    session.wait_for(name)
}

fn check(shell: &str, args: &[&str], syntax: &Syntax) {
    let session = Session::start(shell, args);
    session.type_line("venvsh shell web");
    session.wait_for_screen("child");
    // The child has the environment: variables, PATH, and the prompt from the hook.
    assert_eq!(
        record(&session, syntax, "child_ve", syntax.ve),
        session.env_root()
    );
    assert_eq!(
        record(&session, syntax, "child_path", syntax.first_path),
        format!("{}/bin", session.env_root())
    );
    let screen = session.wait_for_screen("(web) child");
    assert!(!screen.contains("error"), "{screen}");
    // deactivate works in the child, as the hook promises.
    session.type_line("deactivate");
    assert_eq!(
        record(&session, syntax, "child_after_deactivate", syntax.unset_ve),
        "unset"
    );
    session.type_line("exit");

    // Back in the outer shell: nothing was ever active there.
    assert_eq!(
        record(&session, syntax, "outer_after", syntax.unset_ve),
        "unset"
    );
    assert_eq!(
        record(&session, syntax, "outer_path_after", syntax.joined_path),
        session.path
    );
}

/// `venvsh remove` on a terminal asks, and only `y` removes.
fn remove_asks_on_a_terminal() {
    let session = Session::start("bash", &["--norc", "--noprofile"]);
    let env = PathBuf::from(session.env_root());

    session.type_line("venvsh remove web");
    session.wait_for_screen("? [y/N]");
    session.type_line("n");
    session.wait_for_screen("kept ");
    assert!(
        env.join("pyvenv.cfg").is_file(),
        "removed after answering n"
    );

    session.type_line("venvsh remove web");
    // The second question, not the first one still on the screen.
    session.wait_for_count("? [y/N]", 2);
    session.type_line("y");
    session.wait_for_screen("removed ");
    assert!(!env.exists(), "still there after answering y");
}

/// A nushell started inside an activated one inherits the variables but nothing of the
/// hook's own (records are not passed on): it puts the prompt back, and `deactivate`
/// works there, as in bash (issue 11, item 1).
fn nu_child() {
    let session = Session::start("nu", &[]);
    let (tmux, root) = (&session.tmux, session.env_root());
    tmux.wait_for_screen("child>");
    session.type_line("venvsh activate web");
    session.wait_for_screen("(web) child>");
    session.type_line("nu");
    // Keys typed before the child's line editor is up are lost: wait for its prompt.
    session.wait_for_count("(web) child>", 2);
    std::thread::sleep(std::time::Duration::from_millis(300));
    session.type_line("$env.NESTED = 1");
    assert_eq!(record(&session, &NU, "child_ve", NU.ve), root);
    let screen = session.wait_for_screen("(web) child> $env.NESTED = 1");
    assert!(!screen.contains("Error"), "{screen}");
    // Nothing the hook keeps for itself reached the child as a variable.
    assert_eq!(
        record(
            &session,
            &NU,
            "private",
            "(^env | lines | where {|l| $l =~ '(?i)^_+venvsh_' } | str join ' ')"
        ),
        ""
    );
    session.type_line("clear; deactivate");
    assert_eq!(record(&session, &NU, "child_off", NU.unset_ve), "unset");
    let screen = tmux.screen();
    assert!(
        !screen.contains("Error") && !screen.contains("(web)"),
        "{screen}"
    );
    session.type_line("exit");
    assert_eq!(record(&session, &NU, "parent", NU.ve), root);
}

/// With the hook, every verb but activate and deactivate is a value nushell can pipe;
/// one that talks to the terminal (`remove` asks) still does.
fn nu_values_and_terminal() {
    let session = Session::start("nu", &[]);
    session.tmux.wait_for_screen("child>");
    assert_eq!(
        record(
            &session,
            &NU,
            "names",
            "(venvsh list --json | from json | get environments.name | str join ',')"
        ),
        "web"
    );
    session.type_line("venvsh remove web");
    session.wait_for_screen("? [y/N]");
    session.type_line("y");
    session.wait_for_screen("removed ");
    assert!(!PathBuf::from(session.env_root()).exists());
}
