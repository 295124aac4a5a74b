//! Installing pip from the interpreter's bundled wheel, without running pip.
//!
//! This is what `ensurepip` makes pip do (PEP 427): unpack into site-packages,
//! write console scripts for the environment's Python, then `INSTALLER`,
//! `REQUESTED` and a `RECORD` with a sha256 for every file. Bytecode is compiled
//! only on request (`--compile-bytecode`); otherwise Python writes `.pyc` files on
//! first import, as after `uv venv --seed`.
//!
//! The first install of a wheel unzips it, checks every file against its RECORD and
//! keeps it unpacked in the cache: one read-only tree per wheel *content* (so the same
//! wheel bundled at two paths is kept once), under
//! `<cache>/venvsh/wheels/<wheel>-<sha256>`. With [`LinkMode::Hardlink`] (the default)
//! later installs hard-link its files into site-packages, as uv does: a link costs one
//! `linkat` where a copy costs an open, a write and a close, and no data blocks. Where a
//! link is refused (another filesystem, too many links, a filesystem without hard links)
//! they are copied, as with [`LinkMode::Copy`].
//!
//! On Windows pip writes each console script as `<name>.exe`: distlib's launcher
//! (`t64.exe`, or `w64.exe` for GUI scripts, from pip's own `_vendor/distlib`), then the
//! shebang line naming the environment's `python.exe`, then a zip holding the script as
//! `__main__.py`. The launcher reads the shebang and runs that Python on the zip
//! ([`Launchers`]).

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Cursor, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use sha2::{Digest, Sha256};
use zip::ZipArchive;

use super::Error;
use super::interpreter::Facts;
use super::layout::Layout;
use crate::platform::identity::Stamp;
use crate::platform::{link, mode};
use crate::project::record;

/// Where a wheel goes: files are written under `stage`, but every path written
/// *into* a file (shebangs) names `root`, the environment's final location.
pub struct Target<'a> {
    pub stage: &'a Path,
    pub root: &'a Path,
    pub layout: &'a Layout,
    pub python_version: (u32, u32),
    pub link_mode: LinkMode,
    /// Windows: console scripts are `.exe` launchers. `None`: POSIX scripts.
    pub launchers: Option<&'a Launchers>,
}

/// distlib's script launchers, as the bundled pip carries them, and how that pip's
/// distlib ends the shebang line it writes after one.
#[derive(Debug, Clone)]
pub struct Launchers {
    /// `t64.exe` (`t32.exe`, `t64-arm.exe`): console scripts.
    pub console: Vec<u8>,
    /// `w64.exe` (…): `[gui_scripts]`, run without a console window.
    pub gui: Vec<u8>,
    /// `\n`; before distlib 0.3.9 (pip 24.3) distlib also added the platform's line
    /// separator, so the line ends `\n\r\n` on Windows.
    pub line_end: &'static [u8],
}

impl Launchers {
    /// The launchers of the pip wheel `wheel` for the interpreter `facts` describes:
    /// distlib picks them by pointer size and by `win-arm64`.
    pub fn from_pip_wheel(wheel: &Path, facts: &Facts) -> Result<Self, Error> {
        let bad = |reason: String| Error::BadWheel {
            wheel: wheel.to_owned(),
            reason,
        };
        let file = fs::File::open(wheel).map_err(|e| Error::io("read", wheel, e))?;
        let mut archive = ZipArchive::new(io::BufReader::new(file))
            .map_err(|e| bad(format!("not a zip: {e}")))?;
        let bits = if facts.pointer_bits == 32 { "32" } else { "64" };
        let arm = if facts.platform_tag == "win-arm64" {
            "-arm"
        } else {
            ""
        };
        let mut read = |kind: &str| -> Result<Vec<u8>, Error> {
            let name = format!("pip/_vendor/distlib/{kind}{bits}{arm}.exe");
            let mut member = archive
                .by_name(&name)
                .map_err(|e| bad(format!("{name}: {e}")))?;
            let mut data = Vec::new();
            member
                .read_to_end(&mut data)
                .map_err(|e| bad(format!("{name}: {e}")))?;
            Ok(data)
        };
        let (console, gui) = (read("t")?, read("w")?);
        let version = wheel
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.split('-').nth(1))
            .map(super::existing::parse_version)
            .unwrap_or_default();
        let line_end: &[u8] = if version >= vec![24, 3] {
            b"\n"
        } else {
            b"\n\r\n"
        };
        Ok(Self {
            console,
            gui,
            line_end,
        })
    }

    /// The `.exe` pip writes for a script: the launcher, `#!<python>` (in double quotes
    /// when it holds a space, as distlib's `enquote_executable` does) and a zip holding
    /// `body` as `__main__.py`.
    pub fn script(&self, python: &str, gui: bool, body: &[u8]) -> Result<Vec<u8>, Error> {
        let launcher = if gui { &self.gui } else { &self.console };
        let mut out = launcher.clone();
        out.extend_from_slice(b"#!");
        if python.contains(' ') {
            out.extend_from_slice(format!("\"{python}\"").as_bytes());
        } else {
            out.extend_from_slice(python.as_bytes());
        }
        out.extend_from_slice(self.line_end);
        out.extend_from_slice(&main_zip(body)?);
        Ok(out)
    }
}

