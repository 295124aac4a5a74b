//! Reading files a project controls, with bounds.
//!
//! A cloned repository decides what `.venv`, `pyvenv.cfg` and `bin/` are: a symbolic link
//! to `/proc/self/pagemap` reads until memory runs out, one to `/dev/tty` or a FIFO blocks
//! the prompt and swallows keystrokes (issue 8, item 7). So a file is opened without
//! blocking and without becoming the controlling terminal, must be a regular file once
//! open, and is read up to a cap.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The most any project file venvsh reads may hold (a `pyvenv.cfg`, a `.venv` redirect).
pub const SMALL_FILE: u64 = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("could not read {}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("{} is not a regular file", .path.display())]
    NotRegular { path: PathBuf },
    #[error("{} is larger than {limit} bytes", .path.display())]
    TooLarge { path: PathBuf, limit: u64 },
}

impl crate::error::Hint for Error {
    fn hint(&self) -> Option<String> {
        match self {
            Error::NotRegular { .. } | Error::TooLarge { .. } => Some(
                "venvsh reads only small regular files of a project (a .venv file, \
                 pyvenv.cfg); replace this one"
                    .into(),
            ),
            Error::Io { .. } => None,
        }
    }
}

impl Error {
    /// Whether the file is simply not there.
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == io::ErrorKind::NotFound)
    }
}

/// The contents of the regular file at `path` (links followed), at most `limit` bytes.
pub fn bounded(path: &Path, limit: u64) -> Result<Vec<u8>, Error> {
    let io_error = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let file = open_nonblocking(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    if !meta.is_file() {
        return Err(Error::NotRegular {
            path: path.to_owned(),
        });
    }
    // The size in the metadata is a hint for the buffer, never a bound: files in /proc
    // report 0. One byte past the limit tells a file at the limit from a larger one.
    let hint = usize::try_from(meta.len().min(limit) + 1).unwrap_or(0);
    let mut contents = Vec::with_capacity(hint);
    file.take(limit + 1)
        .read_to_end(&mut contents)
        .map_err(io_error)?;
    if contents.len() as u64 > limit {
        return Err(Error::TooLarge {
            path: path.to_owned(),
            limit,
        });
    }
    Ok(contents)
}

/// [`bounded`], as text (invalid UTF-8 replaced).
pub fn bounded_text(path: &Path, limit: u64) -> Result<String, Error> {
    bounded(path, limit).map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_are_read_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, "12345").unwrap();
        assert_eq!(bounded(&file, 5).unwrap(), b"12345");
        assert!(matches!(bounded(&file, 4), Err(Error::TooLarge { .. })));
        assert!(
            bounded(&dir.path().join("absent"), 5)
                .unwrap_err()
                .is_not_found()
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_fifos_and_directories_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(bounded(&fifo, 10), Err(Error::NotRegular { .. })));
        assert!(matches!(
            bounded(Path::new("/dev/null"), 10),
            Err(Error::NotRegular { .. })
        ));
        assert!(matches!(
            bounded(dir.path(), 10),
            Err(Error::NotRegular { .. })
        ));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn proc_files_that_never_end_stop_at_the_limit() {
        assert!(matches!(
            bounded(Path::new("/proc/self/pagemap"), SMALL_FILE),
            Err(Error::TooLarge { .. }) | Err(Error::Io { .. })
        ));
    }
}
