//! From a `-p` request to an interpreter: a path, a name on PATH, or a version.
//!
//! Version requests look on PATH, then in pyenv, uv-managed and Homebrew installs.
//! Install directory names (`versions/3.11.7`, `cpython-3.12.6-…`, `python@3.12`)
//! rule candidates out without running them. pyenv shims are resolved in Rust the
//! way pyenv picks a version, so the shim's own startup is never paid.

use std::fs;
use std::path::{Path, PathBuf};

use super::Error;
use super::interpreter::{Interpreter, executable_in, path_dirs};

/// The names tried on PATH without `-p`, in order.
const DEFAULT_NAMES: &[&str] = if cfg!(windows) {
    &["python", "python3"]
} else {
    &["python3"]
};

/// What `-p/--python` asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// No `-p`: `python3` on PATH, as `python3 -m venv` would run (on Windows `python`,
    /// then `python3`).
    Default,
    /// Contains a `/`: this file.
    Path(PathBuf),
    /// A command name looked up on PATH, e.g. `python3.12`.
    Name(String),
    Version(VersionRequest),
}

/// `3.12`, `3.13t`, `>=3.11,<3.13`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRequest {
    text: String,
    clauses: Vec<(Op, Vec<u32>)>,
    free_threaded: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    /// A bare version: every given component must match (`3.12` matches 3.12.x).
    Prefix,
    Ge,
    Gt,
    Le,
    Lt,
    Eq,
    Ne,
    Compatible,
}

impl Request {
    pub fn parse(spec: Option<&str>) -> Result<Self, Error> {
        let Some(spec) = spec else {
            return Ok(Self::Default);
        };
        let bad = || Error::BadRequest {
            request: spec.to_owned(),
        };
        if spec.is_empty() {
            return Err(bad());
        }
        if spec.contains('/') {
            return Ok(Self::Path(PathBuf::from(spec)));
        }
        let starts_like_version = spec
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || "<>=!~".contains(c));
        if starts_like_version {
            return VersionRequest::parse(spec)
                .map(Self::Version)
                .ok_or_else(bad);
        }
        Ok(Self::Name(spec.to_owned()))
    }

    /// The interpreter this request names, following pyenv shims to the real one, and
    /// what the search ignored that the user should hear about.
    pub fn find(&self, cwd: &Path) -> Result<Found, Error> {
        let mut warnings = Vec::new();
        let interpreter = self.find_noting(cwd, &mut warnings)?;
        Ok(Found {
            interpreter,
            warnings,
        })
    }

    /// [`Self::find`], with what the search ignored added to `warnings` whether or not
    /// it finds an interpreter (an ignored version file can be why it did not).
    pub fn find_noting(
        &self,
        cwd: &Path,
        warnings: &mut Vec<String>,
    ) -> Result<Interpreter, Error> {
        let before = warnings.len();
        let found = self.search(cwd, warnings);
        let mut seen = warnings[..before].to_vec();
        let added: Vec<String> = warnings.drain(before..).collect();
        for warning in added {
            if !seen.contains(&warning) {
                seen.push(warning.clone());
                warnings.push(warning);
            }
        }
        found
    }

    fn search(&self, cwd: &Path, warnings: &mut Vec<String>) -> Result<Interpreter, Error> {
        match self {
            Self::Default => {
                // Windows installs name it python.exe (`python -m venv` is its spelling);
                // a python3.exe there is most often the Microsoft Store's alias.
                let name = DEFAULT_NAMES[0];
                for name in DEFAULT_NAMES {
                    if let Some(found) = find_on_path(name, cwd, warnings)? {
                        return Ok(found);
                    }
                }
                Err(Error::NoInterpreter {
                    request: format!("{name} on PATH"),
                })
            }
            Self::Name(name) => {
                find_on_path(name, cwd, warnings)?.ok_or_else(|| Error::NoInterpreter {
                    request: name.clone(),
                })
            }
            Self::Path(path) => {
                let path = crate::project::paths::normalize(&cwd.join(path));
                let path = resolve_shim(&path, cwd, warnings)?.unwrap_or(path);
                Interpreter::from_path(&path)
            }
            Self::Version(version) => find_version(version, cwd, warnings),
        }
    }
}

/// The result of [`Request::find`].
#[derive(Debug, Clone)]
pub struct Found {
    pub interpreter: Interpreter,
    /// Things the search ignored, for the user (a version file naming a path, …).
    pub warnings: Vec<String>,
}

