//! `venvsh list`, `venvsh remove` and `venvsh __complete-envs`: the store's commands.
//! (`venvsh create --name` is in `create.rs`.)

use std::io::{BufRead, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use serde::Serialize;

use super::context;
use super::output::{ask, print, print_human, say};
use crate::cli::{ListArgs, RemoveArgs};
use crate::error::SilentExit;
use crate::project::store::{Entry, Error as StoreError, Removed};
use crate::shell::quote::ForHumans;

pub fn list(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let store = context::store()?;
    let entries = store.list()?;
    if args.json {
        #[derive(Serialize)]
        struct Listing<'a> {
            store: &'a Path,
            environments: &'a [Entry],
        }
        let listing = Listing {
            store: &store.root,
            environments: &entries,
        };
        return print(&(serde_json::to_string_pretty(&listing)? + "\n"));
    }
    if entries.is_empty() {
        say(format!(
            "no environments in {}; make one with `venvsh create --name NAME`",
            ForHumans(&store.root.to_string_lossy())
        ));
        return Ok(ExitCode::SUCCESS);
    }
    print_human(&table(&entries))
}

/// NAME, PYTHON, BASE (`ok`, or `missing: PATH`), PATH; columns padded to fit.
fn table(entries: &[Entry]) -> String {
    let rows: Vec<[String; 4]> = entries
        .iter()
        .map(|e| {
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
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
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
    // Refusals come before the question.
    let path = store.check_removable(&args.name)?;
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
    let removed = store.remove(&args.name)?;
    if !context::config()?.quiet {
        match removed {
            Removed::Environment(path) => {
                say(format!("removed {}", ForHumans(&path.to_string_lossy())));
            }
            Removed::Link { link, target } => say(format!(
                "removed the link {} (its target {} was left alone)",
                ForHumans(&link.to_string_lossy()),
                ForHumans(&target.to_string_lossy())
            )),
        }
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
