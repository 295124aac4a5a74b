//! `venvsh list`, `venvsh remove` and `venvsh __complete-envs`: the store's commands.
//! (`venvsh create --name` is in `create.rs`.)

use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;

use super::context::{self, var};
use super::output::{ask, inform, print, print_human, say, set_quiet};
use crate::cli::{ListArgs, RemoveArgs};
use crate::decide::transition;
use crate::error::SilentExit;
use crate::project::store::{Entry, Error as StoreError, Removed};
use crate::shell::quote::ForHumans;

/// One environment of `venvsh list`, and whether it is the active one.
#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    entry: &'a Entry,
    active: bool,
}

pub fn list(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let store = context::store()?;
    let entries = store.list()?;
    let active = transition::layers(&var).top().map(PathBuf::from);
    let is_active = |entry: &Entry| {
        active.as_deref().is_some_and(|active| {
            entry.path == active
                || std::fs::canonicalize(&entry.path).ok() == std::fs::canonicalize(active).ok()
        })
    };
    let listed: Vec<Listed<'_>> = entries
        .iter()
        .map(|entry| Listed {
            entry,
            active: is_active(entry),
        })
        .collect();
    if args.json {
        #[derive(Serialize)]
        struct Listing<'a> {
            store: &'a Path,
            environments: &'a [Listed<'a>],
        }
        let listing = Listing {
            store: &store.root,
            environments: &listed,
        };
        return print(&(serde_json::to_string_pretty(&listing)? + "\n"));
    }
    if entries.is_empty() {
        inform(format!(
            "no environments in {}; make one with `venvsh create -n NAME`",
            ForHumans(&store.root.to_string_lossy())
        ));
        return Ok(ExitCode::SUCCESS);
    }
    print_human(&table(&listed))
}

/// `*` for the active environment, NAME, PYTHON, PATH, BASE (`ok`, or `missing: PATH`);
/// columns padded to fit.
fn table(listed: &[Listed<'_>]) -> String {
    let rows: Vec<[String; 4]> = listed
        .iter()
        .map(|l| {
            let e = l.entry;
            let base = match (&e.base, e.base_exists) {
                (_, true) => "ok".to_owned(),
                (Some(path), false) => {
                    format!("missing: {}", ForHumans(&path.to_string_lossy()))
                }
                (None, false) => "unknown".to_owned(),
            };
            [
                ForHumans(&e.name).to_string(),
                e.version.clone().unwrap_or_else(|| "?".into()),
                ForHumans(&e.path.to_string_lossy()).to_string(),
                base,
            ]
        })
        .collect();
    let header = [
        "NAME".to_owned(),
        "PYTHON".to_owned(),
        "PATH".to_owned(),
        "BASE".to_owned(),
    ];
    let mut widths = [0; 3];
    for row in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let marks = std::iter::once(false).chain(listed.iter().map(|l| l.active));
    let mut out = String::new();
    for (row, active) in std::iter::once(&header).chain(&rows).zip(marks) {
        out.push_str(if active { "* " } else { "  " });
        for (cell, width) in row.iter().zip(widths) {
            out.push_str(cell);
            out.push_str(&" ".repeat(width - cell.chars().count() + 2));
        }
        out.push_str(&row[3]);
        out.push('\n');
    }
    out
}

pub fn remove(args: &RemoveArgs) -> anyhow::Result<ExitCode> {
    let store = context::store()?;
    let name = args
        .name
        .as_deref()
        .or(args.name_option.as_deref())
        .context("no environment name given")?;
    // Refusals come before the question.
    let path = store.check_removable(name)?;
    let shown = ForHumans(&path.to_string_lossy()).to_string();
    if !args.yes {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return Err(StoreError::Unconfirmed { path }.into());
        }
        ask(format!("remove the environment {shown}? [y/N] "));
        let mut answer = String::new();
        stdin
            .lock()
            .read_line(&mut answer)
            .context("could not read the answer")?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "YES" | "Yes") {
            say(format!("kept {shown}"));
            return Err(SilentExit { code: 1 }.into());
        }
    }
    let removed = store.remove(name)?;
    if context::config()?.quiet {
        set_quiet();
    }
    match removed {
        Removed::Environment(path) => {
            inform(format!("removed {}", ForHumans(&path.to_string_lossy())));
        }
        Removed::Link { link, target } => inform(format!(
            "removed the link {} (its target {} was left alone)",
            ForHumans(&link.to_string_lossy()),
            ForHumans(&target.to_string_lossy())
        )),
    }
    Ok(ExitCode::SUCCESS)
}

/// One name per line, for the completion scripts. Errors print nothing: a completion
/// must never spill messages into the command line being edited.
pub fn complete_envs() -> anyhow::Result<ExitCode> {
    let Ok(store) = context::store() else {
        return Ok(ExitCode::SUCCESS);
    };
    let names: String = store
        .list()
        .unwrap_or_default()
        .into_iter()
        .filter(|e| !e.name.contains('\n'))
        .map(|e| e.name + "\n")
        .collect();
    print(&names)
}
