//! Whether version control put files in a directory: the paths git's index tracks.
//!
//! A repository's commit can force-add `.venv/bin/git`; a `git pull` then writes it into
//! the user's own ignored environment (issue 8, item 4). git is never run here (the
//! repository could configure what it runs); its index is read directly, streamed and
//! bounded, only when trust has something to explain.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Component, Path, PathBuf};

use super::read;

/// The most bytes a `.git` file (a worktree's pointer) may hold.
const GITFILE_LIMIT: u64 = 4096;
/// An index is read only up to this size; a larger one answers "tracked", the cautious
/// answer.
const INDEX_LIMIT: u64 = 1 << 30;

/// Whether git's index, in the work tree containing `dir`, tracks any file inside `dir`.
/// `false` when `dir` is in no work tree; `true` when the index cannot be read whole.
pub fn tracks_anything_in(dir: &Path) -> bool {
    let Some((work_tree, git_dir)) = find_repository(dir) else {
        return false;
    };
    let Ok(relative) = dir.strip_prefix(&work_tree) else {
        return false;
    };
    let mut prefix = Vec::new();
    for component in relative.components() {
        if let Component::Normal(part) = component {
            prefix.extend_from_slice(part.as_encoded_bytes());
            prefix.push(b'/');
        }
    }
    let id_len = object_id_len(&git_dir);
    let index = git_dir.join("index");
    // With an empty prefix the environment is the work tree: all it tracks is inside.
    index_paths(&index, id_len, |path| path.starts_with(&prefix)).unwrap_or(true)
}

/// The length of the repository's object ids: 20 bytes (SHA-1), or 32 where
/// `extensions.objectFormat` is `sha256`.
fn object_id_len(git_dir: &Path) -> usize {
    let config = read::bounded_text(&git_dir.join("config"), read::SMALL_FILE).unwrap_or_default();
    let sha256 = config.lines().any(|line| {
        line.split_once('=').is_some_and(|(key, value)| {
            key.trim().eq_ignore_ascii_case("objectformat")
                && value.trim().eq_ignore_ascii_case("sha256")
        })
    });
    if sha256 { 32 } else { 20 }
}

/// The nearest work tree at or above `dir`, and its git directory.
fn find_repository(dir: &Path) -> Option<(PathBuf, PathBuf)> {
    for candidate in dir.ancestors() {
        let dot_git = candidate.join(".git");
        let Ok(meta) = std::fs::metadata(&dot_git) else {
            continue;
        };
        if meta.is_dir() {
            return Some((candidate.to_owned(), dot_git));
        }
        // A worktree or submodule: `gitdir: PATH`, relative to the work tree.
        let text = read::bounded_text(&dot_git, GITFILE_LIMIT).ok()?;
        let target = text.lines().next()?.strip_prefix("gitdir:")?.trim();
        return Some((candidate.to_owned(), candidate.join(target)));
    }
    None
}

/// Whether any path in the index at `index` satisfies `wanted`; `Err` when the index
/// is not one this reads (then nothing can be said). A missing index tracks nothing.
fn index_paths(index: &Path, id_len: usize, wanted: impl Fn(&[u8]) -> bool) -> io::Result<bool> {
    let file = match File::open(index) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e),
    };
    if !file.metadata()?.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    let mut reader = BufReader::new(file.take(INDEX_LIMIT));
    let mut header = [0u8; 12];
    reader.read_exact(&mut header)?;
    if &header[..4] != b"DIRC" {
        return Err(io::Error::other("not a git index"));
    }
    let version = u32::from_be_bytes(header[4..8].try_into().expect("4 bytes"));
    let entries = u32::from_be_bytes(header[8..12].try_into().expect("4 bytes"));
    if !(2..=4).contains(&version) {
        return Err(io::Error::other("unknown index version"));
    }
    // ctime, mtime, dev, ino, mode, uid, gid, size (40 bytes), the object id, then flags
    // whose low 12 bits are the path's length (0xFFF for 4095 and longer).
    let mut previous: Vec<u8> = Vec::new();
    let mut fixed = vec![0u8; 40 + id_len + 2];
    for _ in 0..entries {
        reader.read_exact(&mut fixed)?;
        let flags = u16::from_be_bytes([fixed[40 + id_len], fixed[41 + id_len]]);
        let path_len = usize::from(flags & 0x0FFF);
        if version >= 3 && flags & 0x4000 != 0 {
            let mut extended = [0u8; 2];
            reader.read_exact(&mut extended)?;
        }
        let path = if version == 4 {
            let strip = read_varint(&mut reader)?;
            let keep = previous
                .len()
                .checked_sub(strip)
                .ok_or_else(|| io::Error::other("bad prefix"))?;
            let mut path = previous[..keep].to_vec();
            reader.read_until(0, &mut path)?;
            path.pop();
            path
        } else {
            let mut path = Vec::new();
            reader.read_until(0, &mut path)?;
            path.pop();
            // Entries are padded with 1 to 8 NULs to a multiple of 8 bytes.
            let extended = if version >= 3 && flags & 0x4000 != 0 {
                2
            } else {
                0
            };
            let entry_len = 40 + id_len + 2 + extended + path.len();
            let padding = 8 - (entry_len % 8);
            let mut pad = vec![0u8; padding - 1];
            reader.read_exact(&mut pad)?;
            path
        };
        if path_len < 0xFFF && path.len() != path_len {
            return Err(io::Error::other("inconsistent entry"));
        }
        if wanted(&path) {
            return Ok(true);
        }
        previous = path;
    }
    Ok(false)
}

