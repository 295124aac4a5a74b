//! How each shell runs its probe file (`tests/shells/probes/`) and what it checks
//! besides [`assert_probe`], the checks every shell's recorded values must pass.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::common::harness::located;
use crate::common::{Case, feed, repo, run, test_path, text, venvsh_stdout};
use crate::matrix::{Mode, Probe, Shell, Variant};

/// What every probe records for a variable that is not set.
pub const UNSET: &str = "<unset>";

pub fn probe_path(shell: Shell) -> PathBuf {
    repo().join("tests/shells/probes").join(shell.probe())
}

fn probe_text(shell: Shell) -> String {
    fs::read_to_string(probe_path(shell)).unwrap()
}

/// Run `probe.row.shell`'s probe for this case and check what it recorded.
pub fn run_probe(probe: &Probe<'_>) {
    match probe.row.shell {
        Shell::Bash => posix(
            probe,
            &Posix {
                args: if probe.row.mode == Mode::Bin {
                    &["--noprofile", "--norc", "-eu", "-c"]
                } else {
                    &["--noprofile", "--norc", "-u", "-c"]
                },
                render: "${PS1@P}",
                interactive: false,
            },
        ),
        // (%%) expands the prompt as zsh draws it, honouring PROMPT_SUBST.
        Shell::Zsh => posix(
            probe,
            &Posix {
                args: if probe.row.variant == Variant::PromptSubst {
                    &["-f", "-u", "-o", "PROMPT_SUBST", "-o", "KSH_ARRAYS", "-c"]
                } else {
                    &["-f", "-u", "-c"]
                },
                render: "${(%%)PS1}",
                interactive: false,
            },
        ),
        // An interactive dash draws PS1 on stderr before reading each line.
        Shell::Dash => posix(
            probe,
            &Posix {
                args: &["-i", "-s"],
                render: "",
                interactive: true,
            },
        ),
        Shell::Fish => fish(probe),
        Shell::Tcsh => tcsh(probe),
        Shell::Nu => nu(probe),
        Shell::Pwsh => script_file(probe, &["-NoProfile", "-NonInteractive", "-File"]),
        Shell::Cmd => cmd(probe),
        Shell::Xonsh => xonsh(probe),
    }
}

/// The checks every shell's probe must pass: exact variables and PATH while active,
/// and everything back, byte for byte, after `deactivate`.
#[track_caller]
pub fn assert_probe(probe: &Probe<'_>, prompt_after: &str) {
    let (case, context) = (probe.case, &probe.context);
    let env = probe.env.to_str().unwrap();
    assert_eq!(case.get("act_status"), "0", "{context}: activation status");
    assert_eq!(case.get("ve"), env, "{context}: VIRTUAL_ENV");
    assert_eq!(case.get("vep"), probe.text, "{context}: VIRTUAL_ENV_PROMPT");
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
    for (file, name) in [
        ("after_ve", "VIRTUAL_ENV"),
        ("after_vep", "VIRTUAL_ENV_PROMPT"),
        ("after_state", "VENVSH_STATE"),
    ] {
        assert_eq!(case.get(file), UNSET, "{context}: {name} after deactivate");
    }
    assert_eq!(
        case.get("after_pythonhome"),
        "/original/home",
        "{context}: PYTHONHOME after deactivate"
    );
    case.assert_nothing_ran(context);
}

/// bin mode: `deactivate` is gone (`left` is what the probe records then), and PATH
/// edits made at both ends while active survive a second activation's deactivate.
#[track_caller]
fn assert_bin_extras(probe: &Probe<'_>, left: &str) {
    let (case, context) = (probe.case, &probe.context);
    assert_eq!(
        case.get("deactivate_left"),
        left,
        "{context}: deactivate left"
    );
    assert_eq!(
        case.get("edited_path"),
        format!("/added/front:{}:/added/back", case.get("before_path")),
        "{context}: PATH edits made while active"
    );
}

