//! Which shell is asking: the nearest shell among venvsh's ancestor processes.
//!
//! The parent process comes first: exported hints such as `NU_VERSION` are inherited
//! by every shell started from nushell, so they only break ties when no ancestor is a
//! known shell.

use sysinfo::{Pid, ProcessRefreshKind, ProcessesToUpdate, System};

use super::Shell;
use crate::error::Hint;

/// How many ancestors to look through (a shell may run venvsh through `env`, `sudo`, …).
const MAX_ANCESTORS: usize = 4;

#[derive(Debug, thiserror::Error)]
#[error("could not tell which shell is running venvsh{}", .seen.as_ref().map(|s| format!(" (its parent is {s:?})")).unwrap_or_default())]
pub struct DetectError {
    pub seen: Option<String>,
}

impl Hint for DetectError {
    fn hint(&self) -> Option<String> {
        Some(format!(
            "name it with --shell, one of: {}",
            Shell::choices()
        ))
    }
}

pub fn detect() -> Result<Shell, DetectError> {
    let mut first_seen = None;
    if let Ok(pid) = sysinfo::get_current_pid() {
        let Ok(mut system) = System::new() else {
            return Err(DetectError { seen: None });
        };
        let mut pid: Pid = pid;
        for _ in 0..MAX_ANCESTORS {
            let Some(parent) = refresh(&mut system, pid).and_then(|p| system.process(p).map(|_| p))
            else {
                break;
            };
            let name = system
                .process(parent)
                .map(|p| p.name().to_string_lossy().into_owned())
                .unwrap_or_default();
            if let Some(shell) = Shell::from_process_name(&name) {
                return Ok(shell);
            }
            first_seen.get_or_insert(name);
            pid = parent;
        }
    }
    if std::env::var_os("NU_VERSION").is_some() {
        return Ok(Shell::Nu);
    }
    Err(DetectError { seen: first_seen })
}

/// Refresh `pid` and its parent; return the parent's pid.
fn refresh(system: &mut System, pid: Pid) -> Option<Pid> {
    system.refresh_processes_specifics(
        ProcessesToUpdate::Some(&[pid]),
        false,
        ProcessRefreshKind::nothing(),
    );
    let parent = system.process(pid)?.parent()?;
    system.refresh_processes_specifics(
        ProcessesToUpdate::Some(&[parent]),
        false,
        ProcessRefreshKind::nothing(),
    );
    Some(parent)
}
