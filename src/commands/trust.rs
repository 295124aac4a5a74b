//! `venvsh allow` and `venvsh deny`.

use std::path::Path;
use std::process::ExitCode;

use super::context;
use super::output::print;
use crate::cli::TrustArgs;
use crate::project::environment::Environment;
use crate::shell::quote::ForHumans;

pub fn allow(args: &TrustArgs) -> anyhow::Result<ExitCode> {
    let env = target(args)?;
    context::trust()?.allow(Path::new(&env.root))?;
    print(&format!(
        "allowed {}: the hook activates it from now on\n",
        ForHumans(&env.root)
    ))
}

pub fn deny(args: &TrustArgs) -> anyhow::Result<ExitCode> {
    let env = target(args)?;
    context::trust()?.deny(Path::new(&env.root))?;
    print(&format!(
        "denied {}: the hook leaves it alone and says nothing\n",
        ForHumans(&env.root)
    ))
}

/// An environment given, a project directory's `.venv`, or the nearest one from here.
fn target(args: &TrustArgs) -> anyhow::Result<Environment> {
    let cwd = context::cwd()?;
    let store = context::store().ok();
    Ok(match &args.dir {
        Some(dir) if cwd.join(dir).join("pyvenv.cfg").is_file() => Environment::open(dir, &cwd)?,
        Some(dir) => Environment::find(&cwd.join(dir), store.as_ref())?,
        None => Environment::find(&cwd, store.as_ref())?,
    })
}
