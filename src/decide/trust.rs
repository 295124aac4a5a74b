//! Which environments the auto-activation hook may put first on PATH.
//!
//! A cloned repository can ship a `.venv/bin/git`; activating it on `cd` would let the
//! repository shadow any command. So the hook activates only environments venvsh created
//! or the user allowed, and only as they were then:
//!
//! - a record is tied to the environment's path and identity (its directory's device and
//!   inode, its `pyvenv.cfg`'s inode and modification time): a moved or replaced
//!   environment must be allowed again;
//! - it holds the executables of `bin/` as they were: one that appeared or changed since
//!   is accepted only if an installer recorded it (a `RECORD` of pip, uv or venvsh lists
//!   it with its present sha256) and no file of the environment is tracked by git, which
//!   is how a `git pull` writes into an ignored `.venv` (issue 8, item 4). `pip install`
//!   into the environment never asks; a repository's `bin/git` always does;
//! - an environment (or the `.venv` file naming it) owned by another user is never
//!   trusted, root's excepted (issue 8, item 5).
//!
//! Records live one per environment in `<data dir>/trust.d/`, named by a hash of the
//! path, so the hook reads one small file. The line-based `<data dir>/trust` of earlier
//! versions is read when no record exists, and its entry moved over.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::Hint;
use crate::platform::identity::FileId;
use crate::project::environment::Environment;
use crate::project::executables::{self, Executable, Kind};
use crate::project::{git, paths, read, record};

const FORMAT_VERSION: u32 = 1;
/// A record holds a few hundred executables at most.
const RECORD_LIMIT: u64 = 4 * 1024 * 1024;
/// The earlier line-based file grew a line per `create`.
const LEGACY_LIMIT: u64 = 16 * 1024 * 1024;
/// How often making a record also sweeps away the records of environments that are gone.
const PRUNE_EVERY: std::time::Duration = std::time::Duration::from_secs(60 * 60);
/// An executable is hashed to compare it with an installer's record; bigger ones are not.
const HASH_LIMIT: u64 = 512 * 1024 * 1024;

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
    #[error("{} is not a virtual environment: it has no pyvenv.cfg", .path.display())]
    NotAnEnvironment { path: PathBuf },
    #[error("refusing to trust {}: it belongs to another user ({owner})", .path.display())]
    Foreign { path: PathBuf, owner: String },
}

impl Hint for Error {
    fn hint(&self) -> Option<String> {
        match self {
            Error::Foreign { .. } => Some(
                "venvsh never lets the hook activate another user's environment (as git's \
                 safe.directory); create your own, or activate this one by hand"
                    .into(),
            ),
            _ => None,
        }
    }
}

/// What the hook may do with an environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    Denied,
    /// Neither allowed nor denied: the hook does not activate it, and says so once.
    Unknown,
    /// Allowed once, but the environment at that path has been replaced since (by
    /// `python -m venv --clear`, another tool, or a checkout).
    Replaced,
    /// Allowed, but executables in `bin/` appeared or changed since, and no installer
    /// recorded them (or version control tracks files in the environment).
    Changed {
        executables: Vec<String>,
        tracked_by_git: bool,
    },
    /// Owned by another user, who could change it at any time.
    Foreign {
        path: PathBuf,
        owner: String,
    },
}

/// The trust records, and whose they are.
pub struct TrustStore {
    records: PathBuf,
    legacy: PathBuf,
    /// The user running venvsh (owners are compared with it); `None` where unknown.
    user: Option<u32>,
}

/// One environment's record, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub version: u32,
    pub path: String,
    pub verdict: Decision,
    identity: Identity,
    #[serde(default)]
    executables: Vec<Executable>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    Allow,
    Deny,
}

/// What makes an environment the same one: its directory, and its `pyvenv.cfg` (inodes
/// are reused, a rewrite's nanosecond time is not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Identity {
    dev: u64,
    ino: u64,
    cfg_ino: u64,
    cfg_mtime_ns: u64,
}

impl TrustStore {
    /// The records in venvsh's data directory, for `user`.
    pub fn in_data_dir(dir: &Path, user: Option<u32>) -> Self {
        Self {
            records: dir.join("trust.d"),
            legacy: dir.join("trust"),
            user,
        }
    }

