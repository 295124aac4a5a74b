//! `venvsh doctor`: the state of the shell integration, in plain words.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::{env_var, print, shell_or_detect};
use crate::cli::DoctorArgs;
use crate::hook;
use crate::shell::quote::ForHumans;
use crate::state::{Origin, STATE_VAR};
use crate::transition;
use crate::trust::{TrustStore, Verdict};

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
                rc_line(shell)
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

    match transition::active_state(&env_var) {
        None => writeln!(out, "active: none")?,
        Some(state) => {
            let how = match (env_var(STATE_VAR).is_some(), state.origin) {
                (false, _) => "by another tool's activate script",
                (true, Origin::Auto) => "automatically, by the hook",
                (true, Origin::Manual) => "by hand (the hook leaves it alone)",
            };
            writeln!(out, "active: {} ({how})", ForHumans(&state.env))?;
            let path = env_var("PATH").unwrap_or_default();
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

    let cwd = std::env::current_dir()?;
    let trust = TrustStore::open_default()?;
    match hook::project_here(&cwd, &trust) {
        None => writeln!(
            out,
            "here: no .venv in {} or above",
            ForHumans(&cwd.to_string_lossy())
        )?,
        Some(project) => {
            let verdict = match project.verdict {
                Verdict::Allowed => "trusted: the hook activates it".to_owned(),
                Verdict::Denied => "denied: the hook leaves it alone".to_owned(),
                Verdict::Unknown => format!(
                    "not trusted: run `venvsh allow {}` to let the hook activate it",
                    ForHumans(&project.env.root)
                ),
            };
            writeln!(out, "here: {} ({verdict})", ForHumans(&project.env.root))?;
        }
    }
    writeln!(
        out,
        "trust file: {}",
        ForHumans(&trust.path().to_string_lossy())
    )?;
    print(&out)?;
    Ok(if healthy {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn rc_line(shell: crate::shell::Shell) -> &'static str {
    use crate::shell::Shell::*;
    match shell {
        Bash => "eval \"$(venvsh hook bash)\"  (~/.bashrc)",
        Zsh => "eval \"$(venvsh hook zsh)\"  (~/.zshrc)",
        Sh => "eval \"$(venvsh hook sh)\"  (~/.profile or $ENV)",
        Fish => "venvsh hook fish | source  (~/.config/fish/config.fish)",
        Tcsh => "eval \"`venvsh hook tcsh`\"  (~/.tcshrc)",
        Powershell => "venvsh hook powershell | Out-String | Invoke-Expression  ($PROFILE)",
        Nu => "venvsh hook nu | save -f ~/.config/nushell/venvsh.nu, then source it in config.nu",
        Cmd => "venvsh hook cmd > venvsh.cmd in a directory before venvsh.exe on PATH",
        Clink => {
            "venvsh hook clink > \"%LOCALAPPDATA%\\clink\\venvsh.lua\"  (a Clink script directory)"
        }
    }
}