/// A zip holding `body` as `__main__.py`, stored (as Python's `ZipFile.writestr` does),
/// dated 1980-01-01 so that the same script is the same bytes.
fn main_zip(body: &[u8]) -> Result<Vec<u8>, Error> {
    let failed = |e: &dyn std::fmt::Display| Error::ActivationScripts {
        path: PathBuf::from("__main__.py"),
        reason: e.to_string(),
    };
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::default());
    zip.start_file("__main__.py", options)
        .map_err(|e| failed(&e))?;
    zip.write_all(body).map_err(|e| failed(&e))?;
    Ok(zip.finish().map_err(|e| failed(&e))?.into_inner())
}

/// How a wheel's files get into site-packages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LinkMode {
    /// Hard-link read-only files from venvsh's cache; copy where linking fails.
    Hardlink,
    /// Write a private copy of every file.
    Copy,
}

impl LinkMode {
    /// `--link-mode`'s default, as the command line spells it. On Windows the cache's
    /// files are not read-only (deleting a read-only link means clearing the attribute,
    /// which every link shares): a file written in place in one environment would
    /// change the cache and every environment linking it. So Windows copies unless
    /// asked to link.
    pub const DEFAULT_NAME: &'static str = if cfg!(windows) { "copy" } else { "hardlink" };
}

impl Default for LinkMode {
    fn default() -> Self {
        if cfg!(windows) {
            Self::Copy
        } else {
            Self::Hardlink
        }
    }
}

/// The wheels `ensurepip` would install for this interpreter, found the way it
/// finds them: `WHEEL_PKG_DIR` if it holds all of them, else `ensurepip/_bundled`.
pub fn bundled_wheels(facts: &Facts) -> Result<Vec<PathBuf>, Error> {
    // ensurepip stopped installing setuptools in 3.12.
    let packages: &[&'static str] = if facts.major_minor() < (3, 12) {
        &["pip", "setuptools"]
    } else {
        &["pip"]
    };
    let bundled = facts.stdlib.join("ensurepip").join("_bundled");
    let mut dirs = Vec::new();
    if !facts.wheel_pkg_dir.as_os_str().is_empty() {
        dirs.push(facts.wheel_pkg_dir.clone());
    }
    dirs.push(bundled);
    let mut first_missing = None;
    for dir in &dirs {
        let found: Result<Vec<PathBuf>, &'static str> = packages
            .iter()
            .map(|name| newest_wheel(dir, name).ok_or(*name))
            .collect();
        match found {
            Ok(wheels) => return Ok(wheels),
            Err(name) => {
                first_missing.get_or_insert(name);
            }
        }
    }
    Err(Error::NoBundledWheel {
        python: format!("{} {}", facts.implementation_name(), facts.version_string()),
        package: first_missing.unwrap_or("pip"),
        searched: dirs,
    })
}

/// `<name>-<version>-….whl` in `dir` with the highest version.
fn newest_wheel(dir: &Path, name: &str) -> Option<PathBuf> {
    let prefix = format!("{name}-");
    fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let file = entry.file_name().into_string().ok()?;
            let rest = file.strip_prefix(&prefix)?.strip_suffix(".whl")?;
            let version: Vec<u64> = rest
                .split('-')
                .next()?
                .split('.')
                .map(|p| p.parse().unwrap_or(0))
                .collect();
            Some((version, entry.path()))
        })
        .max_by(|a, b| a.0.cmp(&b.0))
        .map(|(_, path)| path)
}

/// A file of the wheel, decompressed, with its RECORD hash. `data` is None when
/// the file is read from (or linked to) an unpacked tree in the cache instead.
struct Member<'a> {
    name: String,
    executable: bool,
    hash: String,
    size: usize,
    data: Option<Cow<'a, [u8]>>,
}

