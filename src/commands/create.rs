//! `venvsh create`: the command line over [`crate::venv::EnvBuilder`].

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::CreateArgs;
use crate::shell::quote::ForHumans;
use crate::venv::{EnvBuilder, Options, Outcome, Request};

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
    };
    let interpreter = Request::parse(args.python.as_deref())?.find(&cwd)?;
    let builder = EnvBuilder::new(options);
    let mut stdout = std::io::stdout().lock();
    // One after another, as `python -m venv a b` does; the first failure stops.
    for env_dir in &args.env_dirs {
        let created = builder.create(env_dir, &cwd, &interpreter)?;
        let verb = match created.outcome {
            Outcome::Created => "created",
            Outcome::Replaced => "replaced",
            Outcome::Upgraded => "upgraded",
        };
        let shown = env_dir.to_string_lossy();
        let python = interpreter.facts.base_executable.to_string_lossy();
        writeln!(
            stdout,
            "{verb} {} with {} ({}); activate with: venvsh activate {}",
            ForHumans(&shown),
            interpreter.describe(),
            ForHumans(&python),
            ForHumans(&shown),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