impl VersionRequest {
    fn parse(text: &str) -> Option<Self> {
        let mut clauses = Vec::new();
        let mut free_threaded = false;
        for clause in text.split(',').map(str::trim) {
            let (op, rest) = [
                (">=", Op::Ge),
                ("<=", Op::Le),
                ("==", Op::Eq),
                ("!=", Op::Ne),
                ("~=", Op::Compatible),
                (">", Op::Gt),
                ("<", Op::Lt),
            ]
            .iter()
            .find_map(|(p, op)| clause.strip_prefix(p).map(|r| (*op, r.trim())))
            .unwrap_or((Op::Prefix, clause));
            let rest = match rest.strip_suffix('t') {
                Some(r) if op == Op::Prefix => {
                    free_threaded = true;
                    r
                }
                _ => rest,
            };
            let rest = rest.strip_suffix(".*").unwrap_or(rest);
            let parts: Option<Vec<u32>> = rest.split('.').map(|p| p.parse().ok()).collect();
            let parts = parts.filter(|p| !p.is_empty() && p.len() <= 3)?;
            if op == Op::Compatible && parts.len() < 2 {
                return None;
            }
            clauses.push((op, parts));
        }
        Some(Self {
            text: text.to_owned(),
            clauses,
            free_threaded,
        })
    }

    /// Whether a version is acceptable. `known` has three components for a queried
    /// interpreter, fewer for one known only by its directory name: then ties pass,
    /// since the missing components could still satisfy the clause.
    fn allows(&self, known: &[u32]) -> bool {
        let full = known.len() >= 3;
        self.clauses.iter().all(|(op, want)| {
            let prefix_matches = known.len() >= want.len() && known[..want.len()] == want[..];
            if !full {
                let n = want.len().min(known.len());
                let (have, cut) = (&known[..n], &want[..n]);
                return match op {
                    Op::Prefix | Op::Eq => have == cut,
                    Op::Ne => true,
                    Op::Ge | Op::Gt | Op::Compatible => have >= cut,
                    Op::Le | Op::Lt => have <= cut,
                };
            }
            let pad = |v: &[u32]| [0, 1, 2].map(|i| v.get(i).copied().unwrap_or(0));
            let (have, bound) = (pad(known), pad(want));
            match op {
                Op::Prefix | Op::Eq => prefix_matches,
                Op::Ne => !prefix_matches,
                Op::Ge => have >= bound,
                Op::Gt => have > bound,
                Op::Le => have <= bound,
                Op::Lt => have < bound,
                Op::Compatible => {
                    let fixed = want.len() - 1;
                    have >= bound && known[..fixed] == want[..fixed]
                }
            }
        })
    }

    /// `python3.12t` when the request pins a minor version.
    fn command_name(&self) -> Option<String> {
        let (_, parts) = self
            .clauses
            .iter()
            .find(|(op, p)| matches!(op, Op::Prefix | Op::Eq) && p.len() >= 2)?;
        let t = if self.free_threaded { "t" } else { "" };
        Some(format!("python{}.{}{t}", parts[0], parts[1]))
    }

    fn accepts(&self, interpreter: &Interpreter) -> bool {
        let v = &interpreter.facts.version;
        interpreter.facts.gil_disabled == self.free_threaded && self.allows(&[v.0, v.1, v.2])
    }
}

/// `name` on PATH; a pyenv shim found there is followed to the version pyenv selects.
fn find_on_path(
    name: &str,
    cwd: &Path,
    warnings: &mut Vec<String>,
) -> Result<Option<Interpreter>, Error> {
    for dir in path_dirs() {
        if let Some(found) = executable_in(&dir, name) {
            let real = resolve_shim(&found, cwd, warnings)?.unwrap_or(found);
            return Interpreter::from_path(&real).map(Some);
        }
    }
    Ok(None)
}

