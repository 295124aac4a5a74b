//! Writing to the user: code and answers on stdout, errors on stderr.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use crate::error::{Hint, SilentExit};
use crate::shell::quote::{visible_line, visible_text};

/// Write `text` to stdout. Code meant for `eval` is built whole before this is called,
/// so a failure leaves stdout empty.
pub fn print(text: &str) -> anyhow::Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`venvsh hook bash | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("could not write to stdout"),
    }
}

/// Write text for a person to stdout (`which`, `status`, `list`): its lines as they are,
/// any other control character shown as an escape.
pub fn print_human(text: &str) -> anyhow::Result<ExitCode> {
    print(&visible_text(text))
}

/// A line for the person at the terminal, on stderr (stdout is for what they asked for):
/// progress, notices, confirmations. Control characters are shown as escapes.
pub fn say(line: impl std::fmt::Display) {
    let _ = writeln!(
        std::io::stderr().lock(),
        "{}",
        visible_line(&line.to_string())
    );
}

/// `warning: …` on stderr.
pub fn warn(line: impl std::fmt::Display) {
    say(format_args!("warning: {line}"));
}

/// A question on stderr, the answer to come on the same line.
pub fn ask(question: impl std::fmt::Display) {
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "{}", visible_line(&question.to_string()));
    let _ = stderr.flush();
}

/// Print `error`, its causes and any hint to stderr; never to stdout, which `eval` reads.
/// Messages carry paths a repository chose, so each line goes through [`visible_line`].
pub fn report(error: &anyhow::Error) -> ExitCode {
    if let Some(silent) = error.downcast_ref::<SilentExit>() {
        return ExitCode::from(silent.code);
    }
    // Whoever read our output stopped (`venvsh list | head`): not worth a message, as
    // in ripgrep, wherever in venvsh the write failed.
    let broken_pipe = error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        return ExitCode::SUCCESS;
    }
    say(format_args!("error: {error}"));
    for cause in error.chain().skip(1) {
        say(format_args!("  caused by: {cause}"));
    }
    if let Some(hint) = find_hint(error) {
        say(format_args!("hint: {hint}"));
    }
    ExitCode::FAILURE
}

/// The first hint any error in the chain carries.
fn find_hint(error: &anyhow::Error) -> Option<String> {
    fn hint_of<E: Hint + std::error::Error + 'static>(
        cause: &(dyn std::error::Error + 'static),
    ) -> Option<String> {
        cause.downcast_ref::<E>().and_then(Hint::hint)
    }
    error.chain().find_map(|cause| {
        hint_of::<crate::project::environment::Error>(cause)
            .or_else(|| hint_of::<crate::shell::quote::Unrepresentable>(cause))
            .or_else(|| hint_of::<crate::shell::RenderError>(cause))
            .or_else(|| hint_of::<super::detect::DetectError>(cause))
            .or_else(|| hint_of::<crate::venv::Error>(cause))
            .or_else(|| hint_of::<crate::project::store::Error>(cause))
            .or_else(|| hint_of::<crate::project::config::Error>(cause))
            .or_else(|| hint_of::<crate::decide::trust::Error>(cause))
            .or_else(|| hint_of::<super::context::VarNotUtf8>(cause))
            .or_else(|| hint_of::<crate::project::read::Error>(cause))
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every line venvsh writes goes through this module, which escapes what a terminal
    /// would hide: no printing macro anywhere else.
    #[test]
    fn nothing_else_prints() {
        let mut offenders = Vec::new();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut dirs = vec![src];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                if path.ends_with("commands/output.rs")
                    || path.extension().is_none_or(|e| e != "rs")
                {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for (n, line) in text.lines().enumerate() {
                    let code = line.trim_start();
                    if code.starts_with("//") {
                        continue;
                    }
                    let printing = ["println!(", "print!(", "stdout()", "stderr()"];
                    if printing.iter().any(|p| code.contains(p)) {
                        offenders.push(format!("{}:{}: {code}", path.display(), n + 1));
                    }
                }
            }
        }
        assert!(
            offenders.is_empty(),
            "printing outside commands/output.rs:\n{}",
            offenders.join("\n")
        );
    }
}
