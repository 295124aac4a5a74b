//! Making an environment appear all at once, or not at all.
//!
//! An environment is built in a hidden sibling, `.<name>.venvsh-<unique>`, and
//! renamed into place; replacing one swaps the two directories in one
//! `renameat2(RENAME_EXCHANGE)` on Linux. Creators of environments in the same
//! parent directory take turns through an exclusive `flock` on that directory,
//! which also makes any staging sibling found under the lock a leftover of a
//! killed run, safe to delete.

use std::fs::{self, File};
use std::io;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

use super::Error;
use super::interpreter::unique_suffix;

/// What is at the target path now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    Nothing,
    EmptyDir,
    /// A directory with a `pyvenv.cfg`.
    Environment,
    OtherDir,
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
        if meta.file_type().is_symlink() {
            return Ok(Self::Symlink);
        }
        if !meta.is_dir() {
            return Ok(Self::NotADirectory);
        }
        if path.join("pyvenv.cfg").exists() {
            return Ok(Self::Environment);
        }
        let mut entries = fs::read_dir(path).map_err(|e| Error::io("read", path, e))?;
        Ok(if entries.next().is_none() {
            Self::EmptyDir
        } else {
            Self::OtherDir
        })
    }
}

/// Held while a target in this parent directory is inspected, built and committed.
pub struct ParentLock {
    _dir: File,
}

impl ParentLock {
    /// Wait for the exclusive lock on `parent`, then sweep up staging leftovers for `name`.
    pub fn acquire(parent: &Path, name: &str) -> Result<Self, Error> {
        let dir = File::open(parent).map_err(|e| Error::io("open", parent, e))?;
        let mut locked = false;
        while !locked {
            // SAFETY: flock on a descriptor we own; it is released when `dir` closes.
            let rc = unsafe { libc::flock(dir.as_raw_fd(), libc::LOCK_EX) };
            if rc == 0 {
                locked = true;
                continue;
            }
            let err = io::Error::last_os_error();
            match err.raw_os_error() {
                Some(libc::EINTR) => continue,
                // Filesystems without flock (some network mounts): the rename still
                // keeps the target whole, only the turn-taking is lost.
                Some(libc::EOPNOTSUPP | libc::ENOLCK) => break,
                _ => return Err(Error::io("lock", parent, err)),
            }
        }
        let prefix = staging_prefix(name);
        let entries = if locked {
            fs::read_dir(parent).ok()
        } else {
            None
        };
        if let Some(entries) = entries {
            for entry in entries.flatten() {
                if entry.file_name().to_string_lossy().starts_with(&prefix) {
                    // Under the lock no one else is building here: this is a killed run's.
                    let _ = fs::remove_dir_all(entry.path());
                }
            }
        }
        Ok(Self { _dir: dir })
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
    pub fn create(parent: &Path, name: &str) -> Result<Self, Error> {
        let path = parent.join(format!("{}{}", staging_prefix(name), unique_suffix()));
        fs::create_dir(&path).map_err(|e| Error::io("create a directory in", parent, e))?;
        Ok(Self {
            path,
            committed: false,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Move the staged environment to `target`, which must be absent or an empty directory.
    pub fn commit_new(mut self, target: &Path) -> Result<(), Error> {
        fs::rename(&self.path, target)
            .map_err(|e| Error::io("move the new environment to", target, e))?;
        self.committed = true;
        Ok(())
    }

    /// Put the staged environment at `target` in place of what is there, then delete the old one.
    /// The old directory is never deleted before the new one is in place.
    pub fn commit_replace(mut self, target: &Path) -> Result<(), Error> {
        match exchange(&self.path, target) {
            Ok(()) => {}
            Err(e)
                if e.raw_os_error() == Some(libc::EINVAL)
                    || e.raw_os_error() == Some(libc::ENOSYS) =>
            {
                // No atomic swap here: move the old aside, the new in, and back on failure.
                let aside = self.path.with_extension("old");
                fs::rename(target, &aside).map_err(|e| Error::io("move aside", target, e))?;
                if let Err(e) = fs::rename(&self.path, target) {
                    let _ = fs::rename(&aside, target);
                    return Err(Error::io("move the new environment to", target, e));
                }
                self.committed = true;
                let _ = fs::remove_dir_all(&aside);
                return Ok(());
            }
            Err(e) => return Err(Error::io("swap the new environment into", target, e)),
        }
        // The staging path now holds the old environment.
        self.committed = true;
        fs::remove_dir_all(&self.path)
            .map_err(|e| Error::io("remove the old environment, now at", &self.path, e))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: two valid NUL-terminated paths; renameat2 reads them and nothing else.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from_raw_os_error(libc::ENOSYS))
}

/// Write `contents` to `path` through a sibling temporary file and a rename.
pub fn write_replacing(path: &Path, contents: &[u8]) -> Result<(), Error> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.venvsh-{}", unique_suffix()));
    fs::write(&tmp, contents).map_err(|e| Error::io("write", &tmp, e))?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::io("write", path, e)
    })
}
