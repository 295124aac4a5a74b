//! `venvsh cache info` and `venvsh cache clean`.

use std::process::ExitCode;

use anyhow::Context;

use super::output::{print, print_human, say};
use crate::cli::{CacheArgs, CacheCommand};
use crate::shell::quote::ForHumans;
use crate::venv::cache::{self, Usage};

pub fn run(args: &CacheArgs) -> anyhow::Result<ExitCode> {
    let root = cache::root().context("this system has no cache directory for venvsh")?;
    match &args.command {
        CacheCommand::Info { json: true } => {
            print(&(serde_json::to_string_pretty(&cache::usage(&root)?)? + "\n"))
        }
        CacheCommand::Info { json: false } => print_human(&describe(&cache::usage(&root)?)),
        CacheCommand::Clean => {
            let usage = cache::clean(&root)?;
            let shown = ForHumans(&root.to_string_lossy()).to_string();
            if usage.parts.is_empty() {
                say(format!("the cache {shown} was already empty"));
            } else {
                say(format!(
                    "deleted the cache {shown}: {} in {} files, {} of it not shared with environments",
                    size(usage.bytes()),
                    usage.parts.iter().map(|p| p.files).sum::<u64>(),
                    size(usage.reclaimable()),
                ));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The cache's parts, one line each, then the unpacked wheels.
fn describe(usage: &Usage) -> String {
    let root = ForHumans(&usage.root.to_string_lossy()).to_string();
    if usage.parts.is_empty() {
        return format!("{root}: empty\n");
    }
    let mut out = format!(
        "{root}: {}, {} of it not shared with environments (`venvsh cache clean` frees that)\n",
        size(usage.bytes()),
        size(usage.reclaimable())
    );
    for part in &usage.parts {
        let what = match part.name.as_str() {
            "interpreters" => "facts about interpreters".to_owned(),
            "wheels" => format!("{} unpacked wheels", part.entries.len()),
            _ => "left by an older venvsh".to_owned(),
        };
        out.push_str(&format!(
            "  {:<14} {:>10}  {:>6} files  {what}\n",
            ForHumans(&part.name).to_string(),
            size(part.bytes),
            part.files
        ));
        for entry in &part.entries {
            out.push_str(&format!("    {}\n", ForHumans(entry)));
        }
    }
    out
}

fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{:.1} MB", b as f64 / f64::from(1 << 20)),
        b if b >= 1 << 10 => format!("{:.1} kB", b as f64 / f64::from(1 << 10)),
        b => format!("{b} B"),
    }
}
