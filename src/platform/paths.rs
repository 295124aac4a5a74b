//! Path facts that differ between Unix and Windows.

use std::path::{Path, PathBuf};

/// What separates the entries of PATH: `;` on Windows (where `C:\x` holds a colon).
pub const PATH_SEPARATOR: char = if cfg!(windows) { ';' } else { ':' };

/// Whether opening `path` may reach another machine by itself: on Windows a UNC path
/// (`\\server\share\…`, `//server/share/…`, `\\?\UNC\…`) or any other `\\` path that
/// is not a drive (`\\?\GLOBALROOT\Device\Mup\…` reaches shares too). Windows answers
/// such a path by connecting to the server and authenticating as the user, so a path
/// that a file in a cloned repository chose must not be opened without the user asking
/// (the server learns the user's credentials hash). Drive letters, mapped or not, are
/// local: a mapped drive is a connection the user made. Never true on Unix.
pub fn may_reach_network(path: &Path) -> bool {
    cfg!(windows) && path.to_str().is_none_or(windows_path_may_reach_network)
}

/// [`may_reach_network`]'s rule for Windows path text, on every platform (for tests).
pub fn windows_path_may_reach_network(path: &str) -> bool {
    let text = path.replace('/', "\\");
    let Some(rest) = text.strip_prefix("\\\\") else {
        return false;
    };
    // \\?\C:\… and \\.\C:\… are a drive; everything else that starts with \\ is not.
    let drive = rest
        .strip_prefix("?\\")
        .or_else(|| rest.strip_prefix(".\\"))
        .and_then(|r| r.get(..3))
        .is_some_and(|d| {
            let d = d.as_bytes();
            d[0].is_ascii_alphabetic() && d[1] == b':' && d[2] == b'\\'
        });
    !drive
}

/// `path` without Windows' verbatim prefix, which `fs::canonicalize` adds there:
/// `\\?\C:\x` is `C:\x`, `\\?\UNC\server\share` is `\\server\share`. Unchanged elsewhere.
pub fn without_verbatim_prefix(path: PathBuf) -> PathBuf {
    if !cfg!(windows) {
        return path;
    }
    match path.to_str().and_then(strip_verbatim) {
        Some(plain) => PathBuf::from(plain),
        None => path,
    }
}

/// [`without_verbatim_prefix`]'s rule for Windows path text (for tests everywhere);
/// `None` when there is nothing to strip.
pub fn strip_verbatim(path: &str) -> Option<String> {
    let rest = path.strip_prefix(r"\\?\")?;
    if let Some(unc) = rest.strip_prefix(r"UNC\") {
        return Some(format!(r"\\{unc}"));
    }
    let b = rest.as_bytes();
    (b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'\\')
        .then(|| rest.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_paths_on_windows() {
        for remote in [
            r"\\server\share\.venv",
            "//server/share/.venv",
            r"\\?\UNC\server\share\x",
            r"\\.\UNC\server\share\x",
            r"\\?\GLOBALROOT\Device\Mup\server\share",
            r"\\server",
            r"\\",
            r"\\?\",
        ] {
            assert!(windows_path_may_reach_network(remote), "{remote}");
        }
        for local in [
            r"C:\Users\me\.venv",
            r"c:/x",
            r"\\?\C:\very\long",
            r"\\.\D:\x",
            r"relative\.venv",
            r"\rooted",
            "/tmp/x",
        ] {
            assert!(!windows_path_may_reach_network(local), "{local}");
        }
        assert_eq!(
            may_reach_network(Path::new(r"\\server\share")),
            cfg!(windows)
        );
        assert!(!may_reach_network(Path::new(r"C:\x")));
    }

    #[test]
    fn verbatim_prefixes_are_dropped() {
        assert_eq!(strip_verbatim(r"\\?\C:\x\y").as_deref(), Some(r"C:\x\y"));
        assert_eq!(
            strip_verbatim(r"\\?\UNC\srv\share\x").as_deref(),
            Some(r"\\srv\share\x")
        );
        assert_eq!(strip_verbatim(r"\\?\GLOBALROOT\x"), None);
        assert_eq!(strip_verbatim(r"C:\x"), None);
        let canonical = PathBuf::from(r"\\?\C:\x");
        let expected = if cfg!(windows) { r"C:\x" } else { r"\\?\C:\x" };
        assert_eq!(without_verbatim_prefix(canonical), PathBuf::from(expected));
    }
}
