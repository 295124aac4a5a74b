//! `venvsh allow` and `venvsh deny`.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use super::print;
use crate::cli::TrustArgs;
use crate::environment::Environment;
use crate::shell::quote::ForHumans;
use crate::trust::TrustStore;

pub fn allow(args: &TrustArgs) -> anyhow::Result<ExitCode> {
    let env = target(args)?;
    TrustStore::open_default()?.allow(Path::new(&env.root))?;
    print(&format!(
        "allowed {}: the hook activates it from now on\n",
        ForHumans(&env.root)
    ))
}

pub fn deny(args: &TrustArgs) -> anyhow::Result<ExitCode> {
    let env = target(args)?;
    TrustStore::open_default()?.deny(Path::new(&env.root))?;
    print(&format!(
        "denied {}: the hook leaves it alone and says nothing\n",
        ForHumans(&env.root)
    ))
}

/// An environment given, a project directory's `.venv`, or the nearest one from here.
fn target(args: &TrustArgs) -> anyhow::Result<Environment> {
    let cwd = std::env::current_dir().context("could not read the current directory")?;
    Ok(match &args.dir {
        Some(dir) if cwd.join(dir).join("pyvenv.cfg").is_file() => Environment::open(dir, &cwd)?,
        Some(dir) => Environment::find_from(&cwd.join(dir))?,
        None => Environment::find_from(&cwd)?,
    })
}