/// Install `wheel` into the environment described by `target`, from its unpacked tree in
/// the cache; the first install of a wheel makes the tree.
pub fn install(wheel: &Path, target: &Target) -> Result<(), Error> {
    let link = target.link_mode == LinkMode::Hardlink;
    let cache = cache_dir();
    let index = cache.as_deref().and_then(|cache| index_file(cache, wheel));
    let known = index
        .as_deref()
        .and_then(|file| fs::read_to_string(file).ok())
        .zip(cache.as_deref())
        .and_then(|(name, cache)| tree_path(cache, name.trim()));
    if let Some(tree) = &known
        && let Some(members) = read_manifest(tree)
    {
        let result = install_members(wheel, &members, Some(tree), link, target);
        // A tree someone deleted files from is rebuilt below; what was already written
        // into the stage is replaced, never written through.
        let intact = || (0..members.len()).all(|i| tree_file(tree, i).is_file());
        if result.is_ok() || intact() {
            return result;
        }
        let _ = crate::platform::remove::remove_dir_all(tree);
    }
    let bytes = fs::read(wheel).map_err(|e| Error::io("read", wheel, e))?;
    let members = unzip(wheel, &bytes)?;
    let tree = cache.as_deref().and_then(|cache| {
        let stem = wheel.file_stem()?.to_string_lossy();
        let digest = Sha256::digest(&bytes);
        let name = format!("{stem}-{}", hex(&digest[..8]));
        if let Some(index) = &index {
            write_atomically(index, name.as_bytes());
        }
        tree_path(cache, &name)
    });
    let tree = tree.filter(|tree| write_tree(tree, &members));
    install_members(wheel, &members, tree.as_deref(), link, target)
}

/// `<cache dir>/venvsh/wheels`: unpacked trees, and the `index` of which wheel file has
/// which content.
pub fn cache_dir() -> Option<PathBuf> {
    Some(dirs::cache_dir()?.join("venvsh").join("wheels"))
}

/// Where the index says which tree a wheel file's content is in, keyed by the file's
/// path and stat: a wheel is hashed once, not on every create, and a rebuilt or
/// replaced wheel (new inode or mtime) is hashed again.
fn index_file(cache: &Path, wheel: &Path) -> Option<PathBuf> {
    let stamp = Stamp::of(wheel).ok()?;
    let mut hasher = Sha256::new();
    hasher.update(wheel.as_os_str().as_encoded_bytes());
    hasher.update(stamp.volume.to_le_bytes());
    hasher.update(stamp.index.to_le_bytes());
    hasher.update(stamp.size.to_le_bytes());
    hasher.update(stamp.modified_ns.to_le_bytes());
    Some(cache.join("index").join(hex(&hasher.finalize()[..16])))
}

/// A tree's path from its name, which must be one plain component (the index is a file).
fn tree_path(cache: &Path, name: &str) -> Option<PathBuf> {
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && name != "index"
        && !name.contains(['/', '\\', '\0']);
    plain.then(|| cache.join(name))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Best effort, through a rename so a reader never sees half a file.
fn write_atomically(file: &Path, contents: &[u8]) {
    let Some(dir) = file.parent() else { return };
    if fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = dir.join(format!(
        ".{}.{}",
        std::process::id(),
        super::interpreter::unique_suffix()
    ));
    if fs::write(&tmp, contents).is_ok() && fs::rename(&tmp, file).is_ok() {
        return;
    }
    let _ = fs::remove_file(&tmp);
}

/// Every file of the wheel but RECORD, checked against RECORD's hashes.
fn unzip(wheel: &Path, bytes: &[u8]) -> Result<Vec<Member<'static>>, Error> {
    let bad = |reason: String| Error::BadWheel {
        wheel: wheel.to_owned(),
        reason,
    };
    let archive =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| bad(format!("not a zip: {e}")))?;
    let (dist_info, _) = wheel_names(wheel)?;
    let record_name = format!("{dist_info}/RECORD");
    let record = {
        let mut archive = archive.clone();
        let mut text = String::new();
        archive
            .by_name(&record_name)
            .map_err(|e| bad(format!("{record_name}: {e}")))?
            .read_to_string(&mut text)
            .map_err(|e| bad(format!("{record_name}: {e}")))?;
        record::parse(&text)
    };
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let count = archive.len();
    let results: Vec<Result<Vec<(usize, Member<'static>)>, Error>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                let mut archive = archive.clone();
                let (record, record_name) = (&record, &record_name);
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for index in (worker..count).step_by(workers) {
                        let mut entry = archive.by_index(index).map_err(|e| bad(e.to_string()))?;
                        if entry.is_dir() || entry.name() == record_name {
                            continue;
                        }
                        let name = entry.name().to_owned();
                        let executable = entry.unix_mode().is_some_and(|m| m & 0o111 != 0);
                        let mut data = Vec::with_capacity(entry.size() as usize);
                        entry
                            .read_to_end(&mut data)
                            .map_err(|e| bad(format!("{name}: {e}")))?;
                        let hash = record::hash(&data);
                        if record.get(&name).is_some_and(|want| *want != hash) {
                            return Err(bad(format!("{name} does not match the hash in RECORD")));
                        }
                        out.push((
                            index,
                            Member {
                                name,
                                executable,
                                hash,
                                size: data.len(),
                                data: Some(Cow::Owned(data)),
                            },
                        ));
                    }
                    Ok(out)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(bad("a worker panicked".into())))
            })
            .collect()
    });
    let mut members = Vec::with_capacity(count);
    for result in results {
        members.extend(result?);
    }
    members.sort_by_key(|(index, _)| *index);
    Ok(members.into_iter().map(|(_, m)| m).collect())
}

