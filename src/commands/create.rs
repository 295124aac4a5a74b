//! `venvsh create`: the command line over [`crate::venv::EnvBuilder`].
//!
//! Everything it prints is status, on stderr: stdout stays empty for scripts that
//! capture it (issue 10).

use std::process::ExitCode;

use anyhow::Context;

use crate::cli::CreateArgs;
use crate::config::Config;
use crate::shell::quote::ForHumans;
use crate::store::Store;
use crate::trust::{TrustStore, Verdict};
use crate::venv::{Created, EnvBuilder, Options, Outcome, Request};

pub fn run(args: &CreateArgs) -> anyhow::Result<ExitCode> {
    let cwd = std::env::current_dir().context("could not read the current directory")?;
    let options = Options {
        system_site_packages: args.system_site_packages,
        symlinks: !args.copies,
        clear: args.clear,
        upgrade: args.upgrade,
        with_pip: !args.without_pip,
        prompt: args.prompt.clone(),
        upgrade_deps: args.upgrade_deps,
        scm_ignore_files: !args.without_scm_ignore_files,
        force: args.force,
        link_mode: args.link_mode,
        compile_bytecode: args.compile_bytecode,
    };
    let config = Config::load()?;
    let python = args.python.as_deref().or(config.python.as_deref());
    // `--name NAME`: one environment, in the store.
    let (env_dirs, activate_as) = match &args.name {
        Some(name) => {
            let store = Store::from_env()?;
            let path = store.path(name)?;
            std::fs::create_dir_all(&store.root)
                .with_context(|| format!("could not create the store {}", store.root.display()))?;
            (vec![path], Some(name.as_str()))
        }
        None => (args.env_dirs.clone(), None),
    };
    let mut warnings = Vec::new();
    let found = Request::parse(python)?.find_noting(&cwd, &mut warnings);
    for warning in &warnings {
        eprintln!("warning: {}", for_humans(warning));
    }
    let interpreter = found?;
    let builder = EnvBuilder::new(options);
    let trust = TrustStore::open_default();
    // One after another, as `python -m venv a b` does; the first failure stops.
    for env_dir in &env_dirs {
        let target = crate::environment::normalize(&cwd.join(env_dir));
        // An environment the user trusted stays trusted through a re-run or an upgrade
        // (a target that does not exist yet was trusted by no one: no need to read).
        let trusted_before = target.symlink_metadata().is_ok()
            && trust
                .as_ref()
                .is_ok_and(|t| t.verdict(&target).is_ok_and(|v| v == Verdict::Allowed));
        let created = builder.create(env_dir, &cwd, &interpreter)?;
        for warning in &created.warnings {
            eprintln!("warning: {}", for_humans(warning));
        }
        let shown = env_dir.to_string_lossy();
        // Only what venvsh built from scratch, or what was trusted already, may be
        // auto-activated: an environment that was here may have come with a repository.
        if created.from_scratch || trusted_before {
            if let Err(e) = trust
                .as_ref()
                .map_err(|e| e.to_string())
                .and_then(|t| t.allow(&created.path).map_err(|e| e.to_string()))
            {
                eprintln!(
                    "warning: the hook will not auto-activate it until `venvsh allow`: {}",
                    for_humans(&e)
                );
            }
        } else if !config.quiet {
            eprintln!(
                "note: {} was there before, so the hook does not auto-activate it; \
                 if it is yours, run: venvsh allow {}",
                ForHumans(&shown),
                ForHumans(&shown)
            );
        }
        if !config.quiet {
            eprintln!("{}", summary(&created, &shown, activate_as, &interpreter));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A message that may hold paths, with control characters made visible.
fn for_humans(text: &str) -> String {
    crate::shell::quote::sanitize_prompt(text)
}

/// "created .venv with CPython 3.12.1 (…); activate with: venvsh activate .venv".
fn summary(
    created: &Created,
    shown: &str,
    activate_as: Option<&str>,
    interpreter: &crate::venv::Interpreter,
) -> String {
    let what = match created.outcome {
        Outcome::Created => format!("created {}", ForHumans(shown)),
        Outcome::Replaced => format!("replaced {}", ForHumans(shown)),
        Outcome::Upgraded => format!("upgraded {}", ForHumans(shown)),
        Outcome::Repaired { added: 0 } => format!("{} is complete", ForHumans(shown)),
        Outcome::Repaired { added } => format!(
            "repaired {} ({added} missing {})",
            ForHumans(shown),
            if added == 1 { "part" } else { "parts" }
        ),
    };
    let python = interpreter.facts.base_executable.to_string_lossy();
    let activate = activate_as.unwrap_or(shown);
    format!(
        "{what} with {} ({}); activate with: venvsh activate {}",
        interpreter.describe(),
        ForHumans(&python),
        ForHumans(activate)
    )
}
