//! Peers' own test suites, run against venvsh: virtualenv's activation tests
//! (tests/unit/activation of its sdist, pinned) judge the `bin/` scripts `venvsh create`
//! writes. CPython's test_venv runs against `venvsh create` in create.rs.
//!
//! tests/virtualenv_activation/setup.sh fetches virtualenv's sdist and pytest from PyPI
//! (once, into the target directory; `bash tests/run.sh` runs it first), run.sh runs the
//! suite with venvsh_plugin.py, whose report this checks: nothing failed, every test that
//! passed used an environment venvsh made, every skip has a reason this machine explains,
//! and each shell ran at least as many tests as it does here. Every test left out is
//! printed with its reason (venvsh_plugin.py's EXCLUDED says why each one is).

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

use common::harness::{Trial, trial_with_pythons};
use common::text;

fn main() -> ExitCode {
    let trials: Vec<Trial> = vec![trial_with_pythons(
        "virtualenvs_activation_tests_pass_against_venvsh_bin_scripts",
        // The shells virtualenv's tests run (dash and zsh through test_bash.py), setpriv
        // to run them as an ordinary user under root, and pyenv's 3.10 for the download.
        &[
            "python3", "bash", "zsh", "dash", "fish", "tcsh", "nu", "setpriv",
        ],
        &["3.10"],
        virtualenvs_activation_tests_pass_against_venvsh_bin_scripts,
    )];
    common::harness::run(trials, 1)
}

/// Skips virtualenv's own marks make, and why they are fine here: each names what this
/// machine lacks (a locale or a Windows shell), never venvsh.
const ACCEPTED_SKIPS: &[&str] = &[
    "is unavailable",      // zh_CN.gbk / zh_CN.gb18030 locales
    "locale is installed", // "no Big5-HKSCS locale is installed", "no gbk locale …"
    "Git Bash",            // Windows only
    "requires bsd-csh",    // BSD's csh, not packaged here (tcsh is csh here)
];

/// At least this many tests of each group pass here (the counts of the pinned suite on
/// this machine); fewer means tests stopped reaching venvsh's scripts.
const MINIMUM_PASSED: &[(&str, usize)] = &[
    ("test_bash.py", 36),
    ("test_fish.py", 14),
    ("test_csh.py", 60),
    ("test_nushell.py", 4),
    ("prompt matrix: bash", 604),
    ("prompt matrix: zsh", 252),
    ("prompt matrix: fish", 28),
    ("prompt matrix: cshell", 112),
    ("prompt matrix: nushell", 45),
];

fn group(test: &str) -> String {
    match test.strip_prefix("test_activator.py::test_activator_prompt_stays_data[") {
        Some(case) => format!(
            "prompt matrix: {}",
            case.split('-').next().unwrap_or_default()
        ),
        None => test.split("::").next().unwrap_or_default().to_owned(),
    }
}

fn virtualenvs_activation_tests_pass_against_venvsh_bin_scripts() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/virtualenv_activation");
    let setup_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("../virtualenv-activation");
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("virtualenv-activation");

    let setup = Command::new("bash")
        .arg(here.join("setup.sh"))
        .arg(&setup_dir)
        .stdin(Stdio::null())
        .output()
        .expect("bash runs setup.sh");
    assert!(
        setup.status.success(),
        "setup.sh failed:\n{}{}",
        text(&setup.stdout),
        text(&setup.stderr)
    );

    let out = Command::new("bash")
        .arg(here.join("run.sh"))
        .arg(&setup_dir)
        .arg(env!("CARGO_BIN_EXE_venvsh"))
        .arg(&work)
        .env_remove("VIRTUAL_ENV")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONHOME")
        .stdin(Stdio::null())
        .output()
        .expect("bash runs run.sh");
    let pytest = format!("{}{}", text(&out.stdout), text(&out.stderr));
    let report = std::fs::read_to_string(work.join("report.json"))
        .unwrap_or_else(|e| panic!("no report ({e}); pytest said:\n{pytest}"));
    let report: serde_json::Value = serde_json::from_str(&report).expect("the report is JSON");
    let tests = report["tests"].as_array().expect("tests");
    let field = |t: &serde_json::Value, name: &str| t[name].as_str().unwrap_or_default().to_owned();

    let failed: Vec<String> = tests
        .iter()
        .filter(|t| field(t, "outcome") == "failed")
        .map(|t| format!("{}\n{}", field(t, "test"), field(t, "reason")))
        .collect();
    assert!(
        failed.is_empty(),
        "{} of virtualenv's tests failed on venvsh's scripts:\n\n{}",
        failed.len(),
        failed.join("\n\n")
    );
    assert!(out.status.success(), "pytest failed:\n{pytest}");

    let mut passed: BTreeMap<String, usize> = BTreeMap::new();
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    for t in tests {
        let name = field(t, "test");
        match field(t, "outcome").as_str() {
            "passed" => {
                // A pass that never reached an environment venvsh made judges nothing.
                assert!(
                    t["venvsh"].as_bool() == Some(true),
                    "{name} passed without a venvsh environment"
                );
                *passed.entry(group(&name)).or_default() += 1;
            }
            "skipped" => {
                let reason = field(t, "reason");
                assert!(
                    ACCEPTED_SKIPS.iter().any(|why| reason.contains(why)),
                    "{name} was skipped: {reason}"
                );
                *skipped.entry(group(&name)).or_default() += 1;
            }
            other => panic!("{name}: outcome {other}"),
        }
    }
    for (name, minimum) in MINIMUM_PASSED {
        let got = passed.get(*name).copied().unwrap_or(0);
        assert!(
            got >= *minimum,
            "{name}: {got} passed, fewer than the {minimum} that pass here"
        );
    }

    let mut excluded: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for e in report["excluded"].as_array().expect("excluded") {
        excluded
            .entry(field(e, "reason"))
            .or_default()
            .push(field(e, "test"));
    }
    eprintln!("virtualenv's activation tests on venvsh's scripts (passed / skipped):");
    for (name, count) in &passed {
        eprintln!(
            "  {name}: {count} / {}",
            skipped.get(name).copied().unwrap_or(0)
        );
    }
    eprintln!(
        "  venvsh made {} environments",
        report["made"].as_u64().unwrap_or(0)
    );
    eprintln!("left out:");
    for (reason, names) in &excluded {
        eprintln!("  {} × {reason}", names.len());
    }
}