fn vars<'a>(owned: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    owned.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

// ---- bash, zsh, dash -----------------------------------------------------------------

struct Posix {
    args: &'static [&'static str],
    /// How the shell expands PS1 as it draws it; empty for `interactive`.
    render: &'static str,
    /// The shell is interactive, reads the probe on stdin and draws the prompt on stderr.
    interactive: bool,
}

fn posix(probe: &Probe<'_>, how: &Posix) {
    let program = probe.row.shell.program();
    let context = &probe.context;
    let body = probe_text(probe.row.shell);
    let mut owned = probe.vars();
    owned.push(("VENVSH_TEST_RENDER", how.render.to_owned()));
    let vars = vars(&owned);
    let root = probe.case.root();
    let output = if how.interactive {
        run(program, how.args, root, &vars, Some(&body))
    } else {
        let mut args = how.args.to_vec();
        args.push(&body);
        run(program, &args, root, &vars, None)
    };
    let stderr = text(&output.stderr);
    assert!(
        output.status.success(),
        "{context}: exit {:?}\n{stderr}",
        output.status
    );
    let expected_prompt = format!("({}) > ", probe.text);
    if how.interactive {
        assert!(
            stderr.contains(&expected_prompt),
            "{context}: prompt {expected_prompt:?} not drawn in {stderr:?}"
        );
    } else {
        if probe.row.mode == Mode::Bin {
            assert!(
                stderr.is_empty(),
                "{context}: the script printed errors: {stderr}"
            );
        }
        assert_eq!(
            probe.case.get("prompt"),
            expected_prompt,
            "{context}: rendered prompt\n{stderr}"
        );
    }
    assert_probe(probe, "> ");
    if probe.row.mode == Mode::Bin {
        assert_bin_extras(probe, "no");
        assert_eq!(
            probe.case.get("edited_ps1"),
            "> ",
            "{context}: prompt after twice"
        );
    }
}

// ---- fish ----------------------------------------------------------------------------

fn fish(probe: &Probe<'_>) {
    let (case, context) = (probe.case, &probe.context);
    let owned = probe.vars();
    let output = run(
        "fish",
        &[
            "--no-config",
            "--private",
            "-c",
            &probe_text(probe.row.shell),
        ],
        case.root(),
        &vars(&owned),
        None,
    );
    let stderr = text(&output.stderr);
    assert!(
        output.status.success() && stderr.is_empty(),
        "{context}: {:?}\n{stderr}\n{}\n{:?}",
        output.status,
        text(&output.stdout),
        fs::read_dir(&case.out)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect::<Vec<_>>()
    );
    // `string join` ends its output with a newline, which the checks leave out; the
    // prompts were printed without one.
    let prompt = case.get("prompt");
    let after_prompt = case.get("after_ps1");
    for entry in fs::read_dir(&case.out).unwrap().flatten() {
        let text = fs::read_to_string(entry.path()).unwrap();
        if let Some(stripped) = text.strip_suffix('\n') {
            fs::write(entry.path(), stripped).unwrap();
        }
    }
    fs::write(case.out.join("after_ps1"), &after_prompt).unwrap();
    assert_eq!(
        prompt,
        format!("({}) > ", probe.text),
        "{context}: rendered prompt"
    );
    // The wrapper keeps $status for the user's prompt: the original sees `false`'s 1.
    assert_eq!(
        case.get("prompt_status"),
        "1",
        "{context}: $status through the prompt wrapper"
    );
    assert_probe(probe, "> ");
    if probe.row.mode == Mode::Bin {
        assert_bin_extras(probe, "no");
    }
}

// ---- tcsh ----------------------------------------------------------------------------

/// Where the probe is cut in two (see the probe's header).
const DRAW_SPLIT: &str = "#SPLIT\n";