fn find_version(
    request: &VersionRequest,
    cwd: &Path,
    warnings: &mut Vec<String>,
) -> Result<Interpreter, Error> {
    let mut seen: Vec<PathBuf> = Vec::new();
    // The first candidate whose location names a matching version (`versions/3.7.16`,
    // `python3.7`) but which could not be used: the answer, when nothing else is, rather
    // than "install it" for a version that is installed (issue 11, item 10).
    let mut unusable = None;
    for (path, hint) in version_candidates(request, cwd, warnings) {
        if hint.as_ref().is_some_and(|known| !request.allows(known)) {
            continue;
        }
        let canonical = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.contains(&canonical) {
            continue;
        }
        seen.push(canonical);
        // A candidate that cannot be queried is skipped, as a broken install on PATH
        // must not hide a good one later in the search.
        match Interpreter::from_path(&path) {
            Ok(interpreter) if request.accepts(&interpreter) => return Ok(interpreter),
            Ok(_) => {}
            Err(error) if hint.as_ref().is_some_and(|known| known.len() >= 2) => {
                unusable.get_or_insert(error);
            }
            Err(_) => {}
        }
    }
    Err(unusable.unwrap_or_else(|| Error::NoInterpreter {
        request: request.text.clone(),
    }))
}

/// Candidates in search order, each with the version its location reveals, if any.
fn version_candidates(
    request: &VersionRequest,
    cwd: &Path,
    warnings: &mut Vec<String>,
) -> Vec<(PathBuf, Option<Vec<u32>>)> {
    let mut out = Vec::new();
    let names: Vec<String> = request
        .command_name()
        .into_iter()
        .chain(["python3".to_owned(), "python".to_owned()])
        .collect();
    for dir in path_dirs() {
        for name in &names {
            if let Some(found) = executable_in(&dir, name) {
                let hint = version_in_name(name.strip_prefix("python").unwrap_or(""));
                match resolve_shim(&found, cwd, warnings) {
                    Ok(Some(real)) => out.push((real, hint)),
                    Ok(None) => out.push((found, hint)),
                    Err(_) => {}
                }
            }
        }
    }
    if let Some(root) = pyenv_root() {
        for (version, dir) in versions_in(&root.join("versions"), |n| Some(n.to_owned())) {
            if let Some(exe) = executable_in(&dir.join("bin"), "python3") {
                out.push((exe, Some(version)));
            }
        }
    }
    for root in uv_python_dirs() {
        // `cpython-3.12.6-linux-x86_64-gnu`; free-threaded builds say `+freethreaded`.
        let parse = |n: &str| {
            Some(
                n.strip_prefix("cpython-")?
                    .split(['-', '+'])
                    .next()?
                    .to_owned(),
            )
        };
        for (version, dir) in versions_in(&root, parse) {
            if let Some(exe) = executable_in(&dir.join("bin"), "python3") {
                out.push((exe, Some(version)));
            }
        }
    }
    for prefix in ["/opt/homebrew", "/usr/local", "/home/linuxbrew/.linuxbrew"] {
        let parse = |n: &str| n.strip_prefix("python@").map(str::to_owned);
        for (version, dir) in versions_in(&Path::new(prefix).join("opt"), parse) {
            let name = format!("python{}.{}", version[0], version.get(1).unwrap_or(&0));
            if let Some(exe) = executable_in(&dir.join("bin"), name) {
                out.push((exe, Some(version)));
            }
        }
    }
    out
}

/// Subdirectories of `dir` whose name `parse` maps to a version, newest first.
fn versions_in(dir: &Path, parse: impl Fn(&str) -> Option<String>) -> Vec<(Vec<u32>, PathBuf)> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<(Vec<u32>, PathBuf)> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name();
            let version = version_in_name(&parse(name.to_str()?)?)?;
            Some((version, entry.path()))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0));
    found
}

/// `3.12.1` → [3, 12, 1]; `3.13t` → [3, 13]; anything else → None.
fn version_in_name(text: &str) -> Option<Vec<u32>> {
    let text = text.strip_suffix('t').unwrap_or(text);
    let parts: Option<Vec<u32>> = text.split('.').map(|p| p.parse().ok()).collect();
    parts.filter(|p| !p.is_empty() && p.len() <= 3)
}

fn pyenv_root() -> Option<PathBuf> {
    std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| dirs::home_dir().map(|h| h.join(".pyenv")))
        .filter(|root| root.join("versions").is_dir())
}

fn uv_python_dirs() -> Vec<PathBuf> {
    if let Some(dir) = std::env::var_os("UV_PYTHON_INSTALL_DIR") {
        return vec![PathBuf::from(dir)];
    }
    dirs::data_dir()
        .map(|d| vec![d.join("uv").join("python")])
        .unwrap_or_default()
}

