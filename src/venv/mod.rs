//! Creating virtual environments.

use crate::error::Hint;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Other(String),
}

impl Hint for Error {}