fn tcsh(probe: &Probe<'_>) {
    let (case, context) = (probe.case, &probe.context);
    // The backtick variant finds the environment through a `.venv` file naming it.
    fs::write(case.root().join(".venv"), format!("{}\n", probe.dir)).unwrap();
    let owned = probe.vars();
    // An interactive tcsh reads `#` as a command: the comments are left out.
    let script: String = probe_text(probe.row.shell)
        .lines()
        .filter(|line| !line.trim_start().starts_with('#') || format!("{line}\n") == DRAW_SPLIT)
        .map(|line| format!("{line}\n"))
        .collect();
    let prompt = format!("({}) > ", probe.text);
    let output = run_in_two_halves(case, &vars(&owned), &script, &prompt);
    let stdout = text(&output.stdout);
    let stderr = text(&output.stderr);
    assert!(
        output.status.success(),
        "{context}: {:?}\n{stdout}\n{stderr}",
        output.status
    );
    let drawn = format!("{prompt}__drawn__");
    assert!(
        stdout.contains(&drawn),
        "{context}: prompt {drawn:?} not drawn in {stdout:?}\n{stderr}"
    );
    assert_probe(probe, "> ");
    if probe.row.mode == Mode::Bin {
        // `alias deactivate` prints nothing once the alias is gone.
        assert_bin_extras(probe, "");
    }
}

/// Run `script` in an interactive tcsh, cut at [`DRAW_SPLIT`]: the second half is sent
/// once the first has recorded `pythonhome` and tcsh has drawn `prompt` (or, if it
/// never does, after a while, and then the caller's check fails).
fn run_in_two_halves(case: &Case, vars: &[(&str, &str)], script: &str, prompt: &str) -> Output {
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    let (first, second) = script
        .split_once(DRAW_SPLIT)
        .expect("the tcsh probe has a #SPLIT line");
    let mut command = Command::new("tcsh");
    command
        .args(["-f", "-i"])
        .current_dir(case.root())
        .env_clear()
        .env("PATH", test_path())
        .env("HOME", case.root())
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8");
    for (k, v) in vars {
        command.env(k, v);
    }
    command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().unwrap();
    // Both pipes are read as tcsh writes, so that the prompt can be seen as it is drawn.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        let buffer = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&buffer);
        let reader = std::thread::spawn(move || {
            let mut chunk = [0; 4096];
            while let Ok(n @ 1..) = pipe.read(&mut chunk) {
                sink.lock().unwrap().extend_from_slice(&chunk[..n]);
            }
        });
        (buffer, reader)
    };
    let (stdout, stdout_reader) = drain(Box::new(child.stdout.take().unwrap()));
    let (stderr, stderr_reader) = drain(Box::new(child.stderr.take().unwrap()));
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(first.as_bytes()).unwrap();
    stdin.flush().unwrap();
    let marker = case.out.join("pythonhome");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !marker.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    let drawn = |buffer: &Mutex<Vec<u8>>| text(&buffer.lock().unwrap()).contains(prompt);
    let deadline = Instant::now() + Duration::from_secs(5);
    while !drawn(&stdout) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    stdin.write_all(second.as_bytes()).unwrap();
    drop(stdin);
    let status = child.wait().unwrap();
    stdout_reader.join().unwrap();
    stderr_reader.join().unwrap();
    let take = |buffer: Arc<Mutex<Vec<u8>>>| std::mem::take(&mut *buffer.lock().unwrap());
    Output {
        status,
        stdout: take(stdout),
        stderr: take(stderr),
    }
}

// ---- nushell -------------------------------------------------------------------------

/// A path written into nushell source as a raw string: only for plain paths.
fn nu_literal(path: &Path) -> String {
    let path = path.to_str().unwrap();
    assert!(
        path.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c)),
        "path {path:?} is not plain"
    );
    format!("r#'{path}'#")
}

/// The prompt drawn before activation (and again after it), and while `text` is active.
fn nu_prompts(variant: Variant, text: &str) -> (&'static str, String) {
    if variant == Variant::PromptAbsent {
        (UNSET, format!("({text}) "))
    } else {
        ("> ", format!("({text}) > "))
    }
}

