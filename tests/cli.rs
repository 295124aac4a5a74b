//! The binary's contract for bad input: `error: …` (and a hint) on stderr, a non-zero
//! exit, and nothing on stdout for `eval` to run.

use std::path::Path;
use std::process::{Command, Output};

fn venvsh(args: &[&str], cwd: &Path, vars: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_venvsh"));
    command
        .args(args)
        .current_dir(cwd)
        .env_remove("VENVSH_STATE")
        .env_remove("VIRTUAL_ENV");
    for (k, v) in vars {
        command.env(k, v);
    }
    command.output().unwrap()
}

fn assert_refusal(output: &Output, needles: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "should fail: {stderr}");
    assert!(
        output.stdout.is_empty(),
        "printed code for eval: {:?}",
        String::from_utf8_lossy(&output.stdout)
    );
    assert!(stderr.starts_with("error: "), "{stderr}");
    for needle in needles {
        assert!(stderr.contains(needle), "{needle:?} missing from {stderr}");
    }
}

fn fake_env(parent: &Path, name: &str) -> std::path::PathBuf {
    let root = parent.join(name);
    std::fs::create_dir_all(root.join("bin")).unwrap();
    std::fs::write(root.join("pyvenv.cfg"), "home = /usr/bin\n").unwrap();
    root
}

#[test]
fn a_missing_environment_is_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let output = venvsh(&["activate", "./nope", "--shell", "bash"], dir.path(), &[]);
    assert_refusal(&output, &["does not exist", "hint: "]);
}

#[test]
fn a_directory_without_pyvenv_cfg_is_not_an_environment() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plain")).unwrap();
    let output = venvsh(&["activate", "./plain", "--shell", "zsh"], dir.path(), &[]);
    assert_refusal(
        &output,
        &["is not a virtual environment", "pyvenv.cfg", "hint: "],
    );
}

#[test]
fn no_project_environment_found_walking_up() {
    let dir = tempfile::tempdir().unwrap();
    let output = venvsh(&["activate", "--shell", "fish"], dir.path(), &[]);
    assert_refusal(&output, &["no .venv found", "hint: "]);
}

#[test]
fn an_unknown_shell_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fake_env(dir.path(), "env");
    let output = venvsh(&["activate", "./env", "--shell", "elvish"], dir.path(), &[]);
    assert_refusal(&output, &["elvish", "bash"]);
}

#[test]
fn an_undetectable_shell_lists_the_choices() {
    // The parent here is the test binary, not a shell.
    let dir = tempfile::tempdir().unwrap();
    fake_env(dir.path(), "env");
    let mut command = Command::new(env!("CARGO_BIN_EXE_venvsh"));
    let output = command
        .args(["activate", "./env"])
        .current_dir(dir.path())
        .env_remove("NU_VERSION")
        .output()
        .unwrap();
    assert_refusal(
        &output,
        &[
            "could not tell which shell",
            "--shell",
            "bash, zsh, sh, fish, tcsh, powershell, nu, cmd",
        ],
    );
}

#[test]
fn the_path_separator_is_refused_naming_character_and_shell() {
    let dir = tempfile::tempdir().unwrap();
    fake_env(dir.path(), "col:on");
    for (shell, name) in [
        ("bash", "sh"),
        ("fish", "fish"),
        ("tcsh", "tcsh"),
        ("powershell", "PowerShell"),
        ("nu", "nushell"),
    ] {
        let output = venvsh(&["activate", "./col:on", "--shell", shell], dir.path(), &[]);
        assert_refusal(&output, &["':'", name]);
    }
}

#[test]
fn cmd_refuses_a_double_quote_in_the_prompt() {
    let dir = tempfile::tempdir().unwrap();
    fake_env(dir.path(), "env");
    let output = venvsh(
        &[
            "activate",
            "./env",
            "--shell",
            "cmd",
            "--prompt",
            "x\" & calc & \"",
        ],
        dir.path(),
        &[],
    );
    assert_refusal(
        &output,
        &[
            "cmd.exe",
            "'\"'",
            "hint: use an environment path and prompt (--prompt)",
        ],
    );
}

