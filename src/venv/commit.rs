//! Moving a staged environment into an existing target directory (issue 10).
//!
//! The staging directory sits inside the target, so every move is a `rename` on one
//! file system: a whole missing subtree moves in one step, directories present on both
//! sides are merged, and `pyvenv.cfg` moves last, so until the end the target does not
//! look like a finished environment. What is already in the target is never changed
//! unless the [`Policy`] says venvsh owns it: a file that is the same as the staged one
//! is kept, a different one is kept (re-runs) or refused (a folder that is not an
//! environment) before anything moves.

use std::cell::RefCell;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::Error;
use super::atomic::TRASH_PREFIX;
use super::interpreter::unique_suffix;
use super::layout::Layout;
use crate::platform::identity::FileId;
use crate::platform::{mode, remove, swap};

/// Who owns what is already in the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    /// Nothing of anyone's is left (an empty folder, or one `--clear` emptied).
    Fresh,
    /// A folder that is not an environment: its files stay, and one where venvsh would
    /// put a different file is refused (venvsh never overwrites what it did not write).
    Folder,
    /// An environment of this interpreter, re-run: what is missing is added, the rest kept.
    Repair,
    /// `--upgrade`: as `Repair`, but `pyvenv.cfg` and the interpreter links are replaced.
    Upgrade,
}

/// The moves a commit makes, decided before any of them is made.
#[derive(Debug, Default)]
pub struct Plan {
    /// Staged paths (relative) that move in, in order; `replace` ones go over a file.
    moves: Vec<(PathBuf, bool)>,
    /// `pyvenv.cfg`: moved in last, if at all.
    config: Option<bool>,
    /// Files left alone although they differ from what venvsh would write.
    pub kept: Vec<PathBuf>,
}

impl Plan {
    /// How many entries the commit adds or replaces (`pyvenv.cfg` included).
    pub fn changes(&self) -> usize {
        self.moves.len() + usize::from(self.config.is_some())
    }

    /// Whether the staged `rel` moves in.
    pub fn moves(&self, rel: &Path) -> bool {
        self.moves.iter().any(|(r, _)| r == rel)
    }
}

/// Decide every move of `stage` into `target` under `policy`; a conflict is an error
/// and nothing has moved.
pub fn plan(stage: &Path, target: &Path, policy: Policy, layout: &Layout) -> Result<Plan, Error> {
    let mut plan = Plan::default();
    let managed: Vec<PathBuf> = layout
        .interpreter_files()
        .into_iter()
        .map(|name| layout.scripts.join(name))
        .collect();
    walk(stage, target, Path::new(""), policy, &managed, &mut plan)?;
    let config = Path::new("pyvenv.cfg");
    if stage.join(config).exists() {
        plan.config = match fs::symlink_metadata(target.join(config)) {
            Err(_) => Some(false),
            Ok(_) if policy == Policy::Upgrade => Some(true),
            Ok(_) if policy == Policy::Repair => None,
            Ok(_) => return Err(conflict(target, config)),
        };
    }
    Ok(plan)
}

fn walk(
    stage: &Path,
    target: &Path,
    rel: &Path,
    policy: Policy,
    managed: &[PathBuf],
    plan: &mut Plan,
) -> Result<(), Error> {
    let dir = stage.join(rel);
    let mut entries: Vec<_> = fs::read_dir(&dir)
        .map_err(|e| Error::io("read", &dir, e))?
        .flatten()
        .map(|e| e.file_name())
        .collect();
    entries.sort();
    for name in entries {
        let rel = rel.join(&name);
        if rel == Path::new("pyvenv.cfg") {
            continue;
        }
        let ours =
            fs::symlink_metadata(stage.join(&rel)).map_err(|e| Error::io("read", &rel, e))?;
        let theirs = match fs::symlink_metadata(target.join(&rel)) {
            Ok(meta) => meta,
            Err(_) => {
                plan.moves.push((rel, false));
                continue;
            }
        };
        if ours.is_dir() && theirs.is_dir() {
            walk(stage, target, &rel, policy, managed, plan)?;
            continue;
        }
        if same(&stage.join(&rel), &target.join(&rel)) {
            continue;
        }
        // Never overwritten, whoever wrote them: a project's own `.gitignore` (issue 10),
        // and `lib64`, which venv too leaves alone when it exists.
        if rel == Path::new(".gitignore") || rel == Path::new("lib64") {
            plan.kept.push(rel);
            continue;
        }
        let replaceable = !ours.is_dir() && !theirs.is_dir();
        let dangling = theirs.file_type().is_symlink() && fs::metadata(target.join(&rel)).is_err();
        match policy {
            Policy::Upgrade if replaceable && managed.contains(&rel) => {
                plan.moves.push((rel, true))
            }
            Policy::Repair | Policy::Upgrade if replaceable && dangling => {
                plan.moves.push((rel, true))
            }
            Policy::Repair | Policy::Upgrade if !ours.is_dir() || theirs.is_dir() => {
                plan.kept.push(rel)
            }
            _ => return Err(conflict(target, &rel)),
        }
    }
    Ok(())
}

fn conflict(target: &Path, rel: &Path) -> Error {
    Error::Conflict {
        path: target.join(rel),
    }
}

