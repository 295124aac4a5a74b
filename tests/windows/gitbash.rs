//! `Scripts\activate` and `Scripts\activate.fish` of a Windows environment, sourced by
//! real bash, dash, zsh and fish as Git Bash, MSYS2 or Cygwin would source them.
//!
//! Those systems are not here: `uname` and `cygpath` are small scripts standing in for
//! theirs (`uname` names the system, `cygpath -u` maps `X:\a\b` to `/x/a/b` as MSYS2's
//! default mounts do, or, for the environment wine made, `Z:\` to `/`, as wine maps
//! it). Each also logs its arguments, so the test sees exactly what the script asked.

use std::fs;
use std::path::Path;
use std::process::Command;

use super::support::*;

/// Stand-ins for MSYS2's `uname` and `cygpath`, in `dir`. `cygpath` maps the drive
/// `drive` (a letter, or `Z` with `to` = "" for wine's root) to `/x` (or `to`).
fn stub_tools(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    let write = |name: &str, text: &str| {
        use std::os::unix::fs::PermissionsExt;
        let path = dir.join(name);
        fs::write(&path, text).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    };
    write(
        "uname",
        "#!/bin/sh\nprintf '%s\\n' \"$*\" >> \"$STUB_LOG.uname\"\nprintf '%s\\n' \"$STUB_UNAME\"\n",
    );
    write(
        "cygpath",
        r#"#!/bin/sh
printf '%s\n' "$*" >> "$STUB_LOG.cygpath"
[ "$#" = 2 ] && [ "$1" = -u ] || exit 2
case $2 in
    [A-Za-z]:\\*) ;;
    *) exit 3 ;;
esac
drive=$(printf %s "$2" | cut -c1 | tr '[:upper:]' '[:lower:]')
rest=$(printf %s "${2#??}" | tr '\\' /)
if [ -n "${STUB_DRIVE_ROOT+set}" ]; then
    printf '%s%s\n' "$STUB_DRIVE_ROOT" "$rest"
else
    printf '/%s%s\n' "$drive" "$rest"
fi
"#,
    );
}

/// What the shell saw, NUL-separated: VIRTUAL_ENV, PATH's first entry, the prompt as
/// drawn, VIRTUAL_ENV_PROMPT; after `deactivate`: whether PATH is exactly as before,
/// PS1, and whether VIRTUAL_ENV and VIRTUAL_ENV_PROMPT are unset.
fn driver(shell: &str) -> String {
    let (drawn, after) = match shell {
        "bash" => ("${PS1@P}", "$PS1"),
        "zsh" => ("${(%)PS1}", "$PS1"),
        // dash draws PS1 by parameter expansion only when interactive: shown is what it
        // holds and the value of the variable it names.
        _ => ("$PS1|${__venvsh_prompt-}", "$PS1"),
    };
    format!(
        r#"PS1='$ '
before=$PATH
. ./activate || exit 9
printf '%s\0' "$VIRTUAL_ENV" "${{PATH%%:*}}" "{drawn}" "$VIRTUAL_ENV_PROMPT"
deactivate
if [ "$PATH" = "$before" ]; then printf 'same\0'; else printf '%s\0' "$PATH"; fi
printf '%s\0' "{after}" "${{VIRTUAL_ENV-unset}}" "${{VIRTUAL_ENV_PROMPT-unset}}"
"#
    )
}

fn fish_driver() -> &'static str {
    r#"set -l before "$PATH"
source ./activate.fish; or exit 9
printf '%s\0' "$VIRTUAL_ENV" "$PATH[1]" "$VIRTUAL_ENV_PROMPT"
deactivate
if test "$PATH" = "$before"; printf 'same\0'; else; printf '%s\0' "$PATH"; end
set -q VIRTUAL_ENV; or printf 'unset\0'
"#
}

