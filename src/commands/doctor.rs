//! `venvsh doctor`: the state of the shell integration, in plain words.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::context::{self, var};
use super::output::print_human;
use super::shell_or_detect;
use super::words;
use crate::cli::DoctorArgs;
use crate::decide::auto::{self, Why};
use crate::decide::state::Origin;
use crate::decide::transition;
use crate::decide::trust::Verdict;
use crate::shell::quote::ForHumans;
use crate::vars::VENVSH_STATE;

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
                "hook: not loaded in this shell; add this to your rc file: {}",
                shell.dialect().rc_advice()
            )?;
        }
        Some("ok") => writeln!(out, "hook: loaded and in place")?,
        Some("no-auto") => writeln!(out, "hook: loaded without auto-activation (--no-auto)")?,
        Some(problem) => {
            healthy = false;
            writeln!(
                out,
                "hook: loaded, but {problem}; load venvsh's hook last in your rc file"
            )?;
        }
    }

    match transition::active_state(&var) {
        None => writeln!(out, "active: none")?,
        Some(state) => {
            let how = match (var(VENVSH_STATE).is_some(), state.origin) {
                (false, _) => "by another tool's activate script",
                (true, Origin::Auto) => "automatically, by the hook",
                (true, Origin::Manual) => "by hand (the hook leaves it alone)",
            };
            writeln!(out, "active: {} ({how})", ForHumans(&state.env))?;
            let path = var(crate::vars::PATH).unwrap_or_default();
            if !std::env::split_paths(&path).any(|e| e == std::path::Path::new(&state.path_entry)) {
                healthy = false;
                writeln!(
                    out,
                    "  but {} is not on PATH; the hook repairs this at the next change",
                    ForHumans(&state.path_entry)
                )?;
            }
        }
    }

    let cwd = context::cwd()?;
    let trust = context::trust()?;
    let store = context::store().ok();
    match auto::project_here(&cwd, store.as_ref(), &trust) {
        None => writeln!(
            out,
            "here: no .venv in {} or above",
            ForHumans(&cwd.to_string_lossy())
        )?,
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
