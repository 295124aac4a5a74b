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

/// The parent's name as the system reports it: `bash`, `-zsh`, `cmd.exe`,
/// `powershell.exe`, `pwsh.exe` (cmd under Clink is still `cmd.exe`).
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
    let own = system.process(pid)?;
    let (parent, started) = (own.parent()?, own.start_time());
    refresh(&mut system, parent);
    let parent = system.process(parent)?;
    // Windows keeps a parent's id after the parent exits, and may give it to another
    // process: one that started after venvsh is not its parent.
    if parent.start_time() > started {
        return None;
    }
    Some(parent.name().to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_shell_process_names() {
        for (name, shell) in [
            ("cmd.exe", Some(Shell::Cmd)),
            ("CMD.EXE", Some(Shell::Cmd)),
            ("powershell.exe", Some(Shell::Powershell)),
            ("PowerShell.EXE", Some(Shell::Powershell)),
            ("pwsh.exe", Some(Shell::Powershell)),
            ("pwsh", Some(Shell::Powershell)),
            ("bash.exe", Some(Shell::Bash)),
            ("nu.exe", Some(Shell::Nu)),
            // Not shells: Windows Terminal, Explorer, the Python launcher, Clink itself.
            ("WindowsTerminal.exe", None),
            ("explorer.exe", None),
            ("py.exe", None),
            ("clink_x64.exe", None),
            ("cmd.exe.bak", None),
        ] {
            assert_eq!(Shell::from_process_name(name), shell, "{name}");
        }
    }
}
