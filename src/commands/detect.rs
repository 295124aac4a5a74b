//! Which shell is asking: the parent process, if it is a shell venvsh knows.
//!
//! The parent process comes first: exported hints such as `NU_VERSION` are inherited
//! by every shell started from nushell, so they only break ties when no ancestor is a
//! known shell.

use sysinfo::{Pid, ProcessRefreshKind, ProcessesToUpdate, System};

use crate::error::Hint;
use crate::shell::Shell;

#[derive(Debug, thiserror::Error)]
#[error("could not tell which shell is running venvsh{}", .parent.as_ref().map(|s| format!(" (its parent is {s:?})")).unwrap_or_default())]
pub struct DetectError {
    pub parent: Option<String>,
}

impl Hint for DetectError {
    fn hint(&self) -> Option<String> {
        Some(format!(
            "name it with --shell, one of: {}",
            Shell::choices()
        ))
    }
}

/// Only the parent is asked: `eval "$(venvsh …)"`, `venvsh … | source` and the hook
/// functions all run venvsh straight from the shell, and guessing further up guesses wrong.
pub fn detect() -> Result<Shell, DetectError> {
    let parent = parent_process_name();
    if let Some(shell) = parent.as_deref().and_then(Shell::from_process_name) {
        return Ok(shell);
    }
    if std::env::var_os("NU_VERSION").is_some() {
        return Ok(Shell::Nu);
    }
    Err(DetectError { parent })
}

fn parent_process_name() -> Option<String> {
    let pid = sysinfo::get_current_pid().ok()?;
    let mut system = System::new().ok()?;
    let refresh = |system: &mut System, pid: Pid| {
        system.refresh_processes_specifics(
            ProcessesToUpdate::Some(&[pid]),
            false,
            ProcessRefreshKind::nothing(),
        );
    };
    refresh(&mut system, pid);
    let parent = system.process(pid)?.parent()?;
    refresh(&mut system, parent);
    Some(
        system
            .process(parent)?
            .name()
            .to_string_lossy()
            .into_owned(),
    )
}