/// If `path` is a pyenv shim, the interpreter pyenv would run for it from `cwd`.
fn resolve_shim(
    path: &Path,
    cwd: &Path,
    warnings: &mut Vec<String>,
) -> Result<Option<PathBuf>, Error> {
    let Some(shims) = path.parent() else {
        return Ok(None);
    };
    let Some(root) = shims.parent() else {
        return Ok(None);
    };
    let is_pyenv = shims.file_name().is_some_and(|n| n == "shims")
        && root.join("versions").is_dir()
        && (root.join("libexec").join("pyenv").exists() || root.join("bin").join("pyenv").exists());
    if !is_pyenv {
        return Ok(None);
    }
    let Some(program) = path.file_name().and_then(|n| n.to_str()) else {
        return Ok(None);
    };
    let (versions, origin) = pyenv_selected_versions(root, cwd, warnings);
    for version in &versions {
        if version == "system" {
            let other = path_dirs()
                .into_iter()
                .filter(|dir| dir != shims)
                .find_map(|dir| executable_in(&dir, program));
            if let Some(found) = other {
                return Ok(Some(found));
            }
            continue;
        }
        if let Some(dir) = pyenv_version_dir(root, version)
            && let Some(found) = executable_in(&dir.join("bin"), program)
        {
            return Ok(Some(found));
        }
    }
    // Installed versions lacking the program need no `pyenv install`: say which have it.
    let installed = versions
        .iter()
        .all(|v| v != "system" && pyenv_version_dir(root, v).is_some());
    let elsewhere = versions_in(&root.join("versions"), |n| Some(n.to_owned()))
        .into_iter()
        .filter(|(_, dir)| executable_in(&dir.join("bin"), program).is_some())
        .filter_map(|(_, dir)| Some(dir.file_name()?.to_string_lossy().into_owned()))
        .collect();
    Err(Error::PyenvNotInstalled {
        version: versions.join(":"),
        origin,
        program: program.to_owned(),
        installed,
        elsewhere,
    })
}

/// pyenv's order: `PYENV_VERSION`, then the first `.python-version` up from `cwd`, then
/// `$root/version`; the file found first decides, and if it names no usable version
/// the answer is `system`, as in pyenv.
fn pyenv_selected_versions(
    root: &Path,
    cwd: &Path,
    warnings: &mut Vec<String>,
) -> (Vec<String>, String) {
    if let Ok(value) = std::env::var("PYENV_VERSION")
        && !value.is_empty()
    {
        let versions = safe_versions(value.split(':'), "PYENV_VERSION", warnings);
        return (or_system(versions), "PYENV_VERSION".into());
    }
    let start = std::env::var_os("PYENV_DIR").map_or_else(|| cwd.to_owned(), PathBuf::from);
    let file = start
        .ancestors()
        .map(|dir| dir.join(".python-version"))
        .find(|file| file.is_file())
        .unwrap_or_else(|| root.join("version"));
    let origin = file.display().to_string();
    (or_system(read_version_file(&file, warnings)), origin)
}

fn or_system(versions: Vec<String>) -> Vec<String> {
    if versions.is_empty() {
        vec!["system".into()]
    } else {
        versions
    }
}

/// The versions a version file names: its words, skipping `#` comments and any word that
/// is not a plain version name (see [`is_safe_version`]).
fn read_version_file(file: &Path, warnings: &mut Vec<String>) -> Vec<String> {
    use std::io::Read;
    let mut text = Vec::new();
    // Read a bounded amount: the file comes with whatever repository is checked out.
    let read = fs::File::open(file).and_then(|f| f.take(64 * 1024).read_to_end(&mut text));
    if read.is_err() {
        return Vec::new();
    }
    let text = String::from_utf8_lossy(&text);
    let words = text
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|word| !word.starts_with('#'));
    safe_versions(words, &file.display().to_string(), warnings)
}

fn safe_versions<'a>(
    words: impl Iterator<Item = &'a str>,
    origin: &str,
    warnings: &mut Vec<String>,
) -> Vec<String> {
    let mut out = Vec::new();
    for word in words.filter(|w| !w.is_empty()) {
        if is_safe_version(word) {
            out.push(word.to_owned());
        } else {
            warnings.push(format!(
                "pyenv version `{word}` from {origin} ignored: a version is one name in \
                 $PYENV_ROOT/versions, not a path"
            ));
        }
    }
    out
}

