//! Making an environment appear all at once, or not at all.
//!
//! Every build writes into an empty staging directory. For a new target it is a hidden
//! sibling, `.<name>.venvsh-<unique>`, renamed into place in one step. For a target
//! that exists (a mount point, a folder made for the environment, an environment being
//! re-run) it is hidden inside the target, `.venvsh-stage-<unique>`, and its entries
//! are moved in afterwards (see `builder::commit`). Creators take turns through an
//! exclusive `flock` on the parent directory and, for an existing target, on the target
//! itself, so a staging directory found under the lock is a killed run's, safe to delete.

use std::ffi::OsStr;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::Error;
use super::interpreter::unique_suffix;
use crate::platform::{lock, remove, swap};

/// Staging and trash directories of in-place builds, inside the target.
pub const STAGE_PREFIX: &str = ".venvsh-stage-";
pub const TRASH_PREFIX: &str = ".venvsh-old-";

/// What is at the target path now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Nothing,
    Directory,
    Symlink,
    NotADirectory,
}

impl Existing {
    pub fn inspect(path: &Path) -> Result<Self, Error> {
        let meta = match fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Self::Nothing),
            Err(e) => return Err(Error::io("inspect", path, e)),
        };
        Ok(if meta.file_type().is_symlink() {
            Self::Symlink
        } else if meta.is_dir() {
            Self::Directory
        } else {
            Self::NotADirectory
        })
    }
}

/// What an existing target directory holds, once a killed run's leftovers are gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contents {
    Empty,
    /// It has a `pyvenv.cfg`.
    Environment,
    /// No `pyvenv.cfg`, but a killed in-place build of venvsh's left its marks.
    Interrupted,
    /// Anything else: a project folder, say.
    Folder,
}

impl Contents {
    /// Classify `target`, deleting the staging and trash directories of killed runs
    /// (the caller holds the target's lock, so no running build owns them).
    pub fn inspect_and_sweep(target: &Path) -> Result<Self, Error> {
        let mut interrupted = false;
        let mut other = false;
        let mut environment = false;
        for entry in fs::read_dir(target).map_err(|e| Error::io("read", target, e))? {
            let entry = entry.map_err(|e| Error::io("read", target, e))?;
            let name = entry.file_name();
            if is_leftover(&name) {
                interrupted = true;
                remove::remove_dir_all(&entry.path())?;
            } else if name == "pyvenv.cfg" {
                environment = true;
            } else {
                other = true;
            }
        }
        Ok(if environment {
            Self::Environment
        } else if interrupted {
            // Nothing else left means the killed run had moved nothing in yet.
            if other {
                Self::Interrupted
            } else {
                Self::Empty
            }
        } else if other {
            Self::Folder
        } else {
            Self::Empty
        })
    }
}

fn is_leftover(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with(STAGE_PREFIX) || name.starts_with(TRASH_PREFIX)
}

/// An exclusive lock on a directory ([`lock::DirLock`]), held until dropped.
pub struct DirLock {
    _lock: Option<lock::DirLock>,
}

impl DirLock {
    /// Wait for the lock on `dir`. Filesystems that cannot lock (some network mounts)
    /// only lose the turn-taking: the staging keeps the target whole.
    pub fn acquire(dir: &Path) -> Result<Self, Error> {
        let lock = lock::DirLock::acquire(dir).map_err(|e| Error::io("lock", dir, e))?;
        Ok(Self { _lock: lock })
    }
}

/// Held while a target in this parent directory is inspected, built and committed.
pub struct ParentLock {
    _lock: DirLock,
}

impl ParentLock {
    /// Wait for the exclusive lock on `parent`, then sweep up staging leftovers for `name`.
    pub fn acquire(parent: &Path, name: &str) -> Result<Self, Error> {
        let lock = DirLock::acquire(parent)?;
        let prefix = staging_prefix(name);
        if let Ok(entries) = fs::read_dir(parent) {
            for entry in entries.flatten() {
                if entry.file_name().to_string_lossy().starts_with(&prefix) {
                    // Under the lock no one else is building here: this is a killed run's.
                    let _ = remove::remove_dir_all(&entry.path());
                }
            }
        }
        Ok(Self { _lock: lock })
    }
}

fn staging_prefix(name: &str) -> String {
    format!(".{name}.venvsh-")
}

/// A staging directory, removed on drop unless committed.
pub struct Staging {
    path: PathBuf,
    committed: bool,
}

impl Staging {
    /// A hidden sibling of the target `parent/name`.
    pub fn sibling(parent: &Path, name: &str) -> Result<Self, Error> {
        Self::create(parent.join(format!("{}{}", staging_prefix(name), unique_suffix())))
    }

    /// A hidden directory inside the existing target, on its file system.
    pub fn inside(target: &Path) -> Result<Self, Error> {
        Self::create(target.join(format!("{STAGE_PREFIX}{}", unique_suffix())))
    }

    fn create(path: PathBuf) -> Result<Self, Error> {
        let parent = path.parent().unwrap_or(Path::new("/")).to_owned();
        fs::create_dir(&path).map_err(|e| Error::io("create a directory in", parent, e))?;
        Ok(Self {
            path,
            committed: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Move the staged environment to `target`, which must not exist.
    pub fn commit_new(mut self, target: &Path) -> Result<(), Error> {
        swap::rename_no_replace(&self.path, target)
            .map_err(|e| Error::io("move the new environment to", target, e))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove::remove_dir_all(&self.path);
        }
    }
}
