//! Everyday commands through the binary: the store (`create --name`, `list`, `remove`,
//! `activate NAME`, `.venv` files naming a store environment), `which`/`status`,
//! `run`, and the config file. Every test has its own HOME, store and config dir.
//!
//! `create` tests use the machine's `python3` (present in CI) and fail without it.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::fake_env;

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Self {
        let dir = tempfile::Builder::new()
            .prefix("venvsh-everyday")
            .tempdir()
            .unwrap();
        fs::create_dir_all(dir.path().join("home")).unwrap();
        fs::create_dir_all(dir.path().join("work")).unwrap();
        Home { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn store(&self) -> PathBuf {
        self.path().join("store")
    }

    fn work(&self) -> PathBuf {
        self.path().join("work")
    }

    fn config(&self) -> PathBuf {
        self.path().join("config/venvsh/config.toml")
    }

    /// venvsh with a clean environment: nothing active, this HOME, this store.
    fn venvsh(&self, args: &[&str]) -> Command {
        let mut command = Command::new(common::venvsh());
        command
            .args(args)
            .current_dir(self.work())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path().join("home"))
            .env("XDG_CONFIG_HOME", self.path().join("config"))
            .env("XDG_DATA_HOME", self.path().join("data"))
            .env("XDG_CACHE_HOME", cache_home())
            .env("VENVSH_HOME", self.store())
            .stdin(Stdio::null());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.venvsh(args).output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "venvsh {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        refused(&out, &format!("venvsh {args:?}"))
    }
}

/// The contract for failures: non-zero, `error: …` on stderr, nothing on stdout.
#[track_caller]
fn refused(out: &Output, what: &str) -> String {
    common::assert_refusal(out, what)
}

