//! The binary's contract for bad input: `error: …` (and a hint) on stderr, a non-zero
//! exit, and nothing on stdout for `eval` to run. The messages of the common failures
//! are pinned as insta snapshots (`tests/snapshots/`), paths normalised.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::fake_env as fake_env_with;

fn venvsh(args: &[&str], cwd: &Path, vars: &[(&str, &str)]) -> Output {
    let mut command = Command::new(common::venvsh());
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

#[track_caller]
fn assert_refusal(output: &Output, needles: &[&str]) {
    let stderr = common::assert_refusal(output, "venvsh");
    for needle in needles {
        assert!(stderr.contains(needle), "{needle:?} missing from {stderr}");
    }
}

fn fake_env(parent: &Path, name: &str) -> std::path::PathBuf {
    fake_env_with(&parent.join(name), "home = /usr/bin\n")
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
    let mut command = Command::new(common::venvsh());
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

// ---- the messages, as snapshots -------------------------------------------------------

/// Exit status, stdout and stderr, with the scratch directory shown as `[TMP]`.
fn message(output: &Output, scratch: &Path) -> String {
    let mut text = format!(
        "exit: {:?}\n--- stdout\n{}--- stderr\n{}",
        output.status.code(),
        common::text(&output.stdout),
        common::text(&output.stderr)
    );
    for path in [scratch.to_owned(), scratch.canonicalize().unwrap()] {
        text = text.replace(path.to_str().unwrap(), "[TMP]");
    }
    text
}

/// Snapshot `venvsh args…` run in a scratch directory that `setup` prepared.
#[track_caller]
fn assert_message(name: &str, args: &[&str], setup: impl FnOnce(&Path)) {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let store = dir.path().join("store");
    let output = venvsh(
        args,
        dir.path(),
        &[
            ("VENVSH_HOME", store.to_str().unwrap()),
            ("XDG_CACHE_HOME", dir.path().join("cache").to_str().unwrap()),
        ],
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_description(format!("venvsh {}", args.join(" ")));
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, message(&output, dir.path())));
}

#[test]
fn message_no_venv_found() {
    assert_message("no-venv-found", &["activate", "--shell", "bash"], |_| {});
}

#[test]
fn message_missing_environment() {
    assert_message(
        "missing-environment",
        &["activate", "./nope", "--shell", "bash"],
        |_| {},
    );
}

/// A bare name is a store name, whatever folder the current directory holds.
#[test]
fn message_store_name_shadowed_by_a_folder() {
    assert_message(
        "store-name-not-found",
        &["activate", "web", "--shell", "bash"],
        |dir| {
            fake_env(dir, "web");
        },
    );
}

#[test]
fn message_not_an_environment() {
    assert_message(
        "not-an-environment",
        &["activate", "./plain", "--shell", "bash"],
        |dir| std::fs::create_dir(dir.join("plain")).unwrap(),
    );
}

#[test]
fn message_unknown_shell() {
    assert_message(
        "unknown-shell",
        &["activate", "./env", "--shell", "elvish"],
        |dir| {
            fake_env(dir, "env");
        },
    );
}

#[test]
fn message_clink_has_only_a_hook() {
    assert_message(
        "clink-activate",
        &["activate", "./env", "--shell", "clink"],
        |dir| {
            fake_env(dir, "env");
        },
    );
}

#[test]
fn message_nothing_active_on_deactivate() {
    assert_message("nothing-active", &["deactivate", "--shell", "bash"], |_| {});
}

/// A character each shell cannot carry in an environment's path (cmd.exe also refuses
/// some in the prompt): one test per shell.
macro_rules! unrepresentable {
    ($($test:ident: $shell:literal, $dir:literal;)*) => {$(
        #[test]
        fn $test() {
            assert_message(
                concat!("unrepresentable-", $shell),
                &["activate", concat!("./", $dir), "--shell", $shell],
                |root| {
                    fake_env(root, $dir);
                },
            );
        }
    )*};
}

unrepresentable! {
    message_unrepresentable_in_bash: "bash", "col:on";
    message_unrepresentable_in_zsh: "zsh", "col:on";
    message_unrepresentable_in_sh: "sh", "col:on";
    message_unrepresentable_in_fish: "fish", "col:on";
    message_unrepresentable_in_tcsh: "tcsh", "new\nline";
    message_unrepresentable_in_powershell: "powershell", "col:on";
    message_unrepresentable_in_nu: "nu", "col:on";
    message_unrepresentable_in_cmd: "cmd", "100%";
    message_unrepresentable_in_xonsh: "xonsh", "$HOME";
}

#[test]
fn message_unrepresentable_in_a_cmd_prompt() {
    assert_message(
        "unrepresentable-cmd-prompt",
        &[
            "activate",
            "./env",
            "--shell",
            "cmd",
            "--prompt",
            "x\" & calc & \"",
        ],
        |dir| {
            fake_env(dir, "env");
        },
    );
}

#[test]
fn message_create_into_a_directory_that_is_not_an_environment() {
    assert_message("create-not-an-environment", &["create", "taken"], |dir| {
        std::fs::create_dir(dir.join("taken")).unwrap();
        std::fs::write(dir.join("taken/mine"), "keep").unwrap();
    });
}

#[test]
fn message_create_onto_a_file() {
    assert_message("create-a-file", &["create", "afile"], |dir| {
        std::fs::write(dir.join("afile"), "keep").unwrap();
    });
}

#[test]
fn message_create_clear_of_a_directory_that_is_not_an_environment() {
    assert_message(
        "create-clear-not-an-environment",
        &["create", "--clear", "taken"],
        |dir| {
            std::fs::create_dir(dir.join("taken")).unwrap();
            std::fs::write(dir.join("taken/mine"), "keep").unwrap();
        },
    );
}

#[test]
fn message_create_with_a_bad_name() {
    assert_message("create-bad-name", &["create", "--name", "a/b"], |_| {});
}

#[test]
fn message_create_with_a_missing_python() {
    assert_message(
        "create-missing-python",
        &["create", "-p", "/nonexistent/python3", "new"],
        |_| {},
    );
}
