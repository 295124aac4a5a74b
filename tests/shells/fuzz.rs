//! Random names, prompts and `.venv` contents through activation, the hook and creation,
//! in the real shells (issue 8): nothing they hold may run, every value must come out
//! exactly, and every command must return promptly.
//!
//! The cases come from a seeded generator: CI runs a fixed seed; a longer run is
//!
//!     VENVSH_FUZZ_SEED=$RANDOM VENVSH_FUZZ_CASES=500 cargo test --test shells -- fuzz::
//!
//! and a failing trial's name carries its seed and number, so it can be run again.

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::harness::{Trial, plain_trial, trial};
use crate::common::{Case, CorpusCase, test_path, text, venvsh};
use crate::matrix::{self, MATRIX};

const DEFAULT_SEED: u64 = 0x7e57_5eed_2026;
const DEFAULT_CASES: usize = 6;
/// Any one command (a shell running a probe, venvsh) must be done within this.
const PATIENCE: Duration = Duration::from_secs(60);

/// splitmix64: small, seedable, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What names are made of, weighted towards what has broken activation before.
const PIECES: &[&str] = &[
    "a",
    "Z",
    "0",
    " ",
    "-",
    ".",
    "_",
    "é",
    "中",
    "🚒",
    "\u{2019}",
    "$",
    "(",
    ")",
    "`",
    "'",
    "\"",
    "\\",
    "!",
    "%",
    "^",
    "&",
    "|",
    ";",
    "<",
    ">",
    "*",
    "?",
    "[",
    "]",
    "{",
    "}",
    "~",
    "#",
    "=",
    ":",
    ",",
    "\n",
    "\t",
    "\r",
    "\u{1b}",
    "\u{7}",
    "\u{7f}",
    "\u{9b}",
    "\u{202e}",
    "\u{2066}",
    "$(touch PWNED)",
    "`touch PWNED`",
    "';touch PWNED;'",
    "\";touch PWNED;\"",
    "%PATH%",
    "!!",
    "${HOME}",
    "$HOME",
    "\\'",
    "'#",
    "#'",
];

/// A directory or prompt name: 1 to 8 pieces, never `/`, NUL, `.` or `..`.
fn name(rng: &mut Rng) -> String {
    loop {
        let count = 1 + rng.below(8);
        let name: String = (0..count).map(|_| *rng.pick(PIECES)).collect();
        if name != "." && name != ".." {
            return name;
        }
    }
}

