//! `venvsh __dispatch SHELL ARGS…`: the csh alias's entry point.
//!
//! A csh alias cannot branch on its arguments in one line, so the alias evaluates
//! whatever this prints: the activation code for `activate`/`deactivate`, and for
//! any other command, that command line itself (quoted), so it runs with the terminal.
//! `hook-env` is the auto-activation hook's call and prints code too.

use std::process::ExitCode;

use clap::Parser;

use super::context;
use super::output::print;
use crate::cli::{Cli, DispatchArgs};
use crate::shell::quote;

pub fn run(args: &DispatchArgs) -> anyhow::Result<ExitCode> {
    let verb = args.args.first().map(String::as_str);
    if matches!(verb, Some("activate" | "deactivate" | "hook-env")) {
        let mut argv = vec!["venvsh".to_owned()];
        argv.extend(args.args.iter().cloned());
        argv.extend(["--shell".to_owned(), args.shell.name().to_owned()]);
        let cli = Cli::try_parse_from(argv).unwrap_or_else(|e| e.exit());
        return super::run(cli);
    }
    let mut line = quote::csh(&context::exe()?)?;
    let mut words = args.args.clone();
    if verb == Some("doctor") {
        // The alias is how this was reached, so the hook is loaded.
        words.splice(
            1..1,
            ["--shell", "tcsh", "--hook-report", "ok"].map(String::from),
        );
    }
    for arg in &words {
        line.push(' ');
        line.push_str(&quote::csh(arg)?);
    }
    if matches!(verb, Some("allow" | "deny")) {
        // Trust changed: the auto-activation hook looks again at the next prompt.
        line.push_str(" ; set _venvsh_last_pwd = ''");
    }
    print(&(line + " ;\n"))
}
