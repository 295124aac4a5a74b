//! Finding a virtual environment and reading what activation needs from it.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::error::Hint;

/// The name of the project-local environment, searched for walking up.
pub const PROJECT_ENV_NAME: &str = ".venv";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no {PROJECT_ENV_NAME} found in {} or any parent directory", .start.display())]
    NotFound { start: PathBuf },
    #[error("{} does not exist", .path.display())]
    Missing { path: PathBuf },
    #[error("{} is not a virtual environment: it has no pyvenv.cfg", .path.display())]
    NotAnEnvironment { path: PathBuf },
    #[error("{} names {}, which is not a virtual environment", .file.display(), .target.display())]
    BadRedirect { file: PathBuf, target: PathBuf },
    #[error("the path {} is not valid UTF-8", .path.display())]
    NotUnicode { path: PathBuf },
    #[error("could not read {}", .path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Hint for Error {
    fn hint(&self) -> Option<String> {
        match self {
            Error::NotFound { .. } => {
                Some("create one with `venvsh create`, or name one: `venvsh activate DIR`".into())
            }
            Error::Missing { .. } | Error::NotAnEnvironment { .. } => Some(
                "an environment is a directory made by `venvsh create` or `python -m venv`".into(),
            ),
            Error::BadRedirect { .. } => {
                Some("a .venv file holds one line: the path of an environment".into())
            }
            _ => None,
        }
    }
}

/// A virtual environment as activation sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Environment {
    /// Absolute, normalized path: the value of `VIRTUAL_ENV`.
    pub root: String,
    /// The directory activation puts first on PATH (`bin`, or `Scripts` on Windows).
    pub bin: String,
    /// The prompt from `pyvenv.cfg`, else the directory name.
    pub prompt: String,
}

impl Environment {
    /// Open the environment at `path` (relative to `cwd`).
    pub fn open(path: &Path, cwd: &Path) -> Result<Self, Error> {
        let root = normalize(&cwd.join(path));
        if !root.exists() {
            return Err(Error::Missing { path: root });
        }
        let cfg = root.join("pyvenv.cfg");
        let text = match fs::read_to_string(&cfg) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::NotAnEnvironment { path: root });
            }
            Err(source) => return Err(Error::Read { path: cfg, source }),
        };
        let bin = bin_dir(&root);
        let prompt = cfg_value(&text, "prompt")
            .map(|raw| unquote_prompt(&raw))
            .unwrap_or_else(|| {
                root.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
        Ok(Self {
            root: utf8(&root)?,
            bin: utf8(&bin)?,
            prompt,
        })
    }

    /// Find the nearest `.venv` walking up from `start`: a directory holding
    /// `pyvenv.cfg`, or a one-line file naming one (PEP 832).
    pub fn find_from(start: &Path) -> Result<Self, Error> {
        let start = normalize(start);
        for dir in start.ancestors() {
            let candidate = dir.join(PROJECT_ENV_NAME);
            if candidate.is_dir() {
                if candidate.join("pyvenv.cfg").is_file() {
                    return Self::open(&candidate, dir);
                }
            } else if candidate.is_file() {
                return Self::follow_redirect(&candidate, dir);
            }
        }
        Err(Error::NotFound { start })
    }

    fn follow_redirect(file: &Path, dir: &Path) -> Result<Self, Error> {
        let text = fs::read_to_string(file).map_err(|source| Error::Read {
            path: file.to_owned(),
            source,
        })?;
        let target = text.lines().next().unwrap_or("").trim();
        if target.is_empty() {
            return Err(Error::BadRedirect {
                file: file.to_owned(),
                target: PathBuf::new(),
            });
        }
        let target = normalize(&dir.join(target));
        Self::open(&target, dir).map_err(|_| Error::BadRedirect {
            file: file.to_owned(),
            target,
        })
    }

    /// Resolve what the user asked for: a path, or the nearest project environment.
    pub fn resolve(requested: Option<&Path>, cwd: &Path) -> Result<Self, Error> {
        match requested {
            Some(path) => {
                let full = cwd.join(path);
                // `venvsh activate .` in a project means its .venv, like the walk-up would.
                if full.is_file() && full.file_name().is_some_and(|n| n == PROJECT_ENV_NAME) {
                    return Self::follow_redirect(&full, full.parent().unwrap_or(cwd));
                }
                Self::open(path, cwd)
            }
            None => Self::find_from(cwd),
        }
    }
}

/// `bin` on POSIX; `Scripts` for an environment laid out by Windows Python.
pub fn bin_dir(root: &Path) -> PathBuf {
    let scripts = root.join("Scripts");
    if !root.join("bin").is_dir() && scripts.is_dir() {
        scripts
    } else {
        root.join("bin")
    }
}

fn utf8(path: &Path) -> Result<String, Error> {
    path.to_str()
        .map(str::to_owned)
        .ok_or_else(|| Error::NotUnicode {
            path: path.to_owned(),
        })
}

/// Lexical normalization, as Python's `os.path.abspath` does: `.` and `..` go, links stay.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(component);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The value of `key` in `pyvenv.cfg` text (`key = value`, keys compared as venv does).
pub fn cfg_value(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim().eq_ignore_ascii_case(key)).then(|| v.trim().to_owned())
    })
}

/// venv writes the prompt as a Python `repr` (`'name'`); virtualenv and uv write it bare.
pub fn unquote_prompt(raw: &str) -> String {
    let quoted = raw.len() >= 2
        && ((raw.starts_with('\'') && raw.ends_with('\''))
            || (raw.starts_with('"') && raw.ends_with('"')));
    if !quoted {
        return raw.to_owned();
    }
    let inner = &raw[1..raw.len() - 1];
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('x') => push_code(&mut out, &mut chars, 2),
            Some('u') => push_code(&mut out, &mut chars, 4),
            Some('U') => push_code(&mut out, &mut chars, 8),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn push_code(out: &mut String, chars: &mut std::str::Chars<'_>, digits: usize) {
    let hex: String = chars.by_ref().take(digits).collect();
    if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompt_forms_of_venv_virtualenv_and_uv() {
        assert_eq!(unquote_prompt("'my env'"), "my env");
        assert_eq!(unquote_prompt(r#""it's""#), "it's");
        assert_eq!(unquote_prompt(r"'back\\slash'"), r"back\slash");
        assert_eq!(unquote_prompt(r"'caf\xe9'"), "café");
        assert_eq!(unquote_prompt("bare name"), "bare name");
        assert_eq!(
            cfg_value("home = /usr\nprompt = 'x'\n", "prompt").as_deref(),
            Some("'x'")
        );
    }

    #[test]
    fn normalize_is_lexical() {
        assert_eq!(normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
    }
}