/// `pip-23.2.1.dist-info` and `pip-23.2.1.data` from `pip-23.2.1-py3-none-any.whl`.
fn wheel_names(wheel: &Path) -> Result<(String, String), Error> {
    let file_name = wheel.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let mut parts = file_name.split('-');
    match (parts.next(), parts.next()) {
        (Some(dist), Some(version)) if !dist.is_empty() && !version.is_empty() => Ok((
            format!("{dist}-{version}.dist-info"),
            format!("{dist}-{version}.data"),
        )),
        _ => Err(Error::BadWheel {
            wheel: wheel.to_owned(),
            reason: "its file name is not <name>-<version>-….whl".into(),
        }),
    }
}

/// One file to write: which member, where under the stage, and its RECORD path.
struct Planned {
    member: usize,
    dest: PathBuf,
    record: String,
    executable: bool,
    script: bool,
}

/// A member's bytes: held in memory, or read from the unpacked tree.
fn contents<'m>(
    members: &'m [Member],
    index: usize,
    tree: Option<&Path>,
) -> Result<Cow<'m, [u8]>, Error> {
    match (&members[index].data, tree) {
        (Some(data), _) => Ok(Cow::Borrowed(data)),
        (None, Some(tree)) => {
            let path = tree_file(tree, index);
            fs::read(&path)
                .map(Cow::Owned)
                .map_err(|e| Error::io("read", path, e))
        }
        (None, None) => unreachable!("a member without data comes from a tree"),
    }
}

