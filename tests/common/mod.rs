//! What every test binary shares: running venvsh and programs with a clean environment,
//! scratch directories, fake environments, the hostile corpus, and the harness.
//!
//! Each test binary compiles its own copy of this module (`mod common;`) and uses part
//! of it, hence the `dead_code` allowance.
#![allow(dead_code)]

pub mod harness;
pub mod tmux;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The binary under test.
pub fn venvsh() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_venvsh"))
}

/// The directory holding the binary under test, to put first on a shell's PATH.
pub fn venvsh_dir() -> PathBuf {
    venvsh().parent().unwrap().to_owned()
}

/// PATH without venvsh: what scripts that must not need it run with.
pub const SYSTEM_PATH: &str = "/usr/local/bin:/usr/bin:/bin";

/// PATH for the shells under test: venvsh's directory first, then the system's.
pub fn test_path() -> String {
    format!("{}:{SYSTEM_PATH}", venvsh_dir().display())
}

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Lossy text of a process's output, for messages and comparisons.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Run `program args…` in `cwd` with a clean environment (PATH = [`test_path`], HOME =
/// `cwd`, a UTF-8 locale, TERM=dumb) plus `vars`, feeding `stdin`.
pub fn run(
    program: &str,
    args: &[&str],
    cwd: &Path,
    vars: &[(&str, &str)],
    stdin: Option<&str>,
) -> Output {
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", test_path())
        .env("HOME", cwd)
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .env("TERM", "dumb");
    for (k, v) in vars {
        command.env(k, v);
    }
    feed(&mut command, stdin, program)
}

/// Spawn `command` with piped output, write `stdin` (if any) and wait.
pub fn feed(command: &mut Command, stdin: Option<&str>, what: &str) -> Output {
    command
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command
        .spawn()
        .unwrap_or_else(|e| panic!("could not start {what}: {e}"));
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

/// `venvsh args…` through [`run`]; its stdout, which it must print successfully.
#[track_caller]
pub fn venvsh_stdout(args: &[&str], cwd: &Path, vars: &[(&str, &str)]) -> String {
    let output = run(venvsh().to_str().unwrap(), args, cwd, vars, None);
    assert!(
        output.status.success(),
        "venvsh {args:?}: {}",
        text(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// The contract for bad input: non-zero exit, nothing on stdout (for `eval`), and
/// `error: …` on stderr, which is returned.
#[track_caller]
pub fn assert_refusal(output: &Output, what: &str) -> String {
    let stderr = text(&output.stderr);
    assert!(!output.status.success(), "{what} should fail: {stderr}");
    assert!(
        output.stdout.is_empty(),
        "{what} printed code for eval: {:?}",
        text(&output.stdout)
    );
    assert!(stderr.starts_with("error: "), "{what}: {stderr}");
    stderr
}

/// A scratch directory with an `out/` directory for the values a probe records;
/// `PWNED*` markers are looked for in all of it.
pub struct Case {
    pub dir: tempfile::TempDir,
    pub out: PathBuf,
}

impl Case {
    pub fn new() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("venvsh-test")
            .tempdir()
            .unwrap();
        let out = dir.path().join("out");
        fs::create_dir(&out).unwrap();
        Case { dir, out }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A value the probe recorded; `None` when it did not.
    pub fn read(&self, name: &str) -> Option<String> {
        fs::read(self.out.join(name))
            .ok()
            .map(|b| String::from_utf8(b).expect("utf-8 output"))
    }

    #[track_caller]
    pub fn get(&self, name: &str) -> String {
        self.read(name)
            .unwrap_or_else(|| panic!("the probe did not record {name}"))
    }

    /// Fail if any command from the corpus ran (they all `touch PWNED…`).
    #[track_caller]
    pub fn assert_nothing_ran(&self, context: &str) {
        for entry in walk(self.root()) {
            let name = entry.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                !name.starts_with("PWNED"),
                "{context}: a command from the name ran ({})",
                entry.display()
            );
        }
    }
}

impl Default for Case {
    fn default() -> Self {
        Self::new()
    }
}

/// Every path under `dir`, not following links.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() && !path.is_symlink() {
                out.extend(walk(&path));
            }
            out.push(path);
        }
    }
    out
}

/// A fake environment at `root`: `bin/` and a `pyvenv.cfg` holding `cfg`.
pub fn fake_env(root: &Path, cfg: &str) -> PathBuf {
    fs::create_dir_all(root.join("bin")).unwrap();
    fs::write(root.join("pyvenv.cfg"), cfg).unwrap();
    root.to_owned()
}

