//! tcsh: activation output sourced from a file, read through ``eval "`…`"`` (via a
//! PEP 832 `.venv` redirect, so the command line holds no hostile text), and the hook.
//! tcsh runs interactively so that it draws its prompt, which the probe checks.

use crate::support::*;

/// Write variable `var` (or `<unset>`) to the out file `name`.
pub(crate) fn record(name: &str, var: &str) -> String {
    format!(
        "if ( $?{var} ) then\nprintf '%s' \"${var}:q\" >! \"$VENVSH_TEST_OUT/{name}\"\nelse\nprintf '%s' '{UNSET}' >! \"$VENVSH_TEST_OUT/{name}\"\nendif\n"
    )
}

fn script(activate: &str) -> String {
    probe(activate) + "exit 0\n"
}

/// The probe around `activate`, cut at [`DRAW_SPLIT`], without the final `exit`.
pub(crate) fn probe(activate: &str) -> String {
    let mut s = String::from("set prompt = '> '\nsetenv PYTHONHOME /original/home\n");
    s += &record("before_path", "PATH");
    s += activate;
    s += "\nprintf '%s' $status >! \"$VENVSH_TEST_OUT/act_status\"\n";
    s += &record("ve", "VIRTUAL_ENV");
    s += &record("vep", "VIRTUAL_ENV_PROMPT");
    s += &record("path", "PATH");
    s += &record("pythonhome", "PYTHONHOME");
    s += "\n";
    s += DRAW_SPLIT;
    s += "echo __drawn__\ndeactivate\nprintf '%s' $status >! \"$VENVSH_TEST_OUT/deact_status\"\n";
    s += &record("after_path", "PATH");
    s += &record("after_ps1", "prompt");
    s += &record("after_ve", "VIRTUAL_ENV");
    s += &record("after_vep", "VIRTUAL_ENV_PROMPT");
    s += &record("after_state", "VENVSH_STATE");
    s += &record("after_pythonhome", "PYTHONHOME");
    s
}

/// Where the script is cut in two: tcsh reads all the input it can before drawing a
/// prompt, so the second half is sent only after the first has run, and the prompt
/// tcsh draws while waiting for it is the activated one.
pub(crate) const DRAW_SPLIT: &str = "#SPLIT\n";

/// Run `script` in an interactive tcsh with `path` as PATH, cut at [`DRAW_SPLIT`].
pub(crate) fn run_in_two_halves(
    case: &Case,
    vars: &[(&str, &str)],
    script: &str,
    path: &str,
) -> std::process::Output {
    use std::io::Write;
    let (first, second) = script.split_once(DRAW_SPLIT).unwrap();
    let mut command = std::process::Command::new("tcsh");
    command
        .args(["-f", "-i"])
        .current_dir(case.root())
        .env_clear();
    command
        .env("PATH", path)
        .env("HOME", case.root())
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8");
    for (k, v) in vars {
        command.env(k, v);
    }
    command
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = command.spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(first.as_bytes()).unwrap();
    stdin.flush().unwrap();
    let marker = case.out.join("pythonhome");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !marker.exists() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    // Give tcsh the moment it needs to draw the prompt after the last command.
    std::thread::sleep(std::time::Duration::from_millis(30));
    stdin.write_all(second.as_bytes()).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn tcsh_hostile_corpus() {
    if !require("tcsh") {
        return;
    }
    let modes = [
        (
            "source",
            "venvsh activate \"$VENVSH_TEST_ENV\" --shell tcsh >! \"$VENVSH_TEST_OUT/code.csh\"\nsource \"$VENVSH_TEST_OUT/code.csh\"",
        ),
        ("eval", "eval \"`venvsh activate --shell tcsh`\""),
        (
            "hook",
            "eval \"`venvsh hook tcsh`\"\nvenvsh activate \"$VENVSH_TEST_ENV\"",
        ),
    ];
    for (mode, activate) in modes {
        for_each_case("tcsh", |case, env, dir, context| {
            let context = format!("{context} ({mode})");
            // The eval mode finds the environment through a `.venv` file naming it.
            std::fs::write(case.root().join(".venv"), format!("{dir}\n")).unwrap();
            let vars = [
                ("VENVSH_TEST_OUT", case.out.to_str().unwrap()),
                ("VENVSH_TEST_ENV", env.to_str().unwrap()),
            ];
            let output = run_in_two_halves(case, &vars, &script(activate), &test_path());
            let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
            let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
            assert!(
                output.status.success(),
                "{context}: {:?}\n{stdout}\n{stderr}",
                output.status
            );
            let text = expected_prompt_text(env);
            let drawn = format!("({text}) > __drawn__");
            assert!(
                stdout.contains(&drawn),
                "{context}: prompt {drawn:?} not drawn in {stdout:?}\n{stderr}"
            );
            assert_probe(case, &context, env, &text, "> ");
        });
    }
}
