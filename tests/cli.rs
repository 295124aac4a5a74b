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
    // The machine's interpreter, its version and path: `with CPython 3.11.7 (/…/python3)`.
    while let Some(start) = text.find(" with CPython ") {
        let Some(end) = text[start..].find(')') else {
            break;
        };
        text.replace_range(start..start + end + 1, " with [PYTHON]");
    }
    text
}

/// Snapshot `venvsh args…` run in a scratch directory that `setup` prepared.
#[track_caller]
fn assert_message(name: &str, args: &[&str], setup: impl FnOnce(&Path)) {
    assert_message_with(name, args, |dir| {
        setup(dir);
        Vec::new()
    });
}

/// [`assert_message`], with the variables `setup` returns on top.
#[track_caller]
fn assert_message_with(
    name: &str,
    args: &[&str],
    setup: impl FnOnce(&Path) -> Vec<(&'static str, String)>,
) {
    let dir = tempfile::tempdir().unwrap();
    let extra = setup(dir.path());
    let store = dir.path().join("store");
    let mut vars = vec![
        ("VENVSH_HOME", store.to_str().unwrap().to_owned()),
        (
            "XDG_CACHE_HOME",
            dir.path().join("cache").to_str().unwrap().to_owned(),
        ),
    ];
    vars.extend(extra);
    let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let output = venvsh(args, dir.path(), &vars);
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
    message_unrepresentable_in_cmd: "cmd", "semi;colon";
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

/// cmd.exe's PATH, which venvsh writes whole (issue 12), holds what a batch file cannot,
/// and the environment's path holds `%`, which cmd cannot search PATH for either.
#[test]
fn message_unrepresentable_cmd_path() {
    assert_message_with(
        "unrepresentable-cmd-path",
        &["activate", "./100%", "--shell", "cmd"],
        |dir| {
            fake_env(dir, "100%");
            vec![("PATH", "C:\\windows;C:\\Users\\J\u{fc}rgen\\bin".to_owned())]
        },
    );
}

/// Where cmd's PATH cannot be written whole (non-ASCII, a quoted entry) but the
/// environment's entry can be searched for, PATH is edited in cmd as before issue 12;
/// otherwise it is written whole, `%` doubled, nothing of it read at run time.
#[test]
fn cmd_writes_path_whole_unless_cmd_cannot_hold_it() {
    let dir = tempfile::tempdir().unwrap();
    let env = fake_env(dir.path(), "env");
    let entry = format!("{}/bin", env.to_str().unwrap());
    let activate = |path: &str| {
        let output = venvsh(
            &["activate", "./env", "--shell", "cmd"],
            dir.path(),
            &[("PATH", path)],
        );
        assert!(output.status.success(), "{}", common::text(&output.stderr));
        common::text(&output.stdout)
    };
    for odd in ["C:\\Users\\J\u{fc}rgen", "\"C:\\a;b\""] {
        let code = activate(&format!("C:\\windows;{odd}"));
        assert!(
            code.contains(&format!("(set \"PATH={entry};%PATH%\")")) && !code.contains(odd),
            "{odd}: {code}"
        );
    }
    let code = activate("C:\\windows;C:\\odd%x%!y=z");
    assert!(
        code.contains(&format!(
            "@set \"PATH={entry};C:\\windows;C:\\odd%%x%%!y=z\"\r\n"
        )) && !code.contains("%PATH"),
        "{code}"
    );
}

/// A folder with files of its own is built into, as venv does, and never trusted.
#[test]
fn message_create_into_a_directory_that_is_not_an_environment() {
    assert_message(
        "create-not-an-environment",
        &["create", "--without-pip", "taken"],
        |dir| {
            std::fs::create_dir(dir.join("taken")).unwrap();
            std::fs::write(dir.join("taken/mine"), "keep").unwrap();
        },
    );
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

/// An executable script at `path`.
fn script(path: &Path, text: &str) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// Where only the scratch directory's interpreters can be found.
fn python_search_in(dir: &Path, path: &str) -> Vec<(&'static str, String)> {
    vec![
        ("PATH", path.to_owned()),
        ("PYENV_ROOT", dir.join("pyenv").display().to_string()),
        ("PYENV_VERSION", String::new()),
        (
            "UV_PYTHON_INSTALL_DIR",
            dir.join("uv").display().to_string(),
        ),
    ]
}

/// An installed version that cannot be used is named with why, not called missing
/// (issue 11, item 10: `-p 3.7` said "install it" with 3.7.16 in pyenv).
#[test]
fn message_create_with_an_installed_version_that_cannot_be_used() {
    assert_message_with(
        "create-installed-version-unusable",
        &["create", "-p", "3.9", "new"],
        |dir| {
            script(
                &dir.join("pyenv/versions/3.9.99/bin/python3"),
                "#!/bin/sh\necho 'broken on purpose' >&2\nexit 1\n",
            );
            python_search_in(dir, "/usr/bin:/bin")
        },
    );
}

/// A pyenv shim whose selected version lacks the name: the versions that have it, not
/// `pyenv install` of one that is installed (issue 11, item 10).
#[test]
fn message_create_with_a_name_another_pyenv_version_has() {
    assert_message_with(
        "create-name-in-another-pyenv-version",
        &["create", "-p", "python3.9", "new"],
        |dir| {
            let root = dir.join("pyenv");
            script(&root.join("bin/pyenv"), "#!/bin/sh\nexit 1\n");
            script(&root.join("shims/python3.9"), "#!/bin/sh\nexit 1\n");
            script(
                &root.join("versions/3.11.7/bin/python3"),
                "#!/bin/sh\nexit 1\n",
            );
            script(
                &root.join("versions/3.9.18/bin/python3.9"),
                "#!/bin/sh\nexit 1\n",
            );
            std::fs::write(root.join("version"), "3.11.7\n").unwrap();
            let path = format!("{}:/usr/bin:/bin", root.join("shims").display());
            python_search_in(dir, &path)
        },
    );
}

// ---- the first hour (issue 11, items 7, 9 and 11) ---------------------------------------

/// `venvsh args…` with a store of its own holding `web`, HOME and the data directory in
/// the scratch directory, and venvsh's directory first on PATH.
fn in_home(dir: &Path, args: &[&str], vars: &[(&str, &str)]) -> Output {
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let store = dir.join("store");
    if !store.join("web").exists() {
        fake_env(&store, "web");
    }
    let mut all = vec![
        ("HOME", home.to_str().unwrap().to_owned()),
        (
            "XDG_CONFIG_HOME",
            home.join(".config").to_str().unwrap().to_owned(),
        ),
        (
            "XDG_DATA_HOME",
            home.join(".local/share").to_str().unwrap().to_owned(),
        ),
        ("VENVSH_HOME", store.to_str().unwrap().to_owned()),
        ("PATH", common::test_path()),
    ];
    all.extend(vars.iter().map(|(k, v)| (*k, (*v).to_owned())));
    let all: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
    venvsh(args, dir, &all)
}

#[track_caller]
fn ok(output: &Output) -> (String, String) {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    (common::text(&output.stdout), common::text(&output.stderr))
}

/// The visible commands, as `venvsh --help` lists them.
fn visible_commands() -> Vec<String> {
    venvsh::cli::command()
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        .map(|s| s.get_name().to_owned())
        .collect()
}

/// Every verb takes `-q` (clap's tip for an unknown `-q` misled), and it silences
/// what was done, never what was asked for.
#[test]
fn quiet_is_a_flag_of_every_verb() {
    for command in visible_commands() {
        let help = common::text(&venvsh(&[&command, "--help"], Path::new("/"), &[]).stdout);
        assert!(help.contains("-q, --quiet"), "{command}: {help}");
    }
    let dir = tempfile::tempdir().unwrap();
    let env = fake_env(dir.path(), "proj/.venv");
    let env = env.to_str().unwrap();
    for args in [
        vec!["-q", "allow", env],
        vec!["deny", "-q", env],
        vec!["allow", "--quiet", env],
        vec!["remove", "-q", "-n", "web", "--yes"],
    ] {
        let (stdout, stderr) = ok(&in_home(dir.path(), &args, &[]));
        assert_eq!((stdout.as_str(), stderr.as_str()), ("", ""), "{args:?}");
    }
    // What was asked for still prints.
    let (stdout, _) = ok(&in_home(dir.path(), &["-q", "allow", "--list"], &[]));
    assert!(stdout.contains(env), "{stdout}");
    let (stdout, _) = ok(&in_home(dir.path(), &["which", "-q", env], &[]));
    assert!(stdout.contains("env:"), "{stdout}");
}

/// conda's `-n NAME` names a store environment wherever one is named, and only that.
#[test]
fn conda_s_n_names_a_store_environment() {
    let dir = tempfile::tempdir().unwrap();
    let web = dir.path().join("store/web");
    // A folder of that name here is not what -n names.
    fake_env(dir.path(), "web");
    let (stdout, _) = ok(&in_home(
        dir.path(),
        &["activate", "-n", "web", "--json"],
        &[],
    ));
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["env"], web.to_str().unwrap());
    let (stdout, _) = ok(&in_home(
        dir.path(),
        &["workon", "--name", "web", "--json"],
        &[],
    ));
    assert!(stdout.contains(web.to_str().unwrap()), "{stdout}");
    let (stdout, _) = ok(&in_home(dir.path(), &["which", "-n", "web", "--json"], &[]));
    assert!(stdout.contains(web.to_str().unwrap()), "{stdout}");
    let (stdout, _) = ok(&in_home(
        dir.path(),
        &[
            "run",
            "-n",
            "web",
            "--",
            "sh",
            "-c",
            "printf %s \"$VIRTUAL_ENV\"",
        ],
        &[],
    ));
    assert_eq!(stdout, web.to_str().unwrap());
    // A path is not a name.
    let output = in_home(dir.path(), &["activate", "-n", "./web", "--json"], &[]);
    let stderr = common::assert_refusal(&output, "-n ./web");
    assert!(
        stderr.contains("is not a valid environment name"),
        "{stderr}"
    );
    // Not both.
    let output = in_home(dir.path(), &["activate", "./web", "-n", "web"], &[]);
    assert!(!output.status.success());
    ok(&in_home(dir.path(), &["rm", "-n", "web", "--yes"], &[]));
    assert!(!web.exists());
    assert!(
        dir.path().join("web/pyvenv.cfg").is_file(),
        "the folder here was kept"
    );
}

/// The names people bring from elsewhere: `ls`, `rm` (everyone), `workon`
/// (virtualenvwrapper), `init` (zoxide, starship, mise).
#[test]
fn aliases_run_the_same_commands() {
    let dir = tempfile::tempdir().unwrap();
    let same = |a: &[&str], b: &[&str]| {
        let (first, _) = ok(&in_home(dir.path(), a, &[]));
        let (second, _) = ok(&in_home(dir.path(), b, &[]));
        assert_eq!(first, second, "{a:?} and {b:?}");
        assert!(!first.is_empty(), "{a:?}");
    };
    same(&["ls"], &["list"]);
    same(&["init", "bash"], &["hook", "bash"]);
    same(
        &["init", "fish", "--no-auto"],
        &["hook", "fish", "--no-auto"],
    );
    same(&["workon", "web", "--json"], &["activate", "web", "--json"]);
    ok(&in_home(dir.path(), &["rm", "web", "--yes"], &[]));
    assert!(!dir.path().join("store/web").exists());
    let help = common::text(&venvsh(&["--help"], dir.path(), &[]).stdout);
    for alias in ["workon", "ls", "rm", "init"] {
        assert!(help.contains(alias), "{alias} not in the help: {help}");
    }
}

/// `list` marks the active environment, as `conda env list` does, in text and JSON.
#[test]
fn list_marks_the_active_environment() {
    let dir = tempfile::tempdir().unwrap();
    fake_env(&dir.path().join("store"), "api");
    let web = dir.path().join("store/web");
    in_home(dir.path(), &["list"], &[]);
    let (stdout, _) = ok(&in_home(
        dir.path(),
        &["list"],
        &[("VIRTUAL_ENV", web.to_str().unwrap())],
    ));
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("  NAME "), "{stdout}");
    assert!(lines.iter().any(|l| l.starts_with("* web ")), "{stdout}");
    assert!(lines.iter().any(|l| l.starts_with("  api ")), "{stdout}");
    let (stdout, _) = ok(&in_home(
        dir.path(),
        &["list", "--json"],
        &[("VIRTUAL_ENV", web.to_str().unwrap())],
    ));
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let active: Vec<(&str, bool)> = json["environments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["name"].as_str().unwrap(), e["active"].as_bool().unwrap()))
        .collect();
    assert_eq!(active, [("api", false), ("web", true)]);
    // Nothing active, nothing marked.
    let (stdout, _) = ok(&in_home(dir.path(), &["list"], &[]));
    assert!(!stdout.contains('*'), "{stdout}");
}

/// The `venvsh …` command lines of an example, without comments, pipes and `eval`.
fn example_invocations(line: &str) -> Vec<Vec<String>> {
    let code = line.split("  #").next().unwrap().trim();
    let code = match code.split_once("$(") {
        Some((_, inner)) => inner.split(')').next().unwrap(),
        None => code,
    };
    let code = code.split(['|', '>']).next().unwrap().trim();
    let Some(rest) = code.strip_prefix("venvsh") else {
        return Vec::new();
    };
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in rest.chars() {
        match c {
            '\'' => quoted = !quoted,
            ' ' if !quoted => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    vec![words]
}

/// Every verb's help shows examples, and every example is a command line venvsh takes
/// (issue 11, item 11).
#[test]
fn every_verb_s_help_has_examples_venvsh_accepts() {
    for command in visible_commands() {
        let help = common::text(&venvsh(&[&command, "--help"], Path::new("/"), &[]).stdout);
        let examples: Vec<&str> = help
            .split("Examples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("`venvsh {command} --help` has no examples:\n{help}"))
            .lines()
            .take_while(|l| !l.trim().is_empty())
            .collect();
        let mut parsed = 0;
        for line in examples {
            for words in example_invocations(line) {
                let argv = std::iter::once("venvsh".to_owned()).chain(words.clone());
                if let Err(e) = venvsh::cli::try_parse_from(argv) {
                    panic!("`venvsh {command} --help` example {line:?}: {e}");
                }
                parsed += 1;
            }
        }
        assert!(parsed > 0, "{command}: no `venvsh …` example");
    }
}

/// The hook's line comes from one place, each shell's dialect: `hook --rc-line`, the
/// help of `hook`, and the README's table show the same line.
#[test]
fn every_shell_s_rc_line_is_the_same_everywhere() {
    let readme = std::fs::read_to_string(common::repo().join("README.md")).unwrap();
    let hook_help = common::text(&venvsh(&["hook", "--help"], Path::new("/"), &[]).stdout);
    let top_help = common::text(&venvsh(&["--help"], Path::new("/"), &[]).stdout);
    let dir = tempfile::tempdir().unwrap();
    for shell in [
        "bash",
        "zsh",
        "sh",
        "fish",
        "tcsh",
        "powershell",
        "nu",
        "xonsh",
        "cmd",
        "clink",
    ] {
        let (line, _) = ok(&in_home(
            dir.path(),
            &["hook", shell, "--rc-line=venvsh"],
            &[],
        ));
        let line = line.trim_end();
        assert!(
            hook_help.contains(line),
            "{shell}: {line:?} not in `hook --help`"
        );
        // The README's tables escape `|` for Markdown.
        let in_markdown = format!("`{}`", line.replace('|', "\\|"));
        assert!(
            readme.contains(&in_markdown),
            "{shell}: {in_markdown} not in the README"
        );
    }
    assert!(
        top_help.contains("eval \"$(venvsh hook bash)\""),
        "{top_help}"
    );
    assert!(top_help.contains("venvsh hook --help"), "{top_help}");
}

/// `--rc-line` names this binary by its path unless told otherwise (an rc file may run
/// before PATH has it), quoted for the shell; `--rc-file` is where each shell reads it.
#[test]
fn rc_lines_and_files_for_install_sh() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    let exe = common::venvsh();
    let (line, _) = ok(&in_home(dir.path(), &["hook", "bash", "--rc-line"], &[]));
    assert_eq!(line, format!("eval \"$({} hook bash)\"\n", exe.display()));
    let rc = |shell: &str, vars: &[(&str, &str)]| {
        ok(&in_home(dir.path(), &["hook", shell, "--rc-file"], vars)).0
    };
    let at = |p: &str| format!("{}\n", home.join(p).display());
    assert_eq!(rc("bash", &[]), at(".bashrc"));
    assert_eq!(rc("zsh", &[]), at(".zshrc"));
    assert_eq!(rc("zsh", &[("ZDOTDIR", "/z")]), "/z/.zshrc\n");
    assert_eq!(rc("sh", &[]), at(".profile"));
    assert_eq!(rc("sh", &[("ENV", "/e/shrc")]), "/e/shrc\n");
    assert_eq!(rc("tcsh", &[]), at(".tcshrc"));
    assert_eq!(rc("fish", &[]), at(".config/fish/config.fish"));
    assert_eq!(rc("nu", &[]), at(".config/nushell/config.nu"));
    assert_eq!(rc("xonsh", &[]), at(".xonshrc"));
    let output = in_home(dir.path(), &["hook", "cmd", "--rc-file"], &[]);
    assert!(!output.status.success());
    let quoted = |shell: &str, program: &str| {
        let arg = format!("--rc-line={program}");
        ok(&in_home(dir.path(), &["hook", shell, &arg], &[])).0
    };
    assert_eq!(
        quoted("zsh", "/a b/venvsh"),
        "eval \"$('/a b/venvsh' hook zsh)\"\n"
    );
    assert_eq!(
        quoted("fish", "/a'b/venvsh"),
        "'/a\\'b/venvsh' hook fish | source\n"
    );
    assert_eq!(
        quoted("tcsh", "/a b/venvsh"),
        "eval \"`'/a b/venvsh' hook tcsh`\"\n"
    );
    assert_eq!(
        quoted("powershell", "/a b/venvsh"),
        "& '/a b/venvsh' hook powershell | Out-String | Invoke-Expression\n"
    );
    // What csh cannot carry inside ``eval "`…`"`` is refused, not written broken.
    let output = in_home(dir.path(), &["hook", "tcsh", "--rc-line=/a$b/venvsh"], &[]);
    common::assert_refusal(&output, "a $ in a tcsh rc line");
}

/// `doctor` in a shell without the hook gives the line for that shell, with `venvsh`
/// as it is typed when the one on PATH is this binary.
#[test]
fn message_doctor_without_the_hook() {
    assert_message_with(
        "doctor-without-the-hook",
        &["doctor", "--shell", "zsh"],
        |dir| {
            let home = dir.join("home");
            std::fs::create_dir_all(&home).unwrap();
            vec![
                ("HOME", home.display().to_string()),
                ("XDG_DATA_HOME", home.join("data").display().to_string()),
                ("ZDOTDIR", String::new()),
                ("PATH", common::test_path()),
            ]
        },
    );
}

/// `create` says how to activate what it made: through the hook `venvsh activate`, a
/// directory written as a path (a bare name is a store name); without the hook, the
/// line that runs the code in the shell that ran it (issue 11, items 7 and 10).
#[test]
fn create_says_how_to_activate_in_the_shell_it_runs_in() {
    let dir = tempfile::tempdir().unwrap();
    let create = |args: &[&str]| {
        let mut all = vec!["create", "--without-pip"];
        all.extend(args);
        ok(&in_home(dir.path(), &all, &[])).1
    };
    // Through the hook's function (`__wrapped`): what to type there.
    let output = in_home(
        dir.path(),
        &[
            "__wrapped",
            "bash",
            "--",
            "create",
            "--without-pip",
            "hooked",
        ],
        &[],
    );
    let stderr = ok(&output).1;
    assert!(
        stderr
            .trim_end()
            .ends_with("activate with: venvsh activate ./hooked"),
        "{stderr}"
    );
    // From bash, without the hook: the eval line, which bash runs.
    let script = format!(
        "{} create --without-pip plain; true",
        common::venvsh().display()
    );
    let output = in_home(
        dir.path(),
        &["run", "-n", "web", "--", "bash", "--norc", "-c", &script],
        &[],
    );
    let stderr = ok(&output).1;
    assert!(
        stderr.contains("activate with: eval \"$(venvsh activate ./plain)\""),
        "{stderr}"
    );
    // Store environments by name.
    let stderr = create(&["-n", "api"]);
    assert!(stderr.contains("venvsh activate api"), "{stderr}");
}
