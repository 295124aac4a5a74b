//! The central store of named environments: `venvsh create --name NAME`, `venvsh list`,
//! `venvsh remove NAME`, and `venvsh activate NAME`.
//!
//! The store is a directory whose subdirectories are environments. Its root is
//! `$VENVSH_HOME`, else `$WORKON_HOME` (so virtualenvwrapper's environments show up),
//! else `<data dir>/venvsh/envs`. Anything in it that is not an environment (the hook
//! scripts virtualenvwrapper keeps there, a staging directory of a running create) is
//! ignored, and never removed.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::paths::normalize;
use super::pyvenv_cfg;
use crate::error::Hint;
use crate::vars::{VENVSH_HOME as HOME_VAR, WORKON_HOME as WORKON_HOME_VAR};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("`{name}` is not a valid environment name: {reason}")]
    InvalidName { name: String, reason: &'static str },
    #[error("could not find a directory for the environment store")]
    NoRoot,
    #[error("there is no environment named `{name}` in {}", .store.display())]
    NoSuchEnvironment { name: String, store: PathBuf },
    #[error("refusing to remove {}: it is not a virtual environment (it has no pyvenv.cfg)", .path.display())]
    NotAnEnvironment { path: PathBuf },
    #[error("not removing {}: there is no terminal to ask for confirmation on", .path.display())]
    Unconfirmed { path: PathBuf },
    #[error(transparent)]
    Remove(#[from] crate::platform::remove::Error),
    #[error("could not {action} {}", .path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl Hint for Error {
    fn hint(&self) -> Option<String> {
        match self {
            Error::InvalidName { .. } => Some(
                "a name is one path component: no `/`, not `.` or `..`, not starting with `-`"
                    .into(),
            ),
            Error::NoRoot => Some(format!("set {HOME_VAR} to the directory to keep them in")),
            Error::NoSuchEnvironment { name, .. } => Some(format!(
                "`venvsh list` shows the store; `venvsh create --name {name}` makes it"
            )),
            Error::NotAnEnvironment { .. } => {
                Some("venvsh only removes environments; delete other directories yourself".into())
            }
            Error::Unconfirmed { .. } => Some("pass --yes to remove it without asking".into()),
            Error::Remove(e) => e.hint(),
            Error::Io { .. } => None,
        }
    }
}

/// Check that `name` can name an environment in the store: one path component.
pub fn validate_name(name: &str) -> Result<(), Error> {
    let reason = if name.is_empty() {
        "it is empty"
    } else if name == "." || name == ".." {
        "`.` and `..` are not names"
    } else if name.contains('/') || (cfg!(windows) && name.contains('\\')) {
        "it contains a path separator"
    } else if name.contains('\0') {
        "it contains a NUL character"
    } else if name.starts_with('-') {
        "it starts with `-`, which reads as an option"
    } else {
        return Ok(());
    };
    Err(Error::InvalidName {
        name: name.to_owned(),
        reason,
    })
}

/// Whether `name` could name a store environment (the check of [`validate_name`]).
pub fn is_valid_name(name: &str) -> bool {
    validate_name(name).is_ok()
}

/// One entry of `venvsh list`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub name: String,
    pub path: PathBuf,
    /// `version` (venv) or `version_info` (virtualenv, uv) from `pyvenv.cfg`.
    pub version: Option<String>,
    /// The base interpreter `pyvenv.cfg` names: `executable`, else `home`.
    pub base: Option<PathBuf>,
    /// Whether that base interpreter still exists.
    pub base_exists: bool,
}

/// What [`Store::remove`] removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removed {
    /// The environment directory and everything in it.
    Environment(PathBuf),
    /// Only a symbolic link in the store; its target was left alone.
    Link { link: PathBuf, target: PathBuf },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    pub root: PathBuf,
}

impl Store {
    /// The store root given the variables and the platform's data directory; a relative
    /// root counts from `cwd`.
    pub fn choose(
        var: &dyn Fn(&str) -> Option<std::ffi::OsString>,
        data_dir: Option<PathBuf>,
        cwd: &Path,
    ) -> Result<Self, Error> {
        for name in [HOME_VAR, WORKON_HOME_VAR] {
            if let Some(value) = var(name).filter(|v| !v.is_empty()) {
                return Ok(Self::at(cwd.join(value)));
            }
        }
        let data = data_dir.ok_or(Error::NoRoot)?;
        Ok(Self::at(cwd.join(data).join("venvsh").join("envs")))
    }

