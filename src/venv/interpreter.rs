//! What venvsh needs to know about a base interpreter, learned once.
//!
//! A query runs `python -I -S -c …` and reads JSON framed by a per-run cookie,
//! so stray output from the interpreter's startup cannot corrupt it. The answer
//! is cached under `<cache dir>/venvsh/interpreters/`, keyed by the executable
//! path and re-validated by one `stat` (device, inode, size, mtime): a warm
//! create runs no Python at all.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Error;
use crate::platform::identity::{self, Stamp};

/// Bumped whenever [`Facts`] or the query changes, so old entries are ignored.
const CACHE_VERSION: &str = "v2";

/// Kept to what runs on every CPython since 3.6 (and parses on older ones, which only
/// report their version); `sysconfig` is the slow import.
const QUERY: &str = r#"
import sys
cookie = sys.argv[1]
if sys.version_info < (3, 6):
    sys.stdout.write(cookie + '{"unsupported": "%d.%d.%d"}' % tuple(sys.version_info[:3]) + cookie)
    sys.exit(0)
import json, os, sysconfig
base = "/__venvsh_base__"
names = ("scripts", "include", "purelib", "platlib")
if "venv" in sysconfig.get_scheme_names():
    scheme = "venv"
else:
    scheme = "posix_prefix" if os.name == "posix" else "nt"
vars = dict.fromkeys(("base", "platbase", "installed_base", "installed_platbase"), base)
paths = {n: os.path.relpath(sysconfig.get_path(n, scheme, vars), base) for n in names}
if scheme != "venv":
    paths["include"] = "include" if os.name == "posix" else "Include"
cfg = sysconfig.get_config_var
v = sys.version_info
facts = {
    "implementation": sys.implementation.name,
    "version": [v[0], v[1], v[2], v[3], v[4]],
    "executable": sys.executable,
    # 3.6 and 3.7 have no _base_executable on POSIX; their venv uses sys.executable.
    "base_executable": getattr(sys, "_base_executable", sys.executable) or "",
    "base_prefix": sys.base_prefix,
    "stdlib": os.path.dirname(os.__file__),
    "paths": paths,
    "platform": sys.platform,
    "pointer_bits": 64 if sys.maxsize > 2 ** 32 else 32,
    "gil_disabled": bool(cfg("Py_GIL_DISABLED")),
    "shared": bool(cfg("Py_ENABLE_SHARED")),
    "libdir": cfg("LIBDIR") or "",
    "library": cfg("INSTSONAME") or cfg("LDLIBRARY") or "",
    "framework": cfg("PYTHONFRAMEWORK") or "",
    "wheel_pkg_dir": cfg("WHEEL_PKG_DIR") or "",
    "platform_tag": sysconfig.get_platform(),
}
if os.name == "nt":
    # venv on Windows copies or links files of the installation's folder by name.
    home = os.path.dirname(os.path.abspath(facts["base_executable"]))
    def names(d):
        try:
            return sorted(os.listdir(d))
        except OSError:
            return []
    facts["home_files"] = names(home)
    facts["dll_files"] = names(os.path.join(home, "DLLs"))
    if v[:3] < (3, 7, 2):
        for root, dirs, files in os.walk(home):
            if "init.tcl" in files:
                facts["init_tcl_dir"] = root
                break
sys.stdout.write(cookie + json.dumps(facts) + cookie)
"#;

