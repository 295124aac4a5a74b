//! How errors reach the user: `error: …`, then `hint: …` where one helps.
//!
//! Library errors carry their own hint through [`Hint`]; the command layer
//! wraps them in `anyhow` and [`report`] finds the hint again by downcasting.

use std::io::Write;
use std::process::ExitCode;

/// An error that knows what the user could do about it.
pub trait Hint {
    fn hint(&self) -> Option<String> {
        None
    }
}

/// An error that already told the user everything; exit with `code` quietly.
#[derive(Debug, thiserror::Error)]
#[error("exit status {code}")]
pub struct SilentExit {
    pub code: u8,
}

/// Print `error`, its causes and any hint to stderr; never to stdout, which `eval` reads.
pub fn report(error: &anyhow::Error) -> ExitCode {
    if let Some(silent) = error.downcast_ref::<SilentExit>() {
        return ExitCode::from(silent.code);
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

fn find_hint(error: &anyhow::Error) -> Option<String> {
    error.chain().find_map(|cause| {
        if let Some(e) = cause.downcast_ref::<crate::environment::Error>() {
            return e.hint();
        }
        if let Some(e) = cause.downcast_ref::<crate::shell::quote::Unrepresentable>() {
            return e.hint();
        }
        if let Some(e) = cause.downcast_ref::<crate::shell::DetectError>() {
            return e.hint();
        }
        if let Some(e) = cause.downcast_ref::<crate::venv::Error>() {
            return e.hint();
        }
        if let Some(e) = cause.downcast_ref::<crate::store::Error>() {
            return e.hint();
        }
        if let Some(e) = cause.downcast_ref::<crate::config::Error>() {
            return e.hint();
        }
        None
    })
}

/// The hint for a deletion that [`crate::platform::remove`] refused or could not finish.
pub fn remove_hint(error: &crate::platform::remove::Error) -> Option<String> {
    use crate::platform::remove::Error;
    match error {
        Error::MountInside { mount, .. } => Some(format!(
            "venvsh never deletes across a mount; unmount {} (or move it out) and run this again",
            mount.display()
        )),
        Error::RootIsMount { .. } => Some(
            "a mount point cannot be deleted; unmount it, or clear it with `venvsh create --clear`"
                .into(),
        ),
        Error::Io { source, .. } if source.kind() == std::io::ErrorKind::PermissionDenied => {
            Some("check the permissions of the directory".into())
        }
        Error::Io { .. } => None,
    }
}
