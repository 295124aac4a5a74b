//! The config file, `<config dir>/venvsh/config.toml`, and the variables overriding it.
//!
//! ```toml
//! python = "3.12"        # the default `-p` of `venvsh create`   (VENVSH_PYTHON)
//! quiet = true           # no progress lines from create/remove/shell  (VENVSH_QUIET)
//! auto_activate = true   # the hook activates a project on entering it (default; VENVSH_AUTO_ACTIVATE)
//! auto_activate_notice = true  # and says so in one line (default; VENVSH_AUTO_ACTIVATE_NOTICE)
//! ```
//!
//! Only commands that use a setting read the file; activation never does, so a broken
//! file cannot break a shell's prompt. The hook reads it only when it changed the
//! activation, to know whether to say so, and then keeps the default on a broken file
//! (`venvsh hook`, at the shell's start, reports it).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::Hint;
use crate::vars::{
    VENVSH_AUTO_ACTIVATE as AUTO_ACTIVATE_VAR, VENVSH_AUTO_ACTIVATE_NOTICE as NOTICE_VAR,
    VENVSH_PYTHON as PYTHON_VAR, VENVSH_QUIET as QUIET_VAR,
};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}:{line}:{column}: {message}", .path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("could not read {}", .path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{name}={value:?} is not a boolean")]
    BadBool { name: &'static str, value: String },
}

impl Hint for Error {
    fn hint(&self) -> Option<String> {
        match self {
            Error::Parse { .. } => Some(
                "the keys are `python` (a string), `quiet`, `auto_activate` and \
                 `auto_activate_notice` (true or false)"
                    .into(),
            ),
            Error::BadBool { .. } => {
                Some("use 1, true, yes or on; 0, false, no, off or empty".into())
            }
            Error::Read { .. } => None,
        }
    }
}

/// The file's keys, as written. Unknown keys are errors: a typo should not pass silently.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    python: Option<String>,
    quiet: Option<bool>,
    auto_activate: Option<bool>,
    auto_activate_notice: Option<bool>,
}

/// The settings in force: the file's, with the environment variables on top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The default Python request for `venvsh create` (`-p` overrides it).
    pub python: Option<String>,
    /// Leave out the informational lines commands print on success.
    pub quiet: bool,
    /// Whether the hook should activate a project's environment on entering it.
    pub auto_activate: bool,
    /// Whether the hook says, in one line, that it activated, switched or deactivated.
    pub auto_activate_notice: bool,
}

impl Default for Config {
    fn default() -> Self {
        // Auto-activation is on unless turned off; `venvsh hook --no-auto` also turns it off.
        Config {
            python: None,
            quiet: false,
            auto_activate: true,
            auto_activate_notice: true,
        }
    }
}

/// `<config dir>/venvsh/config.toml`, given the platform's configuration directory.
pub fn path_in(config_dir: &Path) -> PathBuf {
    config_dir.join("venvsh").join("config.toml")
}

