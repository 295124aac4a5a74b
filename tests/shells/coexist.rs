//! Living beside the standard activate scripts (issue 11, item 5): any interleaving of
//! `venvsh activate A`, `venvsh activate B`, `source C/bin/activate` (C made by
//! `python -m venv`, virtualenv or uv) and `deactivate`, typed at a real prompt (tmux)
//! with the hook loaded, keeps `VIRTUAL_ENV` naming the environment whose `bin` is
//! first on PATH at every step, and the following `deactivate`s bring PATH and the
//! prompt back exactly as they were.
//!
//! Every step is checked against a model: venvsh's activation at the bottom, another
//! tool's on top of it (its script cannot take venvsh's down). `venvsh activate`
//! replaces both; `source C` replaces the other tool's; `deactivate` takes the top one.
//! PATH is then `[top's bin, venvsh's bin, …start]`, and the prompt `(C) (A) start`.
//!
//! bash runs every sequence of four steps (their prefixes are the shorter sequences),
//! each followed by three `deactivate`s, split over four terminals; zsh, fish and tcsh
//! a representative set.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::common::harness::{Trial, located, trial};
use crate::common::tmux::Tmux;
use crate::common::{Case, SYSTEM_PATH, venvsh_dir};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// `venvsh activate ./A` (or B).
    Venvsh(char),
    /// `source C/bin/activate…`, another tool's script.
    Source,
    Deactivate,
}

const STEPS: [Step; 4] = [
    Step::Venvsh('A'),
    Step::Venvsh('B'),
    Step::Source,
    Step::Deactivate,
];

/// The tool that made C, and so wrote the script that is sourced.
#[derive(Debug, Clone, Copy)]
enum Maker {
    Venv,
    Virtualenv,
    Uv,
}

impl Maker {
    fn name(self) -> &'static str {
        match self {
            Maker::Venv => "python_venv",
            Maker::Virtualenv => "virtualenv",
            Maker::Uv => "uv",
        }
    }

    fn program(self) -> &'static str {
        match self {
            Maker::Venv => "python3",
            Maker::Virtualenv => "virtualenv",
            Maker::Uv => "uv",
        }
    }

    fn make(self, dir: &Path) {
        let program = located(self.program());
        let mut command = Command::new(&program);
        match self {
            Maker::Venv => command.args(["-m", "venv", "--without-pip"]),
            Maker::Virtualenv => command.args(["--no-pip", "--no-setuptools", "--no-wheel", "-q"]),
            Maker::Uv => command.args(["venv", "-q", "--python", &located("python3")]),
        };
        let out = command
            .arg(dir)
            .env("PATH", SYSTEM_PATH)
            .env("HOME", dir.parent().unwrap())
            .env("UV_NO_CONFIG", "1")
            .env("UV_PYTHON_DOWNLOADS", "never")
            .env(
                "VIRTUALENV_OVERRIDE_APP_DATA",
                dir.parent().unwrap().join("appdata"),
            )
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{} could not make {}: {}",
            self.name(),
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// How one shell is started, loads the hook, sources C's script and records a step.
struct Shell {
    name: &'static str,
    program: &'static str,
    args: &'static [&'static str],
    /// Lines that set the prompt to `> `, load the hook, and define `__rec`, which appends
    /// `VIRTUAL_ENV` (or `none`), PATH (`:`-joined) and the prompt as drawn, tab-separated,
    /// to `$OUT`.
    setup: &'static [&'static str],
    /// `OUT=<file>`.
    set_out: fn(&Path) -> String,
    /// C's script for this shell.
    script: &'static str,
    /// `STEP` after recording: a line in this shell's syntax.
    line: fn(&str) -> String,
    source: &'static str,
}

const BASH: Shell = Shell {
    name: "bash",
    program: "bash",
    args: &["--norc", "--noprofile", "-i"],
    setup: &[
        "PS1='> '",
        "eval \"$(venvsh hook bash)\"",
        "__rec() { printf '%s\\t%s\\t%s\\n' \"${VIRTUAL_ENV-none}\" \"$PATH\" \"${PS1@P}\" >> \"$OUT\"; }",
    ],
    set_out: |out| format!("export OUT='{}'", out.display()),
    script: "activate",
    line: |step| format!("__rec; {step}"),
    source: "source C/bin/activate",
};