fn nu(probe: &Probe<'_>) {
    let (case, context) = (probe.case, &probe.context);
    let probe_file = nu_literal(&probe_path(Shell::Nu));
    // Used as documented: `venvsh hook nu | save -f FILE` once, `source FILE`, then
    // `venvsh activate DIR` and `deactivate` as commands; or `overlay use` of the
    // module in bin/ (copied to the plain scratch directory: it holds absolute paths
    // only, so where it lives does not matter).
    let main = match probe.row.mode {
        Mode::Hook => {
            let hook = case.root().join("venvsh.nu");
            fs::write(&hook, venvsh_stdout(&["hook", "nu"], case.root(), &[])).unwrap();
            format!(
                "source {}\nsource {probe_file}\nprobe begin\n\
                 w act_status (try {{ venvsh activate $env.VENVSH_TEST_ENV; '0' }} catch {{|e| $e.msg }})\n\
                 probe active\n\
                 w deact_status (try {{ deactivate; '0' }} catch {{|e| $e.msg }})\n\
                 probe after\n",
                nu_literal(&hook)
            )
        }
        Mode::Bin => {
            let module = case.root().join("activate.nu");
            fs::copy(probe.env.join("bin/activate.nu"), &module).unwrap();
            format!(
                "source {probe_file}\nprobe begin\noverlay use {}\nw act_status '0'\n\
                 probe active\ndeactivate\nw deact_status '0'\nprobe after\n",
                nu_literal(&module)
            )
        }
        Mode::Eval => panic!("nushell has no eval row: its usage is the hook"),
    };
    let main_file = case.root().join("main.nu");
    fs::write(&main_file, main).unwrap();
    let owned = probe.vars();
    let output = run(
        &located("nu"),
        &["--no-config-file", main_file.to_str().unwrap()],
        case.root(),
        &vars(&owned),
        None,
    );
    let stderr = text(&output.stderr);
    assert!(
        output.status.success() && stderr.is_empty(),
        "{context}: {:?}\n{stderr}\n{}",
        output.status,
        text(&output.stdout)
    );
    let (original, active) = nu_prompts(probe.row.variant, &probe.text);
    assert_eq!(
        case.get("before_ps1"),
        original,
        "{context}: prompt before activation"
    );
    // PATH stays a list: a string PATH breaks every later external command.
    assert_eq!(case.get("path_type"), "list<string>", "{context}");
    assert_eq!(case.get("after_path_type"), "list<string>", "{context}");
    assert_eq!(case.get("prompt"), active, "{context}: rendered prompt");
    match probe.row.mode {
        Mode::Hook => {
            assert_eq!(case.get("prompt_command_type"), "closure", "{context}");
            assert_eq!(
                case.get("after_leftovers"),
                "",
                "{context}: the hook's own variables after deactivate"
            );
        }
        Mode::Bin => {
            // Emptied, not hidden: a hidden variable stays hidden after `overlay hide`.
            assert_eq!(
                case.get("pythonhome"),
                "",
                "{context}: PYTHONHOME while active"
            );
            fs::write(case.out.join("pythonhome"), UNSET).unwrap();
        }
        Mode::Eval => unreachable!("nushell has no eval row"),
    }
    assert_probe(probe, original);
}

// ---- a shell that runs a script file: PowerShell ----------------------------------------

/// Run the probe as `PROGRAM args… PROBE`; it must succeed without a word on stderr,
/// record the prompt as the shell draws it (`prompt`, `after_ps1`), and pass
/// [`assert_probe`]. A new shell whose probe can be run so needs no more than this.
fn script_file(probe: &Probe<'_>, args: &[&str]) {
    let (case, context) = (probe.case, &probe.context);
    let owned = probe.vars();
    let probe_file = probe_path(probe.row.shell);
    let mut all = args.to_vec();
    all.push(probe_file.to_str().unwrap());
    let output = run(
        &located(probe.row.shell.program()),
        &all,
        case.root(),
        &vars(&owned),
        None,
    );
    let stderr = text(&output.stderr);
    assert!(
        output.status.success() && stderr.is_empty(),
        "{context}: {:?}\n{stderr}\n{}",
        output.status,
        text(&output.stdout)
    );
    assert_eq!(
        case.get("prompt"),
        format!("({}) > ", probe.text),
        "{context}: rendered prompt"
    );
    assert_probe(probe, "> ");
}

