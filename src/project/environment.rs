//! Finding a virtual environment and reading what activation needs from it.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::paths::normalize;
use super::store::{self, Store};
use super::{pyvenv_cfg, read};
use crate::error::Hint;

/// The name of the project-local environment, searched for walking up.
pub const PROJECT_ENV_NAME: &str = ".venv";

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no {PROJECT_ENV_NAME} found in {} or any parent directory", .start.display())]
    NotFound { start: PathBuf },
    #[error("{} does not exist", .path.display())]
    Missing { path: PathBuf },
    #[error("there is no environment named `{name}` in the store {}", .store.display())]
    NotInStore {
        name: String,
        store: PathBuf,
        /// A directory by that name here, which a path would have named.
        local: Option<PathBuf>,
    },
    #[error("`{name}` names an environment in the store, but no store could be found")]
    NoStore { name: String },
    #[error("{} is not a virtual environment: it has no pyvenv.cfg", .path.display())]
    NotAnEnvironment { path: PathBuf },
    #[error("{} names {}, which is not a virtual environment", .file.display(), .target.display())]
    BadRedirect { file: PathBuf, target: PathBuf },
    #[error("{} names {}, on the network", .file.display(), .target.display())]
    NetworkRedirect { file: PathBuf, target: PathBuf },
    #[error("the path {} is not valid UTF-8", .path.display())]
    NotUnicode { path: PathBuf },
    #[error(transparent)]
    Read(#[from] read::Error),
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
            Error::NotInStore {
                name,
                local: Some(_),
                ..
            } => Some(format!(
                "a bare name means an environment in the store; for the directory here, \
                 write a path: ./{name}"
            )),
            Error::NotInStore { name, .. } => Some(format!(
                "`venvsh list` shows the store; `venvsh create --name {name}` makes it there"
            )),
            Error::NoStore { .. } => {
                Some("set VENVSH_HOME to the store's directory, or write a path: ./NAME".into())
            }
            Error::BadRedirect { .. } => Some(
                "a .venv file holds one line: the path of an environment, or a store name".into(),
            ),
            Error::NetworkRedirect { .. } => Some(
                "venvsh never follows a project's .venv file onto a network share (looking \
                 there would send your credentials to the server); activate it by its path"
                    .into(),
            ),
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
        let cfg = root.join(pyvenv_cfg::FILE_NAME);
        let text = match read::bounded_text(&cfg, read::SMALL_FILE) {
            Ok(text) => text,
            Err(e) if e.is_not_found() => return Err(Error::NotAnEnvironment { path: root }),
            Err(e) => return Err(e.into()),
        };
        let bin = bin_dir(&root);
        let prompt = pyvenv_cfg::prompt(&text).unwrap_or_else(|| {
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
    /// `pyvenv.cfg`, or a one-line file naming one (PEP 832), by path or by a name in
    /// `store`.
    pub fn find(start: &Path, store: Option<&Store>) -> Result<Self, Error> {
        Self::find_explained(start, store).map(|(env, _)| env)
    }

    /// [`Self::find`], and how the environment was found.
    pub fn find_explained(start: &Path, store: Option<&Store>) -> Result<(Self, Chosen), Error> {
        let start = normalize(start);
        for dir in start.ancestors() {
            let candidate = dir.join(PROJECT_ENV_NAME);
            if candidate.is_dir() {
                if candidate.join(pyvenv_cfg::FILE_NAME).is_file() {
                    let env = Self::open(&candidate, dir)?;
                    return Ok((env, Chosen::Found { at: candidate }));
                }
            } else if candidate.is_file() {
                return Self::follow_redirect(&candidate, dir, store);
            }
        }
        Err(Error::NotFound { start })
    }

    fn follow_redirect(
        file: &Path,
        dir: &Path,
        store: Option<&Store>,
    ) -> Result<(Self, Chosen), Error> {
        let text = read::bounded_text(file, read::SMALL_FILE)?;
        let first = text.lines().next().unwrap_or("");
        // Nothing on the network is looked at, not even whether it exists.
        for candidate in [first, first.trim()] {
            let target = normalize(&dir.join(candidate));
            if crate::platform::paths::may_reach_network(&target) {
                return Err(Error::NetworkRedirect {
                    file: file.to_owned(),
                    target,
                });
            }
        }
        // The line as written names the environment; surrounding blanks (an editor's)
        // are dropped only when it names nothing, so a directory name may end in one.
        let line = if !first.is_empty() && dir.join(first).exists() {
            first
        } else {
            first.trim()
        };
        if line.is_empty() {
            return Err(Error::BadRedirect {
                file: file.to_owned(),
                target: PathBuf::new(),
            });
        }
        let target = normalize(&dir.join(line));
        let chosen = |store| Chosen::Redirect {
            file: file.to_owned(),
            named: line.to_owned(),
            store,
        };
        // Not a path that exists, but the name of a store environment: that one.
        if !target.exists()
            && let Some(stored) = store.and_then(|s| s.find(line))
        {
            let env = Self::open(&stored, dir).map_err(|_| Error::BadRedirect {
                file: file.to_owned(),
                target: stored.clone(),
            })?;
            return Ok((env, chosen(true)));
        }
        let env = Self::open(&target, dir).map_err(|_| Error::BadRedirect {
            file: file.to_owned(),
            target,
        })?;
        Ok((env, chosen(false)))
    }

    /// Resolve what the user asked for: a path, a name in `store`, or the nearest
    /// project environment.
    pub fn resolve(
        requested: Option<&Path>,
        cwd: &Path,
        store: Option<&Store>,
    ) -> Result<Self, Error> {
        Self::resolve_explained(requested, cwd, store).map(|(env, _)| env)
    }

    /// [`Self::resolve`], and how the environment was chosen.
    pub fn resolve_explained(
        requested: Option<&Path>,
        cwd: &Path,
        store: Option<&Store>,
    ) -> Result<(Self, Chosen), Error> {
        let Some(path) = requested else {
            return Self::find_explained(cwd, store);
        };
        // A bare name is a store name, whatever the current directory holds, so that a
        // cloned repository's folder cannot stand in for `venvsh run web` (issue 8,
        // item 10); anything with a separator, or starting with `.` or `~`, is a path.
        if let Some(name) = store_name(path) {
            let Some(store) = store else {
                return Err(Error::NoStore {
                    name: name.to_owned(),
                });
            };
            let Some(stored) = store.find(name) else {
                let local = cwd.join(name);
                return Err(Error::NotInStore {
                    name: name.to_owned(),
                    store: store.root.clone(),
                    local: local.exists().then_some(local),
                });
            };
            let env = Self::open(&stored, cwd)?;
            let chosen = Chosen::Store {
                name: name.to_owned(),
            };
            return Ok((env, chosen));
        }
        let full = cwd.join(path);
        // A `.venv` file given as the path is followed, as the walk-up would.
        if full.is_file() && full.file_name().is_some_and(|n| n == PROJECT_ENV_NAME) {
            return Self::follow_redirect(&full, full.parent().unwrap_or(cwd), store);
        }
        Ok((Self::open(path, cwd)?, Chosen::Argument))
    }
}

/// `requested` as a store name, when it is one: one plain component that does not start
/// with `.` or `~` (a name the store accepts). Everything else is a path.
pub fn store_name(requested: &Path) -> Option<&str> {
    let name = requested.to_str()?;
    let looks_like_path = name.starts_with('.')
        || name.starts_with('~')
        || name.contains('/')
        || (cfg!(windows) && (name.contains('\\') || name.contains(':')));
    (!looks_like_path && store::is_valid_name(name)).then_some(name)
}

/// How an environment was chosen, for `venvsh which` and `venvsh status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "how", rename_all = "snake_case")]
pub enum Chosen {
    /// The path given on the command line.
    Argument,
    /// The name given on the command line, found in the store.
    Store { name: String },
    /// A `.venv` directory found walking up from the current directory.
    Found { at: PathBuf },
    /// A `.venv` file whose line names the environment: a path, or a store name.
    Redirect {
        file: PathBuf,
        named: String,
        store: bool,
    },
}

impl std::fmt::Display for Chosen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Chosen::Argument => write!(f, "the path given as an argument"),
            Chosen::Store { name } => write!(f, "the store name `{name}` given as an argument"),
            Chosen::Found { at } => write!(f, ".venv directory found at {}", at.display()),
            Chosen::Redirect { file, named, store } => write!(
                f,
                ".venv file {} naming {} `{named}`",
                file.display(),
                if *store {
                    "the store environment"
                } else {
                    "the path"
                }
            ),
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

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    fn make_env(root: &Path) {
        fs::create_dir_all(root.join("bin")).unwrap();
        fs::write(root.join("pyvenv.cfg"), "home = /usr/bin\n").unwrap();
    }

    #[test]
    fn a_bare_name_is_a_store_name_and_a_path_is_a_path() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("store"));
        make_env(&store.root.join("web"));
        let cwd = dir.path().join("project");
        fs::create_dir(&cwd).unwrap();

        let (env, chosen) =
            Environment::resolve_explained(Some(Path::new("web")), &cwd, Some(&store)).unwrap();
        assert_eq!(Path::new(&env.root), store.root.join("web"));
        assert_eq!(env.prompt, "web");
        assert_eq!(chosen, Chosen::Store { name: "web".into() });

        // A folder of the same name here does not stand in for the store's (issue 8,
        // item 10); `./web` names it.
        make_env(&cwd.join("web"));
        let (env, _) =
            Environment::resolve_explained(Some(Path::new("web")), &cwd, Some(&store)).unwrap();
        assert_eq!(Path::new(&env.root), store.root.join("web"));
        let (env, chosen) =
            Environment::resolve_explained(Some(Path::new("./web")), &cwd, Some(&store)).unwrap();
        assert_eq!(Path::new(&env.root), cwd.join("web"));
        assert_eq!(chosen, Chosen::Argument);

        // A name the store lacks says where it looked, and points at the folder here.
        make_env(&cwd.join("api"));
        let err =
            Environment::resolve_explained(Some(Path::new("api")), &cwd, Some(&store)).unwrap_err();
        assert!(
            matches!(&err, Error::NotInStore { local: Some(_), .. }),
            "{err}"
        );
        assert!(err.hint().unwrap().contains("./api"));
        assert!(matches!(
            Environment::resolve_explained(Some(Path::new("nope")), &cwd, None),
            Err(Error::NoStore { .. })
        ));
        assert!(matches!(
            Environment::resolve_explained(Some(Path::new("a/b")), &cwd, Some(&store)),
            Err(Error::Missing { .. })
        ));
        for path in [".venv", "~x", "./x", "../x", "/abs"] {
            assert_eq!(store_name(Path::new(path)), None, "{path}");
        }
        assert_eq!(store_name(Path::new("web")), Some("web"));
    }

    #[test]
    fn a_venv_file_may_hold_a_store_name() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("store"));
        make_env(&store.root.join("shared"));
        let project = dir.path().join("project");
        fs::create_dir_all(project.join("src")).unwrap();
        fs::write(project.join(".venv"), "shared\n").unwrap();

        let (env, chosen) =
            Environment::find_explained(&project.join("src"), Some(&store)).unwrap();
        assert_eq!(Path::new(&env.root), store.root.join("shared"));
        assert_eq!(
            chosen,
            Chosen::Redirect {
                file: project.join(".venv"),
                named: "shared".into(),
                store: true
            }
        );

        // A path that exists next to the file is preferred over the store name.
        make_env(&project.join("shared"));
        let (env, chosen) = Environment::find_explained(&project, Some(&store)).unwrap();
        assert_eq!(Path::new(&env.root), project.join("shared"));
        assert!(matches!(chosen, Chosen::Redirect { store: false, .. }));

        // A name in neither place is a bad redirect.
        fs::write(project.join(".venv"), "absent\n").unwrap();
        assert!(matches!(
            Environment::find_explained(&project, Some(&store)),
            Err(Error::BadRedirect { .. })
        ));
    }
}
