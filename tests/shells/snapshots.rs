//! insta snapshots of everything venvsh generates, for one environment, in every shell:
//! `venvsh activate ENV --shell X`, `venvsh deactivate --shell X` in the session that
//! activation made, `venvsh hook X` with and without `--no-auto`, and every `bin/`
//! script. The snapshots are in `tests/shells/snapshots/`; a change fails the trial
//! (`cargo insta review`, or INSTA_UPDATE=always, accepts a reviewed one).
//!
//! Paths are normalised: the scratch directory is dropped, so the environment reads
//! `/home/user/my env` (in VENVSH_STATE's hex too), and venvsh is `/usr/local/bin/venvsh`.

use std::collections::BTreeSet;
use std::path::Path;

use crate::common::harness::{Trial, plain_trial};
use crate::common::{Case, hex, make_env, run, text, venvsh, venvsh_stdout};
use crate::matrix::bin_scripts;

/// Every `--shell` venvsh accepts, as it names them ([`every_shell_has_snapshots`]
/// checks the list against venvsh's own); Clink has only a hook.
const SHELLS: &[&str] = &[
    "bash",
    "zsh",
    "sh",
    "fish",
    "tcsh",
    "powershell",
    "nu",
    "cmd",
    "clink",
    "xonsh",
];

const HOOK_ONLY: &[&str] = &["clink"];

/// The `bin/` scripts `venvsh create` writes.
const BIN_SCRIPTS: &[&str] = &[
    "activate",
    "activate.fish",
    "activate.csh",
    "Activate.ps1",
    "activate.nu",
    "activate.bat",
    "deactivate.bat",
];

const SNAPSHOT_EXE: &str = "/usr/local/bin/venvsh";

/// What activation needs: a scratch directory holding `home/user/my env`.
struct Fixture {
    case: Case,
    env: std::path::PathBuf,
}

impl Fixture {
    fn new() -> Self {
        let case = Case::new();
        let env = make_env(&case.root().join("home/user"), "my env", None);
        Fixture { case, env }
    }

    fn venvsh(&self, args: &[&str], vars: &[(&str, &str)]) -> String {
        normalize(
            &venvsh_stdout(args, self.case.root(), vars),
            self.case.root(),
        )
    }

    /// The session activation leaves: its `set` variables (PYTHONHOME is unset by it).
    fn active_session(&self) -> Vec<(String, String)> {
        let json = venvsh_stdout(
            &["activate", self.env.to_str().unwrap(), "--json"],
            self.case.root(),
            &SESSION,
        );
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        value["set"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
            .collect()
    }
}

/// The session activation runs in: PYTHONHOME set, so that it is saved and restored.
const SESSION: [(&str, &str); 1] = [("PYTHONHOME", "/original/home")];

/// `vars`, and for cmd, whose PATH venvsh writes whole from the one it inherits (issue
/// 12), a Windows PATH rather than the test's.
fn session_for<'a>(
    shell: &str,
    mut vars: Vec<(&'a str, &'a str)>,
    path: &'a str,
) -> Vec<(&'a str, &'a str)> {
    if shell == "cmd" {
        vars.push(("PATH", path));
    }
    vars
}

/// `code` with the scratch directory dropped (in VENVSH_STATE's hex too) and the venvsh
/// path and directory fixed.
fn normalize(code: &str, scratch: &Path) -> String {
    let scratch = scratch.to_str().unwrap();
    let exe = venvsh();
    let bin_dir = exe.parent().unwrap().to_str().unwrap();
    // csh's PATH is computed in venvsh, from the test's PATH, which starts at venvsh's
    // directory: the checkout's, different in every clone.
    let out = code
        .replace(exe.to_str().unwrap(), SNAPSHOT_EXE)
        .replace(bin_dir, "[VENVSH_DIR]")
        .replace(scratch, "")
        .replace(&hex(scratch), "");
    assert!(
        !out.contains(scratch) && !out.contains(&hex(scratch)),
        "scratch path left in {out}"
    );
    out
}

/// Compare `value` with the snapshot `name`, described by `command`.
fn assert_snapshot(name: &str, command: &str, value: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_description(command);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, value));
}

pub fn trials() -> Vec<Trial> {
    let mut trials = vec![plain_trial(
        "snapshot::every_shell_has_snapshots",
        every_shell_has_snapshots,
    )];
    for &shell in SHELLS {
        if !HOOK_ONLY.contains(&shell) {
            trials.push(plain_trial(format!("snapshot::activate::{shell}"), move || {
                let f = Fixture::new();
                let code = f.venvsh(
                    &["activate", f.env.to_str().unwrap(), "--shell", shell],
                    &session_for(shell, SESSION.to_vec(), "C:\\windows"),
                );
                assert_snapshot(
                    &format!("activate-{shell}"),
                    &format!("PYTHONHOME=/original/home venvsh activate '/home/user/my env' --shell {shell}"),
                    &code,
                );
            }));
            trials.push(plain_trial(
                format!("snapshot::deactivate::{shell}"),
                move || {
                    let f = Fixture::new();
                    let session = f.active_session();
                    let vars: Vec<(&str, &str)> = session
                        .iter()
                        .map(|(k, v)| (k.as_str(), v.as_str()))
                        .collect();
                    let active_path = format!("{}/bin;C:\\windows", f.env.to_str().unwrap());
                    let vars = session_for(shell, vars, &active_path);
                    let code = f.venvsh(&["deactivate", "--shell", shell], &vars);
                    assert_snapshot(
                        &format!("deactivate-{shell}"),
                        &format!(
                            "venvsh deactivate --shell {shell}, in the session activation made"
                        ),
                        &code,
                    );
                },
            ));
        }
        for (suffix, extra) in [("", None), ("-no-auto", Some("--no-auto"))] {
            trials.push(plain_trial(
                format!("snapshot::hook{suffix}::{shell}"),
                move || {
                    let f = Fixture::new();
                    let mut args = vec!["hook", shell];
                    args.extend(extra);
                    let code = f.venvsh(&args, &[]);
                    assert_snapshot(
                        &format!("hook{suffix}-{shell}"),
                        &format!("venvsh {}", args.join(" ")),
                        &code,
                    );
                },
            ));
        }
    }
    trials.push(plain_trial("snapshot::bin_scripts", || {
        let f = Fixture::new();
        let scripts = bin_scripts(&f.env);
        assert!(scripts.omitted.is_empty(), "{:?}", scripts.omitted);
        let written: Vec<&str> = scripts.written.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(written, BIN_SCRIPTS);
        for (file, code) in &scripts.written {
            assert_snapshot(
                &format!("bin-{file}"),
                &format!("bin/{file} of /home/user/my env"),
                &normalize(code, f.case.root()),
            );
        }
    }));
    trials
}

/// The snapshots cover every shell venvsh accepts: the choices it lists for an
/// unknown `--shell`.
fn every_shell_has_snapshots() {
    let case = Case::new();
    let output = run(
        venvsh().to_str().unwrap(),
        &["hook", "no-such-shell"],
        case.root(),
        &[],
        None,
    );
    let stderr = text(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    let listed = stderr
        .split("[possible values: ")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap_or_else(|| panic!("no list of shells in {stderr}"));
    let venvsh_shells: BTreeSet<&str> = listed.split(", ").collect();
    let ours: BTreeSet<&str> = SHELLS.iter().copied().collect();
    assert_eq!(venvsh_shells, ours, "snapshot every shell venvsh accepts");
}
