//! Deleting a directory tree without ever crossing into another mount.
//!
//! `--clear` and `venvsh remove` delete an environment; a volume or bind mount somewhere
//! inside it must not be emptied with it (issue 8, item 11). So the whole tree is scanned
//! before anything is deleted, and a mount point inside it refuses the deletion, naming
//! the mount. On Linux the mount points come from `/proc/self/mountinfo`, which also
//! lists bind mounts of the same file system (same device number); everywhere, an entry
//! whose device differs from the root's is a mount too. The deletion itself never
//! follows a symbolic link and checks each directory's device again before entering it.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("refusing to delete {}: {} inside it is a mount point", .root.display(), .mount.display())]
    MountInside { root: PathBuf, mount: PathBuf },

    #[error("refusing to delete {}: it is a mount point", .root.display())]
    RootIsMount { root: PathBuf },

    #[error("could not {action} {}", .path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> Error + use<> {
    let path = path.to_owned();
    move |source| Error::Io {
        action,
        path,
        source,
    }
}

/// Mount points strictly inside `root`, as paths under `root`; empty if there are none.
/// `root` itself may be a mount point (a volume mounted at the environment).
pub fn mounts_inside(root: &Path) -> Result<Vec<PathBuf>, Error> {
    let meta = fs::symlink_metadata(root).map_err(io_error("inspect", root))?;
    if !meta.is_dir() {
        return Ok(Vec::new());
    }
    let listed = listed_mounts_inside(root);
    let mut found: Vec<PathBuf> = listed.iter().map(|rel| root.join(rel)).collect();
    walk(root, meta.dev(), &listed, &mut |path| {
        if !found.iter().any(|f| f == path) {
            found.push(path.to_owned());
        }
    })?;
    found.sort();
    Ok(found)
}

/// Refuse if anything inside `root` is a mount point.
pub fn check(root: &Path) -> Result<(), Error> {
    match mounts_inside(root)?.into_iter().next() {
        Some(mount) => Err(Error::MountInside {
            root: root.to_owned(),
            mount,
        }),
        None => Ok(()),
    }
}

/// Whether `path` is itself a mount point.
pub fn is_mount_point(path: &Path) -> bool {
    let Ok(canonical) = fs::canonicalize(path) else {
        return false;
    };
    if mount_points().is_some_and(|points| points.contains(&canonical)) {
        return true;
    }
    match (
        fs::metadata(&canonical),
        canonical.parent().map(fs::metadata),
    ) {
        (Ok(meta), Some(Ok(parent))) => meta.dev() != parent.dev(),
        _ => false,
    }
}

/// Delete `root` and everything in it, after checking that no mount point is inside.
/// A symbolic link is removed itself, never followed.
pub fn remove_dir_all(root: &Path) -> Result<(), Error> {
    let meta = match fs::symlink_metadata(root) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_error("inspect", root)(e)),
    };
    if !meta.is_dir() {
        return fs::remove_file(root).map_err(io_error("delete", root));
    }
    if is_mount_point(root) {
        return Err(Error::RootIsMount {
            root: root.to_owned(),
        });
    }
    check(root)?;
    let listed = listed_mounts_inside(root);
    delete_contents(root, root, meta.dev(), &listed)?;
    fs::remove_dir(root).map_err(io_error("delete", root))
}

/// Move the directory `path` to `aside` (a hidden name in the same directory, so an
/// interrupted deletion never leaves half of it under its name), then delete it. A
/// mount inside refuses before anything moves.
pub fn remove_dir_all_via(path: &Path, aside: &Path) -> Result<(), Error> {
    if is_mount_point(path) {
        return Err(Error::RootIsMount {
            root: path.to_owned(),
        });
    }
    check(path)?;
    fs::rename(path, aside).map_err(io_error("move aside", path))?;
    remove_dir_all(aside)
}

/// Mount points strictly under `root`, relative to it, from the system's mount table.
fn listed_mounts_inside(root: &Path) -> HashSet<PathBuf> {
    let (Some(points), Ok(canonical)) = (mount_points(), fs::canonicalize(root)) else {
        return HashSet::new();
    };
    points
        .iter()
        .filter_map(|point| point.strip_prefix(&canonical).ok())
        .filter(|rel| !rel.as_os_str().is_empty())
        .map(Path::to_owned)
        .collect()
}