/// The same file: the same identity (inode), or the same kind, bytes and executable bit.
fn same(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (fs::symlink_metadata(a), fs::symlink_metadata(b)) else {
        return false;
    };
    if matches!((FileId::of_link(a), FileId::of_link(b)), (Ok(ia), Ok(ib)) if ia == ib) {
        return true;
    }
    if ma.file_type().is_symlink() && mb.file_type().is_symlink() {
        return fs::read_link(a).ok() == fs::read_link(b).ok();
    }
    if !(ma.is_file() && mb.is_file())
        || ma.len() != mb.len()
        || mode::is_executable(a, &ma) != mode::is_executable(b, &mb)
    {
        return false;
    }
    let (Ok(mut fa), Ok(mut fb)) = (fs::File::open(a), fs::File::open(b)) else {
        return false;
    };
    let (mut ba, mut bb) = ([0u8; 8192], [0u8; 8192]);
    loop {
        let (Ok(na), Ok(nb)) = (read_full(&mut fa, &mut ba), read_full(&mut fb, &mut bb)) else {
            return false;
        };
        if na != nb || ba[..na] != bb[..nb] {
            return false;
        }
        if na == 0 {
            return true;
        }
    }
}

fn read_full(file: &mut fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

/// A hidden directory inside the target that what is being removed is moved into, and
/// which is deleted at the end (a killed run's is swept by the next create).
pub struct Trash {
    path: PathBuf,
    /// What was taken, from where, in order.
    taken: RefCell<Vec<(PathBuf, PathBuf)>>,
}

impl Trash {
    pub fn new(target: &Path) -> Result<Self, Error> {
        let path = target.join(format!("{TRASH_PREFIX}{}", unique_suffix()));
        fs::create_dir(&path).map_err(|e| Error::io("create a directory in", target, e))?;
        Ok(Self {
            path,
            taken: RefCell::default(),
        })
    }

    /// Put back everything taken (a refusal after the trash was filled), best effort,
    /// and delete the trash if that emptied it.
    pub fn restore(&self) {
        for (from, to) in self.taken.borrow_mut().drain(..).rev() {
            let _ = fs::rename(&to, &from);
        }
        let _ = fs::remove_dir(&self.path);
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Move `target/rel` into the trash, if it exists. Every directory on the way must be
    /// a real one: a link would take the move outside the environment.
    pub fn take(&self, target: &Path, rel: &Path) -> Result<(), Error> {
        let mut dir = target.to_owned();
        let parents: Vec<_> = rel
            .parent()
            .map(|p| p.components().collect())
            .unwrap_or_default();
        for part in parents {
            dir.push(part);
            match fs::symlink_metadata(&dir) {
                Ok(meta) if meta.is_dir() => {}
                _ => return Ok(()),
            }
        }
        let from = target.join(rel);
        if fs::symlink_metadata(&from).is_err() {
            return Ok(());
        }
        let to = self.path.join(format!(
            "{}-{}",
            unique_suffix(),
            rel.file_name().unwrap_or_default().to_string_lossy()
        ));
        swap::rename_no_replace(&from, &to).map_err(|e| Error::io("move aside", &from, e))?;
        self.taken.borrow_mut().push((from, to));
        Ok(())
    }

    /// Every entry of `target` but the given ones, `pyvenv.cfg` first so that the target
    /// stops looking like an environment at once.
    pub fn take_all_but(&self, target: &Path, keep: &[&Path]) -> Result<(), Error> {
        self.take(target, Path::new("pyvenv.cfg"))?;
        for entry in fs::read_dir(target).map_err(|e| Error::io("read", target, e))? {
            let entry = entry.map_err(|e| Error::io("read", target, e))?;
            let path = entry.path();
            if path == self.path || keep.contains(&path.as_path()) {
                continue;
            }
            self.take(target, Path::new(&entry.file_name()))?;
        }
        Ok(())
    }

    /// Delete the trash; on failure say what is left, for a warning.
    pub fn empty(self) -> Result<(), String> {
        remove::remove_dir_all(&self.path).map_err(|e| {
            format!(
                "{e}; what --clear or --upgrade replaced is left in {}",
                self.path.display()
            )
        })
    }
}

/// Make the moves: everything but `pyvenv.cfg`, then `pyvenv.cfg`.
pub fn execute(plan: &Plan, stage: &Path, target: &Path) -> Result<(), Error> {
    // Onto a file the plan replaces, `fs::rename` (it replaces files on Windows too);
    // elsewhere a rename that never replaces, retried on Windows while a scanner holds a
    // new file open.
    let rename = |from: &Path, to: &Path, replace: bool| {
        if replace {
            fs::rename(from, to)
        } else {
            swap::rename_no_replace(from, to)
        }
    };
    for (rel, replace) in &plan.moves {
        let to = target.join(rel);
        rename(&stage.join(rel), &to, *replace).map_err(|e| Error::io("move into place", to, e))?;
    }
    if let Some(replace) = plan.config {
        let to = target.join("pyvenv.cfg");
        rename(&stage.join("pyvenv.cfg"), &to, replace)
            .map_err(|e| Error::io("move into place", to, e))?;
    }
    Ok(())
}