const ZSH: Shell = Shell {
    name: "zsh",
    program: "zsh",
    args: &["-f", "-i"],
    setup: &[
        "PS1='> '",
        "eval \"$(venvsh hook zsh)\"",
        "__rec() { print -r -- \"${VIRTUAL_ENV-none}\"$'\\t'\"$PATH\"$'\\t'\"${(%)PS1}\" >> \"$OUT\" }",
    ],
    source: "source C/bin/activate",
    ..BASH
};

const FISH: Shell = Shell {
    name: "fish",
    program: "fish",
    args: &["--no-config", "-i"],
    setup: &[
        "function fish_prompt; printf '> '; end",
        "venvsh hook fish | source",
        "function __rec; printf '%s\\t%s\\t%s\\n' (set -q VIRTUAL_ENV; and echo $VIRTUAL_ENV; or echo none) (string join : $PATH) (fish_prompt | string collect) >> $OUT; end",
    ],
    set_out: |out| format!("set -gx OUT '{}'", out.display()),
    script: "activate.fish",
    line: |step| format!("__rec; {step}"),
    source: "source C/bin/activate.fish",
};

const TCSH: Shell = Shell {
    name: "tcsh",
    program: "tcsh",
    args: &["-f", "-i"],
    setup: &[
        "set prompt = '> '",
        "eval \"`venvsh hook tcsh`\"",
        "alias __rec 'set _r = none ; if ( $?VIRTUAL_ENV ) eval '\"'\"'set _r = \"$VIRTUAL_ENV:q\"'\"'\"' ; printf \"%s\\t%s\\t%s\\n\" \"$_r:q\" \"$PATH:q\" \"$prompt:q\" >> \"$OUT\"'",
    ],
    set_out: |out| format!("setenv OUT '{}'", out.display()),
    script: "activate.csh",
    line: |step| format!("__rec ; {step}"),
    source: "source C/bin/activate.csh",
};

/// One recorded step: `VIRTUAL_ENV` (None when unset), PATH, the prompt as drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Seen {
    ve: Option<String>,
    path: String,
    prompt: String,
}

/// The model: venvsh's activation (A or B) and another tool's (C) on top of it.
#[derive(Debug, Clone, Copy, Default)]
struct Model {
    own: Option<char>,
    other: bool,
}

impl Model {
    fn step(mut self, step: Step) -> Self {
        match step {
            Step::Venvsh(env) => {
                self.own = Some(env);
                self.other = false;
            }
            Step::Source => self.other = true,
            Step::Deactivate if self.other => self.other = false,
            Step::Deactivate => self.own = None,
        }
        self
    }

    fn expected(self, root: &Path, start_path: &str) -> Seen {
        let bin = |env: char| format!("{}/{env}/bin", root.display());
        let mut path = Vec::new();
        let mut prompt = String::new();
        if self.other {
            path.push(bin('C'));
            prompt.push_str("(C) ");
        }
        if let Some(own) = self.own {
            path.push(bin(own));
            prompt.push_str(&format!("({own}) "));
        }
        path.push(start_path.to_owned());
        prompt.push_str("> ");
        let top = if self.other { Some('C') } else { self.own };
        Seen {
            ve: top.map(|env| format!("{}/{env}", root.display())),
            path: path.join(":"),
            prompt,
        }
    }
}

fn command(shell: &Shell, step: Step) -> String {
    match step {
        Step::Venvsh(env) => format!("venvsh activate ./{env}"),
        Step::Source => shell.source.to_owned(),
        Step::Deactivate => "deactivate".to_owned(),
    }
}

fn label(sequence: &[Step]) -> String {
    sequence
        .iter()
        .map(|s| match s {
            Step::Venvsh(env) => format!("venvsh activate {env}"),
            Step::Source => "source C".to_owned(),
            Step::Deactivate => "deactivate".to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Control sequences (CPython's fish prompt colours its name) are not what is drawn.
fn without_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            } else {
                chars.next();
            }
        } else if c != '\u{f}' {
            out.push(c);
        }
    }
    out
}

