//! Which environments the auto-activation hook may put first on PATH.
//!
//! A cloned repository can ship a `.venv/bin/git`; activating it on `cd` would let the
//! repository shadow any command. So the hook activates only environments venvsh created
//! or the user allowed. A record is keyed by the environment's path *and* the identity of
//! its directory and `pyvenv.cfg` (device, inode), so a moved or replaced environment is
//! no longer trusted.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Hint;
use crate::platform::identity::FileId;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("could not read {}", .path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("could not write {}", .path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Hint for Error {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    Denied,
    /// Neither: the hook does not activate it, and says so once.
    Unknown,
}

/// The trust file: one line per environment, `allow|deny <identity> <path>`.
pub struct TrustStore {
    file: PathBuf,
}

impl TrustStore {
    /// The trust file in venvsh's data directory.
    pub fn in_data_dir(dir: &Path) -> Self {
        Self {
            file: dir.join("trust"),
        }
    }

    pub fn at(file: PathBuf) -> Self {
        Self { file }
    }

    pub fn path(&self) -> &Path {
        &self.file
    }

    /// The verdict for the environment at `root` as it is on disk now.
    pub fn verdict(&self, root: &Path) -> Result<Verdict, Error> {
        let Some(id) = identity(root) else {
            return Ok(Verdict::Unknown);
        };
        let text = match fs::read_to_string(&self.file) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Verdict::Unknown),
            Err(source) => {
                return Err(Error::Read {
                    path: self.file.clone(),
                    source,
                });
            }
        };
        // Records are one line each, so `record` writes a newline in the path as a space;
        // the identity must match too, so no other environment can share the record.
        let path = root.to_string_lossy().replace('\n', " ");
        // The last record for this environment wins.
        let mut verdict = Verdict::Unknown;
        for line in text.lines() {
            let mut fields = line.splitn(3, ' ');
            let (Some(kind), Some(line_id), Some(line_path)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            if line_id == id && line_path == path {
                verdict = match kind {
                    "allow" => Verdict::Allowed,
                    "deny" => Verdict::Denied,
                    _ => verdict,
                };
            }
        }
        Ok(verdict)
    }

    pub fn allow(&self, root: &Path) -> Result<(), Error> {
        self.record("allow", root)
    }

    pub fn deny(&self, root: &Path) -> Result<(), Error> {
        self.record("deny", root)
    }

    fn record(&self, kind: &str, root: &Path) -> Result<(), Error> {
        let Some(id) = identity(root) else {
            return Err(Error::Read {
                path: root.join("pyvenv.cfg"),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            });
        };
        let write_error = |source| Error::Write {
            path: self.file.clone(),
            source,
        };
        if let Some(dir) = self.file.parent() {
            fs::create_dir_all(dir).map_err(write_error)?;
        }
        let path = root.to_string_lossy();
        // One line per record, appended with O_APPEND, so concurrent shells cannot tear it.
        let line = format!("{kind} {id} {}\n", path.replace('\n', " "));
        let mut file = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.file)
            .map_err(write_error)?;
        file.write_all(line.as_bytes()).map_err(write_error)
    }
}

/// The environment's identity: its directory's volume and file index (device and inode),
/// and its `pyvenv.cfg`'s file index and modification time (indexes are reused, a
/// rewrite's nanosecond time is not).
fn identity(root: &Path) -> Option<String> {
    let cfg = fs::metadata(root.join("pyvenv.cfg")).ok()?;
    let modified = cfg
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    let dir = FileId::of_link(root).ok()?;
    let cfg = FileId::of(&root.join("pyvenv.cfg")).ok()?;
    Some(format!(
        "{}:{}:{}:{modified}",
        dir.volume, dir.index, cfg.index
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(dir: &Path, name: &str) -> PathBuf {
        let root = dir.join(name);
        fs::create_dir_all(root.join("bin")).unwrap();
        fs::write(root.join("pyvenv.cfg"), "home = /usr/bin\n").unwrap();
        root
    }

    #[test]
    fn allow_deny_and_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let store = TrustStore::at(dir.path().join("data/trust"));
        let a = env(dir.path(), "a");
        assert_eq!(store.verdict(&a).unwrap(), Verdict::Unknown);
        store.allow(&a).unwrap();
        assert_eq!(store.verdict(&a).unwrap(), Verdict::Allowed);
        store.deny(&a).unwrap();
        assert_eq!(store.verdict(&a).unwrap(), Verdict::Denied);
    }

    #[test]
    fn a_path_with_a_newline_can_be_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let store = TrustStore::at(dir.path().join("trust"));
        let a = env(dir.path(), "new\nline");
        store.allow(&a).unwrap();
        assert_eq!(store.verdict(&a).unwrap(), Verdict::Allowed);
    }

    #[test]
    fn a_replaced_or_moved_environment_is_no_longer_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let store = TrustStore::at(dir.path().join("trust"));
        let a = env(dir.path(), "a");
        store.allow(&a).unwrap();
        fs::remove_dir_all(&a).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        let a = env(dir.path(), "a");
        assert_eq!(store.verdict(&a).unwrap(), Verdict::Unknown);
        store.allow(&a).unwrap();
        let moved = dir.path().join("moved");
        fs::rename(&a, &moved).unwrap();
        assert_eq!(store.verdict(&moved).unwrap(), Verdict::Unknown);
    }
}
