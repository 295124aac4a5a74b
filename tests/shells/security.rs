//! What a repository, a name or a path can do through venvsh (issue 8, SECURITY.md):
//! one trial per way in, in the situation an attacker would set up.

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::harness::{Trial, located, plain_trial, trial};
use crate::common::{Case, fake_env, feed, make_env, test_path, text, venvsh};

pub fn trials() -> Vec<Trial> {
    let mut trials = Vec::new();
    for shell in WRAPPED_SHELLS {
        trials.push(trial(
            format!("security::hook_passes_non_code_through::{}", shell.name),
            &[shell.program],
            move || hook_passes_non_code_through(&shell),
        ));
    }
    trials.extend([
        trial(
            "security::tcsh_alias_keeps_status_redirections_and_pipes",
            &["tcsh"],
            tcsh_alias_keeps_status_redirections_and_pipes,
        ),
        trial(
            "security::a_pulled_bin_git_is_not_activated",
            &["git", "python3"],
            a_pulled_bin_git_is_not_activated,
        ),
        trial(
            "security::pip_install_into_a_trusted_environment_does_not_ask",
            &["python3"],
            pip_install_into_a_trusted_environment_does_not_ask,
        ),
        plain_trial(
            "security::a_copied_in_executable_is_not_activated",
            a_copied_in_executable_is_not_activated,
        ),
        trial(
            "security::another_users_environment_is_never_trusted",
            &["setpriv"],
            another_users_environment_is_never_trusted,
        ),
        plain_trial(
            "security::terminal_escapes_are_shown_not_sent",
            terminal_escapes_are_shown_not_sent,
        ),
        trial(
            "security::the_hook_returns_promptly_whatever_the_tree_holds",
            &["bash"],
            the_hook_returns_promptly_whatever_the_tree_holds,
        ),
        plain_trial(
            "security::repair_applies_the_trust_rule",
            repair_applies_the_trust_rule,
        ),
        plain_trial(
            "security::a_folder_cannot_stand_in_for_a_store_name",
            a_folder_cannot_stand_in_for_a_store_name,
        ),
        trial(
            "security::bytes_that_are_not_utf8_are_carried_or_refused",
            &["tcsh"],
            bytes_that_are_not_utf8_are_carried_or_refused,
        ),
    ]);
    trials
}

// ---- helpers ---------------------------------------------------------------------------

/// venvsh in `cwd` with a clean environment: a data directory of its own, `vars` on top.
fn venvsh_in(cwd: &Path, data: &Path, args: &[&str], vars: &[(&str, &OsStr)]) -> Output {
    let mut command = Command::new(venvsh());
    command
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", test_path())
        .env("HOME", data)
        .env("LANG", "C.UTF-8")
        .env("VENVSH_DATA_DIR", data.join("venvsh-data"))
        .env("VENVSH_HOME", data.join("store"))
        .env("XDG_CACHE_HOME", data.join("cache"));
    for (k, v) in vars {
        command.env(k, v);
    }
    feed(&mut command, None, "venvsh")
}

#[track_caller]
fn succeeded(output: &Output, what: &str) {
    assert!(
        output.status.success(),
        "{what} failed: {}\n{}",
        text(&output.stderr),
        text(&output.stdout)
    );
}

/// A real environment made by `venvsh create` (so trusted), without pip unless asked.
fn create(cwd: &Path, data: &Path, name: &str, pip: bool) -> PathBuf {
    let mut args = vec!["create", "-p", "python3"];
    if !pip {
        args.push("--without-pip");
    }
    args.extend(["--", name]);
    let out = venvsh_in(cwd, data, &args, &[]);
    succeeded(&out, "venvsh create");
    cwd.join(name)
}

fn executable(path: &Path, contents: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new(located("git"))
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "-c",
            "init.defaultBranch=main",
            "-c",
            "advice.detachedHead=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
}

/// What the hook would apply in `cwd`, as bash: its stdout and stderr.
/// `venvsh hook-env` in `cwd`: its code, and its trust notices (the line it says at
/// every change, issue 11 item 8, is silenced here).
fn hook_env(cwd: &Path, data: &Path, vars: &[(&str, &OsStr)]) -> (String, String) {
    let mut vars = vars.to_vec();
    vars.push(("VENVSH_AUTO_ACTIVATE_NOTICE", OsStr::new("0")));
    let out = venvsh_in(cwd, data, &["hook-env", "--shell", "bash"], &vars);
    succeeded(&out, "venvsh hook-env");
    (text(&out.stdout), text(&out.stderr))
}

