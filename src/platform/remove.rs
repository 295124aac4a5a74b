//! Deleting a directory tree without ever crossing into another mount.
//!
//! `--clear` and `venvsh remove` delete an environment; a volume or bind mount somewhere
//! inside it must not be emptied with it (issue 8, item 11). So the whole tree is scanned
//! before anything is deleted, and a mount point inside it refuses the deletion, naming
//! the mount. On Linux the mount points come from `/proc/self/mountinfo`, which also
//! lists bind mounts of the same file system (same device number); everywhere, an entry
//! whose device (Windows: volume) differs from the root's is a mount too. On Windows a
//! volume mounted in a folder is a reparse point that names a volume: it is refused the
//! same way. The deletion itself never follows a symbolic link or a junction (each is
//! removed itself) and checks each directory's device again before entering it.

use std::collections::HashSet;
use std::fs;
use std::io;
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

/// What a deletion finds at one path inside the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    /// A mount point: never entered, never deleted.
    Mount,
    /// A symbolic link or junction: removed itself, never followed.
    Link,
    Dir,
    File,
}

/// Classify `path` (with its `symlink_metadata`), inside a tree on device `device`.
fn classify(
    path: &Path,
    meta: &fs::Metadata,
    rel: &Path,
    device: u64,
    listed: &HashSet<PathBuf>,
) -> Result<Entry, Error> {
    if listed.contains(rel) || imp::is_mount_entry(path, meta) {
        return Ok(Entry::Mount);
    }
    if meta.file_type().is_symlink() {
        return Ok(Entry::Link);
    }
    if !meta.is_dir() {
        return Ok(Entry::File);
    }
    let dev = imp::device(path, meta).map_err(io_error("inspect", path))?;
    Ok(if dev == device {
        Entry::Dir
    } else {
        Entry::Mount
    })
}

/// Mount points strictly inside `root`, as paths under `root`; empty if there are none.
/// `root` itself may be a mount point (a volume mounted at the environment).
pub fn mounts_inside(root: &Path) -> Result<Vec<PathBuf>, Error> {
    let meta = fs::symlink_metadata(root).map_err(io_error("inspect", root))?;
    if !meta.is_dir() || meta.file_type().is_symlink() {
        return Ok(Vec::new());
    }
    let device = imp::device(root, &meta).map_err(io_error("inspect", root))?;
    let listed = listed_mounts_inside(root);
    let mut found: Vec<PathBuf> = listed.iter().map(|rel| root.join(rel)).collect();
    walk(root, device, &listed, &mut |path| {
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

/// Whether `path` is itself a mount point (on Windows: a drive's root, or a folder a
/// volume is mounted in).
pub fn is_mount_point(path: &Path) -> bool {
    imp::is_mount_point(path)
}

/// Delete `root` and everything in it, after checking that no mount point is inside.
/// A symbolic link (or junction) is removed itself, never followed.
pub fn remove_dir_all(root: &Path) -> Result<(), Error> {
    let meta = match fs::symlink_metadata(root) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_error("inspect", root)(e)),
    };
    if meta.file_type().is_symlink() {
        return imp::remove_link(root, &meta).map_err(io_error("delete", root));
    }
    if !meta.is_dir() {
        return imp::remove_file(root).map_err(io_error("delete", root));
    }
    if is_mount_point(root) {
        return Err(Error::RootIsMount {
            root: root.to_owned(),
        });
    }
    check(root)?;
    let device = imp::device(root, &meta).map_err(io_error("inspect", root))?;
    let listed = listed_mounts_inside(root);
    delete_contents(root, root, device, &listed)?;
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
    super::swap::rename_no_replace(path, aside).map_err(io_error("move aside", path))?;
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
    #[cfg(target_os = "linux")]
    {
        let text = fs::read("/proc/self/mountinfo").ok()?;
        Some(parse_mountinfo(&text))
    }
    #[cfg(not(target_os = "linux"))]
    None
}

/// Field 5 of each line of `mountinfo(5)`: the mount point, with space, tab, newline
/// and backslash written as octal escapes.
#[cfg(unix)]
fn parse_mountinfo(text: &[u8]) -> HashSet<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    text.split(|&b| b == b'\n')
        .filter_map(|line| line.split(|&b| b == b' ').nth(4))
        .map(|field| PathBuf::from(std::ffi::OsString::from_vec(unescape_octal(field))))
        .collect()
}

