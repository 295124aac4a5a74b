//! The situations activation scripts have broken in before (activation.md §3), each a
//! trial in the real shell; the scripts check themselves and print `FAIL …` on any
//! mismatch. Then the one-off checks of the `bin/` scripts.

use std::fs;

use crate::common::harness::{Trial, located, trial};
use crate::common::{Case, SYSTEM_PATH, make_env, run, text, venvsh};
use crate::matrix::bin_scripts;

const CHECK_SH: &str = r#"check() { if [ "$2" != "$3" ]; then printf 'FAIL %s: got [%s] want [%s]\n' "$1" "$2" "$3"; fi; }
"#;

/// Run `script` in `program` with two environments, A and B, and expect it to finish clean.
fn scenario(program: &str, args: &[&str], script: &str) {
    let case = Case::new();
    let a = make_env(case.root(), "A", None);
    let b = make_env(case.root(), "B", None);
    let exe = venvsh();
    let vars = [
        ("A", a.to_str().unwrap()),
        ("B", b.to_str().unwrap()),
        ("VENVSH", exe.to_str().unwrap()),
    ];
    let mut full_args = args.to_vec();
    full_args.push(script);
    let output = run(program, &full_args, case.root(), &vars, None);
    let stdout = text(&output.stdout);
    let stderr = text(&output.stderr);
    assert!(
        output.status.success(),
        "{program}: exit {:?}\n{stdout}\n{stderr}",
        output.status
    );
    assert!(
        !stdout.contains("FAIL") && stdout.contains("DONE"),
        "{program}:\n{stdout}\n{stderr}"
    );
}

fn bash(script: &str) {
    scenario(
        "bash",
        &["--noprofile", "--norc", "-c"],
        &format!("{CHECK_SH}{script}\necho DONE"),
    );
}

/// A bash scenario as a trial.
fn bash_trial(name: &str, script: &'static str) -> Trial {
    trial(format!("scenario::{name}"), &["bash"], move || bash(script))
}

