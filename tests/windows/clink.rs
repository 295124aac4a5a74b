//! The Clink hook against the real `venvsh.exe` under wine (issue 12). This is not Clink
//! (it runs only inside cmd.exe on Windows): a Lua 5.4 mock of the part of Clink's API the
//! hook uses, whose `io.popen` runs the line as Clink's does on Windows.
//!
//! Real: the hook script, printed by `venvsh.exe hook clink` under wine (it names the
//! Windows exe); `venvsh.exe hook-env --shell clink`, run through wine's `cmd.exe /c` for
//! each input line the script decides needs it, and the Lua chunk it prints, loaded by the
//! script; trust records made by `venvsh.exe allow`; Windows-layout environments
//! (`Scripts\`, `pyvenv.cfg`) on wine's drive Z:; Debian's `lua5.4` running it all.
//!
//! Mocked (tests/shells/clink_mock.lua, with tests/windows/clink_wine.lua as its host):
//! - `clink.onbeginedit` and `clink.promptfilter` keep what the script registers; the
//!   test's `prompt` calls the onbeginedit functions, then the filters by priority on the
//!   prompt text "C:\>" (cmd.exe draws no prompt here), as Clink does before each line.
//! - `os.getcwd` is a Windows path the test sets (`Z:\…`), standing for cmd.exe's
//!   directory; `os.getenv`/`os.setenv` are a Lua table standing for cmd.exe's
//!   environment, with case-sensitive names (Windows' are not: the test spells each one
//!   way).
//! - `os.isdir`/`os.isfile` map `Z:\a\b` to `/a/b` (wine's Z: is the Unix root) and ask
//!   Linux; any other drive or form fails the test.
//! - `io.popen(line)` starts tests/windows/clink_popen.exe (a test helper built with
//!   mingw-w64) under wine, which runs `%ComSpec% /c LINE` as Clink's io.popen (the C
//!   runtime's `_popen`) does, with the table as the Windows environment
//!   (plus what wine gives every process: SystemRoot, ComSpec, USERPROFILE, WINE…, and
//!   LANG from the Unix side) and the table's directory as the current one; the output is
//!   read as the C runtime's text mode reads it (CRLF to LF, Ctrl-Z ends it), stderr is
//!   the Lua process's (cmd.exe's console under Clink). Each call is counted, and
//!   `os.execute` fails the test, so the count is every process the script starts.
//! - Lua 5.4, where Clink embeds 5.2 (the script needs only `load` with an environment).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::clink_driver::{MOCK, Mock};
use crate::support::*;

const HOST: &str = include_str!("clink_wine.lua");

/// cmd.exe's PATH before the hook runs: a blank, `&`, `(`, `%` and `!` in entries, and
/// the trailing `;` many Windows PATHs carry; it must come back byte for byte.
const PATH: &str = r"C:\windows\system32;C:\windows;C:\Program Files\A&B (x86)\bin;C:\odd%dir%!x;";

/// The prompt text cmd.exe hands Clink's filters.
const PROMPT: &str = r"C:\>";

fn shown(name: &str) -> String {
    format!("({name}) {PROMPT}")
}

/// `lua5.4`, or a skip that says so (a failure with VENVSH_REQUIRE_SHELLS=1).
fn lua_available() -> bool {
    if Command::new("lua5.4")
        .arg("-v")
        .output()
        .is_ok_and(|o| o.status.success())
    {
        return true;
    }
    if std::env::var("VENVSH_REQUIRE_SHELLS").is_ok_and(|v| v == "1") {
        panic!(
            "lua5.4 is not installed (required: VENVSH_REQUIRE_SHELLS=1; tests/run.sh installs it)"
        );
    }
    eprintln!("SKIPPED: lua5.4 is not installed; the Clink tests did not run");
    false
}

