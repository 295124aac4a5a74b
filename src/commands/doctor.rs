//! `venvsh doctor`: the state of the shell integration, in plain words.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::context::{self, var};
use super::output::print_human;
use super::words;
use super::{setup, shell_or_detect};
use crate::cli::DoctorArgs;
use crate::decide::auto::{self, Why};
use crate::decide::state::Origin;
use crate::decide::transition;
use crate::decide::trust::Verdict;
use crate::project::environment::{self, Environment};
use crate::shell::Shell;
use crate::shell::quote::{ForHumans, visible_line};
use crate::vars::{VENVSH_OFF, VIRTUAL_ENV};

pub fn run(args: &DoctorArgs) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    let shell = shell_or_detect(args.shell)?;
    writeln!(out, "shell: {shell}")?;

    // Only the hook's `venvsh` function passes a report; without it the hook is not loaded.
    let mut healthy = true;
    match args.hook_report.as_deref() {
        None => {
            healthy = false;
            writeln!(
                out,
                "hook: not loaded in this shell; {}",
                setup::hook_line(shell)?.advice()
            )?;
        }
        Some("ok") => writeln!(out, "hook: loaded and in place")?,
        Some("no-auto") => writeln!(out, "hook: loaded without auto-activation (--no-auto)")?,
        Some("no-prompt-hook") => writeln!(
            out,
            "hook: loaded; {shell} has no prompt hook, so nothing auto-activates (`venvsh activate` and `deactivate` work)"
        )?,
        Some(problem) => {
            healthy = false;
            writeln!(
                out,
                "hook: loaded, but {problem}: a line after it in your rc file replaced it; \
                 load venvsh's hook after that line (beside starship, either order works)"
            )?;
        }
    }

    // zsh's PROMPT and fish's fish_prompt keep venvsh's `(name)` in front of a prompt
    // tool's own, which shows the environment too (bash's and tcsh's redraw it whole).
    if var("STARSHIP_SHELL").as_deref() == Some(shell.name())
        && matches!(shell, Shell::Zsh | Shell::Fish)
        && !transition::prompt_disabled(var(crate::vars::VIRTUAL_ENV_DISABLE_PROMPT).as_deref())
    {
        writeln!(
            out,
            "prompt: starship shows the environment itself; set VIRTUAL_ENV_DISABLE_PROMPT=1 so venvsh does not add its (name) too"
        )?;
    }

    let layers = transition::layers(&var);
    let path = var(crate::vars::PATH).unwrap_or_default();
    match (&layers.other, &layers.own) {
        (None, None) => writeln!(out, "active: none")?,
        (Some(other), own) => {
            writeln!(
                out,
                "active: {} (by another tool's activate script)",
                ForHumans(&other.env)
            )?;
            if let Some(own) = own {
                writeln!(
                    out,
                    "  on top of {}, activated by venvsh; `deactivate` takes the other away and brings it back",
                    ForHumans(&own.env)
                )?;
            }
        }
        (None, Some(own)) => {
            let how = match own.origin {
                Origin::Auto => "automatically, by the hook",
                Origin::Manual => "by hand (the hook leaves it alone)",
            };
            writeln!(out, "active: {} ({how})", ForHumans(&own.env))?;
            if var(VIRTUAL_ENV).as_deref() != Some(own.env.as_str()) {
                writeln!(
                    out,
                    "  but VIRTUAL_ENV is unset (another tool's deactivate?); the hook puts it back at the next prompt"
                )?;
            }
        }
    }
    if let Some(top) = layers.top() {
        let entry = match (&layers.other, &layers.own) {
            (Some(other), _) => other.path_entry.clone(),
            (None, Some(own)) => own.path_entry.clone(),
            (None, None) => unreachable!("there is a top"),
        };
        if !std::path::Path::new(top).is_dir() {
            healthy = false;
            writeln!(
                out,
                "  but {} no longer exists (deleted?); `deactivate` leaves it",
                ForHumans(top)
            )?;
        } else if !std::env::split_paths(&path).any(|e| e == std::path::Path::new(&entry)) {
            healthy = false;
            writeln!(
                out,
                "  but {} is not on PATH; the hook repairs this at the next change",
                ForHumans(&entry)
            )?;
        }
    }

    let cwd = context::cwd()?;
    let trust = context::trust()?;
    let store = context::store().ok();
    match auto::project_here(&cwd, store.as_ref(), &trust) {
        None => match Environment::find_explained(&cwd, store.as_ref()) {
            Err(environment::Error::NotFound { .. }) => {
                let here = cwd.join(environment::PROJECT_ENV_NAME);
                if here.exists() {
                    writeln!(
                        out,
                        "here: {} is not a virtual environment (no pyvenv.cfg), so the hook looks above it",
                        ForHumans(&here.to_string_lossy())
                    )?;
                } else {
                    writeln!(
                        out,
                        "here: no .venv in {} or above",
                        ForHumans(&cwd.to_string_lossy())
                    )?;
                }
            }
            Err(error) => {
                healthy = false;
                writeln!(out, "here: {}", visible_line(&error.to_string()))?;
            }
            Ok(_) => writeln!(out, "here: the environment found here could not be checked")?,
        },
        Some(project) => {
            let verdict = match (&project.verdict, Why::of(&project.verdict)) {
                (Verdict::Allowed, _) => "trusted: the hook activates it".to_owned(),
                (Verdict::Unknown, _) => format!(
                    "not trusted: run `venvsh allow {}` to let the hook activate it",
                    ForHumans(&project.env.root)
                ),
                (_, Some(why)) => format!("not activated: {}", words::reason(&why)),
                (_, None) => "denied: the hook leaves it alone".to_owned(),
            };
            writeln!(out, "here: {} ({verdict})", ForHumans(&project.env.root))?;
            if layers.top().is_none()
                && var(VENVSH_OFF).as_deref() == Some(project.env.root.as_str())
            {
                writeln!(
                    out,
                    "  paused: you deactivated in this project; the hook activates it again once you leave the project and come back, or `venvsh activate`"
                )?;
            }
        }
    }
    writeln!(
        out,
        "trust records: {}",
        ForHumans(&trust.records_dir().to_string_lossy())
    )?;
    print_human(&out)?;
    Ok(if healthy {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
