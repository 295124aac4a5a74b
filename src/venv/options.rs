//! What `venvsh create` is asked to do: the stdlib venv's options and venvsh's own.
//! Its own module so that the builder and what it writes (`pyvenv.cfg`'s `command`)
//! both depend on it, and not on each other.

use super::wheel::LinkMode;

/// The stdlib venv options, same meaning, plus `force`, `link_mode` and `compile_bytecode`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub system_site_packages: bool,
    /// Link to the base interpreter rather than copying it (the default on POSIX; on
    /// Windows venv copies its launcher unless asked for links).
    pub symlinks: bool,
    /// Replace an existing environment.
    pub clear: bool,
    /// Point an existing environment at this interpreter, in place.
    pub upgrade: bool,
    pub with_pip: bool,
    /// Shown by activation; `.` means the current directory's name.
    pub prompt: Option<String>,
    /// Run the new environment's pip to upgrade pip from the index.
    pub upgrade_deps: bool,
    /// Write a `.gitignore` holding `*` (where the interpreter's own venv would: 3.13+).
    pub scm_ignore_files: bool,
    /// With `clear`: replace a directory even if it is not an environment.
    pub force: bool,
    /// How pip's files get into site-packages: linked from the cache, or copied.
    pub link_mode: LinkMode,
    /// Write `.pyc` files for what is installed, as `python -m venv` (through pip) does.
    pub compile_bytecode: bool,
}

impl Default for Options {
    /// What `venvsh create` does without flags (note: the stdlib *API* defaults
    /// to no pip and no `.gitignore`; its command line does what this does).
    fn default() -> Self {
        Self {
            system_site_packages: false,
            symlinks: !cfg!(windows),
            clear: false,
            upgrade: false,
            with_pip: true,
            prompt: None,
            upgrade_deps: false,
            scm_ignore_files: true,
            force: false,
            link_mode: LinkMode::default(),
            compile_bytecode: false,
        }
    }
}
