//! Activation scripts for `bin/`.
//!
//! The scripts themselves are rendered by each shell's dialect
//! ([`crate::shell::bin_scripts`]); this is the one call the builder makes.

use std::path::Path;

pub use crate::shell::{Omitted, Standalone};

use super::Error;
use crate::project::environment::Environment;

/// The activation scripts of the environment at `env_root` (its final location), whose
/// scripts directory is `bin_dir`: those to write, and those a shell cannot represent
/// (left out, with the reason, for `venvsh create` to warn about).
pub fn standalone(env_root: &Path, bin_dir: &Path, prompt: &str) -> Result<Standalone, Error> {
    let utf8 = |p: &Path| {
        p.to_str()
            .map(str::to_owned)
            .ok_or_else(|| Error::NonUtf8 { path: p.to_owned() })
    };
    let env = Environment {
        root: utf8(env_root)?,
        bin: utf8(bin_dir)?,
        prompt: prompt.to_owned(),
    };
    crate::shell::bin_scripts(&env).map_err(|e| Error::ActivationScripts {
        path: env_root.to_owned(),
        reason: e.to_string(),
    })
}
