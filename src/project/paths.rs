//! Path arithmetic shared by everything that finds or names an environment.

use std::path::{Component, Path, PathBuf};

/// Lexical normalization, as Python's `os.path.abspath` does: `.` and `..` go, links stay.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(component);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Who owns `path` (links followed), when it is neither `user` nor root: another user's
/// file, which venvsh never trusts (the reasoning of git's `safe.directory`). Unix says
/// `uid N`; Windows compares the owner with this account (`user` is not used there).
pub fn foreign_owner(path: &Path, user: Option<u32>) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let user = user?;
        let owner = std::fs::metadata(path).ok()?.uid();
        (owner != user && owner != 0).then(|| format!("uid {owner}"))
    }
    #[cfg(not(unix))]
    {
        let _ = user;
        let owned = crate::platform::owner::owned_by_current_user(path).ok()?;
        (!owned).then(|| "another account".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_is_lexical() {
        assert_eq!(normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
    }
}