// ---- xonsh ---------------------------------------------------------------------------

/// What xonsh 0.25's `{env_name}` field shows for an activation whose
/// VIRTUAL_ENV_PROMPT is `text` (its `prompt/env.py`): `(text) ` when `text` is the name
/// xonsh derives from VIRTUAL_ENV itself (the `prompt` of `pyvenv.cfg`, stripped of
/// spaces and quotes but not unescaped, else the directory's name); any other text as it
/// is, since xonsh shows a VIRTUAL_ENV_PROMPT it did not derive verbatim.
fn xonsh_env_name(env: &Path, text: &str) -> String {
    let cfg = fs::read_to_string(env.join("pyvenv.cfg")).unwrap();
    let derived = match cfg.lines().find_map(|l| l.strip_prefix("prompt = ")) {
        Some(raw) => raw.trim().trim_matches(['\'', '"']).to_owned(),
        None => env.file_name().unwrap().to_str().unwrap().to_owned(),
    };
    if derived == text {
        format!("({text}) ")
    } else {
        text.to_owned()
    }
}

/// The probe as a script file; its prompt is `{env_name}> ` as xonsh formats it, and
/// activation leaves `$PROMPT` and the session's namespace as they were.
fn xonsh(probe: &Probe<'_>) {
    let (case, context) = (probe.case, &probe.context);
    let owned = probe.vars();
    let probe_file = probe_path(Shell::Xonsh);
    let output = run(
        &located("xonsh"),
        &["--no-rc", probe_file.to_str().unwrap()],
        case.root(),
        &vars(&owned),
        None,
    );
    let stderr = text(&output.stderr);
    assert!(
        output.status.success() && stderr.is_empty(),
        "{context}: {:?}\n{stderr}\n{}",
        output.status,
        text(&output.stdout)
    );
    let env = probe.env.to_str().unwrap();
    assert_eq!(
        case.get("path0"),
        format!("{env}/bin"),
        "{context}: $PATH[0]"
    );
    assert_eq!(
        case.get("prompt"),
        format!("{}> ", xonsh_env_name(probe.env, &probe.text)),
        "{context}: {{env_name}} while active"
    );
    assert_eq!(
        case.get("prompt_var"),
        "{env_name}{user}> ",
        "{context}: $PROMPT rewritten"
    );
    assert_eq!(
        case.get("leftovers"),
        "",
        "{context}: names left in the session's namespace"
    );
    assert_probe(probe, "> ");
}

// ---- cmd.exe -------------------------------------------------------------------------

/// The wine prefix every cmd.exe trial shares, with one persistent wineserver: each
/// `wine cmd` then starts in milliseconds, not seconds. It lives in the target directory
/// and is made once, not per run: a prefix is 700 MB. The prefix must exist before the
/// server starts, or it has nothing to serve and exits; the server stays in the
/// foreground, so it is spawned, not waited for.
fn wine_home() -> &'static Path {
    static HOME: OnceLock<PathBuf> = OnceLock::new();
    HOME.get_or_init(|| {
        let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wine-home");
        fs::create_dir_all(&home).unwrap();
        // Null stdio: the services wine starts with a new prefix outlive this call and
        // would hold a pipe open forever.
        let created = Command::new("wine")
            .args(["cmd", "/c", "exit"])
            .current_dir(&home)
            .env("WINEDEBUG", "-all")
            .env("HOME", &home)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("wine runs");
        assert!(
            created.success(),
            "wine could not create its prefix: {created:?}"
        );
        let _ = Command::new("wineserver")
            .arg("-p")
            .env("WINEDEBUG", "-all")
            .env("HOME", &home)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        home
    })
}