fn activates(code: &str, env: &Path) -> bool {
    code.contains(&format!("export VIRTUAL_ENV='{}'", env.display()))
}

/// Whether `text` holds anything a terminal would act on or hide: C0 controls other
/// than the newline, DEL, C1 controls, bidirectional controls.
fn hidden(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

// ---- item 1: the hook applies only code ---------------------------------------------------

struct WrappedShell {
    name: &'static str,
    program: &'static str,
    args: &'static [&'static str],
    /// The script: `$VENVSH` is venvsh, `$OUT` where to write; prints each result into
    /// `$OUT/json`, `$OUT/help`, `$OUT/h` and `$OUT/ve` (VIRTUAL_ENV or `<unset>`).
    script: &'static str,
}

const WRAPPED_SHELLS: [WrappedShell; 6] = [
    WrappedShell {
        name: "bash",
        program: "bash",
        args: &["--noprofile", "--norc", "-c"],
        script: POSIX_WRAPPED,
    },
    WrappedShell {
        name: "zsh",
        program: "zsh",
        args: &["-f", "-c"],
        script: POSIX_WRAPPED,
    },
    WrappedShell {
        name: "sh",
        program: "dash",
        args: &["-c"],
        script: POSIX_WRAPPED,
    },
    WrappedShell {
        name: "fish",
        program: "fish",
        args: &["--no-config", "-c"],
        script: r#""$VENVSH" hook fish | source
venvsh activate --json > $OUT/json
venvsh activate --help > $OUT/help
venvsh activate -h > $OUT/h
venvsh deactivate --help > $OUT/dhelp
if set -q VIRTUAL_ENV; printf %s $VIRTUAL_ENV > $OUT/ve; else; printf '<unset>' > $OUT/ve; end
venvsh -q activate > $OUT/qout
if set -q VIRTUAL_ENV; printf %s $VIRTUAL_ENV > $OUT/qve; else; printf '<unset>' > $OUT/qve; end"#,
    },
    WrappedShell {
        name: "tcsh",
        program: "tcsh",
        // A file: csh's `if … then` cannot share a line.
        args: &["-f"],
        script: r#"eval "`$VENVSH hook tcsh`"
venvsh activate --json > $OUT/json
venvsh activate --help > $OUT/help
venvsh activate -h > $OUT/h
venvsh deactivate --help > $OUT/dhelp
if ( $?VIRTUAL_ENV ) then
    printf %s "$VIRTUAL_ENV" > $OUT/ve
else
    printf '<unset>' > $OUT/ve
endif
venvsh -q activate > $OUT/qout
if ( $?VIRTUAL_ENV ) then
    printf %s "$VIRTUAL_ENV" > $OUT/qve
else
    printf '<unset>' > $OUT/qve
endif
"#,
    },
    WrappedShell {
        name: "nu",
        program: "nu",
        args: &["--no-config-file", "-c"],
        script: r#"^$env.VENVSH hook nu | save -f $"($env.OUT)/hook.nu"
nu --no-config-file -c $"source ($env.OUT)/hook.nu
venvsh activate --json | save -f ($env.OUT)/json
venvsh activate --help | save -f ($env.OUT)/help
venvsh activate -h | save -f ($env.OUT)/h
venvsh deactivate --help | save -f ($env.OUT)/dhelp
$env.VIRTUAL_ENV? | default '<unset>' | save -f ($env.OUT)/ve
venvsh -q activate | default '' | save -f ($env.OUT)/qout
$env.VIRTUAL_ENV? | default '<unset>' | save -f ($env.OUT)/qve""#,
    },
];

const POSIX_WRAPPED: &str = r#"eval "$("$VENVSH" hook $SHELL_NAME)"
venvsh activate --json > "$OUT/json"
venvsh activate --help > "$OUT/help"
venvsh activate -h > "$OUT/h"
venvsh deactivate --help > "$OUT/dhelp"
printf %s "${VIRTUAL_ENV-<unset>}" > "$OUT/ve"
venvsh -q activate > "$OUT/qout"
printf %s "${VIRTUAL_ENV-<unset>}" > "$OUT/qve""#;