    pub fn records_dir(&self) -> &Path {
        &self.records
    }

    /// The verdict for `env` as it is on disk now. An allowed environment whose new
    /// executables an installer recorded has its record brought up to date.
    pub fn verdict(&self, env: &Environment) -> Result<Verdict, Error> {
        let root = Path::new(&env.root);
        if let Some(foreign) = self.foreign_env(env) {
            return Ok(foreign);
        }
        let Some(identity) = identity(root) else {
            return Ok(Verdict::Unknown);
        };
        let record = match self.load(root)? {
            Some(record) => record,
            None => match self.migrate(env, &identity)? {
                Some(record) => record,
                None => return Ok(Verdict::Unknown),
            },
        };
        if record.identity != identity {
            return Ok(match record.verdict {
                Decision::Allow => Verdict::Replaced,
                Decision::Deny => Verdict::Unknown,
            });
        }
        if record.verdict == Decision::Deny {
            return Ok(Verdict::Denied);
        }
        let bin = Path::new(&env.bin);
        let now = executables::list(bin).map_err(|source| Error::Read {
            path: bin.to_owned(),
            source,
        })?;
        if now == record.executables {
            return Ok(Verdict::Allowed);
        }
        let unexplained = unexplained(root, bin, &record.executables, &now);
        let tracked_by_git = git::tracks_anything_in(root);
        if unexplained.is_empty() && !tracked_by_git {
            self.save(&Record {
                executables: now,
                ..record
            })?;
            return Ok(Verdict::Allowed);
        }
        let executables = if unexplained.is_empty() {
            changed_names(&record.executables, &now)
        } else {
            unexplained
        };
        if executables.is_empty() {
            // Only removals: nothing new can run.
            return Ok(Verdict::Allowed);
        }
        Ok(Verdict::Changed {
            executables,
            tracked_by_git,
        })
    }

    /// Let the hook activate `env` as it is now.
    pub fn allow(&self, env: &Environment) -> Result<(), Error> {
        self.record(env, Decision::Allow)
    }

    /// Never let the hook activate `env`, and stop telling about it.
    pub fn deny(&self, env: &Environment) -> Result<(), Error> {
        self.record(env, Decision::Deny)
    }

