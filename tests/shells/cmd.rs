//! cmd.exe through wine: activation saved to a `.bat` and `call`ed, as documented;
//! the prompt is checked as an interactive cmd draws it.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use crate::support::*;

/// The wine prefix every cmd.exe test shares, made once per test process, with one
/// persistent wineserver: each `wine cmd` then starts in milliseconds, not seconds.
/// The prefix must exist before the server starts, or it has nothing to serve and exits;
/// the server stays in the foreground, so it is spawned, not waited for.
pub(crate) fn wine_home() -> &'static Path {
    static HOME: OnceLock<tempfile::TempDir> = OnceLock::new();
    HOME.get_or_init(|| {
        let home = tempfile::tempdir().unwrap();
        // Null stdio: the services wine starts with a new prefix outlive this call and
        // would hold a pipe open forever.
        let created = Command::new("wine")
            .args(["cmd", "/c", "exit"])
            .current_dir(home.path())
            .env("WINEDEBUG", "-all")
            .env("HOME", home.path())
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
            .env("HOME", home.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        home
    })
    .path()
}

pub(crate) fn wine_cmd(
    cwd: &Path,
    home: &Path,
    args: &[&str],
    stdin: Option<&str>,
) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new("wine")
        .arg("cmd")
        .args(args)
        .current_dir(cwd)
        .env("WINEDEBUG", "-all")
        .env("HOME", home)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("wine runs");
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

/// `set` output as name → value (cmd compares names case-insensitively; so do we).
pub(crate) fn parse_set(path: &Path) -> Vec<(String, String)> {
    let text = fs::read_to_string(path).unwrap();
    text.split("\r\n")
        .filter_map(|line| line.split_once('='))
        .map(|(k, v)| (k.to_ascii_uppercase(), v.to_owned()))
        .collect()
}

pub(crate) fn lookup(vars: &[(String, String)], name: &str) -> String {
    vars.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| UNSET.to_owned())
}

fn venvsh_output(args: &[&str], cwd: &Path, vars: &[(&str, &str)]) -> String {
    let output = run(venvsh().to_str().unwrap(), args, cwd, vars, None);
    assert!(
        output.status.success(),
        "venvsh {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn cmd_hostile_corpus_under_wine() {
    if !require("wine") {
        return;
    }
    let wine_home = wine_home();
    for_each_case("cmd", |case, env, _dir, context| {
        let env_str = env.to_str().unwrap();
        // What the venvsh.cmd wrapper does: run venvsh in the session's environment,
        // save its output to a .bat and call it. Deactivation sees activation's variables.
        let session = [("PYTHONHOME", "/original/home")];
        let activate = venvsh_output(
            &["activate", env_str, "--shell", "cmd"],
            case.root(),
            &session,
        );
        assert!(
            activate.contains("\r\n") && !activate.replace("\r\n", "").contains('\n'),
            "{context}: CRLF only"
        );
        fs::write(case.root().join("act.bat"), &activate).unwrap();
        let json = venvsh_output(&["activate", env_str, "--json"], case.root(), &session);
        let transition: serde_json::Value = serde_json::from_str(&json).unwrap();
        let set = transition["set"].as_object().unwrap();
        let active_vars: Vec<(&str, &str)> = set
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str().unwrap()))
            .collect();
        let deactivate =
            venvsh_output(&["deactivate", "--shell", "cmd"], case.root(), &active_vars);
        fs::write(case.root().join("deact.bat"), &deactivate).unwrap();

        let probe = "@set \"PYTHONHOME=/original/home\"\r\n@set > before.txt\r\n@call act.bat\r\n@echo %ERRORLEVEL%> act_status.txt\r\n@set > active.txt\r\n@call deact.bat\r\n@echo %ERRORLEVEL%> deact_status.txt\r\n@set > after.txt\r\n";
        fs::write(case.root().join("probe.bat"), probe).unwrap();
        let output = wine_cmd(case.root(), wine_home, &["/c", "probe.bat"], None);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && stdout.trim().is_empty(),
            "{context}: {:?} {stdout}",
            output.status
        );

        let before = parse_set(&case.root().join("before.txt"));
        let active = parse_set(&case.root().join("active.txt"));
        let after = parse_set(&case.root().join("after.txt"));
        let text = expected_prompt_text(env);
        assert_eq!(lookup(&active, "VIRTUAL_ENV"), env_str, "{context}");
        assert_eq!(lookup(&active, "VIRTUAL_ENV_PROMPT"), text, "{context}");
        assert_eq!(
            lookup(&active, "PATH"),
            format!("{env_str}/bin;{}", lookup(&before, "PATH")),
            "{context}"
        );
        assert_eq!(lookup(&active, "PYTHONHOME"), UNSET, "{context}");
        assert_eq!(
            fs::read_to_string(case.root().join("act_status.txt"))
                .unwrap()
                .trim(),
            "0",
            "{context}"
        );
        assert_eq!(
            fs::read_to_string(case.root().join("deact_status.txt"))
                .unwrap()
                .trim(),
            "0",
            "{context}"
        );
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

        // An interactive cmd draws the prompt before reading each line.
        let session = wine_cmd(
            case.root(),
            wine_home,
            &[],
            Some("@call act.bat\r\nexit\r\n"),
        );
        let drawn = String::from_utf8_lossy(&session.stdout).into_owned();
        let expected = format!("\n({text}) Z:\\");
        assert!(
            drawn.contains(&expected),
            "{context}: prompt {expected:?} not drawn in {drawn:?}"
        );
        case.assert_nothing_ran(&context);
    });
}
