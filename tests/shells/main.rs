//! Generated code in the real shells: the matrix of shells × modes over the hostile
//! corpus (`matrix.rs`, one trial per case), the scenarios activation has broken in
//! before, auto-activation through a terminal, Clink under a Lua mock, PowerShell's
//! parse checks, snapshots of everything venvsh generates, and lints of the probes.
//!
//! Each trial reports on its own line. A trial whose shell is not installed is
//! *ignored*, with the reason; the README's test command sets VENVSH_REQUIRE_SHELLS=1,
//! and then it fails instead. Run one shell, mode or case with a filter:
//!
//!     cargo test --test shells -- fish::hook
//!     cargo test --test shells -- --list

#[path = "../common/mod.rs"]
mod common;

mod auto;
mod clink;
mod clink_driver;
mod coexist;
mod fuzz;
mod lint;
mod matrix;
mod powershell;
mod probes;
mod prompt_tools;
mod scenarios;
mod security;
mod snapshots;

use std::process::ExitCode;

/// Trials mostly wait on shells, wine and tmux: more threads than cores keep both busy.
const THREADS: usize = 8;

fn main() -> ExitCode {
    // The slowest trials first (a terminal session each), so that none starts last.
    let mut trials = coexist::trials();
    trials.extend(auto::trials());
    trials.extend(prompt_tools::trials());
    trials.extend(scenarios::trials());
    trials.extend(security::trials());
    trials.extend(clink::trials());
    trials.extend(matrix::trials());
    trials.extend(fuzz::trials());
    trials.extend(powershell::trials());
    trials.extend(snapshots::trials());
    trials.extend(lint::trials());
    common::harness::run(trials, THREADS)
}
