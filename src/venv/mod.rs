//! Creating virtual environments, the way `python -m venv` lays them out.
//!
//! [`EnvBuilder`] runs the steps of stdlib `venv.EnvBuilder`; each step is a
//! default method of [`Steps`], so a program can override one and keep the rest.
//! [`discovery`] turns a `-p` request into an [`Interpreter`], whose facts come
//! from one cached query. [`wheel`] installs pip from the interpreter's own
//! bundled wheel without running pip; [`atomic`] makes a new environment appear all
//! at once, and [`commit`] moves one built inside an existing target into place.

pub mod atomic;
pub mod builder;
pub mod cache;
pub mod commit;
pub mod discovery;
pub mod existing;
pub mod interpreter;
pub mod layout;
pub mod options;
pub mod pyvenv_cfg;
pub mod scripts;
pub mod wheel;

use std::io;
use std::path::PathBuf;

pub use builder::{Created, DefaultSteps, EnvBuilder, Outcome, Prior, Steps};
pub use discovery::{Found, Request};
pub use interpreter::{Facts, Interpreter};
pub use layout::Layout;
pub use options::Options;
pub use wheel::LinkMode;

use crate::error::Hint;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "refusing to create an environment in {path} because it contains the PATH separator `{separator}`"
    )]
    PathSeparator { path: PathBuf, separator: char },

    #[error("the path {path} is not valid UTF-8")]
    NonUtf8 { path: PathBuf },

    #[error("{path} exists and is not a directory")]
    NotADirectory { path: PathBuf },

    #[error("{path} is a symbolic link")]
    Symlink { path: PathBuf },

    #[error("refusing to clear {path}: it is not a virtual environment (it has no pyvenv.cfg)")]
    ClearNotAnEnvironment { path: PathBuf },

    #[error("{path} is an environment of {theirs}, not of {ours}")]
    OtherInterpreter {
        path: PathBuf,
        theirs: String,
        ours: String,
    },

    #[error("{path} is already an environment, and {what}")]
    ConflictingOptions { path: PathBuf, what: String },

    #[error("{path} exists, and venvsh would have to replace it")]
    Conflict { path: PathBuf },

    #[error(
        "cannot write `{key}` to pyvenv.cfg: {value:?} holds a line break, which would start a new key"
    )]
    CfgValue { key: &'static str, value: String },

    #[error("{path} is Python {version}; venvsh creates environments for Python 3.6 and later")]
    UnsupportedPython { path: PathBuf, version: String },

    #[error(transparent)]
    Remove(#[from] crate::platform::remove::Error),

    #[error("could not {action} {path}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error("no Python interpreter matches `{request}`")]
    NoInterpreter { request: String },

    #[error("the Python interpreter {path} does not exist")]
    InterpreterMissing { path: PathBuf },

    #[error("`{request}` is not a Python request venvsh understands")]
    BadRequest { request: String },

    #[error("pyenv selects version `{version}` (from {origin}), which has no `{program}`")]
    PyenvNotInstalled {
        version: String,
        origin: String,
        program: String,
        /// Every version selected is installed (it lacks only the program).
        installed: bool,
        /// The installed versions that have the program, newest first.
        elsewhere: Vec<String>,
    },

    #[error("could not query the Python interpreter {path}: {reason}")]
    Query { path: PathBuf, reason: String },

    #[error("{python} has no bundled {package} wheel, so pip cannot be installed")]
    NoBundledWheel {
        python: String,
        package: &'static str,
        searched: Vec<PathBuf>,
    },

    #[error("the wheel {wheel} is unusable: {reason}")]
    BadWheel { wheel: PathBuf, reason: String },

    #[error("{python} has no venv launcher: {missing} is missing")]
    NoLauncher { python: PathBuf, missing: PathBuf },

    #[error("--copies cannot make a working copy of {python}: {reason}")]
    CopiesUnsupported { python: PathBuf, reason: String },

    #[error("`{command}` failed ({status})")]
    UpgradeDeps { command: String, status: String },

    #[error("`{command}` failed ({status})")]
    CompileBytecode { command: String, status: String },

    #[error("could not write the activation scripts of {path}: {reason}")]
    ActivationScripts { path: PathBuf, reason: String },
}

impl Error {
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: io::Error) -> Self {
        Self::Io {
            action,
            path: path.into(),
            source,
        }
    }
}