    /// Every record, sorted by path.
    pub fn list(&self) -> Result<Vec<Record>, Error> {
        let entries = match fs::read_dir(&self.records) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(Error::Read {
                    path: self.records.clone(),
                    source,
                });
            }
        };
        let mut records: Vec<Record> = entries
            .flatten()
            .filter_map(|entry| read_record(&entry.path()))
            .collect();
        records.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(records)
    }

    /// Remove the records of environments that are gone (a replaced one keeps its
    /// record, so the hook can say so); the paths whose records went.
    pub fn prune(&self) -> Result<Vec<String>, Error> {
        let mut pruned = Vec::new();
        for record in self.list()? {
            if identity(Path::new(&record.path)).is_none() {
                let file = self.file_for(Path::new(&record.path));
                fs::remove_file(&file).map_err(|source| Error::Write { path: file, source })?;
                pruned.push(record.path);
            }
        }
        Ok(pruned)
    }

    fn record(&self, env: &Environment, verdict: Decision) -> Result<(), Error> {
        let root = Path::new(&env.root);
        if let Some(Verdict::Foreign { path, owner }) = self.foreign_env(env) {
            return Err(Error::Foreign { path, owner });
        }
        let identity = identity(root).ok_or_else(|| Error::NotAnEnvironment {
            path: root.to_owned(),
        })?;
        let bin = Path::new(&env.bin);
        let executables = executables::list(bin).map_err(|source| Error::Read {
            path: bin.to_owned(),
            source,
        })?;
        self.save(&Record {
            version: FORMAT_VERSION,
            path: env.root.clone(),
            verdict,
            identity,
            executables,
        })?;
        // Environments come and go; their records go with them, swept now and then
        // rather than at every record (a sweep reads every record).
        self.prune_if_due()
    }

    /// [`Self::prune`], if the last sweep is more than [`PRUNE_EVERY`] ago.
    fn prune_if_due(&self) -> Result<(), Error> {
        let stamp = self.records.join(".pruned");
        let due = fs::metadata(&stamp)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_none_or(|age| age > PRUNE_EVERY);
        if !due {
            return Ok(());
        }
        self.prune()?;
        fs::write(&stamp, b"").map_err(|source| Error::Write {
            path: stamp,
            source,
        })
    }

    /// The verdict on a file another user owns (root excepted), if `path` is one.
    pub fn foreign(&self, path: &Path) -> Option<Verdict> {
        let owner = paths::foreign_owner(path, self.user)?;
        Some(Verdict::Foreign {
            path: path.to_owned(),
            owner,
        })
    }

    /// Another user's environment, or one of its parts: never trusted.
    fn foreign_env(&self, env: &Environment) -> Option<Verdict> {
        let root = Path::new(&env.root);
        [
            root.to_owned(),
            root.join("pyvenv.cfg"),
            PathBuf::from(&env.bin),
        ]
        .iter()
        .find_map(|path| self.foreign(path))
    }

    fn file_for(&self, root: &Path) -> PathBuf {
        let digest = Sha256::digest(root.as_os_str().as_encoded_bytes());
        let name: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
        self.records.join(name + ".json")
    }

    fn load(&self, root: &Path) -> Result<Option<Record>, Error> {
        let file = self.file_for(root);
        match read::bounded(&file, RECORD_LIMIT) {
            Ok(bytes) => Ok(serde_json::from_slice::<Record>(&bytes)
                .ok()
                .filter(|r| r.version == FORMAT_VERSION && Path::new(&r.path) == root)),
            Err(e) if e.is_not_found() => Ok(None),
            Err(e) => Err(Error::Read {
                path: file,
                source: std::io::Error::other(e),
            }),
        }
    }

    /// Written whole under a temporary name, then renamed: a reader sees the old record
    /// or the new one, never half of one.
    fn save(&self, record: &Record) -> Result<(), Error> {
        let write_error = |source| Error::Write {
            path: self.records.clone(),
            source,
        };
        create_private_dir(&self.records).map_err(write_error)?;
        let file = self.file_for(Path::new(&record.path));
        let tmp = file.with_extension(format!("tmp{}", std::process::id()));
        let json = serde_json::to_vec(record).map_err(|e| write_error(std::io::Error::other(e)))?;
        let written = fs::File::create(&tmp)
            .and_then(|mut f| f.write_all(&json))
            .and_then(|()| fs::rename(&tmp, &file));
        written.map_err(|source| {
            let _ = fs::remove_file(&tmp);
            Error::Write { path: file, source }
        })
    }

    /// The earlier file's last line for this environment, moved into a record. An allow
    /// line becomes a record of `bin/` as it is now.
    fn migrate(&self, env: &Environment, identity: &Identity) -> Result<Option<Record>, Error> {
        let text = match read::bounded_text(&self.legacy, LEGACY_LIMIT) {
            Ok(text) => text,
            Err(e) if e.is_not_found() => return Ok(None),
            Err(e) => {
                return Err(Error::Read {
                    path: self.legacy.clone(),
                    source: std::io::Error::other(e),
                });
            }
        };
        // Records were one line each, with a newline in the path written as a space.
        let path = env.root.replace('\n', " ");
        let old_identity = format!(
            "{}:{}:{}:{}",
            identity.dev, identity.ino, identity.cfg_ino, identity.cfg_mtime_ns
        );
        let verdict = text.lines().rev().find_map(|line| {
            let mut fields = line.splitn(3, ' ');
            let (kind, id, line_path) = (fields.next()?, fields.next()?, fields.next()?);
            if id != old_identity || line_path != path {
                return None;
            }
            match kind {
                "allow" => Some(Decision::Allow),
                "deny" => Some(Decision::Deny),
                _ => None,
            }
        });
        let Some(verdict) = verdict else {
            return Ok(None);
        };
        self.record(env, verdict)?;
        self.load(Path::new(&env.root))
    }
}

fn read_record(file: &Path) -> Option<Record> {
    let bytes = read::bounded(file, RECORD_LIMIT).ok()?;
    serde_json::from_slice::<Record>(&bytes)
        .ok()
        .filter(|r| r.version == FORMAT_VERSION)
}

