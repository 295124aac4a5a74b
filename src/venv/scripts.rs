//! Activation scripts for `bin/`.
//!
//! The scripts themselves are rendered from the activation templates in
//! `crate::activation_scripts`; this is the one call the builder makes.

use std::path::Path;

use super::Error;

/// `(file name, contents)` for every activation script of the environment at
/// `env_root` (its final location), whose scripts directory is `bin_dir`.
///
/// Interim: returns no scripts until `crate::activation_scripts::standalone`
/// exists; replace the body with a call to it.
pub fn standalone(
    env_root: &Path,
    bin_dir: &Path,
    prompt: &str,
) -> Result<Vec<(String, String)>, Error> {
    let _ = (env_root, bin_dir, prompt);
    Ok(Vec::new())
}