fn settings() -> (u64, usize) {
    let seed = std::env::var("VENVSH_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_SEED);
    let cases = std::env::var("VENVSH_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    (seed, cases)
}

pub fn trials() -> Vec<Trial> {
    let (seed, cases) = settings();
    let mut rng = Rng(seed);
    let mut trials = Vec::new();
    for n in 0..cases {
        // One name as a directory and another as a prompt, through every matrix row.
        let dir: &'static str = Box::leak(name(&mut rng).into_boxed_str());
        let prompt: &'static str = Box::leak(name(&mut rng).into_boxed_str());
        for &row in MATRIX {
            for (as_prompt, name) in [(false, dir), (true, prompt)] {
                let spec = CorpusCase {
                    index: n,
                    name,
                    as_prompt,
                };
                let role = if as_prompt { "prompt" } else { "dir" };
                let label = format!("fuzz::{}::{role}::{seed}-{n:03}", row.label());
                let body =
                    move || within_patience(&format!("{name:?}"), || matrix::check(row, spec));
                trials.push(match row.shell.optional() {
                    Some(why) => crate::common::harness::optional_trial(
                        label,
                        row.shell.program(),
                        why,
                        body,
                    ),
                    None => trial(label, &[row.shell.program()], body),
                });
            }
        }
        // Random bytes as a `.venv` file, under the hook.
        let bytes: Vec<u8> = (0..1 + rng.below(64)).map(|_| rng.next() as u8).collect();
        trials.push(plain_trial(
            format!("fuzz::venv_file::{seed}-{n:03}"),
            move || venv_file(&bytes),
        ));
        // A name for `venvsh create`, and one that is not UTF-8.
        let created = name(&mut rng);
        let raw: Vec<u8> = (0..1 + rng.below(12))
            .map(|_| match rng.next() as u8 {
                b'/' | 0 => b'x',
                b => b,
            })
            .collect();
        trials.push(trial(
            format!("fuzz::create::{seed}-{n:03}"),
            &["python3"],
            move || create(&created, &raw),
        ));
    }
    trials
}

#[track_caller]
fn within_patience(what: &str, body: impl FnOnce()) {
    let started = Instant::now();
    body();
    assert!(
        started.elapsed() < PATIENCE,
        "{what}: took {:?}",
        started.elapsed()
    );
}

/// venvsh `args` in `cwd`, which must end within [`PATIENCE`].
fn venvsh_bounded(
    cwd: &std::path::Path,
    args: &[&OsStr],
    data: &std::path::Path,
) -> std::process::Output {
    let started = Instant::now();
    let mut child = Command::new(venvsh())
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", test_path())
        .env("HOME", data)
        .env("VENVSH_DATA_DIR", data.join("venvsh-data"))
        .env("XDG_CACHE_HOME", data.join("cache"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > PATIENCE {
            let _ = child.kill();
            panic!("venvsh {args:?} did not return within {PATIENCE:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

/// Nothing venvsh writes for people may carry what a terminal acts on.
#[track_caller]
fn assert_visible(what: &str, stream: &[u8]) {
    let shown = text(stream);
    if let Some(c) = shown.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    }) {
        panic!("{what}: {c:?} reached the terminal: {shown:?}");
    }
}

/// A `.venv` file of random bytes: the hook says something or nothing, prints no code
/// for it (it names no trusted environment), and runs nothing.
fn venv_file(bytes: &[u8]) {
    let case = Case::new();
    let project = case.root().join("project");
    fs::create_dir(&project).unwrap();
    fs::write(project.join(".venv"), bytes).unwrap();
    for shell in ["bash", "fish", "tcsh", "nu", "clink"] {
        let out = venvsh_bounded(
            &project,
            &[
                OsStr::new("hook-env"),
                OsStr::new("--shell"),
                OsStr::new(shell),
            ],
            case.root(),
        );
        let context = format!("{shell}, .venv = {bytes:?}");
        assert!(out.status.success(), "{context}: {}", text(&out.stderr));
        assert!(
            !text(&out.stdout).contains("VIRTUAL_ENV"),
            "{context}: activated"
        );
        assert_visible(&context, &out.stderr);
    }
    case.assert_nothing_ran("a .venv file");
}

/// `venvsh create` with a random name makes a working environment or refuses; a name
/// that is not UTF-8 is refused; nothing runs.
fn create(name: &str, raw: &[u8]) {
    let case = Case::new();
    let out = venvsh_bounded(
        case.root(),
        &[
            OsStr::new("create"),
            OsStr::new("--without-pip"),
            OsStr::new("-p"),
            OsStr::new("python3"),
            OsStr::new("--"),
            OsStr::new(name),
        ],
        case.root(),
    );
    let context = format!("create {name:?}");
    assert_visible(&context, &out.stderr);
    if out.status.success() {
        let env = case.root().join(name);
        let prefix = Command::new(env.join("bin/python"))
            .args(["-c", "import sys; sys.stdout.write(sys.prefix)"])
            .output()
            .unwrap();
        assert_eq!(
            prefix.stdout,
            env.as_os_str().as_bytes(),
            "{context}: sys.prefix"
        );
    } else {
        assert!(
            text(&out.stderr).starts_with("error: "),
            "{context}: {}",
            text(&out.stderr)
        );
    }
    let out = venvsh_bounded(
        case.root(),
        &[
            OsStr::new("activate"),
            OsStr::from_bytes(&[b"./".as_slice(), raw].concat()),
            OsStr::new("--shell"),
            OsStr::new("bash"),
        ],
        case.root(),
    );
    assert!(!out.status.success() || std::str::from_utf8(raw).is_ok());
    assert_visible(&format!("activate {raw:?}"), &out.stderr);
    case.assert_nothing_ran(&context);
}
