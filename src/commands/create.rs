//! `venvsh create`.

use std::process::ExitCode;

use crate::cli::CreateArgs;

pub fn run(_args: &CreateArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("venvsh create is not built yet")
}
