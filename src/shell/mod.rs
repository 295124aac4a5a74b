//! The shells venvsh speaks: naming, detection, and one small file per shell with
//! its templates. All escaping lives in [`quote`].

pub mod clink;
pub mod cmd;
pub mod csh;
mod detect;
pub mod fish;
pub mod nu;
pub mod posix;
pub mod powershell;
pub mod quote;

use std::fmt;

use clap::ValueEnum;

pub use detect::{DetectError, detect};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    /// POSIX sh: dash, ksh, busybox ash.
    Sh,
    Fish,
    #[value(alias = "csh")]
    Tcsh,
    #[value(alias = "pwsh")]
    Powershell,
    #[value(alias = "nushell")]
    Nu,
    Cmd,
    /// cmd.exe with Clink: only `hook clink` (and the hook's `hook-env`); explicit
    /// activation in cmd is the `venvsh.cmd` wrapper.
    Clink,
}

impl Shell {
    pub fn name(self) -> &'static str {
        match self {
            Self::Bash => "bash",
            Self::Zsh => "zsh",
            Self::Sh => "sh",
            Self::Fish => "fish",
            Self::Tcsh => "tcsh",
            Self::Powershell => "powershell",
            Self::Nu => "nu",
            Self::Cmd => "cmd",
            Self::Clink => "clink",
        }
    }

    /// The shell a process name (as `ps` shows it, with `-` for login shells) belongs to.
    pub fn from_process_name(name: &str) -> Option<Self> {
        let name = name.trim_start_matches('-').to_ascii_lowercase();
        let name = name.strip_suffix(".exe").unwrap_or(&name);
        Some(match name {
            "bash" => Self::Bash,
            "zsh" => Self::Zsh,
            "sh" | "dash" | "ksh" | "ksh93" | "mksh" | "ash" | "yash" | "posh" => Self::Sh,
            "fish" => Self::Fish,
            "tcsh" | "csh" => Self::Tcsh,
            "pwsh" | "powershell" => Self::Powershell,
            "nu" => Self::Nu,
            "cmd" => Self::Cmd,
            _ => return None,
        })
    }

    /// Every accepted name, for messages.
    pub fn choices() -> String {
        Self::value_variants()
            .iter()
            .map(|s| s.name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for Shell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn process_names_map_to_shells() {
        assert_eq!(Shell::from_process_name("-bash"), Some(Shell::Bash));
        assert_eq!(Shell::from_process_name("dash"), Some(Shell::Sh));
        assert_eq!(
            Shell::from_process_name("pwsh.exe"),
            Some(Shell::Powershell)
        );
        assert_eq!(Shell::from_process_name("CMD.EXE"), Some(Shell::Cmd));
        assert_eq!(Shell::from_process_name("python3"), None);
    }

    #[test]
    fn aliases_parse() {
        assert_eq!(Shell::from_str("csh", true), Ok(Shell::Tcsh));
        assert_eq!(Shell::from_str("pwsh", true), Ok(Shell::Powershell));
        assert_eq!(Shell::from_str("nushell", true), Ok(Shell::Nu));
    }
}
