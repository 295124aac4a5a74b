//! `venvsh completions SHELL` and `venvsh man`: text generated from the clap definitions.
//!
//! The committed copies under `completions/` and `man/` are regenerated with
//! `VENVSH_REGENERATE=1 cargo test --test completions`; without the variable that
//! test fails when they are stale.

use std::process::ExitCode;

use anyhow::Context;
use clap::CommandFactory;

use super::output::{print, print_human};
use crate::cli::{Cli, CompletionShell, CompletionsArgs, ManArgs};
use crate::shell;

const BIN: &str = "venvsh";

pub fn completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    print(&render(args.shell)?)
}

/// The completion script for `shell`: clap_complete's, plus environment names from the
/// store where the shell allows a command to supply them.
pub fn render(shell: CompletionShell) -> anyhow::Result<String> {
    let cli = Cli::command();
    Ok(match shell {
        CompletionShell::Shell(shell) => shell::completion_code(shell, &cli)
            .with_context(|| format!("venvsh has no completions for {shell}"))??,
        CompletionShell::Elvish => shell::elvish::completion_script(&cli)
            .map_err(|e| anyhow::anyhow!("could not render the elvish completions: {e}"))?,
    })
}

pub fn man(args: &ManArgs) -> anyhow::Result<ExitCode> {
    let pages = man_pages()?;
    let Some(dir) = &args.out_dir else {
        return print(&pages[0].1);
    };
    std::fs::create_dir_all(dir).with_context(|| format!("could not create {}", dir.display()))?;
    let mut written = String::new();
    for (name, text) in &pages {
        let path = dir.join(name);
        std::fs::write(&path, text)
            .with_context(|| format!("could not write {}", path.display()))?;
        written.push_str(&format!("{}\n", path.display()));
    }
    print_human(&written)
}

/// `venvsh.1`, then `venvsh-COMMAND.1` for every command shown in `--help`.
pub fn man_pages() -> anyhow::Result<Vec<(String, String)>> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut pages = vec![(format!("{BIN}.1"), render_man(cmd.clone())?)];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        // clap keeps names as `&'static str`; these few live until the program ends.
        let name: &'static str = format!("{BIN}-{}", sub.get_name()).leak();
        let page = sub.clone().name(name).display_name(name).bin_name(name);
        pages.push((format!("{name}.1"), render_man(page)?));
    }
    Ok(pages)
}

fn render_man(cmd: clap::Command) -> anyhow::Result<String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut out)
        .context("could not render the man page")?;
    String::from_utf8(out).context("the man page is not UTF-8")
}
