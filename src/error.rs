//! Errors that know what the user could do about them.
//!
//! Library errors carry their own hint through [`Hint`]; the command layer wraps them in
//! `anyhow` and finds the hint again when it reports the error.

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
