//! Writing to the user: code and answers on stdout, errors on stderr.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use crate::error::{Hint, SilentExit};

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

/// Print `error`, its causes and any hint to stderr; never to stdout, which `eval` reads.
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
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "error: {error}");
    for cause in error.chain().skip(1) {
        let _ = writeln!(stderr, "  caused by: {cause}");
    }
    if let Some(hint) = find_hint(error) {
        let _ = writeln!(stderr, "hint: {hint}");
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
    })
}
