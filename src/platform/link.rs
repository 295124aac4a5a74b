//! Symbolic and hard links, and when to copy instead.
//!
//! Windows lets a process make symbolic links only with a privilege or in Developer
//! Mode, and FAT has no links at all; venv's default there is copies. These functions
//! say when a link was refused for such a reason, so the caller copies instead.

use std::io;
use std::path::Path;

/// A symbolic link at `link` pointing at `target` (relative to `link`'s directory, if
/// relative). On Windows the link is a directory link when `target` is a directory.
pub fn symlink(target: &Path, link: &Path) -> io::Result<()> {
    imp::symlink(target, link)
}

/// Whether a symbolic link failed because links cannot be made there (by this user, on
/// this file system), so that a copy is the answer.
pub fn symlink_refused(e: &io::Error) -> bool {
    imp::symlink_refused(e)
}

/// Whether a hard link failed where a copy works: another file system, a file at its
/// link limit, a file system or policy without hard links.
pub fn hard_link_refused(e: &io::Error) -> bool {
    imp::hard_link_refused(e)
}

/// A symbolic link, or where links are refused a copy of `real` (what `target` names);
/// returns whether it linked.
pub fn symlink_or_copy(target: &Path, link: &Path, real: &Path) -> io::Result<bool> {
    match symlink(target, link) {
        Ok(()) => Ok(true),
        Err(e) if symlink_refused(&e) => std::fs::copy(real, link).map(|_| false),
        Err(e) => Err(e),
    }
}

#[cfg(unix)]
mod imp {
    use std::io;
    use std::path::Path;

    pub fn symlink(target: &Path, link: &Path) -> io::Result<()> {
        std::os::unix::fs::symlink(target, link)
    }

    pub fn symlink_refused(e: &io::Error) -> bool {
        matches!(e.raw_os_error(), Some(libc::EPERM | libc::EOPNOTSUPP))
    }

    pub fn hard_link_refused(e: &io::Error) -> bool {
        matches!(
            e.raw_os_error(),
            Some(libc::EXDEV | libc::EMLINK | libc::EPERM | libc::EACCES | libc::EOPNOTSUPP)
        )
    }
}

#[cfg(windows)]
mod imp {
    use std::io;
    use std::path::Path;

    use windows_sys::Win32::Foundation::{
        ERROR_ACCESS_DENIED, ERROR_INVALID_FUNCTION, ERROR_NOT_SAME_DEVICE, ERROR_NOT_SUPPORTED,
        ERROR_PRIVILEGE_NOT_HELD, ERROR_TOO_MANY_LINKS,
    };

    pub fn symlink(target: &Path, link: &Path) -> io::Result<()> {
        let resolved = match link.parent() {
            Some(dir) if target.is_relative() => dir.join(target),
            _ => target.to_owned(),
        };
        if std::fs::symlink_metadata(link).is_ok() {
            return Err(io::ErrorKind::AlreadyExists.into());
        }
        // std asks for an unprivileged link (Developer Mode) itself.
        if resolved.is_dir() {
            std::os::windows::fs::symlink_dir(target, link)?;
        } else {
            std::os::windows::fs::symlink_file(target, link)?;
        }
        // Wine (8.0) reports success and makes nothing, even where a file is: a link
        // that is not there was not made, and the caller copies instead.
        match std::fs::symlink_metadata(link) {
            Ok(meta) if meta.is_symlink() => Ok(()),
            _ => Err(io::Error::from_raw_os_error(ERROR_NOT_SUPPORTED as i32)),
        }
    }

    fn code(e: &io::Error) -> Option<u32> {
        e.raw_os_error().map(|c| c as u32)
    }

    pub fn symlink_refused(e: &io::Error) -> bool {
        // No privilege and no Developer Mode; FAT and some network file systems.
        matches!(
            code(e),
            Some(ERROR_PRIVILEGE_NOT_HELD | ERROR_NOT_SUPPORTED | ERROR_INVALID_FUNCTION)
        )
    }

    pub fn hard_link_refused(e: &io::Error) -> bool {
        matches!(
            code(e),
            Some(
                ERROR_NOT_SAME_DEVICE
                    | ERROR_TOO_MANY_LINKS
                    | ERROR_ACCESS_DENIED
                    | ERROR_NOT_SUPPORTED
                    | ERROR_INVALID_FUNCTION
            )
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn links_or_copies() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        fs::write(&real, "x").unwrap();
        let link = dir.path().join("link");
        let linked = symlink_or_copy(Path::new("real"), &link, &real).unwrap();
        assert_eq!(fs::read_to_string(&link).unwrap(), "x");
        assert_eq!(linked, fs::symlink_metadata(&link).unwrap().is_symlink());
        // Something already there is an error, never replaced.
        assert!(symlink_or_copy(Path::new("real"), &link, &real).is_err());
    }

    #[test]
    fn refusals_are_recognized() {
        #[cfg(unix)]
        {
            assert!(symlink_refused(&io::Error::from_raw_os_error(libc::EPERM)));
            assert!(hard_link_refused(&io::Error::from_raw_os_error(
                libc::EXDEV
            )));
            assert!(!hard_link_refused(&io::Error::from_raw_os_error(
                libc::ENOENT
            )));
        }
        #[cfg(windows)]
        {
            assert!(symlink_refused(&io::Error::from_raw_os_error(1314)));
            assert!(hard_link_refused(&io::Error::from_raw_os_error(17)));
            assert!(!hard_link_refused(&io::Error::from_raw_os_error(2)));
        }
        assert!(!symlink_refused(&io::Error::from(
            io::ErrorKind::AlreadyExists
        )));
    }
}