/// tests/windows/clink_popen.exe, built once per run.
fn popen_exe() -> &'static Path {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    EXE.get_or_init(|| {
        let exe = Path::new(env!("CARGO_TARGET_TMPDIR")).join("clink_popen.exe");
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/windows/clink_popen.c");
        let out = Command::new("x86_64-w64-mingw32-gcc")
            .args(["-O2", "-Wall", "-municode", "-o"])
            .arg(&exe)
            .arg(source)
            .output()
            .expect("mingw-w64 runs");
        assert!(out.status.success(), "clink_popen.c: {}", text(&out.stderr));
        exe
    })
}

/// One Lua process running the mock, its wine host and the hook script.
struct Clink {
    mock: Mock,
    script: PathBuf,
}

impl std::ops::Deref for Clink {
    type Target = Mock;
    fn deref(&self) -> &Mock {
        &self.mock
    }
}

impl std::ops::DerefMut for Clink {
    fn deref_mut(&mut self) -> &mut Mock {
        &mut self.mock
    }
}

impl Clink {
    /// The mock in `dir` with `script` loaded (`loaded`: "ok", the onbeginedit functions
    /// and the prompt filters it registers), and cmd.exe's environment: PATH, the trust
    /// records' directory, and a PYTHONHOME that activation must put aside.
    fn start(w: &Windows, dir: &Path, script: &str, loaded: &str) -> Clink {
        fs::write(dir.join("clink_mock.lua"), MOCK).unwrap();
        fs::write(dir.join("clink_wine.lua"), HOST).unwrap();
        let hook = dir.join("venvsh.lua");
        fs::write(&hook, script).unwrap();
        let mut command = Command::new("lua5.4");
        command
            .args(["clink_mock.lua", "clink_wine.lua"])
            .current_dir(dir)
            .env_clear()
            .env("VENVSH_MOCK_POPEN", popen_exe());
        // What wine needs (WINEPREFIX, HOME…), as every Windows test starts it.
        for (name, value) in w.wine_command("cmd").get_envs() {
            if let Some(value) = value {
                command.env(name, value);
            }
        }
        let mut clink = Clink {
            mock: Mock::spawn(command),
            script: hook,
        };
        clink.set("PATH", PATH);
        clink.set("VENVSH_DATA_DIR", &win(&dir.join("data")));
        clink.set("PYTHONHOME", r"C:\original\home");
        assert_eq!(clink.load(), loaded);
        clink
    }

    /// Load the script (again): returns how many onbeginedit functions and prompt
    /// filters are registered.
    fn load(&mut self) -> String {
        let script = self.script.to_str().unwrap().to_owned();
        self.load_file(&script)
    }

    fn cd(&mut self, dir: &Path) {
        self.cd_to(&win(dir));
    }

    /// One input line: how many times io.popen ran, and the prompt drawn.
    fn prompt(&mut self) -> (usize, String) {
        self.prompt_from(PROMPT)
    }

    /// Close stdin and return what went to stderr (venvsh's notices).
    fn finish(self) -> String {
        self.mock.finish()
    }
}

