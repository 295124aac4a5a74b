//! venvsh's cache, `<cache dir>/venvsh`: what `venvsh cache info` shows and
//! `venvsh cache clean` deletes.
//!
//! It holds the interpreter facts (`interpreters/`) and one unpacked tree per wheel
//! (`wheels/`). Deleting it is always safe: environments keep their hard links to a
//! tree's files, and the next create queries and unpacks again. Files a tree shares with
//! environments (more than one link) take no space of their own, so deleting the cache
//! frees only the rest; [`Usage`] reports both.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Error;

/// One part of the cache.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Part {
    /// `interpreters`, `wheels`, or the name of something an older venvsh left.
    pub name: String,
    pub path: PathBuf,
    pub files: u64,
    /// Apparent size of the files.
    pub bytes: u64,
    /// What deleting them frees: files not also linked into an environment.
    pub reclaimable: u64,
    /// For `wheels`: the unpacked wheels, by name.
    pub entries: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Usage {
    pub root: PathBuf,
    pub parts: Vec<Part>,
}

impl Usage {
    pub fn bytes(&self) -> u64 {
        self.parts.iter().map(|p| p.bytes).sum()
    }

    pub fn reclaimable(&self) -> u64 {
        self.parts.iter().map(|p| p.reclaimable).sum()
    }
}

/// `<cache dir>/venvsh`, or None where the platform has no cache directory.
pub fn root() -> Option<PathBuf> {
    Some(dirs::cache_dir()?.join("venvsh"))
}

/// What the cache at `root` holds; an absent cache is empty.
pub fn usage(root: &Path) -> Result<Usage, Error> {
    let mut parts = Vec::new();
    let entries = match fs::read_dir(root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Usage {
                root: root.to_owned(),
                parts,
            });
        }
        Err(e) => return Err(Error::io("read", root, e)),
    };
    let mut names: Vec<_> = entries.flatten().map(|e| e.file_name()).collect();
    names.sort();
    for name in names {
        let path = root.join(&name);
        let mut part = Part {
            name: name.to_string_lossy().into_owned(),
            path: path.clone(),
            files: 0,
            bytes: 0,
            reclaimable: 0,
            entries: Vec::new(),
        };
        tally(&path, &mut part)?;
        if part.name == "wheels" {
            part.entries = wheel_trees(&path);
        }
        parts.push(part);
    }
    Ok(Usage {
        root: root.to_owned(),
        parts,
    })
}

/// The unpacked wheels: directories holding a `MANIFEST`.
fn wheel_trees(dir: &Path) -> Vec<String> {
    let mut trees: Vec<String> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().join("MANIFEST").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    trees.sort();
    trees
}

fn tally(path: &Path, part: &mut Part) -> Result<(), Error> {
    let meta = fs::symlink_metadata(path).map_err(|e| Error::io("inspect", path, e))?;
    if meta.is_dir() {
        for entry in fs::read_dir(path).map_err(|e| Error::io("read", path, e))? {
            let entry = entry.map_err(|e| Error::io("read", path, e))?;
            tally(&entry.path(), part)?;
        }
    } else {
        part.files += 1;
        part.bytes += meta.len();
        let links = crate::platform::identity::link_count(path)
            .map_err(|e| Error::io("inspect", path, e))?;
        if links <= 1 {
            part.reclaimable += meta.len();
        }
    }
    Ok(())
}

/// Delete the whole cache at `root`, reporting what it held.
pub fn clean(root: &Path) -> Result<Usage, Error> {
    let usage = usage(root)?;
    crate::platform::remove::remove_dir_all(root)?;
    Ok(usage)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linked_files_are_not_counted_as_reclaimable() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("venvsh");
        let tree = root.join("wheels/pip-1-abc");
        fs::create_dir_all(&tree).unwrap();
        fs::write(tree.join("MANIFEST"), "1234").unwrap();
        fs::write(tree.join("0"), "123456").unwrap();
        fs::hard_link(tree.join("0"), dir.path().join("in-an-env")).unwrap();
        fs::create_dir_all(root.join("interpreters/v1")).unwrap();
        fs::write(root.join("interpreters/v1/x.json"), "12").unwrap();
        let usage = usage(&root).unwrap();
        assert_eq!(usage.bytes(), 12);
        assert_eq!(usage.reclaimable(), 6);
        let wheels = usage.parts.iter().find(|p| p.name == "wheels").unwrap();
        assert_eq!(wheels.entries, ["pip-1-abc"]);
        clean(&root).unwrap();
        assert!(!root.exists());
        assert!(dir.path().join("in-an-env").exists());
        assert!(super::usage(&root).unwrap().parts.is_empty());
    }
}