/// A fake environment `parent/name` as `python -m venv` leaves it, with `prompt`
/// written (as venv does, in Python's repr) when given.
pub fn make_env(parent: &Path, name: &str, prompt: Option<&str>) -> PathBuf {
    let mut cfg =
        String::from("home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.7\n");
    if let Some(prompt) = prompt {
        cfg.push_str(&format!("prompt = {}\n", python_repr(prompt)));
    }
    fake_env(&parent.join(name), &cfg)
}

/// Python's `repr` of a str, as `python -m venv --prompt` writes it into `pyvenv.cfg`.
pub fn python_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn python_unrepr(repr: &str) -> String {
    let inner = &repr[1..repr.len() - 1];
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next().unwrap() {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => out.push(other),
        }
    }
    out
}

/// Directory names and prompts that have broken activation scripts in the field
/// (activation.md §2), plus the PATH separators.
pub const CORPUS: &[&str] = &[
    "plain",
    "sp ace",
    "it's",
    "q\"uote",
    "$(touch PWNED1)",
    "`touch PWNED2`",
    "x'$(touch PWNED3)'y",
    "a;touch PWNED4;b",
    "(touch PWNED5)",
    "${HOME}",
    "$HOME",
    "bang!hist",
    "!!",
    "pct%n%~",
    "a!b%p c",
    "back\\slash",
    "dbl\\\\back",
    "trail\\",
    "glob*?[x]",
    "{a,b}",
    "~root",
    "#x",
    "-dash",
    "-e",
    "a^b",
    "a&b",
    "a|b",
    "a<b>c",
    "e-$ èрт🚒♞中片-j",
    "John\u{2019}s",
    "\u{202E}rtl",
    "new\nline",
    "a\tb",
    "col:on",
    "semi;colon",
    "a=b",
    "100%",
    "%PATH%",
    "\"';&&$e|'\"",
];

/// One corpus entry used once: as the environment's directory name (prompt taken from
/// it), or as its prompt (in a directory named `env`, or `project` for Clink's).
#[derive(Debug, Clone, Copy)]
pub struct CorpusCase {
    pub index: usize,
    pub name: &'static str,
    pub as_prompt: bool,
}

impl CorpusCase {
    /// Every entry, as a directory name and as a prompt.
    pub fn all() -> impl Iterator<Item = CorpusCase> {
        CORPUS.iter().enumerate().flat_map(|(index, name)| {
            [false, true].map(|as_prompt| CorpusCase {
                index,
                name,
                as_prompt,
            })
        })
    }

    /// `dir` or `prompt`, the entry's number, and its name with everything but
    /// `[A-Za-z0-9._-]` as `_`: a trial name that is safe to type in a filter.
    pub fn label(&self) -> String {
        let slug: String = self
            .name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || "._-".contains(c) {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let role = if self.as_prompt { "prompt" } else { "dir" };
        format!("{role}::{:02}-{slug}", self.index)
    }

    /// The directory name and the prompt, with `default_dir` for prompt cases.
    pub fn dir_and_prompt(
        &self,
        default_dir: &'static str,
    ) -> (&'static str, Option<&'static str>) {
        if self.as_prompt {
            (default_dir, Some(self.name))
        } else {
            (self.name, None)
        }
    }

    pub fn describe(&self, default_dir: &str) -> String {
        if self.as_prompt {
            format!("dir {default_dir:?}, prompt {:?}", self.name)
        } else {
            format!("dir {:?}, prompt None", self.name)
        }
    }
}

/// Prompt text as venvsh shows it: control characters replaced.
pub fn shown(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// The prompt text an environment shows: its `prompt`, else its directory name, or for
/// a `.venv` or `venv` directory, its project's (the directory holding it).
pub fn expected_prompt_text(env: &Path) -> String {
    let cfg = fs::read_to_string(env.join("pyvenv.cfg")).unwrap();
    let raw = cfg
        .lines()
        .find_map(|l| l.strip_prefix("prompt = "))
        .map(str::to_owned);
    let name = |p: &Path| p.file_name().unwrap().to_str().unwrap().to_owned();
    shown(&match raw {
        Some(repr) => python_unrepr(&repr),
        None if [".venv", "venv"].contains(&name(env).as_str()) => name(env.parent().unwrap()),
        None => name(env),
    })
}

/// Lower-case hex of a string's bytes (VENVSH_STATE carries paths this way).
pub fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

/// pyenv's newest `3.X.*` (as `bin/python3.X`), which `bash tests/run.sh` installs.
pub fn pyenv_python(minor: &str) -> Option<PathBuf> {
    let root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".pyenv")))?;
    let mut versions: Vec<(Vec<u32>, PathBuf)> = fs::read_dir(root.join("versions"))
        .ok()?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let rest = name.strip_prefix(&format!("{minor}."))?;
            let micro: u32 = rest.parse().ok()?;
            let python = e.path().join("bin").join(format!("python{minor}"));
            python.is_file().then(|| (vec![micro], python))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, p)| p)
}
