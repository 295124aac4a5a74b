//! Where things go inside an environment, for one interpreter version.
//!
//! Paths are relative to the environment root, so one layout serves both the
//! staging directory being written and the final location the files refer to.

use std::path::PathBuf;

use super::interpreter::Facts;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// `bin`.
    pub scripts: PathBuf,
    /// `include/python3.11` up to 3.13.0, `include` after (from the sysconfig venv scheme).
    pub include: PathBuf,
    /// `lib/python3.11/site-packages` (`python3.13t` on free-threaded builds).
    pub purelib: PathBuf,
    pub platlib: PathBuf,
    /// venv links `lib64 -> lib` on 64-bit POSIX except macOS, up to 3.14.
    pub lib64_link: bool,
    /// The base executable's file name; `bin/<this>` is the absolute link.
    pub exe_name: String,
    /// The other names in `bin/`, each a relative link to `exe_name`.
    pub aliases: Vec<String>,
}

impl Layout {
    pub fn for_interpreter(facts: &Facts) -> Self {
        let (major, minor) = facts.major_minor();
        let exe_name = facts
            .base_executable
            .file_name()
            .map_or_else(|| "python".into(), |n| n.to_string_lossy().into_owned());
        let mut names = vec![
            "python".to_owned(),
            format!("python{major}"),
            format!("python{major}.{minor}"),
        ];
        if facts.gil_disabled {
            // venv gets this name because the free-threaded base executable has it.
            names.push(format!("python{major}.{minor}t"));
        }
        if (major, minor) == (3, 14) {
            // 3.14's venv adds this one name, and only there.
            names.push("\u{1d70b}thon".to_owned());
        }
        let aliases = names.into_iter().filter(|n| *n != exe_name).collect();
        Self {
            scripts: facts.paths.scripts.clone(),
            include: facts.paths.include.clone(),
            purelib: facts.paths.purelib.clone(),
            platlib: facts.paths.platlib.clone(),
            lib64_link: facts.platform != "darwin"
                && facts.pointer_bits == 64
                && (major, minor) <= (3, 14),
            exe_name,
            aliases,
        }
    }

    /// Every directory the layout needs, parents first.
    pub fn directories(&self) -> Vec<PathBuf> {
        let mut dirs = vec![
            self.scripts.clone(),
            self.include.clone(),
            self.purelib.clone(),
        ];
        if self.platlib != self.purelib && !(self.lib64_link && self.platlib.starts_with("lib64")) {
            dirs.push(self.platlib.clone());
        }
        dirs
    }
}
