//! What an environment's `bin/` puts on PATH: its executables and their identity, so
//! that trust can notice one that appeared or changed.

use std::fs;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// One entry of `bin/` that a shell could run from PATH.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Executable {
    pub name: String,
    #[serde(flatten)]
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Kind {
    /// A regular file with an execute bit: any rewrite changes one of these.
    File {
        size: u64,
        mtime_ns: i64,
        ino: u64,
        mode: u32,
    },
    /// A symbolic link (`python`), which PATH follows wherever it points.
    Link { target: String },
}

/// The executables in `bin` (a missing `bin` has none), sorted by name.
pub fn list(bin: &Path) -> io::Result<Vec<Executable>> {
    let entries = match fs::read_dir(bin) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut found = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let meta = fs::symlink_metadata(entry.path())?;
        let kind = if meta.file_type().is_symlink() {
            let target = fs::read_link(entry.path())?;
            Kind::Link {
                target: target.to_string_lossy().into_owned(),
            }
        } else if meta.is_file() && is_executable(&meta) {
            file_kind(&meta)
        } else {
            // Directories and plain files (activate scripts) are not run from PATH.
            continue;
        };
        found.push(Executable { name, kind });
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(found)
}

#[cfg(unix)]
fn is_executable(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o111 != 0
}

/// Windows runs what PATHEXT names; everything in `Scripts\` counts.
#[cfg(not(unix))]
fn is_executable(_meta: &fs::Metadata) -> bool {
    true
}

#[cfg(unix)]
fn file_kind(meta: &fs::Metadata) -> Kind {
    use std::os::unix::fs::MetadataExt;
    Kind::File {
        size: meta.size(),
        mtime_ns: meta
            .mtime()
            .saturating_mul(1_000_000_000)
            .saturating_add(meta.mtime_nsec()),
        ino: meta.ino(),
        mode: meta.mode(),
    }
}

#[cfg(not(unix))]
fn file_kind(meta: &fs::Metadata) -> Kind {
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    Kind::File {
        size: meta.len(),
        mtime_ns,
        ino: 0,
        mode: 0,
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    #[test]
    fn lists_executables_and_links_only() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("bin");
        fs::create_dir(&bin).unwrap();
        fs::write(bin.join("activate"), "x").unwrap();
        fs::write(bin.join("pip"), "#!/bin/sh\n").unwrap();
        fs::set_permissions(bin.join("pip"), fs::Permissions::from_mode(0o755)).unwrap();
        symlink("/usr/bin/python3", bin.join("python")).unwrap();
        fs::create_dir(bin.join("sub")).unwrap();
        let names: Vec<String> = list(&bin).unwrap().into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["pip", "python"]);
        assert!(list(&dir.path().join("absent")).unwrap().is_empty());
    }
}
