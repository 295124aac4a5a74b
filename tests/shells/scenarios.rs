//! The situations activation scripts have broken in before (activation.md §3), each run
//! in the real shell; the scripts check themselves and print `FAIL …` on any mismatch.

use crate::support::*;

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
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
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
    if require("bash") {
        scenario(
            "bash",
            &["--noprofile", "--norc", "-c"],
            &format!("{CHECK_SH}{script}\necho DONE"),
        );
    }
}

#[test]
fn set_e_with_hashing_off_survives_activate_and_deactivate() {
    // virtualenv #2717: `hash -r` fails under `set +h`, and `set -e` would end the shell.
    bash(
        r#"set -eu; set +h
eval "$(venvsh activate "$A" --shell bash)"
check status "$?" 0
deactivate
check unset "${VIRTUAL_ENV-none}" none"#,
    );
}

#[test]
fn an_empty_path_comes_back_empty() {
    bash(
        r#"v=$VENVSH; PATH=
eval "$("$v" activate "$A" --shell bash)"
check active "$PATH" "$A/bin"
deactivate
check restored "$PATH" """#,
    );
}

#[test]
fn path_edits_made_while_active_survive_deactivate() {
    bash(
        r#"before=$PATH
eval "$(venvsh activate "$A" --shell bash)"
PATH=/added/front:$PATH:/added/back
deactivate
check path "$PATH" "/added/front:$before:/added/back""#,
    );
}

#[test]
fn switching_a_then_b_then_deactivating_restores_the_start() {
    bash(
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
    );
}

#[test]
fn activating_the_same_environment_twice_adds_one_path_entry() {
    bash(
        r#"before=$PATH; PS1='> '
eval "$(venvsh activate "$A" --shell bash)"
eval "$(venvsh activate "$A" --shell bash)"
check path "$PATH" "$A/bin:$before"
check prompt "${PS1@P}" "(A) > "
deactivate
check path "$PATH" "$before""#,
    );
}

#[test]
fn disable_prompt_follows_one_rule() {
    bash(
        r#"PS1='> '
for value in 1 yes true; do
  VIRTUAL_ENV_DISABLE_PROMPT=$value; export VIRTUAL_ENV_DISABLE_PROMPT
  eval "$(venvsh activate "$A" --shell bash)"; check "disabled by $value" "$PS1" "> "; deactivate
done
for value in '' 0 false; do
  VIRTUAL_ENV_DISABLE_PROMPT=$value; export VIRTUAL_ENV_DISABLE_PROMPT
  eval "$(venvsh activate "$A" --shell bash)"; check "enabled by [$value]" "${PS1@P}" "(A) > "; deactivate
done"#,
    );
}

#[test]
fn ps1_is_not_exported_and_an_unset_ps1_comes_back_unset() {
    bash(
        r#"unset PS1
eval "$(venvsh activate "$A" --shell bash)"
check exported "$(env | grep -c '^PS1=' || true)" 0
deactivate
check unset "${PS1-unset}" unset"#,
    );
}

#[test]
fn deactivate_works_in_child_shells_that_load_the_hook() {
    // The function does not survive into a child shell; the hook and VENVSH_STATE do.
    for child in ["bash --norc -c", "zsh -f -c", "dash -c"] {
        let program = child.split(' ').next().unwrap();
        if !require(program) {
            continue;
        }
        let flavor = if program == "dash" { "sh" } else { program };
        bash(&format!(
            r#"before=$PATH
eval "$(venvsh activate "$A" --shell bash)"
{child} 'eval "$(venvsh hook {flavor})"; deactivate; printf "%s\n%s\n" "$PATH" "${{VIRTUAL_ENV-none}}"' > child.out
check child-path "$(sed -n 1p child.out)" "$before"
check child-ve "$(sed -n 2p child.out)" none
check parent "$VIRTUAL_ENV" "$A""#
        ));
    }
}

#[test]
fn a_child_shell_with_the_hook_shows_the_inherited_prompt() {
    bash(
        r#"eval "$(venvsh activate "$A" --shell bash)"
out=$(bash --norc -c 'PS1="> "; eval "$(venvsh hook bash)"; printf "%s" "${PS1@P}"')
check prompt "$out" "(A) > ""#,
    );
}

#[test]
fn fish_deactivates_in_a_child_and_keeps_an_empty_path() {
    if !require("fish") {
        return;
    }
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
}

#[test]
fn tcsh_two_line_prompt_and_non_interactive_shells() {
    if !require("tcsh") {
        return;
    }
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
}