/// At most this many wine processes at once: more make wine fail now and then to start
/// cmd.exe at all.
const WINE_AT_ONCE: usize = 4;

/// `wine cmd args…`. A run in which wine itself could not start cmd.exe (it says
/// `ShellExecuteEx failed`, or an interactive cmd, which always draws a prompt, printed
/// nothing) is tried again, twice at most: that failure is wine's, not venvsh's output's.
fn wine_cmd(cwd: &Path, args: &[&str], vars: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let _slot = WineSlot::take();
    let mut attempts = 0;
    loop {
        attempts += 1;
        let mut command = Command::new("wine");
        command
            .arg("cmd")
            .args(args)
            .current_dir(cwd)
            .env("WINEDEBUG", "-all")
            .env("HOME", wine_home());
        for (k, v) in vars {
            command.env(k, v);
        }
        let output = feed(&mut command, stdin, "wine");
        let not_started = text(&output.stdout).contains("ShellExecuteEx failed")
            || (stdin.is_some() && output.stdout.is_empty());
        if !not_started || attempts == 3 {
            break output;
        }
    }
}

/// One of the [`WINE_AT_ONCE`] places, given back when dropped (a failed trial too).
struct WineSlot;

static WINE_RUNNING: (Mutex<usize>, Condvar) = (Mutex::new(0), Condvar::new());

impl WineSlot {
    fn take() -> WineSlot {
        let (count, freed) = &WINE_RUNNING;
        let mut running = freed
            .wait_while(count.lock().unwrap_or_else(|e| e.into_inner()), |n| {
                *n >= WINE_AT_ONCE
            })
            .unwrap_or_else(|e| e.into_inner());
        *running += 1;
        WineSlot
    }
}

impl Drop for WineSlot {
    fn drop(&mut self) {
        let (count, freed) = &WINE_RUNNING;
        *count.lock().unwrap_or_else(|e| e.into_inner()) -= 1;
        freed.notify_one();
    }
}

/// `set` output as name → value (cmd compares names case-insensitively; so do we).
fn parse_set(path: &Path) -> Vec<(String, String)> {
    let text = fs::read_to_string(path).unwrap();
    text.split("\r\n")
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| (k.to_ascii_uppercase(), v.to_owned()))
        .collect()
}

fn lookup(vars: &[(String, String)], name: &str) -> String {
    vars.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| UNSET.to_owned())
}

/// cmd's PATH in a cmd trial: the probe sets it first, and venvsh, which writes cmd's
/// PATH whole from the one it inherits (issue 12), is given the same. `%`, `!` and `=`
/// in it must come through. The bin scripts edit `%PATH%` in cmd, and wine's cmd (not
/// Windows') expands `%` inside an expanded value again: their PATH has no `%`.
const CMD_PATH: &str = r"C:\windows\system32;C:\windows;C:\odd%dir%!x=y";
const CMD_BIN_PATH: &str = r"C:\windows\system32;C:\windows;C:\odd!x=y";