/// A version names one entry of `$PYENV_ROOT/versions`: one plain path component.
/// Anything else could name a program elsewhere, such as one shipped in the repository
/// being entered (`/proc/self/cwd/evil`, `../../x`; CVE-2022-35861, which pyenv fixed
/// by refusing such versions).
fn is_safe_version(version: &str) -> bool {
    !version.is_empty() && version != "." && version != ".." && !version.contains(['/', '\\', '\0'])
}

/// `versions/<name>`, or, as pyenv ≥ 2.3 does for a prefix like `3.11`, the newest match.
fn pyenv_version_dir(root: &Path, name: &str) -> Option<PathBuf> {
    if !is_safe_version(name) {
        return None;
    }
    let exact = root.join("versions").join(name);
    if exact.is_dir() {
        return Some(exact);
    }
    // pyenv also accepts `python-3.12` for `3.12`.
    if let Some(bare) = name.strip_prefix("python-")
        && let Some(dir) = pyenv_version_dir(root, bare)
    {
        return Some(dir);
    }
    let prefix = format!("{name}.");
    versions_in(&root.join("versions"), |n| {
        n.strip_prefix(&prefix).map(|_| n.to_owned())
    })
    .into_iter()
    .next()
    .map(|(_, dir)| dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(text: &str) -> VersionRequest {
        match Request::parse(Some(text)).unwrap() {
            Request::Version(v) => v,
            other => panic!("{text} parsed as {other:?}"),
        }
    }

    #[test]
    fn requests_are_told_apart() {
        assert_eq!(Request::parse(None).unwrap(), Request::Default);
        assert_eq!(
            Request::parse(Some("./py")).unwrap(),
            Request::Path("./py".into())
        );
        assert_eq!(
            Request::parse(Some("python3.12")).unwrap(),
            Request::Name("python3.12".into())
        );
        assert!(Request::parse(Some("3.x")).is_err());
        assert!(Request::parse(Some("")).is_err());
    }

    #[test]
    fn version_files_name_plain_versions_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(".python-version");
        fs::write(
            &file,
            "# pinned\n/proc/self/cwd/evil\n../../evil\n3.11.7 extra words\n..\n.\na\\b\n\n3.12\n",
        )
        .unwrap();
        let mut warnings = Vec::new();
        assert_eq!(read_version_file(&file, &mut warnings), ["3.11.7", "3.12"]);
        assert_eq!(warnings.len(), 5, "{warnings:?}");
        assert!(
            warnings[0].contains("`/proc/self/cwd/evil`"),
            "{warnings:?}"
        );
        for good in ["3.11.7", "pypy3.10-7.3.12", "system", "miniconda3-latest"] {
            assert!(is_safe_version(good), "{good}");
        }
        for bad in ["", ".", "..", "a/b", "/abs", "a\\b", "nul\0"] {
            assert!(!is_safe_version(bad), "{bad:?}");
        }
        // A root never joins a bad name.
        assert_eq!(pyenv_version_dir(dir.path(), "../.."), None);
    }

    #[test]
    fn bare_versions_match_by_prefix() {
        let v = version("3.12");
        assert!(v.allows(&[3, 12, 1]));
        assert!(v.allows(&[3, 12]));
        assert!(!v.allows(&[3, 11, 7]));
        assert!(!v.allows(&[3, 1, 2]));
        assert_eq!(v.command_name().as_deref(), Some("python3.12"));
        let t = version("3.13t");
        assert!(t.free_threaded);
        assert_eq!(t.command_name().as_deref(), Some("python3.13t"));
    }

    #[test]
    fn ranges_compare_known_components() {
        let v = version(">=3.11,<3.13");
        assert!(v.allows(&[3, 11, 0]));
        assert!(v.allows(&[3, 12, 9]));
        assert!(!v.allows(&[3, 13, 0]));
        assert!(!v.allows(&[3, 10, 13]));
        // A directory name that only says 3.12 cannot be ruled out.
        assert!(v.allows(&[3, 12]));
        assert!(version(">3.11").allows(&[3, 12, 0]));
        assert!(version(">3.11").allows(&[3, 11, 1]));
        assert!(!version(">3.11").allows(&[3, 11, 0]));
        assert!(!version("!=3.11").allows(&[3, 11, 7]));
        assert!(version("~=3.11").allows(&[3, 13, 0]));
        assert!(!version("~=3.11").allows(&[4, 0, 0]));
    }
}
