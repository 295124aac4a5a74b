//! `venvsh allow` and `venvsh deny`.

use std::process::ExitCode;

use super::context;
use super::output::{print_human, say};
use crate::cli::TrustArgs;
use crate::decide::trust::Decision;
use crate::project::environment::Environment;
use crate::shell::quote::ForHumans;

pub fn allow(args: &TrustArgs) -> anyhow::Result<ExitCode> {
    if args.list {
        return list();
    }
    let env = target(args)?;
    context::trust()?.allow(&env)?;
    say(format!(
        "allowed {}: the hook activates it from now on",
        ForHumans(&env.root)
    ));
    Ok(ExitCode::SUCCESS)
}

pub fn deny(args: &TrustArgs) -> anyhow::Result<ExitCode> {
    if args.list {
        return list();
    }
    let env = target(args)?;
    context::trust()?.deny(&env)?;
    say(format!(
        "denied {}: the hook leaves it alone and says nothing",
        ForHumans(&env.root)
    ));
    Ok(ExitCode::SUCCESS)
}

/// What is allowed and denied, a line each.
fn list() -> anyhow::Result<ExitCode> {
    let trust = context::trust()?;
    let records = trust.list()?;
    if records.is_empty() {
        say("no environment is allowed or denied yet");
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    for record in records {
        let verdict = match record.verdict {
            Decision::Allow => "allow",
            Decision::Deny => "deny ",
        };
        out.push_str(&format!("{verdict}  {}\n", ForHumans(&record.path)));
    }
    print_human(&out)
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
