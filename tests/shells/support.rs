//! Shared test support: the hostile corpus, fake environments, and running real shells.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

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

/// Prompt text as venvsh shows it: control characters replaced.
pub fn shown(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

pub fn venvsh() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_venvsh"))
}

/// PATH for the shells under test: venvsh's directory first, then the system's.
pub fn test_path() -> String {
    let bin = venvsh();
    format!(
        "{}:/usr/local/bin:/usr/bin:/bin",
        bin.parent().unwrap().display()
    )
}

/// A fake environment: `pyvenv.cfg` (with `prompt`, written as venv's Python repr) and `bin/`.
pub fn make_env(parent: &Path, name: &str, prompt: Option<&str>) -> PathBuf {
    let root = parent.join(name);
    fs::create_dir_all(root.join("bin")).unwrap();
    let mut cfg =
        String::from("home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.7\n");
    if let Some(prompt) = prompt {
        cfg.push_str(&format!("prompt = {}\n", python_repr(prompt)));
    }
    fs::write(root.join("pyvenv.cfg"), cfg).unwrap();
    root
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

pub use crate::require::require;

/// A scratch directory with the case's files; `PWNED*` markers are looked for in it.
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

    /// A value the script wrote with its `w NAME VALUE` helper; `None` when it did not.
    pub fn read(&self, name: &str) -> Option<String> {
        fs::read(self.out.join(name))
            .ok()
            .map(|b| String::from_utf8(b).expect("utf-8 output"))
    }

    pub fn get(&self, name: &str) -> String {
        self.read(name)
            .unwrap_or_else(|| panic!("the script did not record {name}"))
    }

    /// Fail if any command from the corpus ran (they all `touch PWNED…`).
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

fn walk(dir: &Path) -> Vec<PathBuf> {
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

/// Run `program args…` in `cwd` with a clean environment plus `vars`, feeding `stdin`.
pub fn run(
    program: &str,
    args: &[&str],
    cwd: &Path,
    vars: &[(&str, &str)],
    stdin: Option<&str>,
) -> Output {
    use std::io::Write;
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", test_path())
        .env("HOME", cwd)
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .env("TERM", "dumb")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in vars {
        command.env(k, v);
    }
    let mut child = command
        .spawn()
        .unwrap_or_else(|e| panic!("could not start {program}: {e}"));
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

/// The characters venvsh refuses in an environment path for `shell` (besides NUL).
pub fn refused_in_path(shell: &str) -> &'static [char] {
    match shell {
        "tcsh" => &[':', '\n', '\r'],
        "cmd" => &[';', '%', '=', '!', '"', '\n', '\r', '\t'],
        _ => &[':'],
    }
}

/// Characters refused in any value, prompts included (control characters in prompts
/// are replaced before they get here).
pub fn refused_anywhere(shell: &str, c: char) -> bool {
    shell == "cmd" && (c == '"' || !c.is_ascii())
}

/// Activation must be refused: non-zero exit, nothing on stdout, and a message naming
/// the character and the shell.
pub fn assert_refused(env: &Path, shell: &str, character: char, cwd: &Path) {
    let output = run(
        venvsh().to_str().unwrap(),
        &["activate", env.to_str().unwrap(), "--shell", shell],
        cwd,
        &[],
        None,
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !output.status.success(),
        "{shell}: {env:?} should be refused"
    );
    assert!(
        output.stdout.is_empty(),
        "{shell}: a refusal printed code: {:?}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(stderr.starts_with("error: "), "{shell}: {stderr}");
    let shell_name = match shell {
        "tcsh" => "tcsh",
        "cmd" => "cmd.exe",
        "nu" => "nushell",
        "powershell" => "PowerShell",
        "fish" => "fish",
        _ => "sh",
    };
    assert!(
        stderr.contains(shell_name),
        "{shell}: the message should name the shell: {stderr}"
    );
    assert!(
        stderr.contains(&format!("{character:?}")),
        "{shell}: the message should name {character:?}: {stderr}"
    );
}

/// What every probe records as `<unset>` for a variable that is not set.
pub const UNSET: &str = "<unset>";

/// The checks every shell's probe must pass: exact variables and PATH while active,
/// and everything back, byte for byte, after `deactivate`.
pub fn assert_probe(
    case: &Case,
    context: &str,
    env: &Path,
    shown_prompt: &str,
    prompt_after: &str,
) {
    let env = env.to_str().unwrap();
    assert_eq!(case.get("act_status"), "0", "{context}: activation status");
    assert_eq!(case.get("ve"), env, "{context}: VIRTUAL_ENV");
    assert_eq!(
        case.get("vep"),
        shown_prompt,
        "{context}: VIRTUAL_ENV_PROMPT"
    );
    let before = case.get("before_path");
    assert_eq!(
        case.get("path"),
        format!("{env}/bin:{before}"),
        "{context}: PATH while active"
    );
    assert_eq!(
        case.get("pythonhome"),
        UNSET,
        "{context}: PYTHONHOME while active"
    );
    assert_eq!(
        case.get("deact_status"),
        "0",
        "{context}: deactivation status"
    );
    assert_eq!(
        case.get("after_path"),
        before,
        "{context}: PATH after deactivate"
    );
    assert_eq!(
        case.get("after_ps1"),
        prompt_after,
        "{context}: prompt after deactivate"
    );
    assert_eq!(
        case.get("after_ve"),
        UNSET,
        "{context}: VIRTUAL_ENV after deactivate"
    );
    assert_eq!(
        case.get("after_vep"),
        UNSET,
        "{context}: VIRTUAL_ENV_PROMPT after deactivate"
    );
    assert_eq!(
        case.get("after_state"),
        UNSET,
        "{context}: VENVSH_STATE after deactivate"
    );
    assert_eq!(
        case.get("after_pythonhome"),
        "/original/home",
        "{context}: PYTHONHOME after deactivate"
    );
    case.assert_nothing_ran(context);
}

/// Every corpus entry as a directory name and as a prompt, for `shell`; refusals are
/// checked as refusals, the rest handed to `probe`.
pub fn for_each_case(shell: &str, mut probe: impl FnMut(&Case, &Path, &str, String)) {
    for name in CORPUS {
        for (dir, prompt) in [(*name, None), ("env", Some(*name))] {
            let case = Case::new();
            let env = make_env(case.root(), dir, prompt);
            let context = format!("{shell}: dir {dir:?}, prompt {prompt:?}");
            if let Some(bad) = dir
                .chars()
                .find(|c| refused_in_path(shell).contains(c) || refused_anywhere(shell, *c))
            {
                assert_refused(&env, shell, bad, case.root());
                continue;
            }
            if let Some(bad) = prompt.and_then(|p| p.chars().find(|c| refused_anywhere(shell, *c)))
            {
                assert_refused(&env, shell, bad, case.root());
                continue;
            }
            probe(&case, &env, dir, context);
            case.assert_nothing_ran(&format!("{shell}: dir {dir:?}"));
        }
    }
}

/// The prompt text a case expects: its prompt, else its directory name.
pub fn expected_prompt_text(env: &Path) -> String {
    let cfg = fs::read_to_string(env.join("pyvenv.cfg")).unwrap();
    let raw = cfg
        .lines()
        .find_map(|l| l.strip_prefix("prompt = "))
        .map(str::to_owned);
    shown(&match raw {
        Some(repr) => python_unrepr(&repr),
        None => env.file_name().unwrap().to_str().unwrap().to_owned(),
    })
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