fn install_members(
    wheel: &Path,
    members: &[Member],
    tree: Option<&Path>,
    link: bool,
    target: &Target,
) -> Result<(), Error> {
    let bad = |reason: String| Error::BadWheel {
        wheel: wheel.to_owned(),
        reason,
    };
    let (dist_info, data_dir) = wheel_names(wheel)?;
    let text = |name: &str| -> Result<Option<String>, Error> {
        let Some(index) = members.iter().position(|m| m.name == name) else {
            return Ok(None);
        };
        Ok(Some(
            String::from_utf8_lossy(&contents(members, index, tree)?).into_owned(),
        ))
    };
    let wheel_meta = text(&format!("{dist_info}/WHEEL"))?
        .ok_or_else(|| bad(format!("it has no {dist_info}/WHEEL")))?;
    let meta = |key: &str| {
        wheel_meta.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim() == key).then(|| v.trim().to_owned())
        })
    };
    if meta("Wheel-Version").is_some_and(|v| !v.starts_with("1.")) {
        return Err(bad("it has an unsupported Wheel-Version".into()));
    }
    let purelib = meta("Root-Is-Purelib").is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let entry_points = text(&format!("{dist_info}/entry_points.txt"))?;

    let layout = target.layout;
    let root_dir = if purelib {
        &layout.purelib
    } else {
        &layout.platlib
    };
    let (major, minor) = target.python_version;
    let dist = dist_info.split('-').next().unwrap_or_default();
    let headers = Path::new("include")
        .join("site")
        .join(format!("python{major}.{minor}"))
        .join(dist);

    // Plan every file first: names are checked before anything is written.
    let mut planned = Vec::with_capacity(members.len());
    for (index, member) in members.iter().enumerate() {
        let name = &member.name;
        let relative = safe_relative(name).ok_or_else(|| bad(format!("unsafe path {name:?}")))?;
        let mut script = false;
        let dest = match relative.strip_prefix(&data_dir) {
            Ok(inside) => {
                let mut components = inside.components();
                let kind = components.next().map(|c| c.as_os_str().to_owned());
                let rest = components.as_path();
                if rest.as_os_str().is_empty() {
                    return Err(bad(format!("unsafe path {name:?}")));
                }
                match kind.as_ref().and_then(|k| k.to_str()) {
                    Some("purelib") => layout.purelib.join(rest),
                    Some("platlib") => layout.platlib.join(rest),
                    Some("headers") => headers.join(rest),
                    Some("data") => rest.to_owned(),
                    Some("scripts") => {
                        script = true;
                        layout.scripts.join(rest)
                    }
                    _ => return Err(bad(format!("unknown data directory in {name:?}"))),
                }
            }
            Err(_) => root_dir.join(&relative),
        };
        planned.push(Planned {
            member: index,
            record: record_path(root_dir, &dest),
            dest,
            executable: script || member.executable,
            script,
        });
    }

    let python = target.root.join(&layout.scripts).join(&layout.exe_name);
    let python = python.to_string_lossy().into_owned();
    let shebang = shebang(&python);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    // Contiguous runs, so that workers mostly fill different directories.
    let chunk = planned.len().div_ceil(workers).max(1);
    // Set by the first link refused for good (another filesystem): the rest copy.
    let copy_only = AtomicBool::new(!link);
    let results: Vec<Result<Vec<String>, Error>> = std::thread::scope(|scope| {
        let handles: Vec<_> = planned
            .chunks(chunk)
            .map(|items| {
                let (shebang, copy_only, python) = (&shebang, &copy_only, &python);
                scope.spawn(move || {
                    let mut lines = Vec::with_capacity(items.len());
                    // Each worker makes the directories its files go in; create_dir_all
                    // accepts one that another worker made first.
                    let mut made: BTreeSet<&Path> = BTreeSet::new();
                    for item in items {
                        let member = &members[item.member];
                        if let Some(parent) = item.dest.parent()
                            && made.insert(parent)
                        {
                            let full = target.stage.join(parent);
                            fs::create_dir_all(&full).map_err(|e| Error::io("create", full, e))?;
                        }
                        let path = target.stage.join(&item.dest);
                        if !item.script
                            && let Some(tree) = tree
                        {
                            let source = tree_file(tree, item.member);
                            if !copy_only.load(Ordering::Relaxed) {
                                match link_file(&source, &path) {
                                    Ok(()) => {}
                                    Err(e) if link::hard_link_refused(&e) => {
                                        copy_only.store(true, Ordering::Relaxed);
                                        copy_file(&source, &path, item.executable)?;
                                    }
                                    Err(e) => return Err(Error::io("link", path, e)),
                                }
                            } else {
                                copy_file(&source, &path, item.executable)?;
                            }
                            lines.push(record::line(&item.record, &member.hash, member.size));
                            continue;
                        }
                        let data = contents(members, item.member, tree)?;
                        // Wheel scripts start with `#!python`, which points at the env's Python.
                        if item.script && data.starts_with(b"#!python") {
                            let end = data
                                .iter()
                                .position(|&b| b == b'\n')
                                .map_or(data.len(), |i| i + 1);
                            let (path, record, rewritten) = match target.launchers {
                                // distlib: `name[.py]` becomes `name.exe`, a GUI
                                // launcher for a `pythonw` script.
                                Some(launchers) => {
                                    let gui = data[..end].windows(7).any(|w| w == b"pythonw");
                                    let exe = |p: &Path| {
                                        let stem = match p.extension().and_then(|e| e.to_str()) {
                                            Some(e) if e.starts_with("py") => p.with_extension(""),
                                            _ => p.to_owned(),
                                        };
                                        let mut name = stem.into_os_string();
                                        name.push(".exe");
                                        PathBuf::from(name)
                                    };
                                    let bytes = launchers.script(python, gui, &data[end..])?;
                                    let record = record_path(root_dir, &exe(&item.dest));
                                    (exe(&path), record, bytes)
                                }
                                None => {
                                    let mut bytes = shebang.as_bytes().to_vec();
                                    bytes.extend_from_slice(&data[end..]);
                                    (path, item.record.clone(), bytes)
                                }
                            };
                            write_file(&path, &rewritten, true)?;
                            lines.push(record_line(&record, &rewritten));
                        } else {
                            write_file(&path, &data, item.executable)?;
                            lines.push(record::line(&item.record, &member.hash, member.size));
                        }
                    }
                    Ok(lines)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(bad("a worker panicked".into())))
            })
            .collect()
    });
    let mut record: Vec<String> = Vec::with_capacity(planned.len() + 8);
    for result in results {
        record.extend(result?);
    }

    // Console scripts, written for this environment's Python.
    if let Some(entry_points) = entry_points {
        for (name, target_spec, gui) in console_scripts(&entry_points, target.python_version) {
            let body = script_body(&target_spec)
                .ok_or_else(|| bad(format!("bad entry point {name} = {target_spec}")))?;
            let (dest, contents) = match target.launchers {
                Some(launchers) => {
                    // distlib names pythonw.exe for a GUI script.
                    let python = if gui {
                        windows_gui_python(&python)
                    } else {
                        python.clone()
                    };
                    let exe = launchers.script(&python, gui, body.as_bytes())?;
                    (layout.scripts.join(format!("{name}.exe")), exe)
                }
                None => (
                    layout.scripts.join(&name),
                    format!("{shebang}{body}").into_bytes(),
                ),
            };
            write_file(&target.stage.join(&dest), &contents, true)?;
            record.push(record_line(&record_path(root_dir, &dest), &contents));
        }
    }

    // pip writes these for what it installs; ensurepip's pip did the installing.
    let info_dir = root_dir.join(&dist_info);
    for (name, contents) in [("INSTALLER", &b"pip\n"[..]), ("REQUESTED", b"")] {
        let dest = info_dir.join(name);
        write_file(&target.stage.join(&dest), contents, false)?;
        record.push(record_line(&record_path(root_dir, &dest), contents));
    }
    record.push(format!("{dist_info}/RECORD,,"));
    record.sort();
    // pip writes RECORD with Python's csv module, whose lines end in CRLF.
    let mut text = record.join("\r\n");
    text.push_str("\r\n");
    let record_file = target.stage.join(&info_dir).join("RECORD");
    write_file(&record_file, text.as_bytes(), false)
}

