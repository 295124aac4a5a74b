//! Lints of the probe files: shellcheck for sh, fish_indent for fish, nu-check for
//! nushell; and every probe file belongs to a shell of the matrix.

use std::collections::BTreeSet;
use std::fs;
use std::process::Command;

use crate::common::harness::{Trial, located, plain_trial, trial};
use crate::common::{repo, text};
use crate::matrix::MATRIX;
use crate::probes::probe_path;

/// The probe files with extension `ext`.
fn probes(ext: &str) -> Vec<String> {
    let dir = repo().join("tests/shells/probes");
    let mut files: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .map(|p| p.to_str().unwrap().to_owned())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .{ext} probe in {}", dir.display());
    files
}

#[track_caller]
fn assert_clean(program: &str, args: &[&str], files: &[String]) {
    let output = Command::new(located(program))
        .args(args)
        .args(files)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{program} {args:?} {files:?}:\n{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
}

pub fn trials() -> Vec<Trial> {
    vec![
        trial("lint::probes::shellcheck", &["shellcheck"], || {
            assert_clean("shellcheck", &[], &probes("sh"));
        }),
        trial("lint::probes::fish_indent", &["fish_indent"], || {
            assert_clean("fish_indent", &["--check"], &probes("fish"));
        }),
        trial("lint::probes::nu_check", &["nu"], || {
            for file in probes("nu") {
                let output = Command::new(located("nu"))
                    .args(["--no-config-file", "-c", "nu-check --debug $env.PROBE"])
                    .env("PROBE", &file)
                    .output()
                    .unwrap();
                assert!(
                    output.status.success() && text(&output.stdout).trim() == "true",
                    "nu-check {file}:\n{}{}",
                    text(&output.stdout),
                    text(&output.stderr)
                );
            }
        }),
        plain_trial("lint::probes::each_belongs_to_a_shell", || {
            let used: BTreeSet<String> = MATRIX
                .iter()
                .map(|row| {
                    let path = probe_path(row.shell);
                    assert!(path.is_file(), "{} is missing", path.display());
                    path.file_name().unwrap().to_str().unwrap().to_owned()
                })
                .collect();
            let present: BTreeSet<String> = fs::read_dir(repo().join("tests/shells/probes"))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_str().unwrap().to_owned())
                .collect();
            assert_eq!(present, used, "probe files no shell of the matrix runs");
        }),
    ]
}
