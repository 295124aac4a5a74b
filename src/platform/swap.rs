//! Putting a new directory in place of an old one without ever losing either.
//!
//! Linux swaps the two in one `renameat2(RENAME_EXCHANGE)`. Elsewhere, and on Linux
//! file systems without it, the old directory is renamed aside, the new one into place,
//! and the old one back if that fails. On Windows the renames are `MoveFileExW` without
//! `MOVEFILE_REPLACE_EXISTING`, so nothing already at a destination is ever replaced,
//! retried briefly while another program (a virus scanner, an indexer) holds a file
//! inside open.

use std::io;
use std::path::{Path, PathBuf};

/// Put `new` at `target`, where a directory already is. Returns where the old directory
/// is now (for the caller to delete): `new`'s path after an atomic swap, else `aside`.
/// On error both directories are where they were, or the error says where the old one
/// is.
pub fn replace_dir(new: &Path, target: &Path, aside: &Path) -> io::Result<PathBuf> {
    match imp::exchange(new, target) {
        Ok(()) => return Ok(new.to_owned()),
        Err(e) if !imp::exchange_unsupported(&e) => return Err(e),
        Err(_) => {}
    }
    rename_no_replace(target, aside)?;
    if let Err(e) = rename_no_replace(new, target) {
        return match rename_no_replace(aside, target) {
            Ok(()) => Err(e),
            Err(_) => Err(io::Error::new(
                e.kind(),
                format!(
                    "{e}; the previous directory is kept at {} and could not be moved back",
                    aside.display()
                ),
            )),
        };
    }
    Ok(aside.to_owned())
}

/// Rename `from` to `to`, failing if something is at `to` (Windows), or if `to` is a
/// non-empty directory (Unix `rename`, which replaces only empty directories).
pub fn rename_no_replace(from: &Path, to: &Path) -> io::Result<()> {
    imp::rename_no_replace(from, to)
}

#[cfg(target_os = "linux")]
mod imp {
    use std::ffi::CString;
    use std::io;
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;

    pub fn exchange(a: &Path, b: &Path) -> io::Result<()> {
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

    /// Kernels before 3.15 (ENOSYS), and file systems without the flag (EINVAL).
    pub fn exchange_unsupported(e: &io::Error) -> bool {
        matches!(e.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS))
    }

    pub fn rename_no_replace(from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }
}

#[cfg(all(unix, not(target_os = "linux")))]
mod imp {
    use std::io;
    use std::path::Path;

    pub fn exchange(_: &Path, _: &Path) -> io::Result<()> {
        Err(io::ErrorKind::Unsupported.into())
    }

    pub fn exchange_unsupported(e: &io::Error) -> bool {
        e.kind() == io::ErrorKind::Unsupported
    }

    pub fn rename_no_replace(from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }
}

#[cfg(windows)]
mod imp {
    use std::io;
    use std::path::Path;
    use std::time::Duration;

    use windows_sys::Win32::Foundation::{ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION};
    use windows_sys::Win32::Storage::FileSystem::MoveFileExW;

    use super::super::wide::wide;

    /// Windows has no atomic exchange of two directories.
    pub fn exchange(_: &std::path::Path, _: &std::path::Path) -> io::Result<()> {
        Err(io::ErrorKind::Unsupported.into())
    }

    pub fn exchange_unsupported(e: &io::Error) -> bool {
        e.kind() == io::ErrorKind::Unsupported
    }

    pub fn rename_no_replace(from: &Path, to: &Path) -> io::Result<()> {
        let (from, to) = (wide(from.as_os_str())?, wide(to.as_os_str())?);
        // A scanner or indexer holding a file inside for a moment makes the rename fail
        // with a sharing violation or access denied; a program running from inside the
        // directory (its python.exe, a shell's current directory) keeps failing.
        let mut delay = Duration::from_millis(20);
        for attempt in 0.. {
            // SAFETY: two NUL-terminated paths; no flags: never replace, same volume only.
            if unsafe { MoveFileExW(from.as_ptr(), to.as_ptr(), 0) } != 0 {
                return Ok(());
            }
            let err = io::Error::last_os_error();
            let transient = matches!(
                err.raw_os_error().map(|c| c as u32),
                Some(ERROR_ACCESS_DENIED | ERROR_SHARING_VIOLATION)
            );
            if !transient || attempt == 5 {
                return Err(err);
            }
            std::thread::sleep(delay);
            delay *= 2;
        }
        unreachable!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn the_new_directory_takes_the_place_of_the_old() {
        let dir = tempfile::tempdir().unwrap();
        let (new, target, aside) = (
            dir.path().join("new"),
            dir.path().join("target"),
            dir.path().join("aside"),
        );
        fs::create_dir(&new).unwrap();
        fs::write(new.join("f"), "new").unwrap();
        fs::create_dir(&target).unwrap();
        fs::write(target.join("f"), "old").unwrap();
        let old = replace_dir(&new, &target, &aside).unwrap();
        assert_eq!(fs::read_to_string(target.join("f")).unwrap(), "new");
        assert_eq!(fs::read_to_string(old.join("f")).unwrap(), "old");
    }

    #[test]
    fn a_failed_move_puts_the_old_directory_back() {
        let dir = tempfile::tempdir().unwrap();
        let (target, aside) = (dir.path().join("target"), dir.path().join("aside"));
        fs::create_dir(&target).unwrap();
        fs::write(target.join("f"), "old").unwrap();
        // `new` does not exist: both the swap and the move into place fail.
        let err = replace_dir(&dir.path().join("missing"), &target, &aside).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
        assert_eq!(fs::read_to_string(target.join("f")).unwrap(), "old");
        assert!(!aside.exists());
    }

    #[test]
    fn rename_no_replace_keeps_what_is_there() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        fs::create_dir(&a).unwrap();
        fs::create_dir(&b).unwrap();
        fs::write(b.join("keep"), "x").unwrap();
        assert!(rename_no_replace(&a, &b).is_err());
        assert!(b.join("keep").exists() && a.exists());
    }
}