const MANIFEST_MAGIC: &[u8] = b"venvsh-tree-1\n";

/// A tree's MANIFEST: magic, then per member: name length (u32), name, executable (u8),
/// hash length (u8), hash, data length (u64). Little-endian.
fn encode(magic: &[u8], members: &[Member]) -> Vec<u8> {
    let mut out = magic.to_vec();
    for m in members {
        out.extend_from_slice(&(m.name.len() as u32).to_le_bytes());
        out.extend_from_slice(m.name.as_bytes());
        out.push(u8::from(m.executable));
        out.push(m.hash.len() as u8);
        out.extend_from_slice(m.hash.as_bytes());
        out.extend_from_slice(&(m.size as u64).to_le_bytes());
    }
    out
}

/// `<tree>/<index>`: member `index` of the wheel, unpacked, read-only.
fn tree_file(tree: &Path, index: usize) -> PathBuf {
    tree.join(index.to_string())
}

/// The members listed by a tree's MANIFEST, without data; None if there is no
/// whole tree (the MANIFEST is written last and the tree appears by a rename).
fn read_manifest(tree: &Path) -> Option<Vec<Member<'static>>> {
    decode(&fs::read(tree.join("MANIFEST")).ok()?, MANIFEST_MAGIC)
}

/// Unpack `members` into `tree`, read-only, for later installs to link. Best
/// effort: false if the tree is not there afterwards.
fn write_tree(tree: &Path, members: &[Member]) -> bool {
    if tree.join("MANIFEST").is_file() {
        return true;
    }
    let Some(dir) = tree.parent() else {
        return false;
    };
    let tmp = dir.join(format!(
        ".tree.{}.{}",
        std::process::id(),
        super::interpreter::unique_suffix()
    ));
    let written = (|| -> Result<(), Error> {
        fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
        fs::create_dir(&tmp).map_err(|e| Error::io("create", &tmp, e))?;
        for (index, m) in members.iter().enumerate() {
            let data = m.data.as_deref().unwrap_or_default();
            let mode = if m.executable { 0o555 } else { 0o444 };
            write_file_mode(&tree_file(&tmp, index), data, mode)?;
        }
        let manifest = encode(MANIFEST_MAGIC, members);
        write_file_mode(&tmp.join("MANIFEST"), &manifest, 0o444)?;
        fs::rename(&tmp, tree).map_err(|e| Error::io("rename", tree, e))
    })();
    if written.is_err() {
        // Another creator may have put its tree there first; either way this one goes.
        let _ = fs::remove_dir_all(&tmp);
    }
    tree.join("MANIFEST").is_file()
}

