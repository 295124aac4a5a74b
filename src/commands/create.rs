//! `venvsh create`: the command line over [`crate::venv::EnvBuilder`].

use std::process::ExitCode;

use anyhow::Context;

use std::path::Path;

use super::context;
use super::output::{self, say, warn};
use super::{detect, setup};
use crate::cli::CreateArgs;
use crate::decide::trust::Verdict;
use crate::project::environment::Environment;
use crate::project::paths::normalize;
use crate::shell::quote::{self, ForHumans};
use crate::venv::{Created, EnvBuilder, Options, Outcome, Request};

pub fn run(args: &CreateArgs) -> anyhow::Result<ExitCode> {
    let cwd = context::cwd()?;
    let options = Options {
        system_site_packages: args.system_site_packages,
        // Copies are venv's default on Windows, links elsewhere.
        symlinks: args.symlinks || (!args.copies && Options::default().symlinks),
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
    let mut warnings = Vec::new();
    let found = Request::parse(python)?.find_noting(&cwd, &mut warnings);
    for warning in &warnings {
        warn(warning);
    }
    let interpreter = found?;
    let builder = EnvBuilder::new(options);
    let quiet = config.quiet || output::is_quiet();
    // One after another, as `python -m venv a b` does; the first failure stops.
    for env_dir in &env_dirs {
        let target = normalize(&cwd.join(env_dir));
        // An environment the user trusted stays trusted through a re-run or an upgrade
        // (a target that does not exist yet was trusted by no one: no need to read).
        let trusted_before = target.symlink_metadata().is_ok() && allowed(&target, &cwd);
        let created = builder.create(env_dir, &cwd, &interpreter)?;
        for warning in &created.warnings {
            warn(warning);
        }
        let shown = env_dir.to_string_lossy();
        // Only what venvsh built from scratch, or what was trusted already, may be
        // auto-activated: an environment that was here may have come with a repository
        // (issue 8, item 8).
        if created.from_scratch || trusted_before {
            let trusted = Environment::open(&created.path, &cwd)
                .map_err(anyhow::Error::from)
                .and_then(|env| Ok(context::trust()?.allow(&env)?));
            if let Err(e) = trusted {
                // `venvsh allow` alone would allow the nearest .venv from here, maybe another.
                warn(format!(
                    "the hook will not auto-activate it until `venvsh allow {}`: {e}",
                    ForHumans(&created.path.to_string_lossy())
                ));
            }
        } else if !quiet {
            say(format!(
                "note: {} was there before, so the hook does not auto-activate it; if it \
                 is yours, run: venvsh allow {}",
                ForHumans(&shown),
                ForHumans(&created.path.to_string_lossy())
            ));
        }
        if !quiet {
            say(summary(
                &created,
                &shown,
                activate_as,
                args.hooked,
                &interpreter,
            ));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether the environment at `target` is one the user allowed, as it is now.
fn allowed(target: &Path, cwd: &Path) -> bool {
    let Ok(env) = Environment::open(target, cwd) else {
        return false;
    };
    context::trust().is_ok_and(|trust| trust.verdict(&env).is_ok_and(|v| v == Verdict::Allowed))
}

/// "created .venv with CPython 3.12.1 (…); activate with: …".
fn summary(
    created: &Created,
    shown: &str,
    activate_as: Option<&str>,
    hooked: bool,
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
    format!(
        "{what} with {} ({}); activate with: {}",
        interpreter.describe(),
        ForHumans(&python),
        activate_with(shown, activate_as, hooked),
    )
}

/// The command that activates what was created: `venvsh activate ENV` through the hook,
/// else the line that runs its code in the shell found (issue 11, item 7). A directory
/// is written as a path (`./web`): a bare name would name a store environment, and one
/// starting with `-` an option.
fn activate_with(dir: &str, store_name: Option<&str>, hooked: bool) -> String {
    let env = match store_name {
        Some(name) => name.to_owned(),
        None if Path::new(dir).is_relative() && !dir.starts_with(['.', '~']) => {
            format!("./{dir}")
        }
        None => dir.to_owned(),
    };
    // Through the hook, `venvsh` is the hook's function, whatever the binary's path.
    let plain = format!(
        "venvsh activate {}",
        quote::posix_word(&env).unwrap_or_else(|_| ForHumans(&env).to_string())
    );
    if hooked {
        return plain;
    }
    let once = detect::detect()
        .ok()
        .and_then(|shell| setup::eval_line(shell, &["activate", &env]).ok().flatten());
    once.unwrap_or(plain)
}