pub fn trials() -> Vec<Trial> {
    let mut trials = vec![
        // virtualenv #2717: `hash -r` fails under `set +h`, and `set -e` would end the shell.
        bash_trial(
            "set_e_with_hashing_off_survives_activate_and_deactivate",
            r#"set -eu; set +h
eval "$(venvsh activate "$A" --shell bash)"
check status "$?" 0
deactivate
check unset "${VIRTUAL_ENV-none}" none"#,
        ),
        bash_trial(
            "an_empty_path_comes_back_empty",
            r#"v=$VENVSH; PATH=
eval "$("$v" activate "$A" --shell bash)"
check active "$PATH" "$A/bin"
deactivate
check restored "$PATH" """#,
        ),
        bash_trial(
            "path_edits_made_while_active_survive_deactivate",
            r#"before=$PATH
eval "$(venvsh activate "$A" --shell bash)"
PATH=/added/front:$PATH:/added/back
deactivate
check path "$PATH" "/added/front:$before:/added/back""#,
        ),
        bash_trial(
            "switching_a_then_b_then_deactivating_restores_the_start",
            r#"before=$PATH; PS1='> '
eval "$(venvsh activate "$A" --shell bash)"
eval "$(venvsh activate "$B" --shell bash)"
check ve "$VIRTUAL_ENV" "$B"
check path "$PATH" "$B/bin:$before"
check prompt "${PS1@P}" "(B) > "
deactivate
check path "$PATH" "$before"
check ps1 "$PS1" "> "
check ve "${VIRTUAL_ENV-none}" none"#,
        ),
        bash_trial(
            "activating_the_same_environment_twice_adds_one_path_entry",
            r#"before=$PATH; PS1='> '
eval "$(venvsh activate "$A" --shell bash)"
eval "$(venvsh activate "$A" --shell bash)"
check path "$PATH" "$A/bin:$before"
check prompt "${PS1@P}" "(A) > "
deactivate
check path "$PATH" "$before""#,
        ),
        bash_trial(
            "disable_prompt_follows_one_rule",
            r#"PS1='> '
for value in 1 yes true; do
  VIRTUAL_ENV_DISABLE_PROMPT=$value; export VIRTUAL_ENV_DISABLE_PROMPT
  eval "$(venvsh activate "$A" --shell bash)"; check "disabled by $value" "$PS1" "> "; deactivate
done
for value in '' 0 false; do
  VIRTUAL_ENV_DISABLE_PROMPT=$value; export VIRTUAL_ENV_DISABLE_PROMPT
  eval "$(venvsh activate "$A" --shell bash)"; check "enabled by [$value]" "${PS1@P}" "(A) > "; deactivate
done"#,
        ),
        bash_trial(
            "ps1_is_not_exported_and_an_unset_ps1_comes_back_unset",
            r#"unset PS1
eval "$(venvsh activate "$A" --shell bash)"
check exported "$(env | grep -c '^PS1=' || true)" 0
deactivate
check unset "${PS1-unset}" unset"#,
        ),
        bash_trial(
            "a_child_shell_with_the_hook_shows_the_inherited_prompt",
            r#"eval "$(venvsh activate "$A" --shell bash)"
out=$(bash --norc -c 'PS1="> "; eval "$(venvsh hook bash)"; printf "%s" "${PS1@P}"')
check prompt "$out" "(A) > ""#,
        ),
    ];
    // The function does not survive into a child shell; the hook and VENVSH_STATE do.
    for (program, child, flag) in [
        ("bash", "bash --norc -c", "bash"),
        ("zsh", "zsh -f -c", "zsh"),
        ("dash", "dash -c", "sh"),
    ] {
        trials.push(trial(
            format!("scenario::deactivate_works_in_child_shells_that_load_the_hook::{program}"),
            &["bash", program],
            move || {
                bash(&format!(
                    r#"before=$PATH
eval "$(venvsh activate "$A" --shell bash)"
{child} 'eval "$(venvsh hook {flag})"; deactivate; printf "%s\n%s\n" "$PATH" "${{VIRTUAL_ENV-none}}"' > child.out
check child-path "$(sed -n 1p child.out)" "$before"
check child-ve "$(sed -n 2p child.out)" none
check parent "$VIRTUAL_ENV" "$A""#
                ))
            },
        ));
    }
    trials.push(trial(
        "scenario::fish_deactivates_in_a_child_and_keeps_an_empty_path",
        &["fish"],
        || {
            let script = r#"function check; if test "$argv[2]" != "$argv[3]"; printf 'FAIL %s: got [%s] want [%s]\n' $argv; end; end
set -l before (string join : $PATH)
venvsh activate $A --shell fish | source
fish --no-config -c 'venvsh hook fish | source; deactivate; string join : $PATH' > child.out
check child (cat child.out) $before
set -l v $VENVSH
set -gx PATH
$v activate $B --shell fish | source
check active (string join : $PATH) $B/bin
deactivate
check empty (count $PATH) 0
echo DONE"#;
            scenario("fish", &["--no-config", "-c"], script);
        },
    ));
    trials.push(trial(
        "scenario::tcsh_two_line_prompt_and_non_interactive_shells",
        &["tcsh"],
        || {
            let script = r#"set prompt = "line one\
line two> "
set before = "$prompt:q"
eval "`venvsh activate $A:q --shell tcsh`"
if ( "$prompt:q" != "(A) $before:q" ) echo "FAIL two-line prompt while active"
deactivate
if ( "$prompt:q" != "$before:q" ) echo "FAIL two-line prompt after deactivate"
unset prompt
eval "`venvsh activate $A:q --shell tcsh`"
if ( $?prompt ) echo "FAIL a non-interactive shell got a prompt"
if ( "$VIRTUAL_ENV:q" != "$A:q" ) echo "FAIL VIRTUAL_ENV"
deactivate
if ( $?VIRTUAL_ENV ) echo "FAIL still active"
echo DONE"#;
            scenario("tcsh", &["-f", "-c"], script);
        },
    ));
    trials.extend([
        trial("scenario::bin::ksh_parses_bin_activate", &["ksh"], ksh),
        trial(
            "scenario::bin::disable_prompt_is_honoured_when_sourced",
            &["bash"],
            disable_prompt_when_sourced,
        ),
        trial(
            "scenario::bin::switching_environments_keeps_one_entry",
            &["bash"],
            switching_bin_scripts,
        ),
        trial(
            "scenario::bin::venvsh_create_then_source_bin_activate_in_bash",
            &["bash", "python3"],
            create_then_source,
        ),
    ]);
    trials
}

/// Write every `bin/` script of the environment at `env`.
fn write_bin_scripts(env: &std::path::Path) {
    for (name, text) in bin_scripts(env).written {
        fs::write(env.join("bin").join(name), text).unwrap();
    }
}

/// `run` with no venvsh on PATH: the `bin/` scripts must not need it.
fn run_plain(
    program: &str,
    args: &[&str],
    case: &Case,
    vars: &[(&str, &str)],
) -> std::process::Output {
    let mut all = vec![("PATH", SYSTEM_PATH)];
    all.extend_from_slice(vars);
    run(program, args, case.root(), &all, None)
}

fn ksh() {
    let case = Case::new();
    let env = make_env(case.root(), "x'$(touch PWNED)", Some("p%n$(touch PWNED)"));
    write_bin_scripts(&env);
    let script = r#"PS1='> '; . "$VENVSH_TEST_ENV/bin/activate"; printf '%s|%s|' "$VIRTUAL_ENV" "$PS1"; deactivate; printf '%s' "$PS1""#;
    let output = run_plain(
        "ksh",
        &["-c", script],
        &case,
        &[("VENVSH_TEST_ENV", env.to_str().unwrap())],
    );
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        text(&output.stdout),
        format!("{}|(${{__venvsh_prompt-}}) > |> ", env.display())
    );
    case.assert_nothing_ran("ksh");
}

/// VIRTUAL_ENV_DISABLE_PROMPT is read when the script runs, with the one truth table.
fn disable_prompt_when_sourced() {
    let case = Case::new();
    let env = make_env(case.root(), "e", None);
    write_bin_scripts(&env);
    for (value, shown) in [
        (None, true),
        (Some(""), true),
        (Some("0"), true),
        (Some("False"), true),
        (Some("1"), false),
    ] {
        let set = value.map(|v| format!("export VIRTUAL_ENV_DISABLE_PROMPT='{v}'; "));
        let script = format!(
            r#"{}PS1='> '; . "$VENVSH_TEST_ENV/bin/activate"; printf '%s' "${{PS1@P}}""#,
            set.unwrap_or_default()
        );
        let output = run_plain(
            "bash",
            &["--norc", "-c", &script],
            &case,
            &[("VENVSH_TEST_ENV", env.to_str().unwrap())],
        );
        let expected = if shown { "(e) > " } else { "> " };
        assert_eq!(text(&output.stdout), expected, "{value:?}");
    }
}

/// Switching from one environment's script to another's leaves only the second on PATH,
/// and `deactivate` then restores the original PATH.
fn switching_bin_scripts() {
    let case = Case::new();
    for name in ["a", "b"] {
        write_bin_scripts(&make_env(case.root(), name, None));
    }
    let script = r#"before=$PATH
. a/bin/activate
. b/bin/activate
printf '%s\n' "$PATH" "$VIRTUAL_ENV"
deactivate
printf '%s\n' "$PATH""#;
    let output = run_plain("bash", &["--norc", "-c", script], &case, &[]);
    let root = case.root().display();
    assert_eq!(
        text(&output.stdout),
        format!("{root}/b/bin:{SYSTEM_PATH}\n{root}/b\n{SYSTEM_PATH}\n")
    );
}

/// `venvsh create` into a hostile directory, then `. bin/activate` in bash with no venvsh
/// on PATH: the environment's python is the one found, and nothing in the name ran.
fn create_then_source() {
    let case = Case::new();
    let name = "it's $(touch PWNED) `touch PWNED2` ü";
    let python3 = located("python3");
    let output = std::process::Command::new(venvsh())
        .args(["create", "--without-pip", "-p", &python3, "--", name])
        .current_dir(case.root())
        .env("XDG_CACHE_HOME", case.root().join("cache"))
        .output()
        .unwrap();
    let stderr = text(&output.stderr);
    assert!(output.status.success(), "venvsh create: {stderr}");
    // cmd.exe cannot carry the non-ASCII name: both .bat files are left out, with a warning.
    assert!(
        stderr.contains("warning: bin/activate.bat not written")
            && stderr.contains("warning: bin/deactivate.bat not written"),
        "{stderr}"
    );
    let env = case.root().join(name);
    for file in [
        "activate",
        "activate.fish",
        "activate.csh",
        "Activate.ps1",
        "activate.nu",
    ] {
        assert!(env.join("bin").join(file).is_file(), "bin/{file} missing");
    }
    assert!(!env.join("bin/activate.bat").exists());
    let script = r#"PS1='> '
. "$VENVSH_TEST_ENV/bin/activate"
printf '%s\n' "$VIRTUAL_ENV" "${PS1@P}"
python -c 'import sys; print(sys.prefix)'
deactivate
printf '%s\n' "$PATH""#;
    let output = run_plain(
        "bash",
        &["--norc", "-eu", "-c", script],
        &case,
        &[("VENVSH_TEST_ENV", env.to_str().unwrap())],
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let env = env.to_str().unwrap();
    assert_eq!(
        text(&output.stdout),
        format!("{env}\n({name}) > \n{env}\n{SYSTEM_PATH}\n")
    );
    case.assert_nothing_ran("venvsh create + bin/activate");
}
