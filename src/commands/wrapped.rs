//! `venvsh __wrapped SHELL [OPTIONS] -- ARGS…`: how the hook's `venvsh` function (and
//! `deactivate`) run venvsh.
//!
//! The binary, not the shell, decides which output is code for the shell: the output of
//! `activate`, `deactivate`, `hook-env` and `hook SHELL --resume` for SHELL. Everything else (`--json`,
//! `--help`, `--shell` naming another shell, other verbs, errors) is what the bare binary
//! prints, for the shell to pass on untouched; a wrapper that evaluated it ran a
//! directory name's `$(…)` (issue 8, item 1). Code reaches the shell in one of three ways:
//!
//! - marked (bash, zsh, sh, fish, PowerShell, nushell): on stdout, after a first line
//!   [`CODE_MARK`], which nothing else venvsh prints can start with;
//! - `--code-file FILE` (cmd.exe's `venvsh.cmd`): written to FILE, which the wrapper
//!   `call`s; stdout is the bare binary's;
//! - `--code-file FILE --code-only`, then `--after STATUS` (tcsh): a csh alias cannot
//!   branch, and its last command is the one redirections and pipes attach to (issue 8,
//!   item 2), so the alias runs venvsh twice: first for the code only, which it sources,
//!   then for everything else.

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;

use super::output::print;
use super::{activate, hook};
use crate::cli::{self, Cli, Command, WrappedArgs};
use crate::shell::{CODE_MARK, Shell};

pub fn run(args: &WrappedArgs) -> anyhow::Result<ExitCode> {
    let argv = std::iter::once(OsString::from("venvsh")).chain(args.args.iter().cloned());
    let parsed = cli::try_parse_from(argv);
    let code = match &parsed {
        Ok(cli) => code_for(&cli.command, args.shell),
        Err(_) => None,
    };
    if let Some(status) = args.after {
        // The first run applied the code, or failed saying why; only its status is left.
        return match code {
            Some(_) => Ok(ExitCode::from(status)),
            None => bare(parsed, args.shell),
        };
    }
    match (code, &args.code_file) {
        (Some(code), Some(file)) => {
            write_code(file, &code?)?;
            Ok(ExitCode::SUCCESS)
        }
        (Some(code), None) => print(&format!("{CODE_MARK}\n{}", code?)),
        (None, Some(_)) if args.code_only => Ok(ExitCode::SUCCESS),
        (None, _) => bare(parsed, args.shell),
    }
}

/// Code for `shell`, if `command` is one that prints code for it: `Some(Err)` when it
/// is, but failed (the error is the command's own, reported as the bare binary would).
fn code_for(command: &Command, shell: Shell) -> Option<anyhow::Result<String>> {
    let for_this_shell = |asked: Option<Shell>| asked.is_none_or(|s| s == shell);
    match command {
        Command::Activate(a) if !a.json && for_this_shell(a.shell) => {
            Some(activate::activation_code(a, shell))
        }
        Command::Deactivate(d) if !d.json && for_this_shell(d.shell) => {
            Some(activate::deactivation_code(shell))
        }
        Command::HookEnv(h) if for_this_shell(h.shell) => {
            Some(hook::hook_env_code(shell).map(Option::unwrap_or_default))
        }
        Command::Hook(h) if h.resume && h.shell == shell => Some(hook::resume_code(shell)),
        _ => None,
    }
}

/// What the bare binary does with this command line. Through the wrapper the hook is
/// loaded, which `doctor` is told when the shell's function did not say more itself.
fn bare(parsed: Result<Cli, clap::Error>, shell: Shell) -> anyhow::Result<ExitCode> {
    let mut cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return Ok(ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2)));
        }
    };
    match &mut cli.command {
        Command::Doctor(doctor) if doctor.hook_report.is_none() => {
            doctor.shell.get_or_insert(shell);
            doctor.hook_report = Some("ok".to_owned());
        }
        // `venvsh activate` works as typed here: create says so.
        Command::Create(create) => create.hooked = true,
        _ => {}
    }
    super::run(cli)
}

/// Write `code` into the wrapper's file (created for this call by the wrapper).
fn write_code(file: &std::path::Path, code: &str) -> anyhow::Result<()> {
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .create(true)
        .open(file)
        .with_context(|| format!("could not write {}", file.display()))?;
    out.write_all(code.as_bytes())
        .with_context(|| format!("could not write {}", file.display()))
}