/// Interpreter facts, as the query reports them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Facts {
    /// `sys.implementation.name`: `cpython`, `pypy`, `graalpy`.
    pub implementation: String,
    /// `sys.version_info`: major, minor, micro, release level, serial.
    pub version: (u32, u32, u32, String, u32),
    pub executable: PathBuf,
    /// `sys._base_executable`: what venv links to and takes `home` from.
    pub base_executable: PathBuf,
    pub base_prefix: PathBuf,
    pub stdlib: PathBuf,
    /// The sysconfig `venv` scheme, relative to the environment root.
    pub paths: SchemePaths,
    pub platform: String,
    pub pointer_bits: u32,
    pub gil_disabled: bool,
    pub shared: bool,
    pub libdir: PathBuf,
    pub library: String,
    pub framework: String,
    pub wheel_pkg_dir: PathBuf,
    /// `sysconfig.get_platform()`: `linux-x86_64`, `win-amd64`, `win-arm64`, …
    pub platform_tag: String,
    /// Windows: the names in the base interpreter's folder and in its `DLLs\`, which
    /// venv copies or links by name. Empty elsewhere.
    #[serde(default)]
    pub home_files: Vec<String>,
    #[serde(default)]
    pub dll_files: Vec<String>,
    /// Windows before 3.7.2: the first folder of the installation holding `init.tcl`.
    #[serde(default)]
    pub init_tcl_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct SchemePaths {
    pub scripts: PathBuf,
    pub include: PathBuf,
    pub purelib: PathBuf,
    pub platlib: PathBuf,
}

impl Facts {
    pub fn major_minor(&self) -> (u32, u32) {
        (self.version.0, self.version.1)
    }

    /// `3.11.7`, as venv writes `version =`.
    pub fn version_string(&self) -> String {
        format!("{}.{}.{}", self.version.0, self.version.1, self.version.2)
    }

    /// `CPython`, `PyPy`, … as `platform.python_implementation()` spells it.
    pub fn implementation_name(&self) -> String {
        match self.implementation.as_str() {
            "cpython" => "CPython".into(),
            "pypy" => "PyPy".into(),
            "graalpy" => "GraalPy".into(),
            other => other.to_owned(),
        }
    }
}

/// A base interpreter: the executable venvsh was pointed at, and its facts.
#[derive(Debug, Clone)]
pub struct Interpreter {
    pub path: PathBuf,
    pub facts: Facts,
}

impl Interpreter {
    /// Facts for `path`, from the cache when it is still valid, else from one query.
    pub fn from_path(path: &Path) -> Result<Self, Error> {
        let stamp = stamp_of(path)?;
        let cache_file = cache_file(path);
        if let Some(file) = &cache_file
            && let Some(facts) = read_cache(file, path, &stamp)
        {
            return Ok(Self {
                path: path.to_owned(),
                facts,
            });
        }
        let facts = query(path)?;
        // A launcher that re-execs another binary (a shim) answers for whatever it
        // picks today; caching that answer under the launcher's stat would go stale.
        let is_launcher = !identity::same_file(path, &facts.executable);
        if let (Some(file), false) = (&cache_file, is_launcher) {
            write_cache(file, path, &stamp, &facts);
        }
        Ok(Self {
            path: path.to_owned(),
            facts,
        })
    }

    /// "CPython 3.11.7".
    pub fn describe(&self) -> String {
        format!(
            "{} {}",
            self.facts.implementation_name(),
            self.facts.version_string()
        )
    }
}

/// The stamp of the executable a cached answer belongs to; a missing one is an error
/// that says so.
fn stamp_of(path: &Path) -> Result<Stamp, Error> {
    let meta = fs::metadata(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::InterpreterMissing {
                path: path.to_owned(),
            }
        } else {
            Error::io("read", path, source)
        }
    })?;
    if !meta.is_file() {
        return Err(Error::Query {
            path: path.to_owned(),
            reason: "it is not a file".into(),
        });
    }
    Stamp::of(path).map_err(|e| Error::io("read", path, e))
}

#[derive(Serialize, Deserialize)]
struct CacheEntry {
    path: PathBuf,
    stamp: Stamp,
    facts: Facts,
}

/// `<cache>/venvsh/interpreters/v1/<sha256 of the path>.json`.
fn cache_file(path: &Path) -> Option<PathBuf> {
    let digest = Sha256::digest(path.as_os_str().as_encoded_bytes());
    let name: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    Some(
        dirs::cache_dir()?
            .join("venvsh")
            .join("interpreters")
            .join(CACHE_VERSION)
            .join(format!("{name}.json")),
    )
}

