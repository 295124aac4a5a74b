//! The first hour (issue 11, items 7 to 11) in real terminals: tmux runs a shell
//! without any rc file, the test types into it and reads the screen.
//!
//! - `venvsh activate` on a terminal without the hook (bash, zsh, fish, tcsh, xonsh,
//!   nushell) prints no code, fails, and says how to load the hook (the line venvsh
//!   gives for that shell) or run the code once;
//!   both suggestions, typed as shown, then work, and `workon -n NAME` through the hook;
//! - errors are coloured as clap colours its own, only on a terminal, and not with
//!   NO_COLOR;
//! - the hook says in one line what it activated, switched or deactivated, and the
//!   prompt names a project's `.venv` after the project; the config key and the
//!   variable silence the line.
//!
//! tmux and the shells are required with VENVSH_REQUIRE_SHELLS=1 (tests/run.sh installs
//! them); otherwise a trial whose program is missing is reported as ignored.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Duration;

use common::harness::{Trial, located, trial};
use common::tmux::Tmux;

fn main() -> ExitCode {
    let mut tests: Vec<Trial> = Vec::new();
    for syntax in SHELLS {
        tests.push(trial(
            format!("activate_on_a_terminal_without_the_hook::{}", syntax.venvsh),
            &["tmux", syntax.program],
            move || activate_on_a_terminal_without_the_hook(syntax),
        ));
    }
    tests.push(trial(
        "errors_are_coloured_like_clap_s_on_a_terminal_only",
        &["tmux", "bash"],
        errors_are_coloured_like_clap_s_on_a_terminal_only,
    ));
    tests.push(trial(
        "the_hook_says_what_it_switched_and_names_projects",
        &["tmux", "bash"],
        the_hook_says_what_it_switched_and_names_projects,
    ));
    common::harness::run(tests, 4)
}

/// How to say things in one shell.
struct Syntax {
    /// venvsh's name for it.
    venvsh: &'static str,
    program: &'static str,
    args: &'static [&'static str],
    /// Prints `rc=STATUS` of the last command.
    status: &'static str,
    /// Prints `ve=[VIRTUAL_ENV]`, empty when unset.
    ve: &'static str,
    /// Loads the hook from a file holding `venvsh hook SHELL`'s output: for nushell,
    /// which cannot run the rc line's output in the shell it is typed in.
    source_file: Option<&'static str>,
}

const SHELLS: &[Syntax] = &[
    Syntax {
        venvsh: "bash",
        program: "bash",
        args: &["--norc", "--noprofile"],
        status: r#"echo "rc=$?""#,
        ve: r#"echo "ve=[${VIRTUAL_ENV-}]""#,
        source_file: None,
    },
    Syntax {
        venvsh: "zsh",
        program: "zsh",
        args: &["-f"],
        status: r#"echo "rc=$?""#,
        ve: r#"echo "ve=[${VIRTUAL_ENV-}]""#,
        source_file: None,
    },
    Syntax {
        venvsh: "fish",
        program: "fish",
        args: &["--no-config"],
        status: r#"echo "rc=$status""#,
        ve: r#"echo "ve=[$VIRTUAL_ENV]""#,
        source_file: None,
    },
    Syntax {
        venvsh: "tcsh",
        program: "tcsh",
        args: &["-f"],
        status: r#"echo "rc=$status""#,
        ve: r#"echo "ve=[`printenv VIRTUAL_ENV`]""#,
        source_file: None,
    },
    Syntax {
        venvsh: "xonsh",
        program: "xonsh",
        args: &["--no-rc", "-i"],
        status: r#"print(f"rc={$LAST_RETURN_CODE}")"#,
        ve: r#"print("ve=[" + ${...}.get("VIRTUAL_ENV", "") + "]")"#,
        source_file: None,
    },
    Syntax {
        venvsh: "nu",
        program: "nu",
        args: &["--no-config-file", "--no-history"],
        status: r#"print $"rc=($env.LAST_EXIT_CODE)""#,
        ve: r#"print $"ve=[($env.VIRTUAL_ENV? | default '')]""#,
        source_file: Some("source HOOK"),
    },
];

/// A shell in a terminal, with a HOME, a store holding `web`, and venvsh on PATH.
struct Term {
    dir: tempfile::TempDir,
    tmux: Tmux,
}