impl Config {
    /// The file at `path` (a missing file is an empty one), with `var` on top.
    pub fn load_from(path: &Path, var: &dyn Fn(&str) -> Option<String>) -> Result<Self, Error> {
        match fs::read_to_string(path) {
            Ok(text) => Self::from_parts(Some((path, &text)), var),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Self::from_parts(None, var),
            Err(source) => Err(Error::Read {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// Parse `file` (its path, for messages, and text) and apply the variables.
    pub fn from_parts(
        file: Option<(&Path, &str)>,
        var: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, Error> {
        let parsed = match file {
            Some((path, text)) => toml::from_str::<File>(text).map_err(|e| {
                let offset = e.span().map_or(0, |span| span.start).min(text.len());
                let (line, column) = line_and_column(text, offset);
                Error::Parse {
                    path: path.to_owned(),
                    line,
                    column,
                    message: e.message().trim().to_owned(),
                }
            })?,
            None => File::default(),
        };
        let mut config = Config {
            python: parsed.python.filter(|p| !p.is_empty()),
            quiet: parsed.quiet.unwrap_or(false),
            auto_activate: parsed.auto_activate.unwrap_or(true),
            auto_activate_notice: parsed.auto_activate_notice.unwrap_or(true),
        };
        if let Some(python) = var(PYTHON_VAR).filter(|p| !p.is_empty()) {
            config.python = Some(python);
        }
        if let Some(quiet) = bool_var(QUIET_VAR, var)? {
            config.quiet = quiet;
        }
        if let Some(auto) = bool_var(AUTO_ACTIVATE_VAR, var)? {
            config.auto_activate = auto;
        }
        if let Some(notice) = bool_var(NOTICE_VAR, var)? {
            config.auto_activate_notice = notice;
        }
        Ok(config)
    }
}

/// 1-based line and column (in characters) of the byte `offset` in `text`.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset;
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn bool_var(
    name: &'static str,
    var: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<bool>, Error> {
    let Some(value) = var(name) else {
        return Ok(None);
    };
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(Some(true)),
        "" | "0" | "false" | "no" | "off" => Ok(Some(false)),
        _ => Err(Error::BadBool { name, value }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_vars(_: &str) -> Option<String> {
        None
    }

    fn parse(text: &str) -> Result<Config, Error> {
        Config::from_parts(Some((Path::new("/c/config.toml"), text)), &no_vars)
    }

    #[test]
    fn keys_parse_and_default() {
        let defaults = parse("").unwrap();
        assert_eq!(defaults, Config::default());
        assert!(defaults.auto_activate && !defaults.quiet && defaults.python.is_none());
        let config = parse(
            "python = \"3.12\"\nquiet = true\nauto_activate = false\nauto_activate_notice = false\n",
        )
        .unwrap();
        assert_eq!(config.python.as_deref(), Some("3.12"));
        assert!(config.quiet);
        assert!(!config.auto_activate);
        assert!(!config.auto_activate_notice);
        assert!(defaults.auto_activate_notice);
        let silenced = |name: &str| (name == NOTICE_VAR).then(|| "0".to_owned());
        assert!(
            !Config::from_parts(None, &silenced)
                .unwrap()
                .auto_activate_notice
        );
    }

    #[test]
    fn variables_override_the_file() {
        let var = |name: &str| match name {
            PYTHON_VAR => Some("3.11".to_owned()),
            QUIET_VAR => Some("0".to_owned()),
            AUTO_ACTIVATE_VAR => Some("yes".to_owned()),
            _ => None,
        };
        let text = "python = \"3.12\"\nquiet = true\n";
        let config = Config::from_parts(Some((Path::new("c"), text)), &var).unwrap();
        assert_eq!(config.python.as_deref(), Some("3.11"));
        assert!(!config.quiet);
        assert!(config.auto_activate);

        let bad = |name: &str| (name == QUIET_VAR).then(|| "maybe".to_owned());
        let err = Config::from_parts(None, &bad).unwrap_err();
        assert_eq!(err.to_string(), "VENVSH_QUIET=\"maybe\" is not a boolean");
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let err = parse("python = \"3.12\"\n\nquiet = maybe\n").unwrap_err();
        let shown = err.to_string();
        assert!(shown.starts_with("/c/config.toml:3:"), "{shown}");

        let err = parse("python = \"3.12\"\npyhton = \"3.11\"\n").unwrap_err();
        let shown = err.to_string();
        assert!(shown.starts_with("/c/config.toml:2:1:"), "{shown}");
        assert!(shown.contains("pyhton"), "{shown}");

        let err = parse("quiet = \"yes\"\n").unwrap_err();
        assert!(err.to_string().starts_with("/c/config.toml:1:"), "{err}");
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_and_column("é = 1\nab", 8), (2, 2));
        assert_eq!(line_and_column("abc", 0), (1, 1));
    }
}