/// The interpreter cache is shared by the tests: it is only a cache.
fn cache_home() -> PathBuf {
    let dir = std::env::temp_dir().join("venvsh-everyday-cache");
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

#[test]
fn create_by_name_then_list_activate_run_and_remove() {
    let home = Home::new();
    // Status goes to stderr; stdout stays empty for scripts (issue 10).
    let out = home.run(&["create", "--name", "web", "--without-pip"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(out.stdout.is_empty(), "{:?}", out.stdout);
    assert!(
        stderr.contains("activate with: venvsh activate web"),
        "{stderr}"
    );
    let env = home.store().join("web");
    assert!(env.join("pyvenv.cfg").is_file());
    assert!(env.join("bin/python").exists());

    // list: the name, the version of the interpreter, the path, the base is there.
    let listing = home.ok(&["list"]);
    let line = listing
        .lines()
        .find(|l| l.starts_with("  web "))
        .expect(&listing);
    assert!(line.contains(&env.display().to_string()), "{listing}");
    assert!(line.ends_with("ok"), "{listing}");
    let list = json(&home.ok(&["list", "--json"]));
    assert_eq!(list["store"], home.store().display().to_string());
    let entry = &list["environments"][0];
    assert_eq!(entry["name"], "web");
    assert_eq!(entry["base_exists"], true);
    let version = entry["version"].as_str().unwrap().to_owned();
    assert!(version.starts_with("3."), "{version}");

    // activate NAME, from a directory with no such path.
    let plan = json(&home.ok(&["activate", "web", "--json"]));
    assert_eq!(plan["env"], env.display().to_string());
    assert_eq!(plan["prompt"]["text"], "web");

    // run NAME -- python: the environment's interpreter.
    let prefix = home.ok(&[
        "run",
        "web",
        "--",
        "python",
        "-c",
        "import sys; print(sys.prefix)",
    ]);
    assert_eq!(prefix.trim_end(), env.display().to_string());

    // remove needs --yes without a terminal, and then removes it.
    let stderr = home.fails(&["remove", "web"]);
    assert!(stderr.contains("hint: pass --yes"), "{stderr}");
    assert!(env.exists());
    home.ok(&["remove", "web", "--yes"]);
    assert!(!env.exists());
    assert!(
        json(&home.ok(&["list", "--json"]))["environments"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let stderr = home.fails(&["activate", "web", "--json"]);
    assert!(stderr.contains("no environment named `web`"), "{stderr}");
    assert!(stderr.contains("hint: "), "{stderr}");
}

#[test]
fn bad_names_are_refused_before_anything_is_written() {
    let home = Home::new();
    for name in ["a/b", "..", ".", "-x", ""] {
        let stderr = home.fails(&["create", &format!("--name={name}"), "--without-pip"]);
        assert!(
            stderr.contains("is not a valid environment name"),
            "{name:?}: {stderr}"
        );
        assert!(stderr.contains("hint: "), "{stderr}");
    }
    assert!(!home.store().exists(), "the store was created");
    let stderr = home.fails(&["remove", "../work", "--yes"]);
    assert!(
        stderr.contains("is not a valid environment name"),
        "{stderr}"
    );
}

#[test]
fn list_shows_workon_home_and_a_missing_base_interpreter() {
    let home = Home::new();
    let workon = home.path().join("workon");
    fake_env(
        &workon.join("old"),
        "home = /nonexistent/python/bin\nversion_info = 3.8.10.final.0\n",
    );
    // virtualenvwrapper's hook scripts live next to the environments.
    fs::write(workon.join("postactivate"), "#!/bin/bash\n").unwrap();
    fs::create_dir(workon.join("not-an-env")).unwrap();
    let out = home
        .venvsh(&["list", "--json"])
        .env_remove("VENVSH_HOME")
        .env("WORKON_HOME", &workon)
        .output()
        .unwrap();
    assert!(out.status.success());
    let list = json(&String::from_utf8(out.stdout).unwrap());
    let envs = list["environments"].as_array().unwrap();
    assert_eq!(envs.len(), 1, "{list}");
    assert_eq!(envs[0]["name"], "old");
    assert_eq!(envs[0]["version"], "3.8.10.final.0");
    assert_eq!(envs[0]["base"], "/nonexistent/python/bin");
    assert_eq!(envs[0]["base_exists"], false);

    // VENVSH_HOME wins over WORKON_HOME.
    let out = home
        .venvsh(&["list", "--json"])
        .env("WORKON_HOME", &workon)
        .output()
        .unwrap();
    let list = json(&String::from_utf8(out.stdout).unwrap());
    assert!(list["environments"].as_array().unwrap().is_empty());

    let table = String::from_utf8(
        home.venvsh(&["list"])
            .env_remove("VENVSH_HOME")
            .env("WORKON_HOME", &workon)
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(table.starts_with("  NAME"), "{table}");
    assert!(
        table.contains("missing: /nonexistent/python/bin"),
        "{table}"
    );
}

#[test]
fn remove_never_touches_what_is_not_an_environment() {
    let home = Home::new();
    let store = home.store();
    fs::create_dir_all(store.join("plain")).unwrap();
    fs::write(store.join("plain/precious"), "keep").unwrap();
    let stderr = home.fails(&["remove", "plain", "--yes"]);
    assert!(stderr.contains("it has no pyvenv.cfg"), "{stderr}");
    assert!(store.join("plain/precious").exists());

    // A link in the store: only the link goes, the environment it points to stays.
    let outside = fake_env(&home.path().join("outside"), "version = 3.12.0\n");
    std::os::unix::fs::symlink(&outside, store.join("linked")).unwrap();
    let out = home.run(&["remove", "linked", "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("was left alone"));
    assert!(fs::symlink_metadata(store.join("linked")).is_err());
    assert!(outside.join("pyvenv.cfg").is_file());

    // A link to a plain directory is not an environment either.
    std::os::unix::fs::symlink(store.join("plain"), store.join("link-to-plain")).unwrap();
    home.fails(&["remove", "link-to-plain", "--yes"]);
    assert!(fs::symlink_metadata(store.join("link-to-plain")).is_ok());

    let stderr = home.fails(&["remove", "absent", "--yes"]);
    assert!(
        stderr.contains("there is no environment named `absent`"),
        "{stderr}"
    );
}

#[test]
fn a_venv_file_naming_a_store_environment_is_followed() {
    let home = Home::new();
    let env = fake_env(&home.store().join("shared"), "version = 3.12.1\n");
    let project = home.work().join("project");
    fs::create_dir_all(project.join("src/deep")).unwrap();
    fs::write(project.join(".venv"), "shared\n").unwrap();

    let out = home
        .venvsh(&["activate", "--json"])
        .current_dir(project.join("src/deep"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        json(&String::from_utf8(out.stdout).unwrap())["env"],
        env.display().to_string()
    );

    let out = home
        .venvsh(&["which", "--json"])
        .current_dir(project.join("src"))
        .output()
        .unwrap();
    let which = json(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(which["env"], env.display().to_string());
    assert_eq!(which["version"], "3.12.1");
    assert_eq!(which["chosen"]["how"], "redirect");
    assert_eq!(which["chosen"]["named"], "shared");
    assert_eq!(which["chosen"]["store"], true);
    assert_eq!(
        which["chosen"]["file"],
        project.join(".venv").display().to_string()
    );
}

#[test]
fn which_and_status_say_what_is_active_and_what_would_be_chosen() {
    let home = Home::new();
    let project_env = fake_env(&home.work().join(".venv"), "version = 3.11.7\n");
    let other = fake_env(&home.store().join("other"), "version_info = 3.10.1\n");
    // A working interpreter link, resolved through.
    std::os::unix::fs::symlink("/bin/sh", project_env.join("bin/python")).unwrap();

    let which = json(&home.ok(&["which", "--json"]));
    assert_eq!(which["env"], project_env.display().to_string());
    assert_eq!(which["chosen"]["how"], "found");
    assert_eq!(which["chosen"]["at"], project_env.display().to_string());
    assert_eq!(
        which["python"],
        project_env.join("bin/python").display().to_string()
    );
    assert_eq!(
        which["interpreter"],
        fs::canonicalize("/bin/sh").unwrap().display().to_string()
    );
    assert_eq!(which["version"], "3.11.7");

    let named = json(&home.ok(&["which", "other", "--json"]));
    assert_eq!(named["env"], other.display().to_string());
    assert_eq!(
        named["chosen"],
        serde_json::json!({"how": "store", "name": "other"})
    );
    assert_eq!(named["version"], "3.10.1");
    assert!(named["python"].is_null());

    let text = home.ok(&["which"]);
    assert!(
        text.contains("chosen:      .venv directory found at"),
        "{text}"
    );

    // With `other` active (as `venvsh run` makes it), which/status report it.
    let status = json(&home.ok(&[
        "run",
        "other",
        "--",
        common::venvsh().to_str().unwrap(),
        "status",
        "--json",
    ]));
    assert_eq!(status["active"]["env"], other.display().to_string());
    assert_eq!(status["active"]["chosen"]["variable"], "VENVSH_STATE");
    assert_eq!(status["here"]["env"], project_env.display().to_string());
    let which = json(&home.ok(&[
        "run",
        "other",
        "--",
        common::venvsh().to_str().unwrap(),
        "which",
        "--json",
    ]));
    assert_eq!(which["env"], other.display().to_string());

    // Another tool's activation: VIRTUAL_ENV alone.
    let out = home
        .venvsh(&["status"])
        .env("VIRTUAL_ENV", &other)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("chosen:      active (from VIRTUAL_ENV: another tool's activate script)"),
        "{text}"
    );

    // Nothing here, nothing active: status says so; which is an error.
    let empty = home.path().join("home");
    let out = home
        .venvsh(&["status", "--json"])
        .current_dir(&empty)
        .output()
        .unwrap();
    let status = json(&String::from_utf8(out.stdout).unwrap());
    assert!(status["active"].is_null());
    assert!(status["here"].is_null());
    assert!(
        status["here_error"]
            .as_str()
            .unwrap()
            .contains("no .venv found")
    );
    let out = home
        .venvsh(&["which"])
        .current_dir(&empty)
        .output()
        .unwrap();
    refused(&out, "which with nothing to find");
}

#[test]
fn run_applies_the_activation_without_a_shell() {
    let home = Home::new();
    let env = fake_env(&home.work().join(".venv"), "version = 3.11.7\n");
    fs::write(
        env.join("bin/probe"),
        "#!/bin/sh\necho \"probe:$VIRTUAL_ENV:$PYTHONHOME:$VIRTUAL_ENV_PROMPT\"\n",
    )
    .unwrap();
    let mut perms = fs::metadata(env.join("bin/probe")).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    fs::set_permissions(env.join("bin/probe"), perms).unwrap();

    // The command is found on the new PATH; PYTHONHOME is unset.
    let out = home
        .venvsh(&["run", "--", "probe"])
        .env("PYTHONHOME", "/should/go")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        // A `.venv` is named after its project, here `work`.
        format!("probe:{}::work\n", env.display())
    );

    // PATH: the environment's bin first, the rest as it was.
    let out = home
        .venvsh(&["run", "--", "sh", "-c", "printf %s \"$PATH\""])
        .env("PATH", "/usr/bin:/bin")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{}/bin:/usr/bin:/bin", env.display())
    );

    // Arguments arrive untouched, hyphens and all.
    let out = home
        .venvsh(&["run", "--", "printf", "[%s]", "-x", "--", "a b", "$HOME"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "[-x][--][a b][$HOME]"
    );
}

#[test]
fn run_passes_exit_codes_and_signals_through() {
    use std::os::unix::process::ExitStatusExt;
    let home = Home::new();
    fake_env(&home.work().join(".venv"), "version = 3.11.7\n");
    for code in [0, 1, 3, 42, 255] {
        let out = home.run(&["run", "--", "sh", "-c", &format!("exit {code}")]);
        assert_eq!(out.status.code(), Some(code), "exit {code}");
    }
    for signal in [libc::SIGTERM, libc::SIGKILL, libc::SIGINT] {
        let out = home.run(&["run", "--", "sh", "-c", &format!("kill -{signal} $$")]);
        assert_eq!(out.status.signal(), Some(signal), "{:?}", out.status);
    }
    // The child starts with SIGPIPE at its default, not ignored as in Rust programs.
    let out = home.ok(&["run", "--", "grep", "SigIgn", "/proc/self/status"]);
    let mask = u64::from_str_radix(out.split_whitespace().nth(1).unwrap(), 16).unwrap();
    assert_eq!(mask & (1 << (libc::SIGPIPE - 1)), 0, "{out}");

    // No such command: 127 and a message, as shells do.
    let out = home.run(&["run", "--", "no-such-command-venvsh"]);
    assert_eq!(out.status.code(), Some(127));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: could not run no-such-command-venvsh"),
        "{stderr}"
    );

    // A command is required, after `--`.
    let out = home.run(&["run"]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    // And an environment must exist.
    let out = home
        .venvsh(&["run", "--", "true"])
        .current_dir(home.path().join("home"))
        .output()
        .unwrap();
    refused(&out, "run with no environment");
}

#[test]
fn config_python_quiet_and_their_variables() {
    let home = Home::new();
    fs::create_dir_all(home.config().parent().unwrap()).unwrap();

    // The config's python is create's default -p: a missing one is named in the error.
    fs::write(home.config(), "python = \"/nonexistent/python3\"\n").unwrap();
    let stderr = home.fails(&["create", "--name", "a", "--without-pip"]);
    assert!(stderr.contains("/nonexistent/python3"), "{stderr}");
    // VENVSH_PYTHON overrides it; quiet silences the success line.
    let out = home
        .venvsh(&["create", "--name", "a", "--without-pip"])
        .env("VENVSH_PYTHON", "python3")
        .env("VENVSH_QUIET", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(home.store().join("a/pyvenv.cfg").is_file());
    // -p beats both.
    fs::write(
        home.config(),
        "python = \"/nonexistent/python3\"\nquiet = true\n",
    )
    .unwrap();
    let out = home
        .venvsh(&["create", "--name", "b", "--without-pip", "-p", "python3"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());

    // An invalid file: `error:` naming the file and the line, no crash.
    fs::write(home.config(), "python = \"3\"\n\nquiet = maybe\n").unwrap();
    let stderr = home.fails(&["create", "--name", "c", "--without-pip"]);
    let expected = format!("error: {}:3:", home.config().display());
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert!(stderr.contains("hint: "), "{stderr}");
    fs::write(home.config(), "pyhton = \"3.12\"\n").unwrap();
    let stderr = home.fails(&["create", "--name", "c", "--without-pip"]);
    assert!(
        stderr.starts_with(&format!("error: {}:1:", home.config().display())),
        "{stderr}"
    );
    assert!(stderr.contains("pyhton"), "{stderr}");
    fs::remove_file(home.config()).unwrap();
    let out = home
        .venvsh(&["create", "--name", "c", "--without-pip"])
        .env("VENVSH_QUIET", "perhaps")
        .output()
        .unwrap();
    assert!(refused(&out, "bad VENVSH_QUIET").contains("VENVSH_QUIET"));

    // Activation never reads the config: a broken file cannot break a prompt.
    fs::write(home.config(), "quiet = maybe\n").unwrap();
    fake_env(&home.work().join(".venv"), "version = 3.11.7\n");
    home.ok(&["activate", "--shell", "bash"]);
    home.ok(&["which"]);
}

#[test]
fn complete_envs_prints_the_store_names() {
    let home = Home::new();
    fake_env(&home.store().join("beta"), "version = 3.12\n");
    fake_env(&home.store().join("alpha"), "version = 3.12\n");
    fs::create_dir_all(home.store().join("junk")).unwrap();
    assert_eq!(home.ok(&["__complete-envs"]), "alpha\nbeta\n");
    // No store at all: nothing, and no message in the middle of a command line.
    let out = home
        .venvsh(&["__complete-envs"])
        .env("VENVSH_HOME", home.path().join("absent"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}
