//! venvsh beside a prompt tool, starship itself (issue 11, item 6), through a real
//! terminal: whichever is loaded first, the prompt drawn after a `cd` shows the
//! environment of the directory it was drawn in (never the previous one), venvsh adds
//! no line or name of its own when `VIRTUAL_ENV_DISABLE_PROMPT=1` (the README's advice
//! with a prompt tool; bash's starship redraws PS1 whole, so there it needs none),
//! and `venvsh doctor` calls the hook in place.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::harness::{Trial, located, trial};
use crate::common::tmux::Tmux;
use crate::common::{Case, make_env, test_path, venvsh};

/// starship draws only its python module (the environment's name) and `> `.
const CONFIG: &str = r#"add_newline = false
format = "$python> "
right_format = ""
[python]
format = 'py\($virtualenv\) '
"#;

#[derive(Clone, Copy)]
struct Shell {
    name: &'static str,
    program: &'static str,
    args: &'static [&'static str],
    venvsh: &'static str,
    starship: &'static str,
    /// Set VIRTUAL_ENV_DISABLE_PROMPT=1, as the README says with a prompt tool.
    disable: bool,
}

const SHELLS: [Shell; 3] = [
    Shell {
        name: "bash",
        program: "bash",
        args: &["--norc", "--noprofile", "-i"],
        venvsh: "eval \"$(venvsh hook bash)\"",
        starship: "eval \"$(starship init bash)\"",
        disable: false,
    },
    Shell {
        name: "zsh",
        program: "zsh",
        args: &["-f", "-i"],
        venvsh: "eval \"$(venvsh hook zsh)\"",
        starship: "eval \"$(starship init zsh)\"",
        disable: true,
    },
    Shell {
        name: "fish",
        program: "fish",
        args: &["--no-config", "-i"],
        venvsh: "venvsh hook fish | source",
        starship: "starship init fish | source",
        disable: true,
    },
];

struct Setup {
    case: Case,
    root: std::path::PathBuf,
    env: Vec<(&'static str, String)>,
}

/// `proj/.venv` (created by venvsh, so trusted), `proj/sub`, `other/`.
fn setup(disable: bool) -> Setup {
    let case = Case::new();
    let root = case.root().to_path_buf();
    fs::create_dir_all(root.join("proj/sub")).unwrap();
    fs::create_dir_all(root.join("other")).unwrap();
    let home = root.join("home");
    fs::create_dir_all(&home).unwrap();
    make_env(&root.join("proj"), ".venv", None);
    let allowed = Command::new(venvsh())
        .args(["allow"])
        .arg(root.join("proj/.venv"))
        .env("VENVSH_DATA_DIR", home.join("data"))
        .output()
        .unwrap();
    assert!(allowed.status.success());
    fs::write(home.join("starship.toml"), CONFIG).unwrap();
    let mut env = vec![
        ("PATH", test_path()),
        ("HOME", home.display().to_string()),
        ("VENVSH_DATA_DIR", home.join("data").display().to_string()),
        (
            "STARSHIP_CONFIG",
            home.join("starship.toml").display().to_string(),
        ),
        ("STARSHIP_CACHE", home.join("cache").display().to_string()),
        ("TERM", "xterm-256color".to_owned()),
        ("LANG", "C.UTF-8".to_owned()),
    ];
    if disable {
        env.push(("VIRTUAL_ENV_DISABLE_PROMPT", "1".to_owned()));
    }
    Setup { case, root, env }
}

fn start(setup: &Setup, shell: &Shell, cwd: &Path) -> Tmux {
    let program = located(shell.program);
    let mut argv = vec![program.as_str()];
    argv.extend(shell.args);
    Tmux::start(
        &setup.case.root().join("tmux"),
        cwd,
        &setup.env,
        &argv,
        (160, 50),
    )
}

/// Type `line`, then a marker command, and return the prompt the marker was typed at:
/// the one drawn once `line` ran. Keys typed ahead are echoed by the terminal before
/// the line editor draws the prompt and the line again, so the marker's line is the
/// last one above its output, after any such echo.
fn prompt_after(tmux: &Tmux, line: &str, step: usize) -> String {
    tmux.type_line(line);
    let marker = format!("echo done-{step}");
    tmux.type_line(&marker);
    let output = format!("done-{step}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let screen = tmux.scrollback();
        let lines: Vec<&str> = screen.lines().collect();
        if let Some(at) = lines.iter().position(|l| *l == output) {
            let typed = lines[..at]
                .iter()
                .rev()
                .find(|l| l.ends_with(&marker))
                .expect("the marker's line");
            // The terminal's echo of the keys typed ahead may stand before the prompt.
            let typed = typed.strip_suffix(&marker).unwrap();
            return typed.strip_prefix(&marker).unwrap_or(typed).to_owned();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{output} never appeared:\n{screen}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

fn with_starship(shell: &Shell, venvsh_first: bool) {
    let setup = setup(shell.disable);
    let tmux = start(&setup, shell, &setup.root);
    let (first, second) = if venvsh_first {
        (shell.venvsh, shell.starship)
    } else {
        (shell.starship, shell.venvsh)
    };
    tmux.type_line(first);
    tmux.type_line(second);
    let name = shell.name;
    let order = if venvsh_first {
        "venvsh first"
    } else {
        "starship first"
    };
    let steps = [
        ("cd proj", "py(.venv) > "),
        ("cd sub", "py(.venv) > "),
        ("cd ../../other", "> "),
        ("cd ../proj", "py(.venv) > "),
        ("deactivate", "> "),
    ];
    for (i, (line, want)) in steps.into_iter().enumerate() {
        let got = prompt_after(&tmux, line, i);
        assert_eq!(
            got,
            want,
            "{name}, {order}: the prompt after `{line}`:\n{}",
            tmux.scrollback()
        );
    }
    tmux.type_line("clear; venvsh doctor");
    let screen = tmux.wait_for_screen("trust records:");
    assert!(
        screen.contains("hook: loaded and in place"),
        "{name}, {order}: doctor:\n{screen}"
    );
}

/// fish started inside a project loads venvsh's hook, which wraps the prompt there, and
/// then starship, which replaces it: leaving the project keeps starship's prompt.
fn fish_keeps_a_prompt_tools_prompt() {
    let setup = setup(false);
    let shell = &SHELLS[2];
    let tmux = start(&setup, shell, &setup.root.join("proj"));
    tmux.type_line(shell.venvsh);
    tmux.type_line(shell.starship);
    let got = prompt_after(&tmux, "cd ../other", 0);
    assert_eq!(
        got,
        "> ",
        "fish: the prompt after leaving:\n{}",
        tmux.scrollback()
    );
}

pub fn trials() -> Vec<Trial> {
    let mut trials = Vec::new();
    for shell in SHELLS {
        for venvsh_first in [true, false] {
            let order = if venvsh_first {
                "venvsh_first"
            } else {
                "starship_first"
            };
            trials.push(trial(
                format!("starship::{}::{order}", shell.name),
                &[shell.program, "tmux", "starship"],
                move || with_starship(&shell, venvsh_first),
            ));
        }
    }
    trials.push(trial(
        "starship::fish::started_in_a_project_keeps_starships_prompt",
        &["fish", "tmux", "starship"],
        fish_keeps_a_prompt_tools_prompt,
    ));
    trials
}