/// In a folder named `$(touch INJECTED)`, `venvsh activate --json`, `--help` and `-h`
/// through the hook's function print what the bare binary prints and run nothing
/// (issue 8, item 1); `venvsh -q activate`, a flag before the verb, still activates.
fn hook_passes_non_code_through(shell: &WrappedShell) {
    let case = Case::new();
    let project = case.root().join("$(touch INJECTED)`touch INJECTED2`");
    fs::create_dir(&project).unwrap();
    let env = make_env(&project, ".venv", Some("$(touch INJECTED3)"));
    let mut command = Command::new(located(shell.program));
    command.args(shell.args);
    if shell.args.last() == Some(&"-c") {
        command.arg(shell.script);
    } else {
        let file = case.root().join("script");
        fs::write(&file, shell.script).unwrap();
        command.arg(file);
    }
    command
        .current_dir(&project)
        .env_clear()
        .env("PATH", test_path())
        .env("HOME", case.root())
        .env("LANG", "C.UTF-8")
        .env("TERM", "dumb")
        .env("VENVSH", venvsh())
        .env("OUT", &case.out)
        .env("SHELL_NAME", shell.name)
        .env("VENVSH_DATA_DIR", case.root().join("data"));
    let output = feed(&mut command, None, shell.program);
    let context = format!("{}: {}", shell.name, text(&output.stderr));
    let json: serde_json::Value = serde_json::from_str(&case.get("json"))
        .unwrap_or_else(|e| panic!("{context}: --json printed no JSON ({e})"));
    assert_eq!(json["action"], "activate", "{context}");
    assert_eq!(json["env"], env.to_str().unwrap(), "{context}");
    for file in ["help", "h", "dhelp"] {
        assert!(case.get(file).contains("Usage:"), "{context}: {file}");
    }
    assert_eq!(case.get("ve"), "<unset>", "{context}: --json was applied");
    // A global flag before the verb still changes the shell, and prints no code.
    assert_eq!(
        case.get("qve"),
        env.to_str().unwrap(),
        "{context}: -q activate"
    );
    assert_eq!(case.get("qout"), "", "{context}: -q activate printed");
    let names: Vec<String> = crate::common::walk(case.root())
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for marker in ["INJECTED", "INJECTED2", "INJECTED3"] {
        assert!(
            !names.iter().any(|n| n == marker),
            "{context}: {marker} was created"
        );
    }
}

// ---- item 2: tcsh's alias behaves as the bare binary ---------------------------------------

fn tcsh_alias_keeps_status_redirections_and_pipes() {
    let case = Case::new();
    let store = case.root().join("store");
    fake_env(&store.join("web"), "home = /usr/bin\nversion = 3.11.7\n");
    fake_env(&store.join("api"), "home = /usr/bin\nversion = 3.12.1\n");
    let script = format!(
        r#"eval "`{venvsh} hook tcsh`"
venvsh run web -- false && echo ran-after-false
echo "status=$status" > out/false
venvsh run web -- sh -c 'exit 3'
echo "status=$status" > out/three
venvsh list > out/list
venvsh list | wc -l > out/count
venvsh list >> out/list
venvsh run web -- sh -c 'echo $VIRTUAL_ENV' | cat > out/piped
"#,
        venvsh = venvsh().display()
    );
    fs::write(case.root().join("t.csh"), script).unwrap();
    let mut command = Command::new(located("tcsh"));
    command
        .args(["-f", "t.csh"])
        .current_dir(case.root())
        .env_clear()
        .env("PATH", test_path())
        .env("HOME", case.root())
        .env("VENVSH_HOME", &store)
        .env("VENVSH_DATA_DIR", case.root().join("data"));
    let output = feed(&mut command, None, "tcsh");
    let context = text(&output.stderr);
    let stdout = text(&output.stdout);
    assert!(!stdout.contains("ran-after-false"), "{context}{stdout}");
    assert_eq!(case.get("false").trim(), "status=1", "{context}");
    assert_eq!(case.get("three").trim(), "status=3", "{context}");
    let list = case.get("list");
    let rows = list
        .lines()
        .filter(|l| l.trim_start().starts_with("web "))
        .count();
    assert_eq!(rows, 2, "{context}: {list}");
    assert_eq!(
        case.get("count").trim(),
        "3",
        "{context}: header and two rows"
    );
    assert_eq!(
        case.get("piped").trim(),
        store.join("web").to_str().unwrap(),
        "{context}"
    );
}