impl Term {
    fn start(program: &str, args: &[&str], extra: &[(&str, String)]) -> Term {
        let dir = tempfile::Builder::new()
            .prefix("venvsh-first-hour")
            .tempdir()
            .unwrap();
        let home = dir.path().join("home");
        fs::create_dir_all(&home).unwrap();
        common::fake_env(&dir.path().join("store/web"), "version = 3.12.0\n");
        let mut env = vec![
            ("HOME", home.display().to_string()),
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
            ("PATH", common::test_path()),
            ("TERM", "xterm-256color".to_owned()),
            ("LANG", "C.UTF-8".to_owned()),
        ];
        env.extend(extra.iter().cloned());
        let program = located(program);
        let mut argv = vec![program.as_str()];
        argv.extend(args);
        let tmux = Tmux::start(
            &dir.path().join("tmux.sock"),
            &dir.path().join("home"),
            &env,
            &argv,
            (220, 50),
        );
        let tmux = if program.ends_with("/nu") || program.ends_with("/xonsh") {
            tmux.settle(Duration::from_millis(300))
        } else {
            tmux
        };
        Term { dir, tmux }
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    /// Type `line`, then `marker`'s echo, and return the screen once it shows.
    #[track_caller]
    fn run(&self, line: &str, marker: &str) -> String {
        self.tmux.type_line(line);
        self.tmux.wait_for_screen(marker)
    }

    fn clear(&self) {
        // `clear` is not a command in every shell here; tmux clears the pane itself.
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(self.dir.path().join("tmux.sock"))
            .args(["send-keys", "-t", "t", "-R", ""])
            .status();
        let _ = Command::new("tmux")
            .arg("-S")
            .arg(self.dir.path().join("tmux.sock"))
            .args(["clear-history", "-t", "t"])
            .status();
    }
}

/// venvsh's own answer, for comparing what the terminal shows with it.
fn venvsh_line(args: &[&str], home: &Path) -> String {
    let out = Command::new(common::venvsh())
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env_remove("ZDOTDIR")
        .env_remove("ENV")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", common::text(&out.stderr));
    common::text(&out.stdout).trim_end().to_owned()
}

/// Item 7: no code on a terminal, a non-zero status, and the way out, which works.
fn activate_on_a_terminal_without_the_hook(syntax: &Syntax) {
    let term = Term::start(syntax.program, syntax.args, &[]);
    let env = common::fake_env(&term.home().join("proj/env"), "version = 3.12.0\n");
    term.run("cd proj", "");
    // nushell stops a line at a failing external command: the status goes on its own,
    // once the message is out (keys typed while venvsh runs are echoed into it).
    term.run("venvsh activate ./env", "open a new shell");
    term.run(syntax.status, "rc=");
    let screen = term.tmux.wait_for_screen("rc=1");
    assert!(
        screen.contains("error: `venvsh activate` cannot change this shell"),
        "{}: {screen}",
        syntax.venvsh
    );
    // Nothing executable reached the terminal.
    assert!(!screen.contains("VENVSH_STATE"), "{screen}");
    assert!(!screen.contains("VIRTUAL_ENV"), "{screen}");
    // The hook's line for this shell, as venvsh gives it, and where it goes.
    let line = venvsh_line(&["hook", syntax.venvsh, "--rc-line=venvsh"], &term.home());
    assert!(screen.contains(&line), "{line:?} not shown: {screen}");
    let rc = venvsh_line(&["hook", syntax.venvsh, "--rc-file"], &term.home());
    let rc = rc.replace(&term.home().display().to_string(), "~");
    assert!(
        screen.contains(&format!("add this line to {rc} and open a new shell")),
        "{rc}: {screen}"
    );
    term.run(syntax.ve, "ve=[");
    let screen = term.tmux.wait_for_screen("ve=[]");
    assert!(screen.contains("ve=[]"), "{screen}");

    // "or, for this shell only: …", typed as shown, activates.
    if let Some(once) = screen.lines().find_map(|l| {
        l.split_once("or, for this shell only: ")
            .map(|(_, c)| c.trim().to_owned())
    }) {
        term.clear();
        term.run(&once, "");
        term.run(syntax.ve, "ve=[/");
        let screen = term
            .tmux
            .wait_for_screen(&format!("ve=[{}]", env.display()));
        assert!(screen.contains("ve=[/"), "{screen}");
        term.run("deactivate", "");
    } else {
        assert_eq!(syntax.venvsh, "nu", "no way to run the code once: {screen}");
    }

    // The hook's line, typed as shown (nushell: its hook saved and sourced), makes
    // `venvsh workon -n NAME` (virtualenvwrapper's verb, conda's option) change the shell.
    term.clear();
    match syntax.source_file {
        None => {
            term.run(&line, "");
        }
        Some(source) => {
            let hook = term.dir.path().join("hook.nu");
            let code = venvsh_line(&["hook", syntax.venvsh], &term.home());
            fs::write(&hook, code).unwrap();
            term.run(&source.replace("HOOK", hook.to_str().unwrap()), "");
        }
    }
    term.run("venvsh workon -n web", "");
    term.run(syntax.status, "rc=");
    let screen = term.tmux.wait_for_screen("rc=0");
    assert!(!screen.contains("error"), "{screen}");
    let web = term.store().join("web");
    term.run(syntax.ve, &format!("ve=[{}]", web.display()));
    term.run("venvsh deactivate", "");
    term.clear();
    term.run(syntax.ve, "ve=[]");
}

/// The escape sequences right before `label` on the screen line holding `needle`.
fn style_before(screen: &str, needle: &str, label: &str) -> String {
    let line = screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not on the screen: {screen:?}"));
    let at = line
        .find(label)
        .unwrap_or_else(|| panic!("{label} in {line:?}"));
    let mut before = &line[..at];
    let mut sequences = Vec::new();
    while before.ends_with('m') {
        let Some(escape) = before.rfind('\u{1b}') else {
            break;
        };
        let sequence = &before[escape..];
        let sgr = sequence.starts_with("\u{1b}[")
            && sequence[2..sequence.len() - 1]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ';');
        if !sgr {
            break;
        }
        sequences.insert(0, sequence.to_owned());
        before = &before[..escape];
    }
    sequences.concat()
}