impl Hint for Error {
    fn hint(&self) -> Option<String> {
        match self {
            Self::PathSeparator { separator, .. } => Some(format!(
                "a directory whose path contains `{separator}` cannot be put on PATH; choose another location"
            )),
            Self::NonUtf8 { .. } => {
                Some("environments hold their own path in text files; use a UTF-8 path".into())
            }
            Self::NotADirectory { .. } => {
                Some("remove the file or choose another location".into())
            }
            Self::Symlink { .. } => Some(
                "venvsh does not create or clear environments through a link; pass the real directory"
                    .into(),
            ),
            Self::OtherInterpreter { .. } => Some(
                "--upgrade points it at this Python in place, keeping what is installed; \
                 --clear replaces it with a new environment"
                    .into(),
            ),
            Self::ConflictingOptions { .. } => Some(
                "run it with the options it was made with; --upgrade changes them in place, \
                 keeping what is installed; --clear replaces it with a new environment"
                    .into(),
            ),
            Self::Conflict { .. } => Some(
                "venvsh never overwrites a file it did not write: move that one away, or \
                 create the environment elsewhere (--clear --force empties the folder)"
                    .into(),
            ),
            Self::CfgValue { key, .. } if key.contains("executable") || *key == "home" => Some(
                "use a Python installed at a path without line breaks".into(),
            ),
            Self::CfgValue { .. } => {
                Some("choose a location and prompt without line breaks".into())
            }
            Self::UnsupportedPython { .. } => {
                Some("pass a newer Python with -p, e.g. -p 3.12".into())
            }
            Self::Remove(e) => e.hint(),
            Self::CompileBytecode { .. } => Some(
                "the environment was not created; leave out --compile-bytecode to create it \
                 without .pyc files"
                    .into(),
            ),
            Self::ClearNotAnEnvironment { .. } => {
                Some("add --force to replace it anyway; its contents will be deleted".into())
            }
            Self::Io { source, .. } if source.kind() == io::ErrorKind::PermissionDenied => {
                Some("check the permissions of the directory, or choose another location".into())
            }
            Self::NoInterpreter { .. } => Some(
                "pass a path with --python, or install that version (pyenv install, uv python install, …)"
                    .into(),
            ),
            Self::BadRequest { .. } => Some(
                "use a path, a name on PATH (python3.12), or a version (3.12, 3.13t, >=3.11)".into(),
            ),
            Self::PyenvNotInstalled { version, .. } if version == "system" => Some(
                "pyenv falls back to `system`, and PATH has no such Python outside pyenv's \
                 shims; select an installed version with `pyenv local`/`pyenv shell`, or pass -p"
                    .into(),
            ),
            Self::PyenvNotInstalled {
                installed: true,
                elsewhere,
                program,
                ..
            } => Some(match elsewhere.first() {
                Some(newest) => {
                    let asked = program.strip_prefix("python").filter(|v| {
                        v.split('.').count() == 2 && v.split('.').all(|p| p.parse::<u32>().is_ok())
                    });
                    let pass = asked.map(|v| format!("pass -p {v}, or ")).unwrap_or_default();
                    format!(
                        "pyenv's {} {} `{program}`: {pass}select it with `pyenv shell {newest}` or `pyenv local {newest}`",
                        elsewhere.join(", "),
                        if elsewhere.len() == 1 { "has" } else { "have" },
                    )
                }
                None => format!(
                    "no installed pyenv version has `{program}`: pass another --python, or `pyenv install` a version that has it"
                ),
            }),
            Self::PyenvNotInstalled { version, .. } => Some(format!(
                "run `pyenv install {version}`, or select another version with `pyenv local`/`pyenv shell`"
            )),
            Self::NoBundledWheel { python, .. } => Some(bundled_wheel_hint(python)),
            Self::CopiesUnsupported { .. } => Some("use --symlinks instead".into()),
            Self::NoLauncher { .. } => Some(
                "venv copies this launcher into Scripts\\ on Windows: repair or reinstall Python \
                 (the python.org installer has it)"
                    .into(),
            ),
            Self::UpgradeDeps { .. } => Some(
                "the environment was created; run its pip again once the network is reachable"
                    .into(),
            ),
            Self::ActivationScripts { .. } => Some(
                "this is a bug in venvsh: please report it; `venvsh activate` works without these scripts"
                    .into(),
            ),
            _ => None,
        }
    }
}

fn bundled_wheel_hint(python: &str) -> String {
    let version = python
        .rsplit(' ')
        .next()
        .and_then(|v| {
            let mut parts = v.split('.');
            Some(format!("{}.{}", parts.next()?, parts.next()?))
        })
        .unwrap_or_else(|| "3".into());
    format!(
        "on Debian and Ubuntu install `python{version}-venv` (apt install python{version}-venv); \
         elsewhere reinstall Python with ensurepip, or pass --without-pip"
    )
}