// ---- item 4: trust covers bin/ ------------------------------------------------------------

/// A project whose `.venv` the user made (trusted); upstream force-adds `.venv/bin/git`
/// (and a `RECORD` naming it), and the user pulls (issue 8, item 4).
fn a_pulled_bin_git_is_not_activated() {
    let case = Case::new();
    let data = case.root();
    let upstream = case.root().join("upstream");
    fs::create_dir(&upstream).unwrap();
    git(&upstream, &["init", "-q"]);
    fs::write(upstream.join(".gitignore"), ".venv/\n").unwrap();
    git(&upstream, &["add", ".gitignore"]);
    git(&upstream, &["commit", "-q", "-m", "start"]);
    let project = case.root().join("project");
    git(
        case.root(),
        &["clone", "-q", upstream.to_str().unwrap(), "project"],
    );
    let env = create(&project, data, ".venv", false);
    let (code, _) = hook_env(&project, data, &[]);
    assert!(activates(&code, &env), "the user's own environment: {code}");

    // Upstream commits a program into the ignored .venv, with a matching RECORD.
    let evil = "#!/bin/sh\ntouch \"$HOME/PWNED\"\n";
    executable(&upstream.join(".venv/bin/git"), evil);
    let info = upstream.join(".venv/lib/python3.11/site-packages/evil-1.dist-info");
    fs::create_dir_all(&info).unwrap();
    fs::write(
        info.join("RECORD"),
        format!(
            "../../../bin/git,sha256={},{}\n",
            venvsh::project::record::hash(evil.as_bytes()),
            evil.len()
        ),
    )
    .unwrap();
    git(&upstream, &["add", "-f", ".venv"]);
    git(&upstream, &["commit", "-q", "-m", "tools"]);
    git(&project, &["pull", "-q", "--no-rebase"]);
    assert!(env.join("bin/git").is_file(), "the pull wrote into .venv");

    let (code, notice) = hook_env(&project, data, &[]);
    assert!(!activates(&code, &env), "activated after the pull: {code}");
    assert!(notice.contains("bin/git"), "{notice}");
    assert!(notice.contains("git tracks files inside it"), "{notice}");
    // Told once; `venvsh allow` (the user's decision) lets it in.
    let told: Vec<(&str, &OsStr)> = code
        .lines()
        // `\builtin export`: past a user's function of that name (issue 11, item 3).
        .filter_map(|l| l.strip_prefix("\\builtin export VENVSH_TOLD="))
        .map(|v| ("VENVSH_TOLD", OsStr::new(v.trim_matches('\''))))
        .collect();
    assert_eq!(told.len(), 1, "{code}");
    let (_, again) = hook_env(&project, data, &told);
    assert_eq!(again, "", "said twice");
    assert!(!data.join("PWNED").exists());
}

/// `pip install` of a package with a console script into a trusted environment: the
/// next activation does not ask (its RECORD accounts for the new program).
fn pip_install_into_a_trusted_environment_does_not_ask() {
    let case = Case::new();
    let data = case.root();
    let project = case.root().join("project");
    fs::create_dir(&project).unwrap();
    let env = create(&project, data, ".venv", true);
    let wheel = tool_wheel(case.root());
    let out = Command::new(env.join("bin/python"))
        .args(["-m", "pip", "install", "-q", "--no-index"])
        .arg(&wheel)
        .env_clear()
        .env("PATH", test_path())
        .output()
        .unwrap();
    assert!(out.status.success(), "pip: {}", text(&out.stderr));
    assert!(env.join("bin/venvsh-tool").is_file());
    let (code, notice) = hook_env(&project, data, &[]);
    assert!(activates(&code, &env), "{notice}");
    assert_eq!(notice, "");
}