/// git's offset varint (index version 4).
fn read_varint(reader: &mut impl Read) -> io::Result<usize> {
    let mut byte = [0u8; 1];
    reader.read_exact(&mut byte)?;
    let mut value = usize::from(byte[0] & 0x7F);
    while byte[0] & 0x80 != 0 {
        reader.read_exact(&mut byte)?;
        value = ((value + 1) << 7) | usize::from(byte[0] & 0x7F);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    use super::*;

    fn git(dir: &Path, args: &[&str]) {
        let status = Command::new("git")
            .args([
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@t",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args)
            .current_dir(dir)
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    fn repo(format: &str, index_version: &str, intent_to_add: bool) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        git(
            dir.path(),
            &["init", "-q", &format!("--object-format={format}")],
        );
        std::fs::create_dir_all(dir.path().join("a/.venv/bin")).unwrap();
        std::fs::create_dir_all(dir.path().join("b/.venv/bin")).unwrap();
        std::fs::write(dir.path().join("README"), "x").unwrap();
        std::fs::write(dir.path().join("a/.venv/bin/git"), "#!/bin/sh\n").unwrap();
        std::fs::write(dir.path().join("b/.venv/bin/pip"), "#!/bin/sh\n").unwrap();
        std::fs::write(dir.path().join("zz-a-long-name-to-pad-entries"), "y").unwrap();
        // Version 4 spells these as prefixes of their neighbours: `b/.venvx` is not in
        // `b/.venv`.
        std::fs::write(dir.path().join("b/.venvx"), "w").unwrap();
        std::fs::write(dir.path().join("b/.venv-other"), "w").unwrap();
        git(
            dir.path(),
            &[
                "add",
                "README",
                "zz-a-long-name-to-pad-entries",
                "b/.venvx",
                "b/.venv-other",
            ],
        );
        git(dir.path(), &["add", "-f", "a/.venv/bin/git"]);
        if intent_to_add {
            std::fs::write(dir.path().join("new"), "z").unwrap();
            git(dir.path(), &["add", "-N", "new"]);
        }
        git(
            dir.path(),
            &["update-index", "--index-version", index_version],
        );
        dir
    }

    #[test]
    fn tracked_environments_are_found_in_every_index_format() {
        for (format, version, intent) in [
            ("sha1", "2", false),
            ("sha1", "3", true),
            ("sha1", "4", true),
            ("sha256", "2", false),
            ("sha256", "4", true),
        ] {
            let dir = repo(format, version, intent);
            let case = format!("{format} index v{version}");
            assert!(tracks_anything_in(&dir.path().join("a/.venv")), "{case}");
            assert!(!tracks_anything_in(&dir.path().join("b/.venv")), "{case}");
            assert!(tracks_anything_in(&dir.path().join("b")), "{case}");
            assert!(tracks_anything_in(&dir.path().join("a")), "{case}");
        }
    }

    #[test]
    fn outside_a_work_tree_nothing_is_tracked() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!tracks_anything_in(dir.path()));
    }

    #[test]
    fn a_worktree_points_at_its_index() {
        let dir = repo("sha1", "2", false);
        git(dir.path(), &["commit", "-q", "-m", "x"]);
        let other = dir.path().join("wt");
        git(
            dir.path(),
            &["worktree", "add", "-q", other.to_str().unwrap()],
        );
        assert!(tracks_anything_in(&other.join("a/.venv")));
        assert!(!tracks_anything_in(&other.join("b/.venv")));
        assert!(!tracks_anything_in(&other.join("c")));
    }
}
