//! What every Windows test shares: the cross-built venvsh.exe, one wine prefix with one
//! persistent wineserver, the Windows CPython, and Windows-layout environments.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

pub const TARGET: &str = "x86_64-pc-windows-gnu";
const MINGW: &str = "x86_64-w64-mingw32-gcc";

/// Directory names and prompts that broke activation somewhere (the corpus of
/// tests/shells) that a Windows file name can hold (no `<>:"/\|?*`, no control
/// characters, no trailing dot or blank), and commands cmd.exe and PowerShell would run
/// from a name used unquoted. Each writes a `PWNED…` directory into the current one.
pub const CORPUS: &[&str] = &[
    "plain",
    "sp ace",
    "it's",
    "$(touch PWNED1)",
    "`touch PWNED2`",
    "a;touch PWNED4;b",
    "(touch PWNED5)",
    "${HOME}",
    "$HOME",
    "bang!hist",
    "!!",
    "pct%n%~",
    "a!b%p c",
    "glob[x]",
    "{a,b}",
    "~root",
    "#x",
    "-dash",
    "-e",
    "a^b",
    "a&b",
    "e-$ èрт🚒♞中片-j",
    "John\u{2019}s",
    "semi;colon",
    "a=b",
    "100%",
    "%PATH%",
    "';&&$e'",
    // cmd.exe: a name outside quotes, or re-parsed after %…% expansion.
    "x&mkdir PWNED6",
    "x)&mkdir PWNED7&(x",
    "x^&mkdir PWNED8",
    "%COMSPEC%&mkdir PWNED9",
    // PowerShell: inside '…', "…" or as a bare word.
    "x';mkdir PWNED10;'",
    "$(mkdir PWNED11)",
    "x\u{2019};mkdir PWNED12;\u{2018}x",
    "`$(mkdir PWNED13)",
    "@(mkdir PWNED14)",
];

/// What `venvsh activate --shell cmd` refuses: `;` in the environment's path (it would
/// split the PATH entry), `"` anywhere, and non-ASCII text (cmd reads a batch file in the
/// console code page). `%`, `!` and `=` are carried: venvsh writes PATH whole (issue 12).
/// Empty when activation must succeed; else venvsh names one of these.
pub fn cmd_refuses(dir: &str, prompt: Option<&str>) -> Vec<char> {
    let in_dir = dir.chars().filter(|c| ";\"".contains(*c) || !c.is_ascii());
    let in_prompt = prompt
        .into_iter()
        .flat_map(str::chars)
        .filter(|c| *c == '"' || !c.is_ascii());
    in_dir.chain(in_prompt).collect()
}

/// What wine prepends to every Windows program's PATH (WINEPATH; a PATH given to wine is
/// not the program's): cmd's PATH holds `%`, `!` and `=` in the cmd tests, which venvsh,
/// writing cmd's PATH whole from the one it inherits, must carry (issue 12).
pub const ODD_PATH: &str = r"C:\odd%dir%!x=y";

/// What PowerShell refuses on Windows: the PATH separator `;` in the environment's path.
pub fn powershell_refuses(dir: &str) -> Option<char> {
    dir.chars().find(|c| *c == ';')
}

/// The prompt text a case expects: its prompt, else its directory name.
pub fn prompt_text(dir: &str, prompt: Option<&str>) -> String {
    prompt.unwrap_or(dir).to_owned()
}

/// A directory for one case; `PWNED…` entries are looked for in it.
pub struct Case {
    pub dir: tempfile::TempDir,
}

impl Case {
    pub fn new() -> Self {
        Case {
            dir: tempfile::Builder::new()
                .prefix("venvsh-win")
                .tempdir()
                .unwrap(),
        }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Fail if any command from a name ran.
    pub fn assert_nothing_ran(&self, context: &str) {
        let mut stack = vec![self.root().to_owned()];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).unwrap().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                assert!(
                    !name.starts_with("PWNED"),
                    "{context}: a command from the name ran ({})",
                    entry.path().display()
                );
                if entry.file_type().unwrap().is_dir() {
                    stack.push(entry.path());
                }
            }
        }
    }
}

/// `path` as Windows programs under wine see it: on drive Z:, the Unix root.
pub fn win(path: &Path) -> String {
    format!("Z:{}", path.to_str().unwrap().replace('/', "\\"))
}

/// Python's `repr` of a str, as `python -m venv --prompt` writes it into `pyvenv.cfg`.
fn python_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The tools every test needs, made once per test process.
pub struct Windows {
    /// `venvsh.exe`, with the `bcryptprimitives.dll` stand-in beside it.
    pub venvsh: PathBuf,
    /// The laid-out Windows CPython (`python.exe`, `Lib`, `DLLs`).
    pub python: PathBuf,
    /// `pwsh.exe` and `powershell.exe`: parents with a shell's name (tests/windows/spawn.c).
    pub fake_shells: PathBuf,
    prefix: PathBuf,
    work: PathBuf,
}