/// `venvsh.exe hook clink ARGS`, which names venvsh.exe by its Windows path.
fn hook_script(w: &Windows, cwd: &Path, args: &[&str]) -> String {
    let mut all = vec!["hook", "clink"];
    all.extend(args);
    let out = w.venvsh(&all, cwd, &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let script = text(&out.stdout);
    // Lua's decimal escapes: `\` is \092 (and `"` around the path \034).
    let exe = win(&w.venvsh).replace('\\', r"\092");
    assert!(
        args.contains(&"--no-auto") || script.contains(&format!(r#""\034{exe}\034""#)),
        "the script does not name {}: {script}",
        win(&w.venvsh)
    );
    script
}

fn allow(w: &Windows, root: &Path, env: &Path) {
    let data = win(&root.join("data"));
    let out = w.venvsh(
        &["allow", &win(env)],
        root,
        &[("VENVSH_DATA_DIR", data.as_str())],
    );
    assert!(out.status.success(), "allow: {}", text(&out.stderr));
}

fn scripts_first(env: &Path) -> String {
    format!(r"{}\Scripts;{PATH}", win(env))
}

/// Enter a trusted project: activated at the next line, with `Scripts` first on PATH;
/// nothing changed: venvsh does not run; out of it: cmd.exe's environment comes back
/// whole; an untrusted `.venv` is never activated, and said once.
#[test]
fn clink_hook_auto_activates_with_venvsh_exe() {
    let Some(w) = windows() else { return };
    if !lua_available() {
        return;
    }
    let case = Case::new();
    let root = case.root().canonicalize().unwrap();
    let proj = root.join("proj");
    let proj_env = w.make_env(&proj, ".venv", Some("proj"), false);
    fs::create_dir_all(proj.join("sub/deeper")).unwrap();
    let cloned = root.join("cloned");
    let cloned_env = w.make_env(&cloned, ".venv", Some("cloned"), false);
    let plain = root.join("plain");
    fs::create_dir_all(&plain).unwrap();
    allow(w, &root, &proj_env);

    let mut clink = Clink::start(w, &root, &hook_script(w, &root, &[]), "ok 1 1");
    // Loaded twice, installed once.
    assert_eq!(clink.load(), "ok 1 1");
    clink.cd(&root);
    assert_eq!(clink.prompt(), (1, PROMPT.to_owned()));
    let before = clink.dump();
    assert!(before.contains(&format!("PATH={PATH}")), "{before:?}");

    // Into the trusted project: one run of venvsh.exe, then nothing while nothing changes.
    clink.cd(&proj);
    assert_eq!(clink.prompt(), (1, shown("proj")));
    assert_eq!(clink.get("VIRTUAL_ENV"), Some(win(&proj_env)));
    assert_eq!(clink.get("VIRTUAL_ENV_PROMPT").as_deref(), Some("proj"));
    assert_eq!(clink.get("PATH"), Some(scripts_first(&proj_env)));
    assert_eq!(clink.get("PYTHONHOME"), None);
    assert!(clink.get("VENVSH_STATE").is_some());
    for _ in 0..3 {
        assert_eq!(clink.prompt(), (0, shown("proj")));
    }

    // A subdirectory keeps it: one run (the directory changed), then none.
    clink.cd(&proj.join("sub/deeper"));
    assert_eq!(clink.prompt(), (1, shown("proj")));
    assert_eq!(clink.prompt(), (0, shown("proj")));
    assert_eq!(clink.get("VIRTUAL_ENV"), Some(win(&proj_env)));
    assert_eq!(clink.get("PATH"), Some(scripts_first(&proj_env)));

    // Out: every variable as it was, PATH byte for byte.
    clink.cd(&plain);
    assert_eq!(clink.prompt(), (1, PROMPT.to_owned()));
    assert_eq!(clink.dump(), before);
    assert_eq!(clink.prompt(), (0, PROMPT.to_owned()));

    // A .venv made and allowed where cmd.exe stands counts at the next line (os.isdir on
    // a Windows path); removed, too.
    let here_env = w.make_env(&plain, ".venv", Some("here"), false);
    allow(w, &root, &here_env);
    assert_eq!(clink.prompt(), (1, shown("here")));
    assert_eq!(clink.get("PATH"), Some(scripts_first(&here_env)));
    fs::remove_dir_all(&here_env).unwrap();
    assert_eq!(clink.prompt(), (1, PROMPT.to_owned()));
    assert_eq!(clink.dump(), before);

    // An untrusted .venv is not activated, on the way in or back in; the notice comes
    // once (VENVSH_TOLD remembers it, and is all that changes).
    let mut told = before.clone();
    told.push(format!("VENVSH_TOLD=untrusted {}", win(&cloned_env)));
    told.sort();
    clink.cd(&cloned);
    assert_eq!(clink.prompt(), (1, PROMPT.to_owned()));
    assert_eq!(clink.dump(), told);
    clink.cd(&root);
    assert_eq!(clink.prompt(), (1, PROMPT.to_owned()));
    clink.cd(&cloned);
    assert_eq!(clink.prompt(), (1, PROMPT.to_owned()));
    assert_eq!(clink.dump(), told);

    let stderr = clink.finish();
    assert_eq!(
        stderr.matches("venvsh: not activating").count(),
        1,
        "the notice comes once: {stderr}"
    );
    assert!(stderr.contains(&win(&cloned_env)), "{stderr}");
    case.assert_nothing_ran("clink");
}

/// `hook clink --no-auto`: the prompt filter only; venvsh.exe never runs.
#[test]
fn clink_hook_no_auto_never_runs_venvsh_exe() {
    let Some(w) = windows() else { return };
    if !lua_available() {
        return;
    }
    let case = Case::new();
    let root = case.root().canonicalize().unwrap();
    let proj = root.join("proj");
    allow(w, &root, &w.make_env(&proj, ".venv", Some("proj"), false));
    let mut clink = Clink::start(w, &root, &hook_script(w, &root, &["--no-auto"]), "ok 0 1");
    clink.cd(&proj);
    assert_eq!(clink.prompt(), (0, PROMPT.to_owned()));
    assert_eq!(clink.get("VIRTUAL_ENV"), None);
    // The filter still draws an activation made otherwise.
    clink.set("VIRTUAL_ENV_PROMPT", "proj");
    clink.set("VENVSH_STATE", "x");
    assert_eq!(clink.prompt(), (0, shown("proj")));
    clink.finish();
}

/// Names from tests/windows/support.rs's CORPUS that test what is Windows' own here (the
/// Linux Clink test takes every name through the same Lua): cmd.exe's `&`, `^`, `(`, `)`,
/// `%` and `!`, text that is not ASCII (UTF-8 in Lua, UTF-16 in Windows), and `;`. Each
/// costs three wine starts (`allow`, in, out).
const NAMES: &[&str] = &[
    "sp ace",
    "it's",
    "a;touch PWNED4;b",
    "pct%n%~",
    "a!b%p c",
    "a^b",
    "a=b",
    "e-$ èрт🚒♞中片-j",
    "%PATH%",
    "x&mkdir PWNED6",
    "x)&mkdir PWNED7&(x",
    "x^&mkdir PWNED8",
    "%COMSPEC%&mkdir PWNED9",
    "$(mkdir PWNED11)",
];

/// Hostile project directory names through the hook: entered and left with VIRTUAL_ENV,
/// PATH and the prompt exact and nothing from the name run; `;`, Windows' PATH separator,
/// is refused with nothing changed.
#[test]
fn clink_hook_carries_hostile_names_with_venvsh_exe() {
    let Some(w) = windows() else { return };
    if !lua_available() {
        return;
    }
    let case = Case::new();
    let root = case.root().canonicalize().unwrap();
    let mut clink = Clink::start(w, &root, &hook_script(w, &root, &[]), "ok 1 1");
    clink.cd(&root);
    assert_eq!(clink.prompt(), (1, PROMPT.to_owned()));
    let before = clink.dump();
    let mut refused = Vec::new();
    for name in NAMES {
        assert!(CORPUS.contains(name), "{name:?} is not in the corpus");
        let context = format!("clink: dir {name:?}");
        let project = root.join(name);
        let env = w.make_env(&project, ".venv", None, false);
        allow(w, &root, &env);
        clink.cd(&project);
        if name.contains(';') {
            assert_eq!(clink.prompt(), (1, PROMPT.to_owned()), "{context}");
            assert_eq!(clink.dump(), before, "{context}");
            refused.push(*name);
        } else {
            assert_eq!(clink.prompt(), (1, shown(name)), "{context}");
            assert_eq!(clink.get("VIRTUAL_ENV"), Some(win(&env)), "{context}");
            assert_eq!(clink.get("PATH"), Some(scripts_first(&env)), "{context}");
        }
        clink.cd(&root);
        assert_eq!(clink.prompt(), (1, PROMPT.to_owned()), "{context}");
        assert_eq!(clink.dump(), before, "{context}");
    }
    let stderr = clink.finish();
    assert!(!refused.is_empty());
    assert_eq!(
        stderr.matches("';'").count(),
        refused.len(),
        "each `;` name refused, once: {stderr}"
    );
    case.assert_nothing_ran("clink corpus");
}
