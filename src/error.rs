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

impl Hint for crate::platform::remove::Error {
    fn hint(&self) -> Option<String> {
        use crate::platform::remove::Error;
        match self {
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
}