    pub fn at(root: PathBuf) -> Self {
        Self {
            root: normalize(&root),
        }
    }

    /// Where the environment `name` lives (or would live). The name is validated.
    pub fn path(&self, name: &str) -> Result<PathBuf, Error> {
        validate_name(name)?;
        Ok(self.root.join(name))
    }

    /// The environment `name`, if the store holds one by that name (a directory, or a
    /// link to one, holding `pyvenv.cfg`).
    pub fn find(&self, name: &str) -> Option<PathBuf> {
        let path = self.path(name).ok()?;
        path.join(pyvenv_cfg::FILE_NAME).is_file().then_some(path)
    }

    /// Every environment in the store, sorted by name. A missing store is empty.
    pub fn list(&self) -> Result<Vec<Entry>, Error> {
        let entries = match fs::read_dir(&self.root) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(Error::Io {
                    action: "read the store",
                    path: self.root.clone(),
                    source,
                });
            }
        };
        let mut out = Vec::new();
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            if is_staging(&name) || !is_valid_name(&name) {
                continue;
            }
            let path = entry.path();
            let Ok(text) = fs::read_to_string(path.join(pyvenv_cfg::FILE_NAME)) else {
                continue;
            };
            out.push(describe(&name, path, &text));
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// What [`Self::remove`] would remove, or why it would refuse; nothing is changed.
    pub fn check_removable(&self, name: &str) -> Result<PathBuf, Error> {
        let path = self.path(name)?;
        match fs::symlink_metadata(&path) {
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(Error::NoSuchEnvironment {
                    name: name.to_owned(),
                    store: self.root.clone(),
                });
            }
            Err(source) => {
                return Err(Error::Io {
                    action: "inspect",
                    path,
                    source,
                });
            }
        }
        // Through a link too: a link to something that is not an environment is left.
        if !path.join(pyvenv_cfg::FILE_NAME).is_file() {
            return Err(Error::NotAnEnvironment { path });
        }
        Ok(path)
    }

    /// Remove the environment `name`. A directory without `pyvenv.cfg` is refused; a
    /// symbolic link is unlinked, and what it points to is never touched.
    pub fn remove(&self, name: &str) -> Result<Removed, Error> {
        let path = self.check_removable(name)?;
        if path.is_symlink() {
            let target = fs::read_link(&path).unwrap_or_default();
            remove_link(&path)?;
            return Ok(Removed::Link { link: path, target });
        }
        // Out of the store's listing in one step, then deleted: an interrupted removal
        // leaves a hidden staging directory, not half an environment under its name.
        let doomed = self
            .root
            .join(format!(".{name}.venvsh-removing-{}", std::process::id()));
        // Never follows a link, and refuses a mount inside before anything moves.
        crate::platform::remove::remove_dir_all_via(&path, &doomed)?;
        Ok(Removed::Environment(path))
    }
}

fn remove_link(path: &Path) -> Result<(), Error> {
    // A link to a directory is removed with remove_file on Unix, remove_dir on Windows.
    fs::remove_file(path)
        .or_else(|_| fs::remove_dir(path))
        .map_err(|source| Error::Io {
            action: "remove the link",
            path: path.to_owned(),
            source,
        })
}

/// Hidden siblings made by `venvsh create` (`.NAME.venvsh-XXXX`) and by [`Store::remove`].
fn is_staging(name: &str) -> bool {
    name.starts_with('.') && name.contains(".venvsh-")
}