/// The members of a pack or MANIFEST; None if it is not whole and well-formed.
fn decode(bytes: &[u8], magic: &[u8]) -> Option<Vec<Member<'static>>> {
    let mut rest = bytes.strip_prefix(magic)?;
    let mut take = |n: usize| -> Option<&[u8]> {
        if rest.len() < n {
            return None;
        }
        let (head, tail) = rest.split_at(n);
        rest = tail;
        Some(head)
    };
    let mut members = Vec::new();
    while let Some(len) = take(4) {
        let len = u32::from_le_bytes(len.try_into().ok()?) as usize;
        let name = std::str::from_utf8(take(len)?).ok()?.to_owned();
        let executable = take(1)?[0] != 0;
        let hash_len = take(1)?[0] as usize;
        let hash = std::str::from_utf8(take(hash_len)?).ok()?.to_owned();
        let size = usize::try_from(u64::from_le_bytes(take(8)?.try_into().ok()?)).ok()?;
        members.push(Member {
            name,
            executable,
            hash,
            size,
            data: None,
        });
    }
    (!members.is_empty()).then_some(members)
}

fn write_file(path: &Path, contents: &[u8], executable: bool) -> Result<(), Error> {
    write_file_mode(path, contents, if executable { 0o755 } else { 0o644 })
}

fn write_file_mode(path: &Path, contents: &[u8], mode: u32) -> Result<(), Error> {
    let mut file = create_new(path, mode).map_err(|e| Error::io("write", path, e))?;
    file.write_all(contents)
        .map_err(|e| Error::io("write", path, e))
}

/// A new file at `path`. Something already there (on `--upgrade`) is unlinked
/// first, never truncated: it may be a hard link into the cache.
fn create_new(path: &Path, mode: u32) -> io::Result<fs::File> {
    let open = || mode::create_new(path, mode);
    match open() {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(path)?;
            open()
        }
        result => result,
    }
}

/// Hard-link `source` at `path`, replacing a file already there.
fn link_file(source: &Path, path: &Path) -> io::Result<()> {
    match fs::hard_link(source, path) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            fs::remove_file(path)?;
            fs::hard_link(source, path)
        }
        result => result,
    }
}

/// A private, writable copy of `source` (`copy_file_range`, so a reflink where
/// the filesystem offers one).
fn copy_file(source: &Path, path: &Path, executable: bool) -> Result<(), Error> {
    let mut from = fs::File::open(source).map_err(|e| Error::io("read", source, e))?;
    let mut to = create_new(path, if executable { 0o755 } else { 0o644 })
        .map_err(|e| Error::io("write", path, e))?;
    io::copy(&mut from, &mut to).map_err(|e| Error::io("write", path, e))?;
    Ok(())
}

/// A zip member name as a plain relative path, or None if it could escape.
fn safe_relative(name: &str) -> Option<PathBuf> {
    if name.contains('\\') || name.contains('\0') {
        return None;
    }
    let path = Path::new(name);
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!out.as_os_str().is_empty()).then_some(out)
}

