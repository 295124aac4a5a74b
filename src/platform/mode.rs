//! File modes. Unix has permission bits; on Windows a file is executable by its
//! extension, and new files get their permissions from the directory's ACL, so the
//! mode arguments are ignored there.

use std::fs::{File, Metadata, OpenOptions};
use std::io;
use std::path::Path;

/// The extensions Windows runs without naming an interpreter (PATHEXT's defaults
/// that are files; `.vbs` and friends need a script host).
pub const WINDOWS_EXECUTABLE_EXTENSIONS: &[&str] = &["exe", "com", "bat", "cmd"];

/// Whether the file `path` (with metadata `meta`) can be run: an execute bit on Unix,
/// an executable extension on Windows.
pub fn is_executable(path: &Path, meta: &Metadata) -> bool {
    meta.is_file() && imp::is_executable(path, meta)
}

/// A new file at `path` (it must not exist) with `mode` on Unix.
pub fn create_new(path: &Path, mode: u32) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    imp::set_open_mode(&mut options, mode);
    options.open(path)
}

/// Set `path`'s mode on Unix; nothing on Windows.
pub fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    imp::set_mode(path, mode)
}

#[cfg(unix)]
mod imp {
    use std::fs::{self, Metadata, OpenOptions};
    use std::io;
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    use std::path::Path;

    pub fn is_executable(_: &Path, meta: &Metadata) -> bool {
        meta.permissions().mode() & 0o111 != 0
    }

    pub fn set_open_mode(options: &mut OpenOptions, mode: u32) {
        options.mode(mode);
    }

    pub fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
        fs::set_permissions(path, fs::Permissions::from_mode(mode))
    }
}

#[cfg(windows)]
mod imp {
    use std::fs::{Metadata, OpenOptions};
    use std::io;
    use std::path::Path;

    pub fn is_executable(path: &Path, _: &Metadata) -> bool {
        path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            super::WINDOWS_EXECUTABLE_EXTENSIONS
                .iter()
                .any(|x| x.eq_ignore_ascii_case(e))
        })
    }

    pub fn set_open_mode(_: &mut OpenOptions, _: u32) {}

    pub fn set_mode(_: &Path, _: u32) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn executables_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let name = if cfg!(windows) { "tool.EXE" } else { "tool" };
        let tool = dir.path().join(name);
        drop(create_new(&tool, 0o755).unwrap());
        assert!(
            create_new(&tool, 0o755).is_err(),
            "create_new replaced a file"
        );
        let data = dir.path().join("data.txt");
        drop(create_new(&data, 0o644).unwrap());
        assert!(is_executable(&tool, &fs::metadata(&tool).unwrap()));
        assert!(!is_executable(&data, &fs::metadata(&data).unwrap()));
        assert!(!is_executable(
            dir.path(),
            &fs::metadata(dir.path()).unwrap()
        ));
        set_mode(&data, 0o755).unwrap();
        assert_eq!(
            is_executable(&data, &fs::metadata(&data).unwrap()),
            cfg!(unix)
        );
    }
}
