//! `venvsh create`: the command line over [`crate::venv::EnvBuilder`].

use std::process::ExitCode;

use anyhow::Context;

use super::context;
use super::output::{say, warn};
use crate::cli::CreateArgs;
use crate::project::environment::Environment;
use crate::shell::quote::ForHumans;
use crate::venv::{EnvBuilder, Options, Outcome, Request};

pub fn run(args: &CreateArgs) -> anyhow::Result<ExitCode> {
    let cwd = context::cwd()?;
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
    };
    let config = context::config()?;
    let python = args.python.as_deref().or(config.python.as_deref());
    // `--name NAME`: one environment, in the store.
    let (env_dirs, activate_as) = match &args.name {
        Some(name) => {
            let store = context::store()?;
            let path = store.path(name)?;
            std::fs::create_dir_all(&store.root)
                .with_context(|| format!("could not create the store {}", store.root.display()))?;
            (vec![path], Some(name.as_str()))
        }
        None => (args.env_dirs.clone(), None),
    };
    let interpreter = Request::parse(python)?.find(&cwd)?;
    let builder = EnvBuilder::new(options);
    // One after another, as `python -m venv a b` does; the first failure stops.
    for env_dir in &env_dirs {
        let created = builder.create(env_dir, &cwd, &interpreter)?;
        for warning in &created.warnings {
            warn(warning);
        }
        // venvsh made it, so the auto-activation hook may activate it (see `venvsh allow`).
        let trusted = Environment::open(&created.path, &cwd)
            .map_err(anyhow::Error::from)
            .and_then(|env| Ok(context::trust()?.allow(&env)?));
        if let Err(e) = trusted {
            warn(format!(
                "the hook will not auto-activate it until `venvsh allow`: {e}"
            ));
        }
        if config.quiet {
            continue;
        }
        let verb = match created.outcome {
            Outcome::Created => "created",
            Outcome::Replaced => "replaced",
            Outcome::Upgraded => "upgraded",
        };
        let shown = env_dir.to_string_lossy();
        let python = interpreter.facts.base_executable.to_string_lossy();
        say(format!(
            "{verb} {} with {} ({}); activate with: venvsh activate {}",
            ForHumans(&shown),
            interpreter.describe(),
            ForHumans(&python),
            ForHumans(activate_as.unwrap_or(&shown)),
        ));
    }
    Ok(ExitCode::SUCCESS)
}