/// Item 11: `error:` and `hint:` as clap styles `error:` and `tip:`, on a terminal only.
fn errors_are_coloured_like_clap_s_on_a_terminal_only() {
    let term = Term::start("bash", &["--norc", "--noprofile"], &[]);
    term.run("PS1='$ '", "");
    term.run("venvsh activate --prmpt x", "tip:");
    term.run("venvsh activate ./nope", "hint:");
    let screen = tmux_screen_with_escapes(&term);
    let clap_error = style_before(&screen, "unexpected argument", "error:");
    let ours = style_before(&screen, "does not exist", "error:");
    assert!(!clap_error.is_empty(), "clap printed no colour: {screen:?}");
    assert_eq!(ours, clap_error, "error: differs from clap's");
    let clap_tip = style_before(&screen, "tip:", "tip:");
    let hint = style_before(&screen, "an environment is a directory", "hint:");
    assert!(!clap_tip.is_empty(), "{screen:?}");
    assert_eq!(hint, clap_tip, "hint: differs from clap's tip:");

    // NO_COLOR: none, as clap.
    term.clear();
    term.run("NO_COLOR=1 venvsh activate ./gone", "hint:");
    let screen = tmux_screen_with_escapes(&term);
    let shown = screen
        .lines()
        .find(|l| l.contains("error:") && l.contains("gone"))
        .unwrap_or_else(|| panic!("{screen:?}"));
    assert!(!shown.contains('\u{1b}'), "{shown:?}");

    // Not a terminal: never.
    let file = term.dir.path().join("stderr.txt");
    term.run(
        // The marker is split in the typed line, so that only its output shows it.
        &format!("venvsh activate ./nope 2> {}; echo do''ne", file.display()),
        "done",
    );
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("error: "), "{text:?}");
    assert!(!text.contains('\u{1b}'), "{text:?}");
}

fn tmux_screen_with_escapes(term: &Term) -> String {
    let out = Command::new("tmux")
        .arg("-S")
        .arg(term.dir.path().join("tmux.sock"))
        .args(["capture-pane", "-p", "-e", "-t", "t"])
        .output()
        .unwrap();
    common::text(&out.stdout)
}

/// Item 8: one line per change, projects named after themselves, and both switches off.
fn the_hook_says_what_it_switched_and_names_projects() {
    let term = Term::start("bash", &["--norc", "--noprofile"], &[]);
    let home = term.home();
    for project in ["alpha", "beta"] {
        let env = common::fake_env(&home.join(project).join(".venv"), "version = 3.12.0\n");
        let out = Command::new(common::venvsh())
            .args(["allow", env.to_str().unwrap()])
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", common::text(&out.stderr));
    }
    term.run("PS1='$ '; eval \"$(venvsh hook bash)\"", "");
    let screen = term.run("cd ~/alpha", "venvsh: activated");
    assert!(
        screen.contains("venvsh: activated alpha (~/alpha/.venv)"),
        "{screen}"
    );
    // The prompt reads the project's name, not `(.venv)`.
    let screen = term.tmux.wait_for_screen("(alpha) $");
    assert!(!screen.contains("(.venv)"), "{screen}");
    let screen = term.run("cd ~/beta", "venvsh: switched");
    assert!(
        screen.contains("venvsh: switched from alpha to beta (~/beta/.venv)"),
        "{screen}"
    );
    let screen = term.run("cd ~", "venvsh: deactivated");
    assert!(screen.contains("venvsh: deactivated beta"), "{screen}");

    // VENVSH_AUTO_ACTIVATE_NOTICE=0 silences the line; activation still happens.
    term.clear();
    term.run(
        "export VENVSH_AUTO_ACTIVATE_NOTICE=0; cd ~/alpha",
        "(alpha) $",
    );
    term.run("cd ~; echo checked-''variable", "checked-variable");
    // So does `auto_activate_notice = false` in the config file.
    fs::create_dir_all(home.join(".config/venvsh")).unwrap();
    fs::write(
        home.join(".config/venvsh/config.toml"),
        "auto_activate_notice = false\n",
    )
    .unwrap();
    term.run("unset VENVSH_AUTO_ACTIVATE_NOTICE; cd ~/beta", "(beta) $");
    let screen = term.run("cd ~; echo checked-''config", "checked-config");
    assert!(!screen.contains("venvsh: "), "{screen}");
}
