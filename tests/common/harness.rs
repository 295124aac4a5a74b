//! The harness of every test binary that needs programs besides venvsh (libtest-mimic,
//! `harness = false`): each test is a trial on its own line; a trial whose program is
//! not installed is reported as *ignored*, with the reason on its line, never as `ok`;
//! with `VENVSH_REQUIRE_SHELLS=1` (the README's test command) it fails instead.
//!
//! Trials mostly wait on child processes, so they run on more threads than there are
//! cores by default; `--test-threads` (or RUST_TEST_THREADS) overrides that.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::{Command, ExitCode, Stdio};
use std::sync::{Mutex, OnceLock};

pub use libtest_mimic::Trial;
use libtest_mimic::{Arguments, Completion, Failed};

/// Whether a missing program fails the run instead of ignoring what needs it.
pub fn required() -> bool {
    std::env::var("VENVSH_REQUIRE_SHELLS").is_ok_and(|v| v == "1")
}

/// `program`'s path, found on this process's PATH (`command -v`), looked up once.
pub fn program_path(program: &str) -> Option<String> {
    static FOUND: OnceLock<Mutex<HashMap<String, Option<String>>>> = OnceLock::new();
    let found = FOUND.get_or_init(Default::default);
    if let Some(known) = found.lock().unwrap().get(program) {
        return known.clone();
    }
    let path = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {program}"))
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim_end().to_owned());
    found
        .lock()
        .unwrap()
        .insert(program.to_owned(), path.clone());
    path
}

/// Like [`program_path`], for a program the trial already declared that it needs.
#[track_caller]
pub fn located(program: &str) -> String {
    program_path(program).unwrap_or_else(|| panic!("{program} is not installed"))
}

/// A trial that needs every program in `needs` (on PATH): ignored, naming the first
/// missing one, or failed when they are required.
pub fn trial(
    name: impl Into<String>,
    needs: &[&'static str],
    body: impl FnOnce() + Send + 'static,
) -> Trial {
    let needs = needs.to_vec();
    Trial::ignorable_test(name, move || {
        if let Some(missing) = needs.iter().find(|p| program_path(p).is_none()) {
            if required() {
                return Err(format!(
                    "{missing} is required (VENVSH_REQUIRE_SHELLS=1) but is not installed"
                )
                .into());
            }
            return Ok(Completion::ignored_with(format!(
                "{missing} is not installed; VENVSH_REQUIRE_SHELLS=1 fails instead"
            )));
        }
        run_body(body)
    })
}

/// A trial that needs `program`, which no test command can install (`why` says what
/// checks its part where it is missing): ignored when it is missing, even when the
/// other programs are required.
pub fn optional_trial(
    name: impl Into<String>,
    program: &'static str,
    why: &'static str,
    body: impl FnOnce() + Send + 'static,
) -> Trial {
    Trial::ignorable_test(name, move || {
        if program_path(program).is_none() {
            return Ok(Completion::ignored_with(format!(
                "{program} is not installed, and never required: {why}"
            )));
        }
        run_body(body)
    })
}

/// A trial that needs `programs` on PATH and pyenv's CPython `pythons` (`"3.12"`, as
/// [`crate::common::pyenv_python`] finds them): ignored, naming what is missing, or failed
/// when they are required.
pub fn trial_with_pythons(
    name: impl Into<String>,
    programs: &[&'static str],
    pythons: &[&'static str],
    body: impl FnOnce() + Send + 'static,
) -> Trial {
    let programs = programs.to_vec();
    let pythons = pythons.to_vec();
    Trial::ignorable_test(name, move || {
        let missing = programs
            .iter()
            .find(|p| program_path(p).is_none())
            .map(|p| format!("{p} is not installed"))
            .or_else(|| {
                pythons
                    .iter()
                    .find(|v| super::pyenv_python(v).is_none())
                    .map(|v| format!("Python {v} is not installed with pyenv"))
            });
        if let Some(missing) = missing {
            if required() {
                return Err(format!(
                    "{missing}, which is required (VENVSH_REQUIRE_SHELLS=1; bash tests/run.sh installs it)"
                )
                .into());
            }
            return Ok(Completion::ignored_with(format!(
                "{missing}; VENVSH_REQUIRE_SHELLS=1 fails instead"
            )));
        }
        run_body(body)
    })
}

/// A trial that needs nothing but venvsh.
pub fn plain_trial(name: impl Into<String>, body: impl FnOnce() + Send + 'static) -> Trial {
    trial(name, &[], body)
}

thread_local! {
    /// Where the last panic on this thread happened, for the failure's message.
    static PANIC_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn run_body(body: impl FnOnce()) -> Result<Completion, Failed> {
    PANIC_AT.with(|at| at.borrow_mut().take());
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(()) => Ok(Completion::Completed),
        Err(payload) => {
            let message = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("(a panic without a message)");
            let at = PANIC_AT
                .with(|at| at.borrow_mut().take())
                .unwrap_or_default();
            Err(format!("{message}\n(panicked at {at})").into())
        }
    }
}

/// Run `trials` as the command line asks (filters, `--list`, `--ignored`, …), on
/// `default_threads` threads unless told otherwise.
pub fn run(trials: Vec<Trial>, default_threads: usize) -> ExitCode {
    let mut names = HashSet::new();
    for trial in &trials {
        assert!(
            names.insert(trial.name().to_owned()),
            "two trials are named {}",
            trial.name()
        );
    }
    // Panics become the failure's message (with their location), not stderr noise
    // between the result lines.
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(ToString::to_string);
        PANIC_AT.with(|slot| *slot.borrow_mut() = at);
    }));
    let mut args = Arguments::from_args();
    if args.test_threads.is_none() {
        let from_env = std::env::var("RUST_TEST_THREADS")
            .ok()
            .and_then(|v| v.parse().ok());
        args.test_threads = Some(from_env.unwrap_or(default_threads));
    }
    libtest_mimic::run(&args, trials).exit_code()
}