#[cfg(unix)]
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
/// table, a volume mount point, or on another device than `device`. Mount points are
/// not entered, nor are links.
fn walk(
    dir: &Path,
    device: u64,
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
            match classify(&path, &meta, rel, device, listed)? {
                Entry::Mount => found(&path),
                Entry::Dir => pending.push(path),
                Entry::Link | Entry::File => {}
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
    device: u64,
    listed: &HashSet<PathBuf>,
) -> Result<(), Error> {
    for entry in fs::read_dir(dir).map_err(io_error("read", dir))? {
        let entry = entry.map_err(io_error("read", dir))?;
        let path = entry.path();
        let meta = fs::symlink_metadata(&path).map_err(io_error("inspect", &path))?;
        let rel = path.strip_prefix(root).unwrap_or(&path);
        match classify(&path, &meta, rel, device, listed)? {
            Entry::Mount => {
                return Err(Error::MountInside {
                    root: root.to_owned(),
                    mount: path,
                });
            }
            Entry::Dir => {
                delete_contents(root, &path, device, listed)?;
                fs::remove_dir(&path).map_err(io_error("delete", &path))?;
            }
            Entry::Link => imp::remove_link(&path, &meta).map_err(io_error("delete", &path))?,
            Entry::File => imp::remove_file(&path).map_err(io_error("delete", &path))?,
        }
    }
    Ok(())
}

#[cfg(unix)]
mod imp {
    use std::fs;
    use std::io;
    use std::os::unix::fs::MetadataExt;
    use std::path::Path;

    pub fn device(_: &Path, meta: &fs::Metadata) -> io::Result<u64> {
        Ok(meta.dev())
    }

    /// The device check and the mount table find mounts on Unix.
    pub fn is_mount_entry(_: &Path, _: &fs::Metadata) -> bool {
        false
    }

    pub fn is_mount_point(path: &Path) -> bool {
        let Ok(canonical) = fs::canonicalize(path) else {
            return false;
        };
        if super::mount_points().is_some_and(|points| points.contains(&canonical)) {
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

    /// A symbolic link, to a directory or not, is unlinked like a file.
    pub fn remove_link(path: &Path, _: &fs::Metadata) -> io::Result<()> {
        fs::remove_file(path)
    }

    pub fn remove_file(path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }
}

#[cfg(windows)]
mod imp {
    use std::fs;
    use std::io;
    use std::os::windows::fs::FileTypeExt;
    use std::path::Path;

    use windows_sys::Win32::Storage::FileSystem::GetVolumeNameForVolumeMountPointW;

    use super::super::identity::FileId;
    use super::super::wide::wide;

    /// The volume serial number, from the entry itself (a reparse point is not followed).
    pub fn device(path: &Path, _: &fs::Metadata) -> io::Result<u64> {
        FileId::of_link(path).map(|id| id.volume)
    }

    /// A folder a volume is mounted in is a name-surrogate reparse point (as a junction
    /// is) that names a volume: `GetVolumeNameForVolumeMountPointW` answers only for those.
    pub fn is_mount_entry(path: &Path, meta: &fs::Metadata) -> bool {
        meta.file_type().is_symlink_dir() && names_a_volume(path)
    }

    pub fn is_mount_point(path: &Path) -> bool {
        let Ok(meta) = fs::symlink_metadata(path) else {
            return false;
        };
        // A drive's root (`C:\`, `\\?\C:\`, `\\server\share\`) has no parent to differ from.
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        absolute.parent().is_none() || is_mount_entry(path, &meta)
    }

    fn names_a_volume(path: &Path) -> bool {
        // The function wants the path with a trailing backslash.
        let mut text = path.as_os_str().to_owned();
        text.push("\\");
        let Ok(name) = wide(&text) else {
            return false;
        };
        let mut volume = [0u16; 64];
        // SAFETY: a NUL-terminated path and a buffer of the length given.
        unsafe {
            GetVolumeNameForVolumeMountPointW(
                name.as_ptr(),
                volume.as_mut_ptr(),
                volume.len() as u32,
            ) != 0
        }
    }

    /// A directory link or junction is removed as a directory (which removes the link,
    /// never what it points at), a file link as a file.
    pub fn remove_link(path: &Path, meta: &fs::Metadata) -> io::Result<()> {
        if meta.file_type().is_symlink_dir() {
            fs::remove_dir(path)
        } else {
            fs::remove_file(path)
        }
    }

    /// Windows refuses to delete a read-only file (pip installs some, git packs are):
    /// clear the flag, as `shutil.rmtree`'s callers do, and try again.
    pub fn remove_file(path: &Path) -> io::Result<()> {
        match fs::remove_file(path) {
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
                let mut permissions = fs::symlink_metadata(path)?.permissions();
                if !permissions.readonly() {
                    return Err(e);
                }
                #[allow(clippy::permissions_set_readonly_false)]
                permissions.set_readonly(false);
                fs::set_permissions(path, permissions)?;
                fs::remove_file(path)
            }
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
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
        // Wine makes no links (nor junctions): this part runs on Unix only.
        #[cfg(unix)]
        std::os::unix::fs::symlink(&outside, root.join("a/link")).unwrap();
        assert!(mounts_inside(&root).unwrap().is_empty());
        assert!(!is_mount_point(&root));
        remove_dir_all(&root).unwrap();
        assert!(!root.exists());
        assert!(outside.join("keep").exists());
        // Already gone: nothing to do.
        remove_dir_all(&root).unwrap();
    }
}