/// Every mount point of this process's mount namespace, or None where there is no table.
fn mount_points() -> Option<HashSet<PathBuf>> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let text = fs::read("/proc/self/mountinfo").ok()?;
    Some(parse_mountinfo(&text))
}

/// Field 5 of each line of `mountinfo(5)`: the mount point, with space, tab, newline
/// and backslash written as octal escapes.
fn parse_mountinfo(text: &[u8]) -> HashSet<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    text.split(|&b| b == b'\n')
        .filter_map(|line| line.split(|&b| b == b' ').nth(4))
        .map(|field| PathBuf::from(std::ffi::OsString::from_vec(unescape_octal(field))))
        .collect()
}

fn unescape_octal(field: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(field.len());
    let mut i = 0;
    while i < field.len() {
        let digits = field.get(i + 1..i + 4);
        if field[i] == b'\\'
            && let Some(digits) = digits
            && digits.iter().all(|d| (b'0'..=b'7').contains(d))
        {
            let value = digits.iter().fold(0u32, |n, d| n * 8 + u32::from(d - b'0'));
            out.push(value as u8);
            i += 4;
        } else {
            out.push(field[i]);
            i += 1;
        }
    }
    out
}

/// Call `found` for every entry under `dir` that is a mount point: listed in the mount
/// table, or on another device than `dev`. Mount points are not entered.
fn walk(
    dir: &Path,
    dev: u64,
    listed: &HashSet<PathBuf>,
    found: &mut dyn FnMut(&Path),
) -> Result<(), Error> {
    let root = dir.to_owned();
    let mut pending = vec![root.clone()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current).map_err(io_error("read", &current))? {
            let entry = entry.map_err(io_error("read", &current))?;
            let path = entry.path();
            let meta = fs::symlink_metadata(&path).map_err(io_error("inspect", &path))?;
            let rel = path.strip_prefix(&root).unwrap_or(&path);
            if meta.dev() != dev || listed.contains(rel) {
                found(&path);
            } else if meta.is_dir() {
                pending.push(path);
            }
        }
    }
    Ok(())
}

/// Delete what is in `dir` (under `root`), depth first. A directory on another device
/// or in the mount table is refused, in case one appeared since the scan.
fn delete_contents(
    root: &Path,
    dir: &Path,
    dev: u64,
    listed: &HashSet<PathBuf>,
) -> Result<(), Error> {
    for entry in fs::read_dir(dir).map_err(io_error("read", dir))? {
        let entry = entry.map_err(io_error("read", dir))?;
        let path = entry.path();
        let meta = fs::symlink_metadata(&path).map_err(io_error("inspect", &path))?;
        let rel = path.strip_prefix(root).unwrap_or(&path);
        if meta.dev() != dev || listed.contains(rel) {
            return Err(Error::MountInside {
                root: root.to_owned(),
                mount: path,
            });
        }
        if meta.is_dir() {
            delete_contents(root, &path, dev, listed)?;
            fs::remove_dir(&path).map_err(io_error("delete", &path))?;
        } else {
            fs::remove_file(&path).map_err(io_error("delete", &path))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mountinfo_fields_are_unescaped() {
        let text = b"36 35 98:0 /mnt1 /mnt/with\\040space rw,noatime - ext3 /dev/root rw\n\
                     37 35 98:0 / /a\\012b\\134c rw - tmpfs none rw\n";
        let points = parse_mountinfo(text);
        assert!(points.contains(Path::new("/mnt/with space")));
        assert!(points.contains(Path::new("/a\nb\\c")));
        assert_eq!(points.len(), 2);
    }

    #[test]
    fn a_plain_tree_is_deleted_and_links_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        fs::create_dir(&outside).unwrap();
        fs::write(outside.join("keep"), "x").unwrap();
        let root = dir.path().join("root");
        fs::create_dir_all(root.join("a/b")).unwrap();
        fs::write(root.join("a/b/f"), "x").unwrap();
        std::os::unix::fs::symlink(&outside, root.join("a/link")).unwrap();
        assert!(mounts_inside(&root).unwrap().is_empty());
        remove_dir_all(&root).unwrap();
        assert!(!root.exists());
        assert!(outside.join("keep").exists());
        // Already gone: nothing to do.
        remove_dir_all(&root).unwrap();
    }
}