fn cmd(probe: &Probe<'_>) {
    let (case, context) = (probe.case, &probe.context);
    let root = case.root();
    let env = probe.env.to_str().unwrap();
    let path = match probe.row.mode {
        Mode::Bin => CMD_BIN_PATH,
        _ => CMD_PATH,
    };
    match probe.row.mode {
        Mode::Eval => {
            // What the venvsh.cmd wrapper does: run venvsh in the session's environment,
            // save its output to a .bat and call it. Deactivation sees activation's variables.
            let session = [("PYTHONHOME", "/original/home"), ("PATH", path)];
            let activate = venvsh_stdout(&["activate", env, "--shell", "cmd"], root, &session);
            assert!(
                activate.contains("\r\n") && !activate.replace("\r\n", "").contains('\n'),
                "{context}: CRLF only"
            );
            fs::write(root.join("activate.bat"), &activate).unwrap();
            let json = venvsh_stdout(&["activate", env, "--json"], root, &session);
            let transition: serde_json::Value = serde_json::from_str(&json).unwrap();
            // PATH while active, as activation leaves it: deactivation inherits that.
            let active_path = format!("{env}/bin;{path}");
            let active: Vec<(&str, &str)> = transition["set"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str().unwrap()))
                .chain([("PATH", active_path.as_str())])
                .collect();
            let deactivate = venvsh_stdout(&["deactivate", "--shell", "cmd"], root, &active);
            fs::write(root.join("deactivate.bat"), &deactivate).unwrap();
        }
        Mode::Bin => {
            for file in ["activate.bat", "deactivate.bat"] {
                let text = fs::read(probe.env.join("bin").join(file)).unwrap();
                assert!(
                    !String::from_utf8_lossy(&text)
                        .replace("\r\n", "")
                        .contains('\n'),
                    "{context}: {file} must be CRLF only"
                );
                // Called from the plain scratch directory: the probe's own lines hold no
                // hostile text, and activate.bat finds deactivate.bat beside itself.
                fs::write(root.join(file), text).unwrap();
            }
        }
        Mode::Hook => panic!("cmd.exe's hook is Clink's: clink.rs drives it"),
    }
    let body = probe_text(Shell::Cmd)
        .replace("@CMD_PATH@", &path.replace('%', "%%"))
        .replace('\n', "\r\n");
    fs::write(root.join("probe.bat"), body).unwrap();
    let mode = [("VENVSH_TEST_MODE", probe.row.mode.name())];
    let output = wine_cmd(root, &["/c", "probe.bat"], &mode, None);
    let stdout = text(&output.stdout);
    assert!(
        output.status.success() && stdout.trim().is_empty(),
        "{context}: {:?} {stdout}",
        output.status
    );
    let read = |name: &str| parse_set(&root.join(name));
    let (before, active, after) = (read("before.txt"), read("active.txt"), read("after.txt"));
    assert_eq!(lookup(&before, "PATH"), path, "{context}: the probe's PATH");
    assert_eq!(lookup(&active, "VIRTUAL_ENV"), env, "{context}");
    assert_eq!(
        lookup(&active, "VIRTUAL_ENV_PROMPT"),
        probe.text,
        "{context}"
    );
    assert_eq!(
        lookup(&active, "PATH"),
        format!("{env}/bin;{}", lookup(&before, "PATH")),
        "{context}"
    );
    assert_eq!(lookup(&active, "PYTHONHOME"), UNSET, "{context}");
    for status in ["act_status.txt", "deact_status.txt"] {
        assert_eq!(
            fs::read_to_string(root.join(status)).unwrap().trim(),
            "0",
            "{context}: {status}"
        );
    }
    // Every variable is back, byte for byte, PROMPT (unset under wine) included.
    let changed: Vec<_> = before
        .iter()
        .filter(|pair| !after.contains(pair))
        .chain(after.iter().filter(|pair| !before.contains(pair)))
        .collect();
    assert!(
        changed.is_empty(),
        "{context}: variables differ after deactivate: {changed:?}"
    );
    if probe.row.mode == Mode::Bin {
        assert_eq!(
            lookup(&read("edited.txt"), "PATH"),
            format!("C:\\added;{};C:\\back", lookup(&before, "PATH")),
            "{context}: PATH edits made while active"
        );
    }
    // An interactive cmd draws the prompt before reading each line.
    let session = wine_cmd(root, &[], &[], Some("@call activate.bat\r\nexit\r\n"));
    let drawn = text(&session.stdout);
    let expected = format!("\n({}) Z:\\", probe.text);
    assert!(
        drawn.contains(&expected),
        "{context}: prompt {expected:?} not drawn in {drawn:?}"
    );
}