/// `None` when wine, mingw-w64 or the Rust target is missing and the run does not
/// require them (VENVSH_REQUIRE_SHELLS=1 makes that a failure); anything else that
/// goes wrong fails.
pub fn windows() -> Option<&'static Windows> {
    static WINDOWS: OnceLock<Option<Windows>> = OnceLock::new();
    WINDOWS.get_or_init(set_up).as_ref()
}

/// A missing requirement: a failure when the run requires everything, else a skip
/// that says so.
fn missing<T>(what: &str) -> Option<T> {
    if std::env::var("VENVSH_REQUIRE_SHELLS").is_ok_and(|v| v == "1") {
        panic!("{what} (required: VENVSH_REQUIRE_SHELLS=1; tests/run.sh installs it)");
    }
    eprintln!(
        "SKIPPED: {what}; the Windows tests did not run (set VENVSH_REQUIRE_SHELLS=1 to fail instead)"
    );
    None
}

fn on_path(program: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {program}"))
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `target/` (or `$CARGO_TARGET_DIR`): the host binary is `<target>/<profile>/venvsh`.
fn target_dir() -> PathBuf {
    let host = PathBuf::from(env!("CARGO_BIN_EXE_venvsh"));
    host.parent().unwrap().parent().unwrap().to_owned()
}

fn check(output: &Output, what: &str) {
    assert!(
        output.status.success(),
        "{what} failed ({:?}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn mingw(source: &str, out: &Path, extra: &[&str]) {
    let dir = manifest_dir().join("tests/windows");
    let output = Command::new(MINGW)
        .args(["-O2", "-Wall", "-o"])
        .arg(out)
        .arg(dir.join(source))
        .args(extra)
        .current_dir(&dir)
        .output()
        .expect("mingw-w64 runs");
    check(&output, &format!("{MINGW} {source}"));
}

/// Cross-build with cargo (the same target directory: cargo holds its lock only while
/// it builds, not while the tests run). `what` is `--bin venvsh` or `--lib` tests.
pub fn cargo_build(args: &[&str]) -> Option<Output> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(args)
        .args(["--target", TARGET])
        .current_dir(manifest_dir())
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() && stderr.contains("target may not be installed") {
        return missing(&format!("the Rust target {TARGET} is not installed"));
    }
    check(&output, &format!("cargo {}", args.join(" ")));
    Some(output)
}

fn set_up() -> Option<Windows> {
    for program in ["wine", "wineserver", MINGW] {
        if !on_path(program) {
            return missing(&format!("{program} is not installed"));
        }
    }
    cargo_build(&["build", "--bin", "venvsh"])?;
    let target = target_dir();
    let work = target.join("windows-tests");
    let bin = work.join("bin");
    let fake_shells = work.join("shells");
    fs::create_dir_all(&bin).unwrap();
    fs::create_dir_all(&fake_shells).unwrap();

    // venvsh.exe beside the stand-in DLL that lets Rust programs start under wine 8.0.
    let venvsh = bin.join("venvsh.exe");
    fs::copy(target.join(TARGET).join("debug/venvsh.exe"), &venvsh).unwrap();
    bcrypt_dll(&bin);
    for name in ["pwsh.exe", "powershell.exe"] {
        mingw("spawn.c", &fake_shells.join(name), &["-municode"]);
    }

    // The Windows CPython, laid out as the installer does, with the launcher stand-ins.
    let pythons = target.join("windows-python");
    let output = Command::new("bash")
        .arg(manifest_dir().join("tests/windows/python.sh"))
        .arg(&pythons)
        .output()
        .unwrap();
    check(&output, "tests/windows/python.sh (it downloads from PyPI)");
    let python = pythons.join("3.13.2");
    let launchers = python.join("Lib/venv/scripts/nt");
    mingw(
        "venvlauncher.c",
        &launchers.join("venvlauncher.exe"),
        &["-municode"],
    );
    mingw(
        "venvlauncher.c",
        &launchers.join("venvwlauncher.exe"),
        &["-municode", "-mwindows", "-DGUI"],
    );

    let prefix = work.join("prefix");
    let windows = Windows {
        venvsh,
        python,
        fake_shells,
        prefix,
        work,
    };
    windows.start_wine();
    Some(windows)
}

/// Build the `bcryptprimitives.dll` stand-in into `dir` (see its source).
pub fn bcrypt_dll(dir: &Path) {
    mingw(
        "bcryptprimitives.c",
        &dir.join("bcryptprimitives.dll"),
        &["bcryptprimitives.def", "-shared", "-s"],
    );
}

impl Windows {
    /// One prefix for every run (kept under target/, made once: about 5 s), and one
    /// wineserver that stays up while the tests run and 30 s after: each `wine` call
    /// then takes a tenth of a second. The services wine starts with its server
    /// (services.exe, winedevice.exe…) inherit the standard handles of the call that
    /// started them and live as long as the server: so they are started here, by a
    /// call with null stdio, or every test's output pipe would stay open 30 s.
    fn start_wine(&self) {
        if !self.prefix.join("system.reg").exists() {
            let made = self
                .wine_command("cmd")
                .args(["/c", "exit"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .unwrap();
            assert!(made.success(), "wine could not make its prefix: {made:?}");
            // The server that made the prefix must be gone before a persistent one starts.
            let _ = Command::new("wineserver")
                .arg("-w")
                .env("WINEPREFIX", &self.prefix)
                .status();
        }
        // A server already up for this prefix (an earlier run's) makes this one exit.
        let _ = Command::new("wineserver")
            .arg("-p30")
            .env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let start = std::time::Instant::now();
        while !self.server_listening() && start.elapsed() < std::time::Duration::from_secs(10) {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let warm = self
            .wine_command("cmd")
            .args(["/c", "exit"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert!(warm.success(), "wine does not start: {warm:?}");
    }

    /// Whether a server for this prefix listens: its socket is `server-<dev>-<inode>/socket`
    /// (hex, of the prefix) in `/tmp/.wine-<uid>`, or a `/tmp/wine-XXXXXX` in Debian's wine.
    fn server_listening(&self) -> bool {
        use std::os::unix::fs::MetadataExt;
        let meta = fs::metadata(&self.prefix).unwrap();
        let name = format!("server-{:x}-{:x}", meta.dev(), meta.ino());
        fs::read_dir(std::env::temp_dir()).is_ok_and(|entries| {
            entries.flatten().any(|entry| {
                let dir = entry.file_name().to_string_lossy().into_owned();
                (dir.starts_with("wine-") || dir.starts_with(".wine-"))
                    && entry.path().join(&name).join("socket").exists()
            })
        })
    }

    /// `wine PROGRAM` with nothing of this process's environment but what wine needs:
    /// wine copies Unix variables into the Windows environment.
    pub fn wine_command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new("wine");
        command
            .arg(program)
            .env_clear()
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .env("HOME", &self.work)
            .env("WINEPREFIX", &self.prefix)
            .env("WINEDEBUG", "-all")
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    /// Run `program args` under wine in `cwd`, with `vars` in its environment.
    pub fn run(
        &self,
        program: impl AsRef<std::ffi::OsStr>,
        args: &[&str],
        cwd: &Path,
        vars: &[(&str, &str)],
    ) -> Output {
        let mut command = self.wine_command(program);
        command.args(args).current_dir(cwd);
        for (k, v) in vars {
            command.env(k, v);
        }
        command.output().unwrap()
    }

    pub fn venvsh(&self, args: &[&str], cwd: &Path, vars: &[(&str, &str)]) -> Output {
        self.run(&self.venvsh, args, cwd, vars)
    }

    /// Run a batch file (written with CRLF) in `cwd` with `cmd /c`.
    pub fn batch(&self, cwd: &Path, name: &str, lines: &[&str], vars: &[(&str, &str)]) -> Output {
        fs::write(cwd.join(name), lines.join("\r\n") + "\r\n").unwrap();
        self.run("cmd", &["/c", name], cwd, vars)
    }

    /// An interactive cmd.exe reading `input`, as the prompt is drawn before each line.
    pub fn interactive_cmd(&self, cwd: &Path, input: &str, vars: &[(&str, &str)]) -> String {
        use std::io::Write;
        let mut command = self.wine_command("cmd");
        command.current_dir(cwd).stdin(Stdio::piped());
        for (k, v) in vars {
            command.env(k, v);
        }
        let mut child = command.spawn().unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let output = child.wait_with_output().unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// A Windows-layout environment `parent\name`: `Scripts\` and a `pyvenv.cfg` whose
    /// `home` is the Windows CPython; with `launcher`, `Scripts\python.exe` is the venv
    /// launcher, as `python -m venv` makes it on Windows since 3.7.2.
    pub fn make_env(
        &self,
        parent: &Path,
        name: &str,
        prompt: Option<&str>,
        launcher: bool,
    ) -> PathBuf {
        let root = parent.join(name);
        fs::create_dir_all(root.join("Scripts")).unwrap();
        fs::create_dir_all(root.join("Lib/site-packages")).unwrap();
        let mut cfg = format!(
            "home = {}\r\ninclude-system-site-packages = false\r\nversion = 3.13.2\r\n",
            win(&self.python)
        );
        if let Some(prompt) = prompt {
            cfg.push_str(&format!("prompt = {}\r\n", python_repr(prompt)));
        }
        fs::write(root.join("pyvenv.cfg"), cfg).unwrap();
        if launcher {
            let nt = self.python.join("Lib/venv/scripts/nt");
            fs::copy(nt.join("venvlauncher.exe"), root.join("Scripts/python.exe")).unwrap();
            fs::copy(
                nt.join("venvwlauncher.exe"),
                root.join("Scripts/pythonw.exe"),
            )
            .unwrap();
        }
        root
    }
}

/// `set` output as name → value; cmd compares names case-insensitively, so do we. cmd
/// writes it in the console code page: non-ASCII text is compared as lossy UTF-8.
pub fn parse_set(path: &Path) -> Vec<(String, String)> {
    let bytes = fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let text = String::from_utf8_lossy(&bytes).into_owned();
    text.split("\r\n")
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| (k.to_ascii_uppercase(), v.to_owned()))
        .collect()
}

pub const UNSET: &str = "<unset>";

pub fn lookup(vars: &[(String, String)], name: &str) -> String {
    vars.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| UNSET.to_owned())
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