#[test]
fn deactivating_with_nothing_active_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let output = venvsh(&["deactivate", "--shell", "bash"], dir.path(), &[]);
    assert_refusal(&output, &["no virtual environment is active"]);
}

#[test]
fn json_is_the_documented_transition() {
    let dir = tempfile::tempdir().unwrap();
    let env = fake_env(dir.path(), "env");
    let output = venvsh(
        &["activate", "./env", "--json"],
        dir.path(),
        &[("PATH", "/usr/bin"), ("PYTHONHOME", "/h")],
    );
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let env = env.to_str().unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["action"], "activate");
    assert_eq!(json["env"], env);
    assert_eq!(json["set"]["VIRTUAL_ENV"], env);
    assert_eq!(json["set"]["VIRTUAL_ENV_PROMPT"], "env");
    assert_eq!(json["unset"], serde_json::json!(["PYTHONHOME"]));
    assert_eq!(
        json["path"],
        serde_json::json!({"remove": null, "prepend": format!("{env}/bin")})
    );
    assert_eq!(
        json["prompt"],
        serde_json::json!({"show": true, "text": "env"})
    );
    let state = json["set"]["VENVSH_STATE"].as_str().unwrap().to_owned();
    let off = venvsh(
        &["deactivate", "--json"],
        dir.path(),
        &[("VENVSH_STATE", &state)],
    );
    let off: serde_json::Value = serde_json::from_slice(&off.stdout).unwrap();
    assert_eq!(off["action"], "deactivate");
    assert_eq!(off["set"], serde_json::json!({"PYTHONHOME": "/h"}));
    assert_eq!(off["path"]["remove"], format!("{env}/bin"));
}

#[test]
fn a_pep_832_redirect_file_names_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let env = fake_env(dir.path(), "envs/real");
    std::fs::create_dir(dir.path().join("project")).unwrap();
    std::fs::write(dir.path().join("project/.venv"), "../envs/real\n").unwrap();
    std::fs::create_dir(dir.path().join("project/src")).unwrap();
    let output = venvsh(
        &["activate", "--json"],
        &dir.path().join("project/src"),
        &[],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["env"], env.to_str().unwrap());
}

#[test]
fn auto_activation_is_on_unless_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let hook = |vars: &[(&str, &str)], extra: &[&str]| {
        let mut args = vec!["hook", "bash"];
        args.extend(extra);
        let mut all = vec![("XDG_CONFIG_HOME", config.to_str().unwrap())];
        all.extend(vars);
        let output = venvsh(&args, dir.path(), &all);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout)
            .unwrap()
            .contains("__venvsh_hook() {")
    };
    assert!(hook(&[], &[]), "on by default");
    assert!(!hook(&[], &["--no-auto"]), "--no-auto");
    assert!(
        !hook(&[("VENVSH_AUTO_ACTIVATE", "0")], &[]),
        "VENVSH_AUTO_ACTIVATE=0"
    );
    std::fs::create_dir_all(config.join("venvsh")).unwrap();
    std::fs::write(config.join("venvsh/config.toml"), "auto_activate = false\n").unwrap();
    assert!(!hook(&[], &[]), "auto_activate = false in the config file");
    // A broken config file is reported, and the shell still gets its hook.
    std::fs::write(config.join("venvsh/config.toml"), "auto_activate = \"x\n").unwrap();
    let output = venvsh(
        &["hook", "bash"],
        dir.path(),
        &[("XDG_CONFIG_HOME", config.to_str().unwrap())],
    );
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("config.toml:1:"));
    assert!(String::from_utf8_lossy(&output.stdout).contains("__venvsh_hook() {"));
}