/// RECORD paths are relative to the directory the wheel root went to.
fn record_path(root_dir: &Path, dest: &Path) -> String {
    let base: Vec<_> = root_dir.components().collect();
    let target: Vec<_> = dest.components().collect();
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".into(); base.len() - common];
    parts.extend(
        target[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

fn record_line(path: &str, contents: &[u8]) -> String {
    record::line(path, &record::hash(contents), contents.len())
}

/// `[console_scripts]` and `[gui_scripts]` as (name, spec, whether a GUI script); the two
/// differ only on Windows. pip's own versioned names are replaced by ones for the target
/// Python, as pip does.
fn console_scripts(text: &str, (major, minor): (u32, u32)) -> Vec<(String, String, bool)> {
    let mut section = None;
    let mut scripts = Vec::new();
    for line in text.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = match name {
                "console_scripts" => Some(false),
                "gui_scripts" => Some(true),
                _ => None,
            };
            continue;
        }
        let Some(gui) = section else { continue };
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some((name, spec)) = line.split_once('=') {
            scripts.push((name.trim().to_owned(), spec.trim().to_owned(), gui));
        }
    }
    let is_versioned_pip = |name: &str| {
        name.strip_prefix("pip").is_some_and(|v| {
            !v.is_empty()
                && v.split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        })
    };
    if let Some((_, spec, gui)) = scripts.iter().find(|(n, _, _)| n == "pip").cloned() {
        scripts.retain(|(n, _, _)| !is_versioned_pip(n));
        scripts.push((format!("pip{major}"), spec.clone(), gui));
        scripts.push((format!("pip{major}.{minor}"), spec, gui));
    }
    scripts
}

/// The interpreter distlib names for a GUI script: `python` → `pythonw` in the file name.
fn windows_gui_python(python: &str) -> String {
    match python.rfind(['\\', '/']) {
        Some(i) => format!(
            "{}{}",
            &python[..=i],
            python[i + 1..].replace("python", "pythonw")
        ),
        None => python.replace("python", "pythonw"),
    }
}

/// The script pip writes for `module:attr.sub` (distlib's template).
fn script_body(spec: &str) -> Option<String> {
    let spec = spec.split('[').next()?.trim();
    let (module, func) = spec.split_once(':')?;
    let (module, func) = (module.trim(), func.trim());
    if module.is_empty() || func.is_empty() {
        return None;
    }
    let import_name = func.split('.').next()?;
    let mut body = String::new();
    let _ = write!(
        body,
        "# -*- coding: utf-8 -*-\n\
         import re\n\
         import sys\n\
         from {module} import {import_name}\n\
         if __name__ == '__main__':\n    \
         sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])\n    \
         sys.exit({func}())\n"
    );
    Some(body)
}

/// `#!<python>` when the kernel and Python can both read that line; else a line /bin/sh
/// runs and Python reads as a string. The kernel ends the interpreter at a space or tab
/// and the line at a newline, Python ends a line at a carriage return too (issue 10),
/// and Linux reads only 127 bytes of it; so any whitespace or control character, or a
/// longer line, takes the `/bin/sh` form.
pub fn shebang(python: &str) -> String {
    let plain = !python.chars().any(|c| c.is_whitespace() || c.is_control());
    if plain && python.len() + 3 <= 127 {
        return format!("#!{python}\n");
    }
    format!(
        "#!/bin/sh\n'''exec' {} \"$0\" \"$@\"\n' '''\n",
        sh_word(python)
    )
}

/// A /bin/sh word for `text` that is also harmless inside a Python `'''` string:
/// runs of ordinary characters go in single quotes, `'` as `"'"`, `\` as `"\\"`,
/// so the line never holds three quotes in a row nor a Python escape but `\\`.
fn sh_word(text: &str) -> String {
    let mut out = String::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if !run.is_empty() {
            out.push('\'');
            out.push_str(run);
            out.push('\'');
            run.clear();
        }
    };
    for c in text.chars() {
        match c {
            '\'' => {
                flush(&mut run, &mut out);
                out.push_str("\"'\"");
            }
            '\\' => {
                flush(&mut run, &mut out);
                out.push_str("\"\\\\\"");
            }
            c => run.push(c),
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_slip_is_refused() {
        assert!(safe_relative("../evil").is_none());
        assert!(safe_relative("/etc/passwd").is_none());
        assert!(safe_relative("a/../../b").is_none());
        assert!(safe_relative("a\\..\\b").is_none());
        assert_eq!(
            safe_relative("pip/__init__.py"),
            Some("pip/__init__.py".into())
        );
    }

    #[test]
    fn record_paths_climb_out_of_site_packages() {
        let root = Path::new("lib/python3.11/site-packages");
        assert_eq!(record_path(root, Path::new("bin/pip")), "../../../bin/pip");
        assert_eq!(record_path(root, &root.join("pip/x.py")), "pip/x.py");
    }

    #[test]
    fn pip_gets_names_for_the_target_python() {
        let eps = "[console_scripts]\npip = pip._internal.cli.main:main\npip3 = pip._internal.cli.main:main\npip3.10 = pip._internal.cli.main:main\n";
        let names: Vec<String> = console_scripts(eps, (3, 12))
            .into_iter()
            .map(|s| s.0)
            .collect();
        let gui = console_scripts("[gui_scripts]\nidle = idlelib:main\n", (3, 12));
        assert_eq!(gui, [("idle".into(), "idlelib:main".into(), true)]);
        assert_eq!(
            windows_gui_python(r"C:\v\Scripts\python.exe"),
            r"C:\v\Scripts\pythonw.exe"
        );
        assert_eq!(names, ["pip", "pip3", "pip3.12"]);
    }

    #[test]
    fn shebangs_fall_back_to_sh_when_needed() {
        assert_eq!(shebang("/v/bin/python3"), "#!/v/bin/python3\n");
        let long = format!("/{}/bin/python3", "x".repeat(120));
        assert!(shebang(&long).starts_with("#!/bin/sh\n"));
        let exact = format!("/{}", "x".repeat(123));
        assert_eq!(exact.len() + 3, 127);
        assert!(shebang(&exact).starts_with("#!/x"));
        assert_eq!(
            shebang("/it's a\\b/python"),
            "#!/bin/sh\n'''exec' '/it'\"'\"'s a'\"\\\\\"'b/python' \"$0\" \"$@\"\n' '''\n"
        );
    }
}
