//! Which file a path names: two paths are the same file when their identities match,
//! and a file replaced at the same path gets a new one.
//!
//! Unix: device and inode. Windows: the volume serial number and the file index, from
//! an open handle (the index is 128 bits on ReFS; NTFS's 64 fit in it).

use std::io;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileId {
    /// `st_dev`; the volume serial number.
    pub volume: u64,
    /// `st_ino`; the file index (file ID).
    pub index: u128,
}

impl FileId {
    /// The file `path` names, following symbolic links.
    pub fn of(path: &Path) -> io::Result<Self> {
        imp::of(path, true)
    }

    /// `path` itself, a symbolic link (or junction) included.
    pub fn of_link(path: &Path) -> io::Result<Self> {
        imp::of(path, false)
    }
}

/// How many names (hard links) the file `path` has; a link is not followed.
pub fn link_count(path: &Path) -> io::Result<u64> {
    imp::link_count(path)
}

/// What must not change for something learned from a file to stay true: its identity,
/// size and modification time (nanoseconds since the epoch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    pub volume: u64,
    pub index: u128,
    pub size: u64,
    pub modified_ns: i128,
}

impl Stamp {
    /// The stamp of the file `path` names, following symbolic links.
    pub fn of(path: &Path) -> io::Result<Self> {
        let meta = std::fs::metadata(path)?;
        let id = FileId::of(path)?;
        let modified_ns = match meta.modified()?.duration_since(std::time::UNIX_EPOCH) {
            Ok(after) => after.as_nanos() as i128,
            Err(before) => -(before.duration().as_nanos() as i128),
        };
        Ok(Self {
            volume: id.volume,
            index: id.index,
            size: meta.len(),
            modified_ns,
        })
    }
}

/// Whether `a` and `b` name the same file; false when either cannot be read.
pub fn same_file(a: &Path, b: &Path) -> bool {
    matches!((FileId::of(a), FileId::of(b)), (Ok(a), Ok(b)) if a == b)
}

#[cfg(unix)]
mod imp {
    use std::fs;
    use std::io;
    use std::os::unix::fs::MetadataExt;
    use std::path::Path;

    use super::FileId;

    pub fn of(path: &Path, follow: bool) -> io::Result<FileId> {
        let meta = if follow {
            fs::metadata(path)?
        } else {
            fs::symlink_metadata(path)?
        };
        Ok(FileId {
            volume: meta.dev(),
            index: u128::from(meta.ino()),
        })
    }

    pub fn link_count(path: &Path) -> io::Result<u64> {
        Ok(fs::symlink_metadata(path)?.nlink())
    }
}

#[cfg(windows)]
mod imp {
    use std::fs::OpenOptions;
    use std::io;
    use std::os::windows::fs::OpenOptionsExt;
    use std::os::windows::io::AsRawHandle;
    use std::path::Path;

    use windows_sys::Win32::Foundation::HANDLE;
    use windows_sys::Win32::Storage::FileSystem::{
        BY_HANDLE_FILE_INFORMATION, FILE_FLAG_BACKUP_SEMANTICS, FILE_FLAG_OPEN_REPARSE_POINT,
        FILE_ID_INFO, FILE_READ_ATTRIBUTES, FILE_SHARE_DELETE, FILE_SHARE_READ, FILE_SHARE_WRITE,
        FileIdInfo, GetFileInformationByHandle, GetFileInformationByHandleEx,
    };

    use super::FileId;

    /// `path` opened for its attributes only, sharing everything: nobody else is
    /// blocked meanwhile. Backup semantics opens directories too.
    fn open(path: &Path, follow: bool) -> io::Result<std::fs::File> {
        let mut flags = FILE_FLAG_BACKUP_SEMANTICS;
        if !follow {
            flags |= FILE_FLAG_OPEN_REPARSE_POINT;
        }
        OpenOptions::new()
            .access_mode(FILE_READ_ATTRIBUTES)
            .share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)
            .custom_flags(flags)
            .open(path)
    }

    pub fn link_count(path: &Path) -> io::Result<u64> {
        let file = open(path, false)?;
        // SAFETY: a valid handle and a structure to fill.
        unsafe {
            let mut info: BY_HANDLE_FILE_INFORMATION = std::mem::zeroed();
            if GetFileInformationByHandle(file.as_raw_handle() as HANDLE, &mut info) == 0 {
                return Err(io::Error::last_os_error());
            }
            Ok(u64::from(info.nNumberOfLinks))
        }
    }

    pub fn of(path: &Path, follow: bool) -> io::Result<FileId> {
        let file = open(path, follow)?;
        let handle = file.as_raw_handle() as HANDLE;
        // SAFETY: a valid handle and a buffer of the size given.
        unsafe {
            let mut info: FILE_ID_INFO = std::mem::zeroed();
            if GetFileInformationByHandleEx(
                handle,
                FileIdInfo,
                (&raw mut info).cast(),
                size_of::<FILE_ID_INFO>() as u32,
            ) != 0
            {
                return Ok(FileId {
                    volume: info.VolumeSerialNumber,
                    index: u128::from_le_bytes(info.FileId.Identifier),
                });
            }
            // Before Windows 8 / Server 2012, and on file systems without 128-bit IDs.
            let mut info: BY_HANDLE_FILE_INFORMATION = std::mem::zeroed();
            if GetFileInformationByHandle(handle, &mut info) == 0 {
                return Err(io::Error::last_os_error());
            }
            Ok(FileId {
                volume: u64::from(info.dwVolumeSerialNumber),
                index: (u128::from(info.nFileIndexHigh) << 32) | u128::from(info.nFileIndexLow),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn same_file_new_file_and_links() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        fs::write(&a, "x").unwrap();
        let first = FileId::of(&a).unwrap();
        assert_eq!(FileId::of(&dir.path().join(".").join("a")).unwrap(), first);
        assert!(same_file(&a, &a));
        assert_eq!(link_count(&a).unwrap(), 1);
        let stamp = Stamp::of(&a).unwrap();
        fs::hard_link(&a, dir.path().join("hard")).unwrap();
        assert!(same_file(&a, &dir.path().join("hard")));
        assert_eq!(link_count(&a).unwrap(), 2);
        assert_eq!(Stamp::of(&dir.path().join("hard")).unwrap(), stamp);
        assert_eq!(
            (stamp.size, stamp.volume, stamp.index),
            (1, first.volume, first.index)
        );

        let b = dir.path().join("b");
        fs::write(&b, "x").unwrap();
        assert_ne!(FileId::of(&b).unwrap(), first);
        assert!(!same_file(&a, &b));
        assert!(!same_file(&a, &dir.path().join("missing")));
        // Directories have one too.
        assert_ne!(FileId::of(dir.path()).unwrap(), first);

        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&a, dir.path().join("link")).unwrap();
            let link = dir.path().join("link");
            assert_eq!(FileId::of(&link).unwrap(), first);
            assert_ne!(FileId::of_link(&link).unwrap(), first);
        }
    }
}