fn read_cache(file: &Path, path: &Path, stamp: &Stamp) -> Option<Facts> {
    let bytes = fs::read(file).ok()?;
    let entry: CacheEntry = serde_json::from_slice(&bytes).ok()?;
    (entry.path == path && entry.stamp == *stamp).then_some(entry.facts)
}

/// Best effort: a cache that cannot be written only costs the next run a query.
fn write_cache(file: &Path, path: &Path, stamp: &Stamp, facts: &Facts) {
    let entry = CacheEntry {
        path: path.to_owned(),
        stamp: *stamp,
        facts: facts.clone(),
    };
    let Ok(json) = serde_json::to_vec(&entry) else {
        return;
    };
    let Some(dir) = file.parent() else { return };
    if fs::create_dir_all(dir).is_err() {
        return;
    }
    // Write then rename, so concurrent creates never read half an entry.
    let tmp = dir.join(format!(".{}.{}", std::process::id(), unique_suffix()));
    if fs::write(&tmp, json).is_ok() && fs::rename(&tmp, file).is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

fn query(path: &Path) -> Result<Facts, Error> {
    let cookie = format!("@@venvsh-{}-{}@@", std::process::id(), unique_suffix());
    let output = Command::new(path)
        .args(["-I", "-S", "-c", QUERY, &cookie])
        // The macOS framework stub passes the venv path through this; it must not leak in.
        .env_remove("__PYVENV_LAUNCHER__")
        .stdin(Stdio::null())
        .output()
        .map_err(|source| Error::Query {
            path: path.to_owned(),
            reason: source.to_string(),
        })?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let framed = stdout
        .split_once(&cookie)
        .and_then(|(_, rest)| rest.split_once(&cookie))
        .map(|(json, _)| json);
    let Some(json) = framed else {
        let stderr = String::from_utf8_lossy(&output.stderr);
        // Python 2 stops at `-I`, before running any code.
        if stderr.contains("Unknown option: -I") {
            return Err(Error::UnsupportedPython {
                path: path.to_owned(),
                version: "2 or older than 3.4".into(),
            });
        }
        let last = stderr.lines().last().unwrap_or("no output").trim();
        return Err(Error::Query {
            path: path.to_owned(),
            reason: format!("{} ({last})", output.status),
        });
    };
    #[derive(Deserialize)]
    struct TooOld {
        unsupported: String,
    }
    if let Ok(old) = serde_json::from_str::<TooOld>(json) {
        return Err(Error::UnsupportedPython {
            path: path.to_owned(),
            version: old.unsupported,
        });
    }
    let facts: Facts = serde_json::from_str(json).map_err(|e| Error::Query {
        path: path.to_owned(),
        reason: format!("unexpected answer: {e}"),
    })?;
    if facts.base_executable.as_os_str().is_empty() {
        return Err(Error::Query {
            path: path.to_owned(),
            reason: "sys._base_executable is empty, so the base interpreter is unknown".into(),
        });
    }
    Ok(facts)
}

/// Distinct enough for temp names within one process and across processes.
pub(crate) fn unique_suffix() -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{nanos:08x}{:x}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// Directories on `PATH`, in order.
pub(crate) fn path_dirs() -> Vec<PathBuf> {
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default()
}

/// An executable regular file at `dir/name`, if there is one. On Windows `name` gets
/// `.exe` unless it has it (`python3.12` is `python3.12.exe` there).
pub(crate) fn executable_in(dir: &Path, name: impl Into<OsString>) -> Option<PathBuf> {
    let mut name = name.into();
    if cfg!(windows)
        && !name
            .to_str()
            .is_some_and(|n| n.to_ascii_lowercase().ends_with(".exe"))
    {
        name.push(".exe");
    }
    let candidate = dir.join(name);
    let meta = fs::metadata(&candidate).ok()?;
    crate::platform::mode::is_executable(&candidate, &meta).then_some(candidate)
}