/// Run `sequences` (each followed by three `deactivate`s) in one terminal of `shell`,
/// C made by `maker`, and check every step against the model.
fn run(shell: &'static Shell, maker: Maker, sequences: Vec<Vec<Step>>) {
    let case = Case::new();
    let root = case.root().to_path_buf();
    for env in ["A", "B"] {
        Maker::Venv.make(&root.join(env));
    }
    maker.make(&root.join("C"));
    assert!(root.join("C/bin").join(shell.script).is_file());
    let home = root.join("home");
    fs::create_dir_all(&home).unwrap();
    let out = case.out.join("steps");
    let start_path = format!("{}:{SYSTEM_PATH}", venvsh_dir().display());
    let env = [
        ("PATH", start_path.clone()),
        ("HOME", home.display().to_string()),
        ("VENVSH_DATA_DIR", home.join("data").display().to_string()),
        ("TERM", "screen".to_owned()),
        ("LANG", "C.UTF-8".to_owned()),
    ];
    let program = located(shell.program);
    let mut argv = vec![program.as_str()];
    argv.extend(shell.args);
    let tmux = Tmux::start(&root.join("tmux"), &root, &env, &argv, (200, 50));
    tmux.type_line(&(shell.set_out)(&out));
    for line in shell.setup {
        tmux.type_line(line);
    }
    // The start, recorded once the hook is loaded.
    tmux.type_line(&(shell.line)("true"));
    let lines = |count: usize| -> Vec<String> {
        let text = tmux.wait_for_file(&out, |text| text.lines().count() >= count);
        text.lines().map(str::to_owned).collect()
    };
    let parse = |line: &str| {
        let mut fields = line.splitn(3, '\t');
        let ve = fields.next().unwrap().to_owned();
        Seen {
            ve: (ve != "none").then_some(ve),
            path: fields.next().unwrap_or_default().to_owned(),
            prompt: without_escapes(fields.next().unwrap_or_default()),
        }
    };
    let start = parse(&lines(1)[0]);
    assert_eq!(
        start,
        Model::default().expected(&root, &start_path),
        "{}: the start",
        shell.name
    );
    let mut recorded = 1;
    for sequence in sequences {
        let mut steps = sequence.clone();
        steps.extend([Step::Deactivate; 3]);
        // Each line records the state the previous step left (after the prompt hook
        // ran), then runs the next step; a last line records the end.
        for step in &steps {
            tmux.type_line(&(shell.line)(&command(shell, *step)));
        }
        tmux.type_line(&(shell.line)("true"));
        let seen = lines(recorded + steps.len() + 1);
        let mut model = Model::default();
        for (i, step) in steps.iter().enumerate() {
            model = model.step(*step);
            let got = parse(&seen[recorded + i + 1]);
            let want = model.expected(&root, &start_path);
            assert_eq!(
                got,
                want,
                "{} with C made by {}: after step {} of [{}]{}; the terminal:\n{}",
                shell.name,
                maker.name(),
                i + 1,
                label(&sequence),
                if i >= sequence.len() {
                    " and deactivate"
                } else {
                    ""
                },
                tmux.scrollback()
            );
        }
        recorded += steps.len() + 1;
    }
}

/// Every sequence of four steps starting with `first`.
fn all_starting_with(first: Step) -> Vec<Vec<Step>> {
    let mut sequences = Vec::new();
    for b in STEPS {
        for c in STEPS {
            for d in STEPS {
                sequences.push(vec![first, b, c, d]);
            }
        }
    }
    sequences
}

/// The interleavings that broke before, and their neighbours.
fn representative() -> Vec<Vec<Step>> {
    use Step::{Deactivate as D, Source as C};
    let a = Step::Venvsh('A');
    let b = Step::Venvsh('B');
    vec![
        vec![a, C, D],
        vec![C, a, D],
        vec![a, C, a],
        vec![a, C, b, D],
        vec![C, C, a, D],
        vec![a, C, C, D],
        vec![C, D, a, D],
        vec![a, D, C, D],
        vec![a, C, D, b],
        vec![C, a, C, D],
        vec![a, b, C, D],
    ]
}

pub fn trials() -> Vec<Trial> {
    let mut trials = Vec::new();
    for first in STEPS {
        let name = match first {
            Step::Venvsh(env) => format!("venvsh_activate_{env}"),
            Step::Source => "source_C".to_owned(),
            Step::Deactivate => "deactivate".to_owned(),
        };
        trials.push(trial(
            format!("coexist::bash::python_venv::every_sequence_of_four_starting_with_{name}"),
            &["bash", "tmux", "python3"],
            move || run(&BASH, Maker::Venv, all_starting_with(first)),
        ));
    }
    for shell in [&BASH, &ZSH, &FISH, &TCSH] {
        for maker in [Maker::Venv, Maker::Virtualenv, Maker::Uv] {
            if shell.name == "bash" && matches!(maker, Maker::Venv) {
                continue;
            }
            trials.push(trial(
                format!("coexist::{}::{}::representative", shell.name, maker.name()),
                &[shell.program, "tmux", "python3", maker.program()],
                move || run(shell, maker, representative()),
            ));
        }
    }
    trials
}