/// The list entry for the environment `name` at `path`, whose `pyvenv.cfg` is `cfg`.
pub fn describe(name: &str, path: PathBuf, cfg: &str) -> Entry {
    let base = pyvenv_cfg::base_interpreter(cfg);
    let base_exists = base.as_ref().is_some_and(|p| p.exists());
    Entry {
        name: name.to_owned(),
        path,
        version: pyvenv_cfg::version(cfg),
        base,
        base_exists,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| OsString::from(v))
        }
    }

    #[test]
    fn names_are_one_plain_component() {
        for good in ["web", "py3.12", ".hidden", "with space", "é", "a-b"] {
            assert!(is_valid_name(good), "{good:?}");
        }
        for bad in ["", ".", "..", "a/b", "/abs", "nul\0", "-x", "--help"] {
            assert!(!is_valid_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn root_prefers_venvsh_home_then_workon_home_then_data_dir() {
        let data = Some(PathBuf::from("/data"));
        let cwd = Path::new("/cwd");
        let both = vars(&[(HOME_VAR, "/v"), (WORKON_HOME_VAR, "/w")]);
        assert_eq!(
            Store::choose(&both, data.clone(), cwd).unwrap().root,
            Path::new("/v")
        );
        let workon = vars(&[(HOME_VAR, ""), (WORKON_HOME_VAR, "/w")]);
        assert_eq!(
            Store::choose(&workon, data.clone(), cwd).unwrap().root,
            Path::new("/w")
        );
        let relative = vars(&[(HOME_VAR, "envs/../store")]);
        assert_eq!(
            Store::choose(&relative, data.clone(), cwd).unwrap().root,
            Path::new("/cwd/store")
        );
        assert_eq!(
            Store::choose(&vars(&[]), data, cwd).unwrap().root,
            Path::new("/data/venvsh/envs")
        );
        assert!(matches!(
            Store::choose(&vars(&[]), None, cwd),
            Err(Error::NoRoot)
        ));
    }

    fn env(store: &Path, name: &str, cfg: &str) -> PathBuf {
        let root = store.join(name);
        fs::create_dir_all(root.join("bin")).unwrap();
        fs::write(root.join("pyvenv.cfg"), cfg).unwrap();
        root
    }

    #[test]
    fn list_reads_versions_and_checks_the_base_interpreter() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().to_owned());
        let alive = dir.path().join("python3");
        fs::write(&alive, "").unwrap();
        env(
            dir.path(),
            "b",
            &format!(
                "home = /nowhere\nexecutable = {}\nversion = 3.12.1\n",
                alive.display()
            ),
        );
        env(
            dir.path(),
            "a",
            "home = /gone/bin\nversion_info = 3.9.2.final.0\n",
        );
        fs::create_dir(dir.path().join("not-an-env")).unwrap();
        fs::write(dir.path().join("postactivate"), "#!/bin/sh\n").unwrap();
        env(dir.path(), ".a.venvsh-1234", "version = 3\n");

        let list = store.list().unwrap();
        let names: Vec<&str> = list.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(list[0].version.as_deref(), Some("3.9.2.final.0"));
        assert_eq!(list[0].base.as_deref(), Some(Path::new("/gone/bin")));
        assert!(!list[0].base_exists);
        assert_eq!(list[1].version.as_deref(), Some("3.12.1"));
        assert!(list[1].base_exists);
    }

    #[test]
    fn a_missing_store_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("absent"));
        assert!(store.list().unwrap().is_empty());
    }

    #[test]
    fn remove_refuses_what_is_not_an_environment() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().to_owned());
        fs::create_dir(dir.path().join("plain")).unwrap();
        fs::write(dir.path().join("plain/keep"), "x").unwrap();
        assert!(matches!(
            store.remove("plain"),
            Err(Error::NotAnEnvironment { .. })
        ));
        assert!(dir.path().join("plain/keep").exists());
        assert!(matches!(
            store.remove("absent"),
            Err(Error::NoSuchEnvironment { .. })
        ));
        assert!(matches!(store.remove(".."), Err(Error::InvalidName { .. })));
    }

    #[test]
    fn remove_deletes_an_environment_and_only_unlinks_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let store_dir = dir.path().join("store");
        fs::create_dir(&store_dir).unwrap();
        let store = Store::at(store_dir.clone());
        let env_root = env(&store_dir, "gone", "version = 3.12\n");
        assert_eq!(
            store.remove("gone").unwrap(),
            Removed::Environment(env_root.clone())
        );
        assert!(!env_root.exists());
        assert_eq!(fs::read_dir(&store_dir).unwrap().count(), 0);

        #[cfg(unix)]
        {
            let outside = env(dir.path(), "outside", "version = 3.12\n");
            std::os::unix::fs::symlink(&outside, store_dir.join("linked")).unwrap();
            assert!(matches!(
                store.remove("linked").unwrap(),
                Removed::Link { .. }
            ));
            assert!(outside.join("pyvenv.cfg").is_file());
            assert!(!store_dir.join("linked").exists());
        }
    }
}