/// Run `script` with `shell` in `dir`, the stand-ins first on PATH.
fn run(
    dir: &Path,
    shell: &str,
    script: &str,
    uname: &str,
    drive_root: Option<&Path>,
) -> Vec<String> {
    let stubs = dir.join("stubs");
    let mut command = Command::new(shell);
    if shell == "zsh" {
        command.arg("-f");
    }
    if shell == "fish" {
        command.arg("--no-config");
    }
    command
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env_clear()
        .env("PATH", format!("{}:/usr/bin:/bin", stubs.display()))
        .env("HOME", dir)
        // zsh draws a prompt's non-ASCII text as `\M-…` in the C locale.
        .env("LANG", "C.UTF-8")
        .env("STUB_UNAME", uname)
        .env("STUB_LOG", dir.join("log"));
    if let Some(root) = drive_root {
        command.env("STUB_DRIVE_ROOT", root);
    }
    let out = command.output().unwrap_or_else(|e| panic!("{shell}: {e}"));
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{shell}: {}\n{}",
        out.status,
        text(&out.stderr)
    );
    text(&out.stdout)
        .strip_suffix('\0')
        .unwrap_or_else(|| panic!("{shell}: {:?}", text(&out.stdout)))
        .split('\0')
        .map(str::to_owned)
        .collect()
}

fn log(dir: &Path, tool: &str) -> String {
    fs::read_to_string(dir.join(format!("log.{tool}"))).unwrap_or_default()
}

/// A name a Windows file name can hold.
fn windows_name(name: &str) -> bool {
    !name
        .chars()
        .any(|c| "<>:\"/\\|?*".contains(c) || c.is_control())
        && !name.ends_with(['.', ' '])
}

fn render(root: &str, prompt: &str) -> venvsh::venv::scripts::Standalone {
    let bin = format!(r"{root}\Scripts");
    venvsh::venv::scripts::standalone(Path::new(root), Path::new(&bin), prompt).unwrap()
}

/// A Windows environment gets the POSIX shells' scripts CPython 3.13's venv writes on
/// Windows, `activate` and `activate.fish`, and no `activate.csh` (venv's is POSIX-only),
/// without a word. (Which other scripts are written depends on the platform venvsh runs
/// on, whose PATH separator PowerShell and nushell use: the create test under wine
/// checks the whole of `Scripts\`.)
#[test]
fn a_windows_environment_gets_venvs_posix_scripts() {
    let scripts = render(r"C:\Users\x y\env", "env");
    let names: Vec<&str> = scripts.scripts.iter().map(|(n, _)| n.as_str()).collect();
    for name in [
        "activate",
        "activate.fish",
        "activate.bat",
        "deactivate.bat",
    ] {
        assert!(names.contains(&name), "{name}: {names:?}");
    }
    assert!(!names.contains(&"activate.csh"), "{names:?}");
    let omitted: Vec<&str> = scripts.omitted.iter().map(|o| o.file).collect();
    for name in ["activate", "activate.fish", "activate.csh"] {
        assert!(!omitted.contains(&name), "{name}: {omitted:?}");
    }
}

/// `activate` for `C:\Users\x y\NAME` over every corpus name a Windows file name can
/// hold, in bash, dash and zsh as Git Bash runs them: VIRTUAL_ENV is what `cygpath -u`
/// makes of the environment's path (as CPython's script sets it), its `Scripts` comes
/// first on PATH, the prompt shows the name, and `deactivate` puts PATH and the prompt
/// back exactly. No command from a name runs.
#[test]
fn git_bash_activate_converts_the_windows_path() {
    let names: Vec<&str> = CORPUS.iter().copied().filter(|n| windows_name(n)).collect();
    assert!(names.len() > 20, "{names:?}");
    for shell in ["bash", "dash", "zsh"] {
        for name in &names {
            let case = Case::new();
            let root = format!(r"C:\Users\x y\{name}");
            let scripts = render(&root, name);
            let activate = &scripts
                .scripts
                .iter()
                .find(|(n, _)| n == "activate")
                .unwrap()
                .1;
            fs::write(case.root().join("activate"), activate).unwrap();
            stub_tools(&case.root().join("stubs"));

            let seen = run(
                case.root(),
                shell,
                &driver(shell),
                "MINGW64_NT-10.0-19045",
                None,
            );
            let context = format!("{shell}, {name:?}");
            let posix = format!("/c/Users/x y/{name}");
            let drawn = match shell {
                "dash" => format!("(${{__venvsh_prompt-}}) $ |{name}"),
                _ => format!("({name}) $ "),
            };
            assert_eq!(
                seen,
                [
                    posix.clone(),
                    format!("{posix}/Scripts"),
                    drawn,
                    name.to_string(),
                    "same".into(),
                    "$ ".into(),
                    "unset".into(),
                    "unset".into(),
                ],
                "{context}"
            );
            assert_eq!(
                log(case.root(), "cygpath"),
                format!("-u {root}\n"),
                "{context}"
            );
            assert_eq!(
                log(case.root(), "uname"),
                "\n",
                "{context}: uname, no arguments"
            );
            case.assert_nothing_ran(&context);
        }
    }
}

