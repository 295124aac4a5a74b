//! Activation scripts for `bin/`.
//!
//! The scripts themselves are rendered from the activation templates in
//! [`crate::activation_scripts`]; this is the one call the builder makes.

use std::path::Path;

pub use crate::activation_scripts::{Omitted, Standalone};

use super::Error;

/// The activation scripts of the environment at `env_root` (its final location), whose
/// scripts directory is `bin_dir`: those to write, and those a shell cannot represent
/// (left out, with the reason, for `venvsh create` to warn about).
pub fn standalone(env_root: &Path, bin_dir: &Path, prompt: &str) -> Result<Standalone, Error> {
    crate::activation_scripts::standalone(env_root, bin_dir, prompt).map_err(|e| {
        Error::ActivationScripts {
            path: env_root.to_owned(),
            reason: e.to_string(),
        }
    })
}
