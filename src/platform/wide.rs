//! Paths as the NUL-terminated UTF-16 that Windows' `…W` functions take.

use std::ffi::OsStr;
use std::io;
use std::os::windows::ffi::OsStrExt;

/// `path` with a terminating NUL; a NUL inside it is an error, not a shorter path.
pub fn wide(path: &OsStr) -> io::Result<Vec<u16>> {
    let mut units: Vec<u16> = path.encode_wide().collect();
    if units.contains(&0) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "a path contains a NUL character",
        ));
    }
    units.push(0);
    Ok(units)
}
