//! `venvsh hook SHELL`: the rc-file integration.

use std::process::ExitCode;

use super::{env_var, hook_code, print};
use crate::cli::HookArgs;
use crate::transition;

pub fn run(args: &HookArgs) -> anyhow::Result<ExitCode> {
    // A shell started inside an activated one inherits the variables but not the
    // prompt; the hook puts the prompt back.
    let resume = transition::resume(&env_var);
    print(&hook_code(args.shell, resume.as_ref())?)
}