/// A wheel holding a module and a console script `venvsh-tool`.
fn tool_wheel(dir: &Path) -> PathBuf {
    let files: [(&str, &str); 4] = [
        ("tool.py", "def main():\n    print('tool')\n"),
        (
            "tool-1.0.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: tool\nVersion: 1.0\n",
        ),
        (
            "tool-1.0.dist-info/WHEEL",
            "Wheel-Version: 1.0\nGenerator: venvsh-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        ),
        (
            "tool-1.0.dist-info/entry_points.txt",
            "[console_scripts]\nvenvsh-tool = tool:main\n",
        ),
    ];
    let path = dir.join("tool-1.0-py3-none-any.whl");
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    let options: zip::write::SimpleFileOptions =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut record = String::new();
    for (name, contents) in files {
        zip.start_file(name, options).unwrap();
        std::io::Write::write_all(&mut zip, contents.as_bytes()).unwrap();
        record.push_str(&format!(
            "{name},sha256={},{}\n",
            venvsh::project::record::hash(contents.as_bytes()),
            contents.len()
        ));
    }
    record.push_str("tool-1.0.dist-info/RECORD,,\n");
    zip.start_file("tool-1.0.dist-info/RECORD", options)
        .unwrap();
    std::io::Write::write_all(&mut zip, record.as_bytes()).unwrap();
    zip.finish().unwrap();
    path
}

/// A program copied into `bin/` without any installer's record is refused, named.
fn a_copied_in_executable_is_not_activated() {
    let case = Case::new();
    let data = case.root();
    let project = case.root().join("project");
    fs::create_dir(&project).unwrap();
    let env = make_env(&project, ".venv", None);
    let out = venvsh_in(&project, data, &["allow"], &[]);
    succeeded(&out, "venvsh allow");
    let (code, _) = hook_env(&project, data, &[]);
    assert!(activates(&code, &env));
    executable(&env.join("bin/ls"), "#!/bin/sh\n");
    let (code, notice) = hook_env(&project, data, &[]);
    assert!(!activates(&code, &env), "{code}");
    assert!(
        notice.contains(
            "bin/ls appeared or changed since it was allowed, and no installer recorded it"
        ),
        "{notice}"
    );
    // The user checks it and allows it again.
    succeeded(&venvsh_in(&project, data, &["allow"], &[]), "venvsh allow");
    let (code, _) = hook_env(&project, data, &[]);
    assert!(activates(&code, &env));
}

// ---- item 5: other users ------------------------------------------------------------------

/// Run venvsh as uid 4242 (`setpriv`), which owns `data`.
fn venvsh_as_other(cwd: &Path, data: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(located("setpriv"));
    command
        .args(["--reuid=4242", "--regid=4242", "--clear-groups", "--"])
        .arg(venvsh())
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", test_path())
        .env("HOME", data)
        .env("VENVSH_DATA_DIR", data.join("venvsh-data"))
        .env("VENVSH_HOME", data.join("store"));
    feed(&mut command, None, "setpriv")
}

/// A `.venv` (or `.venv` file) someone else owns, above or in a shared directory, is
/// never activated for this user, and `allow` refuses it; root's is fine (issue 8,
/// item 5).
fn another_users_environment_is_never_trusted() {
    let case = Case::new();
    let shared = case.root().join("shared");
    fs::create_dir(&shared).unwrap();
    fs::set_permissions(case.root(), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o1777)).unwrap();
    let data = case.root().join("home4242");
    fs::create_dir(&data).unwrap();
    std::os::unix::fs::chown(&data, Some(4242), Some(4242)).unwrap();

    // uid 1111 planted shared/.venv; uid 4242 works in shared/project.
    let env = make_env(&shared, ".venv", None);
    chown_tree(&env, 1111);
    let project = shared.join("project");
    fs::create_dir(&project).unwrap();
    std::os::unix::fs::chown(&project, Some(4242), Some(4242)).unwrap();

    let out = venvsh_as_other(&project, &data, &["hook-env", "--shell", "bash"]);
    succeeded(&out, "hook-env");
    assert!(!text(&out.stdout).contains("VIRTUAL_ENV="));
    let notice = text(&out.stderr);
    assert!(
        notice.contains("belongs to another user (uid 1111)"),
        "{notice}"
    );
    let out = venvsh_as_other(&project, &data, &["allow"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("refusing to trust"),
        "{}",
        text(&out.stderr)
    );

    // A `.venv` file of another user's naming this user's own environment.
    let own = case.root().join("own");
    make_env(&own, "env", None);
    chown_tree(&own, 4242);
    let other_project = shared.join("other");
    fs::create_dir(&other_project).unwrap();
    fs::write(
        other_project.join(".venv"),
        format!("{}\n", own.join("env").display()),
    )
    .unwrap();
    std::os::unix::fs::chown(other_project.join(".venv"), Some(1111), None).unwrap();
    let out = venvsh_as_other(
        &other_project,
        &data,
        &["allow", own.join("env").to_str().unwrap()],
    );
    succeeded(&out, "allow of the user's own environment");
    let out = venvsh_as_other(&other_project, &data, &["hook-env", "--shell", "bash"]);
    assert!(
        !text(&out.stdout).contains("VIRTUAL_ENV="),
        "{}",
        text(&out.stdout)
    );
    assert!(
        text(&out.stderr).contains("uid 1111"),
        "{}",
        text(&out.stderr)
    );

    // root's environment may be allowed.
    chown_tree(&env, 0);
    let out = venvsh_as_other(&project, &data, &["allow"]);
    succeeded(&out, "allow of root's environment");
    let out = venvsh_as_other(&project, &data, &["hook-env", "--shell", "bash"]);
    assert!(
        text(&out.stdout).contains("VIRTUAL_ENV="),
        "{}",
        text(&out.stderr)
    );
}

fn chown_tree(root: &Path, uid: u32) {
    for path in crate::common::walk(root)
        .into_iter()
        .chain([root.to_owned()])
    {
        std::os::unix::fs::lchown(&path, Some(uid), Some(uid)).unwrap();
    }
}

// ---- item 6: terminal escapes -------------------------------------------------------------

/// Paths holding escape sequences and bidi controls, in every message venvsh prints for
/// people: the hook's notice, allow, which, status, doctor, list, errors.
fn terminal_escapes_are_shown_not_sent() {
    let case = Case::new();
    let data = case.root();
    let nasty = "a\u{1b}]52;c;cHduZWQ=\u{7}b\u{1b}[2J\u{202e}c\u{9b}d\ne";
    let project = case.root().join(nasty);
    fs::create_dir(&project).unwrap();
    let env = make_env(&project, ".venv", Some(nasty));
    let store = data.join("store");
    make_env(&store, nasty, None);
    let runs: Vec<(&str, Vec<&str>)> = vec![
        ("hook-env", vec!["hook-env", "--shell", "bash"]),
        ("allow", vec!["allow"]),
        ("which", vec!["which"]),
        ("status", vec!["status"]),
        ("doctor", vec!["doctor", "--shell", "bash"]),
        ("list", vec!["list"]),
        ("allow --list", vec!["allow", "--list"]),
        (
            "error",
            vec!["activate", "./missing\u{1b}[31m\u{202e}", "--shell", "bash"],
        ),
        ("deny", vec!["deny"]),
    ];
    for (what, args) in runs {
        let out = venvsh_in(&project, data, &args, &[]);
        // hook-env's stdout is code for the shell, where the path is quoted.
        let streams: &[(&str, &Vec<u8>)] = if what == "hook-env" {
            &[("stderr", &out.stderr)]
        } else {
            &[("stdout", &out.stdout), ("stderr", &out.stderr)]
        };
        for &(stream, bytes) in streams {
            let shown = text(bytes);
            if let Some(c) = hidden(&shown) {
                panic!("{what}: {stream} holds {c:?} raw: {shown:?}");
            }
        }
        if what == "which" {
            assert!(
                text(&out.stdout).contains("\\x1b]52"),
                "{:?}",
                text(&out.stdout)
            );
        }
    }
    assert!(env.exists());
}

// ---- item 7: nothing in the tree can hang or exhaust the hook ----------------------------

fn the_hook_returns_promptly_whatever_the_tree_holds() {
    let case = Case::new();
    let data = case.root();
    let trees = case.root().join("trees");
    // .venv linked to a file that never ends.
    let pagemap = trees.join("pagemap");
    fs::create_dir_all(&pagemap).unwrap();
    symlink("/proc/self/pagemap", pagemap.join(".venv")).unwrap();
    // A redirect to an environment whose pyvenv.cfg is the terminal.
    let tty = trees.join("tty");
    fs::create_dir_all(tty.join("env/bin")).unwrap();
    symlink("/dev/tty", tty.join("env/pyvenv.cfg")).unwrap();
    fs::write(tty.join(".venv"), "env\n").unwrap();
    // pyvenv.cfg and .venv as FIFOs, which block an ordinary open.
    let fifo = trees.join("fifo");
    fs::create_dir_all(fifo.join(".venv/bin")).unwrap();
    mkfifo(&fifo.join(".venv/pyvenv.cfg"));
    let fifo_file = trees.join("fifo-file");
    fs::create_dir_all(&fifo_file).unwrap();
    mkfifo(&fifo_file.join(".venv"));
    // A `.venv` redirect that is huge.
    let huge = trees.join("huge");
    fs::create_dir_all(&huge).unwrap();
    fs::write(huge.join(".venv"), "x".repeat(10 << 20)).unwrap();

    for dir in [&pagemap, &tty, &fifo, &fifo_file, &huge] {
        let started = Instant::now();
        let mut command = Command::new(venvsh());
        command
            .args(["hook-env", "--shell", "bash"])
            .current_dir(dir)
            .env_clear()
            .env("PATH", test_path())
            .env("VENVSH_DATA_DIR", data.join("d"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let child = command.spawn().unwrap();
        let output = wait_at_most(child, Duration::from_secs(10))
            .unwrap_or_else(|| panic!("{}: the hook hung", dir.display()));
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{}: took {:?}",
            dir.display(),
            started.elapsed()
        );
        assert!(
            output.status.success(),
            "{}: {}",
            dir.display(),
            text(&output.stderr)
        );
        assert_eq!(
            text(&output.stdout),
            "",
            "{}: activated something",
            dir.display()
        );
    }
    // Through a real shell's hook: `cd` into each and the next command still runs.
    let script = format!(
        "eval \"$({} hook bash)\"; for d in pagemap tty fifo fifo-file huge; do cd \"$d\"; __venvsh_hook; cd ..; done; echo done",
        venvsh().display()
    );
    let mut command = Command::new(located("bash"));
    command
        .args(["--noprofile", "--norc", "-c", &script])
        .current_dir(&trees)
        .env_clear()
        .env("PATH", test_path())
        .env("VENVSH_DATA_DIR", data.join("d"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let output = wait_at_most(command.spawn().unwrap(), Duration::from_secs(20))
        .expect("bash with the hook hung");
    assert_eq!(
        text(&output.stdout).trim(),
        "done",
        "{}",
        text(&output.stderr)
    );
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

fn wait_at_most(mut child: std::process::Child, limit: Duration) -> Option<Output> {
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return Some(child.wait_with_output().unwrap());
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

// ---- item 9: repair -----------------------------------------------------------------------

/// A shell that inherited an activation whose PATH entry is gone gets it back only if
/// the environment is still trusted (issue 8, item 9).
fn repair_applies_the_trust_rule() {
    let case = Case::new();
    let data = case.root();
    let project = case.root().join("project");
    fs::create_dir(&project).unwrap();
    let env = make_env(&project, ".venv", None);
    succeeded(&venvsh_in(&project, data, &["allow"], &[]), "allow");
    let (code, _) = hook_env(&project, data, &[]);
    let state = code
        .lines()
        .find_map(|l| l.strip_prefix("\\builtin export VENVSH_STATE="))
        .unwrap()
        .trim_matches('\'')
        .to_owned();
    let inherited: [(&str, &OsStr); 3] = [
        ("VENVSH_STATE", OsStr::new(&state)),
        ("VIRTUAL_ENV", env.as_os_str()),
        ("VIRTUAL_ENV_PROMPT", OsStr::new(".venv")),
    ];
    // PATH was rebuilt by a login shell: the entry is put back.
    let (code, _) = hook_env(&project, data, &inherited);
    assert!(
        code.contains(&format!("PATH='{}/bin'", env.display())),
        "{code}"
    );
    // After a program appeared in bin/, it is not.
    executable(&env.join("bin/git"), "#!/bin/sh\n");
    let (code, notice) = hook_env(&project, data, &inherited);
    assert!(
        !code.contains(&format!("PATH='{}/bin'", env.display())),
        "{code}"
    );
    // In its own project, the hook's activation that is no longer trusted is taken
    // down whole, not left with VIRTUAL_ENV naming an environment off PATH (issue 11,
    // item 5); `decide::auto`'s unit tests cover "not putting … back" for one activated
    // by hand.
    assert!(notice.contains("not activating"), "{notice}");
    assert!(code.contains("unset VIRTUAL_ENV\n"), "{code}");
    assert!(notice.contains("bin/git"), "{notice}");
}

// ---- item 10: names ------------------------------------------------------------------------

/// `venvsh run web` means the store's `web`, even where the current directory holds a
/// folder `web` that is an environment (issue 8, item 10).
fn a_folder_cannot_stand_in_for_a_store_name() {
    let case = Case::new();
    let data = case.root();
    let store = data.join("store");
    let stored = make_env(&store, "web", None);
    let cloned = case.root().join("repo");
    let shadow = make_env(&cloned, "web", None);
    for args in [
        vec!["run", "web", "--", "sh", "-c", "printf %s \"$VIRTUAL_ENV\""],
        vec!["which", "web", "--json"],
        vec!["activate", "web", "--json"],
    ] {
        let out = venvsh_in(&cloned, data, &args, &[]);
        succeeded(&out, &format!("{args:?}"));
        let stdout = text(&out.stdout);
        assert!(
            stdout.contains(stored.to_str().unwrap()),
            "{args:?}: {stdout}"
        );
        assert!(
            !stdout.contains(shadow.to_str().unwrap()),
            "{args:?}: {stdout}"
        );
    }
    let out = venvsh_in(
        &cloned,
        data,
        &[
            "run",
            "./web",
            "--",
            "sh",
            "-c",
            "printf %s \"$VIRTUAL_ENV\"",
        ],
        &[],
    );
    assert_eq!(text(&out.stdout), shadow.to_str().unwrap());
}

// ---- item 14: bytes ------------------------------------------------------------------------

fn bytes_that_are_not_utf8_are_carried_or_refused() {
    let case = Case::new();
    let data = case.root();
    let env = make_env(case.root(), "env", None);
    let mut path = b"/caf\xe9/bin:".to_vec();
    path.extend_from_slice(test_path().as_bytes());
    let path = OsStr::from_bytes(&path);

    // run: PATH byte for byte, with the environment's bin in front.
    let out = venvsh_in(
        case.root(),
        data,
        &["run", "./env", "--", "sh", "-c", "printf %s \"$PATH\""],
        &[("PATH", path)],
    );
    succeeded(&out, "run");
    let mut expected = format!("{}/bin:", env.display()).into_bytes();
    expected.extend_from_slice(path.as_bytes());
    assert_eq!(out.stdout, expected);

    // tcsh: its code is text, so the activation is refused, naming PATH; nothing printed.
    let out = venvsh_in(
        case.root(),
        data,
        &["activate", "./env", "--shell", "tcsh"],
        &[("PATH", path)],
    );
    let stderr = crate::common::assert_refusal(&out, "tcsh with a non-UTF-8 PATH");
    assert!(
        stderr.contains("PATH") && stderr.contains("UTF-8"),
        "{stderr}"
    );

    // Clink's Lua carries the byte as an escape.
    let out = venvsh_in(
        case.root(),
        data,
        &["hook-env", "--shell", "clink"],
        &[("PATH", path)],
    );
    succeeded(&out, "hook-env clink");
    succeeded(
        &venvsh_in(case.root(), data, &["allow", "./env"], &[]),
        "allow",
    );
    fs::write(case.root().join(".venv"), "env\n").unwrap();
    let out = venvsh_in(
        case.root(),
        data,
        &["hook-env", "--shell", "clink"],
        &[("PATH", path)],
    );
    assert!(
        text(&out.stdout).contains("/caf\\233/bin"),
        "{}",
        text(&out.stdout)
    );

    // A PYTHONHOME that is not UTF-8 is refused by name, not lost on deactivation.
    let out = venvsh_in(
        case.root(),
        data,
        &["activate", "./env", "--shell", "bash"],
        &[("PYTHONHOME", OsStr::from_bytes(b"/h\xff"))],
    );
    let stderr = crate::common::assert_refusal(&out, "a non-UTF-8 PYTHONHOME");
    assert!(stderr.contains("PYTHONHOME"), "{stderr}");
    let _ = located("tcsh");
}