/// Cygwin's `uname` says CYGWIN_NT-…, MSYS2's own shell MSYS_NT-…: both convert. Any
/// other system keeps the Windows path as it is, as CPython's script does.
#[test]
fn activate_converts_only_under_cygwin_and_msys() {
    let root = r"C:\Users\x y\it's";
    for (uname, converted) in [
        ("CYGWIN_NT-10.0-19045", true),
        ("MSYS_NT-10.0-19045", true),
        ("Linux", false),
    ] {
        let case = Case::new();
        let scripts = render(root, "it's");
        let activate = &scripts
            .scripts
            .iter()
            .find(|(n, _)| n == "activate")
            .unwrap()
            .1;
        fs::write(case.root().join("activate"), activate).unwrap();
        stub_tools(&case.root().join("stubs"));
        let seen = run(case.root(), "dash", &driver("dash"), uname, None);
        let expected = if converted { "/c/Users/x y/it's" } else { root };
        assert_eq!(seen[0], expected, "{uname}");
        assert_eq!(seen[4], "same", "{uname}");
        assert_eq!(
            log(case.root(), "cygpath").is_empty(),
            !converted,
            "{uname}"
        );
    }
}

/// `activate.fish` (CPython writes it on Windows since 3.13) in fish under MSYS2.
#[test]
fn msys_fish_activate_converts_the_windows_path() {
    for name in [
        "sp ace",
        "it's",
        "$(touch PWNED1)",
        "a;touch PWNED4;b",
        "';&&$e'",
    ] {
        let case = Case::new();
        let root = format!(r"C:\Users\x y\{name}");
        let scripts = render(&root, name);
        let script = &scripts
            .scripts
            .iter()
            .find(|(n, _)| n == "activate.fish")
            .unwrap()
            .1;
        fs::write(case.root().join("activate.fish"), script).unwrap();
        stub_tools(&case.root().join("stubs"));
        let seen = run(
            case.root(),
            "fish",
            fish_driver(),
            "MINGW64_NT-10.0-19045",
            None,
        );
        let posix = format!("/c/Users/x y/{name}");
        assert_eq!(
            seen,
            [
                posix.clone(),
                format!("{posix}/Scripts"),
                name.to_string(),
                "same".into(),
                "unset".into()
            ],
            "{name:?}"
        );
        assert_eq!(log(case.root(), "cygpath"), format!("-u {root}\n"));
        case.assert_nothing_ran(name);
    }
}

/// The `activate` the cross-built venvsh.exe writes under wine, for a hostile name,
/// sourced by bash with `cygpath` mapping wine's drive `Z:\` to `/`: VIRTUAL_ENV is the
/// environment's own directory and its Scripts (with the venv launcher) is first on PATH.
#[test]
fn venvsh_exe_writes_an_activate_git_bash_can_source() {
    let Some(w) = windows() else { return };
    let case = Case::new();
    let env = case.root().join("it's $(touch PWNED1)");
    let python = win(&w.python.join("python.exe"));
    let out = w.venvsh(
        &["create", "--without-pip", "--python", &python, &win(&env)],
        case.root(),
        &[],
    );
    assert!(out.status.success(), "create: {}", text(&out.stderr));
    assert!(
        !text(&out.stderr).contains("warning"),
        "{}",
        text(&out.stderr)
    );
    fs::copy(env.join("Scripts/activate"), case.root().join("activate")).unwrap();
    stub_tools(&case.root().join("stubs"));
    let seen = run(
        case.root(),
        "bash",
        &driver("bash"),
        "MINGW64_NT-10.0-19045",
        Some(Path::new("")),
    );
    let env_text = env.to_str().unwrap().to_owned();
    assert_eq!(seen[0], env_text);
    assert_eq!(seen[1], format!("{env_text}/Scripts"));
    assert!(Path::new(&seen[1]).join("python.exe").is_file());
    assert_eq!(seen[2], "(it's $(touch PWNED1)) $ ");
    assert_eq!(seen[4..], ["same", "$ ", "unset", "unset"]);
    case.assert_nothing_ran("venvsh.exe's activate in bash");
}