/// The environment's identity, or `None` when it has no `pyvenv.cfg`.
fn identity(root: &Path) -> Option<Identity> {
    let cfg = fs::metadata(root.join("pyvenv.cfg")).ok()?;
    let cfg_mtime_ns = cfg
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos()
        .try_into()
        .ok()?;
    // Volume and file index: device and inode on Unix (see `platform::identity`).
    let dir = FileId::of_link(root).ok()?;
    let cfg = FileId::of(&root.join("pyvenv.cfg")).ok()?;
    Some(Identity {
        dev: dir.volume,
        ino: dir.index.try_into().ok()?,
        cfg_ino: cfg.index.try_into().ok()?,
        cfg_mtime_ns,
    })
}

/// Names in `now` that are new or differ from `before`.
fn changed_names(before: &[Executable], now: &[Executable]) -> Vec<String> {
    now.iter()
        .filter(|e| !before.contains(e))
        .map(|e| e.name.clone())
        .collect()
}

/// The new or changed executables no installer accounts for: a link, or a file whose
/// present contents no `RECORD` of the environment lists.
fn unexplained(root: &Path, bin: &Path, before: &[Executable], now: &[Executable]) -> Vec<String> {
    let changed: Vec<&Executable> = now.iter().filter(|e| !before.contains(e)).collect();
    if changed.is_empty() {
        return Vec::new();
    }
    let installed = record::installed_files(root);
    changed
        .into_iter()
        .filter(|e| {
            let recorded = match e.kind {
                Kind::Link { .. } => None,
                Kind::File { .. } => installed.get(&paths::normalize(&bin.join(&e.name))),
            };
            let Some(hash) = recorded else {
                return true;
            };
            read::bounded(&bin.join(&e.name), HASH_LIMIT)
                .map_or(true, |contents| record::hash(&contents) != *hash)
        })
        .map(|e| e.name.clone())
        .collect()
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn env(dir: &Path, name: &str) -> Environment {
        let root = dir.join(name);
        fs::create_dir_all(root.join("bin")).unwrap();
        fs::write(root.join("pyvenv.cfg"), "home = /usr/bin\n").unwrap();
        Environment {
            root: root.to_str().unwrap().to_owned(),
            bin: root.join("bin").to_str().unwrap().to_owned(),
            prompt: name.to_owned(),
        }
    }

    fn executable(env: &Environment, name: &str, contents: &str) -> PathBuf {
        let path = Path::new(&env.bin).join(name);
        fs::write(&path, contents).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    fn store(dir: &Path) -> TrustStore {
        TrustStore::in_data_dir(&dir.join("data"), Some(0))
    }

    #[test]
    fn allow_deny_and_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let trust = store(dir.path());
        let a = env(dir.path(), "a");
        assert_eq!(trust.verdict(&a).unwrap(), Verdict::Unknown);
        trust.allow(&a).unwrap();
        assert_eq!(trust.verdict(&a).unwrap(), Verdict::Allowed);
        trust.deny(&a).unwrap();
        assert_eq!(trust.verdict(&a).unwrap(), Verdict::Denied);
    }

    #[test]
    fn a_path_with_a_newline_can_be_allowed() {
        let dir = tempfile::tempdir().unwrap();
        let trust = store(dir.path());
        let a = env(dir.path(), "new\nline");
        trust.allow(&a).unwrap();
        assert_eq!(trust.verdict(&a).unwrap(), Verdict::Allowed);
    }

    #[test]
    fn a_replaced_or_moved_environment_is_no_longer_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let trust = store(dir.path());
        let a = env(dir.path(), "a");
        trust.allow(&a).unwrap();
        fs::remove_dir_all(&a.root).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        let a = env(dir.path(), "a");
        assert_eq!(trust.verdict(&a).unwrap(), Verdict::Replaced);
        trust.allow(&a).unwrap();
        let moved = dir.path().join("moved");
        fs::rename(&a.root, &moved).unwrap();
        let moved = Environment {
            root: moved.to_str().unwrap().into(),
            bin: moved.join("bin").to_str().unwrap().into(),
            prompt: "m".into(),
        };
        assert_eq!(trust.verdict(&moved).unwrap(), Verdict::Unknown);
    }

    #[test]
    fn an_executable_no_installer_recorded_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let trust = store(dir.path());
        let a = env(dir.path(), "a");
        executable(&a, "pip", "#!/bin/sh\n");
        trust.allow(&a).unwrap();
        executable(&a, "git", "#!/bin/sh\necho evil\n");
        assert_eq!(
            trust.verdict(&a).unwrap(),
            Verdict::Changed {
                executables: vec!["git".into()],
                tracked_by_git: false
            }
        );
        // A changed one, too.
        fs::remove_file(Path::new(&a.bin).join("git")).unwrap();
        assert_eq!(trust.verdict(&a).unwrap(), Verdict::Allowed);
        std::thread::sleep(std::time::Duration::from_millis(5));
        executable(&a, "pip", "#!/bin/sh\necho changed\n");
        assert!(matches!(
            trust.verdict(&a).unwrap(),
            Verdict::Changed { .. }
        ));
    }

    #[test]
    fn an_installers_recorded_executable_is_trusted_and_remembered() {
        let dir = tempfile::tempdir().unwrap();
        let trust = store(dir.path());
        let a = env(dir.path(), "a");
        trust.allow(&a).unwrap();
        let contents = "#!/usr/bin/python\nimport black\n";
        executable(&a, "black", contents);
        let info = Path::new(&a.root).join("lib/python3.12/site-packages/black-24.dist-info");
        fs::create_dir_all(&info).unwrap();
        fs::write(
            info.join("RECORD"),
            format!(
                "../../../bin/black,sha256={},{}\n",
                record::hash(contents.as_bytes()),
                contents.len()
            ),
        )
        .unwrap();
        assert_eq!(trust.verdict(&a).unwrap(), Verdict::Allowed);
        // The record now holds it: a later change is a change again.
        std::thread::sleep(std::time::Duration::from_millis(5));
        executable(&a, "black", "#!/bin/sh\nevil\n");
        assert!(matches!(
            trust.verdict(&a).unwrap(),
            Verdict::Changed { .. }
        ));
    }

    #[test]
    fn another_users_environment_is_never_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let a = env(dir.path(), "a");
        let cfg = Path::new(&a.root).join("pyvenv.cfg");
        std::os::unix::fs::chown(&cfg, Some(4321), None).unwrap();
        let trust = TrustStore::in_data_dir(&dir.path().join("data"), Some(1000));
        assert_eq!(
            trust.verdict(&a).unwrap(),
            Verdict::Foreign {
                path: cfg,
                owner: "uid 4321".into()
            }
        );
        assert!(matches!(trust.allow(&a), Err(Error::Foreign { .. })));
        // Root's are fine.
        std::os::unix::fs::chown(Path::new(&a.root).join("pyvenv.cfg"), Some(0), None).unwrap();
        assert!(trust.allow(&a).is_ok());
    }

    #[test]
    fn the_earlier_trust_file_is_moved_over() {
        let dir = tempfile::tempdir().unwrap();
        let trust = store(dir.path());
        let a = env(dir.path(), "a");
        let id = identity(Path::new(&a.root)).unwrap();
        let line = format!(
            "allow {}:{}:{}:{} {}\n",
            id.dev, id.ino, id.cfg_ino, id.cfg_mtime_ns, a.root
        );
        fs::create_dir_all(dir.path().join("data")).unwrap();
        fs::write(dir.path().join("data/trust"), line).unwrap();
        assert_eq!(trust.verdict(&a).unwrap(), Verdict::Allowed);
        assert_eq!(trust.list().unwrap().len(), 1);
    }

    #[test]
    fn prune_drops_records_of_environments_that_are_gone() {
        let dir = tempfile::tempdir().unwrap();
        let trust = store(dir.path());
        let a = env(dir.path(), "a");
        let b = env(dir.path(), "b");
        trust.allow(&a).unwrap();
        trust.allow(&b).unwrap();
        fs::remove_dir_all(&a.root).unwrap();
        assert_eq!(trust.prune().unwrap(), vec![a.root.clone()]);
        let left: Vec<String> = trust.list().unwrap().into_iter().map(|r| r.path).collect();
        assert_eq!(left, vec![b.root]);
    }
}
