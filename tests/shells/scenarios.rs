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

/// xonsh scripts check with `check`, and see PATH as commands get it and the prompt as
/// xonsh formats its `{env_name}` field.
const CHECK_XSH: &str = r#"$XONSH_SUBPROC_RAISE_ERROR = False
def check(what, got, want):
    if got != want:
        print(f'FAIL {what}: got [{got!r}] want [{want!r}]')
def path():
    return __xonsh__.env.detype().get('PATH', '<unset>')
def shown():
    $PROMPT_FIELDS.reset()
    return __xonsh__.shell.prompt_formatter('{env_name}> ')
"#;

/// A xonsh scenario as a trial.
fn xonsh_trial(name: &str, script: &'static str) -> Trial {
    trial(format!("scenario::xonsh::{name}"), &["xonsh"], move || {
        scenario(
            "xonsh",
            &["--no-rc", "-c"],
            &format!("{CHECK_XSH}{script}\nprint('DONE')"),
        );
    })
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
    trials.extend(xonsh_trials());
    trials.extend([
        trial("scenario::bin::ksh_parses_bin_activate", &["ksh"], ksh),
        trial(
            "scenario::bin::tcsh_activate_csh_under_the_users_histchars_and_backslash_quote",
            &["tcsh"],
            tcsh_quoting_settings,
        ),
        trial(
            "scenario::bin::tcsh_deactivate_restores_any_path_even_one_without_printenv",
            &["tcsh"],
            tcsh_deactivate_restores_any_path,
        ),
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
        trial(
            "scenario::bin::nu_deactivate_keeps_the_directory_and_source_is_refused",
            &["nu"],
            nu_overlay,
        ),
    ]);
    trials.push(trial(
        "scenario::doctor::sh_has_no_prompt_hook_which_is_not_no_auto",
        &["dash"],
        doctor_in_sh,
    ));
    trials.push(trial(
        "scenario::doctor::names_what_is_wrong_with_the_venv_here",
        &[],
        doctor_names_a_broken_venv,
    ));
    for shadow in SHADOWS {
        trials.push(trial(
            format!(
                "scenario::user_functions_and_aliases_named_like_builtins::{}",
                shadow.name
            ),
            &[shadow.program],
            move || shadowed(shadow),
        ));
    }
    for (program, args, load) in [
        (
            "bash",
            &["--norc", "-c"][..],
            "eval \"$(venvsh hook bash)\"",
        ),
        ("zsh", &["-f", "-c"], "eval \"$(venvsh hook zsh)\""),
        ("fish", &["--no-config", "-c"], "venvsh hook fish | source"),
        ("tcsh", &["-f", "-c"], "eval \"`venvsh hook tcsh`\""),
        ("nu", &["--no-config-file", "-c"], "source venvsh.nu"),
    ] {
        trials.push(trial(
            format!("scenario::the_hook_exports_nothing_of_its_own::{program}"),
            &[program],
            move || exports_nothing_private(program, args, load),
        ));
    }
    trials
}

fn xonsh_trials() -> Vec<Trial> {
    vec![
        xonsh_trial(
            "an_empty_path_comes_back_empty",
            r#"$PATH = []
execx($(@($VENVSH) activate $A --shell xonsh))
check('active', path(), $A + '/bin')
deactivate
check('restored', path(), '')"#,
        ),
        xonsh_trial(
            "path_edits_made_while_active_survive_deactivate",
            r#"before = path()
execx($(venvsh hook xonsh))
venvsh activate $A
$PATH.insert(0, '/added/front')
$PATH.append('/added/back')
deactivate
check('path', path(), '/added/front:' + before + ':/added/back')"#,
        ),
        xonsh_trial(
            "switching_a_then_b_then_deactivating_restores_the_start",
            r#"before = path()
execx($(venvsh hook xonsh))
venvsh activate $A
venvsh activate $B
check('ve', $VIRTUAL_ENV, $B)
check('path', path(), $B + '/bin:' + before)
check('prompt', shown(), '(B) > ')
venvsh activate $B
check('once', path(), $B + '/bin:' + before)
deactivate
check('restored', path(), before)
check('ve', 'VIRTUAL_ENV' in ${...}, False)"#,
        ),
        // xonsh's own rule: any value but the empty one hides the name, `0` too (the
        // other shells show it for `0` and `false`); venvsh leaves the prompt to xonsh.
        xonsh_trial(
            "disable_prompt_is_xonsh_s_own",
            r#"execx($(venvsh hook xonsh))
for value, want in [(None, '(A) > '), ('', '(A) > '), ('1', '> '), ('0', '> ')]:
    if value is None:
        ${...}.pop('VIRTUAL_ENV_DISABLE_PROMPT', None)
    else:
        $VIRTUAL_ENV_DISABLE_PROMPT = value
    venvsh activate $A
    check(f'disabled by {value!r}', shown(), want)
    deactivate"#,
        ),
        // The name is the field's value: nothing in it is formatted again.
        xonsh_trial(
            "a_name_with_prompt_fields_is_shown_as_it_is",
            r#"execx($(venvsh hook xonsh))
venvsh activate $A --prompt '{user}{cwd}{env_name}'
check('prompt', shown(), '{user}{cwd}{env_name}> ')
deactivate"#,
        ),
        xonsh_trial(
            "doctor_reports_the_hook",
            r#"check('bare', 'add this line to ~/.xonshrc: execx($(venvsh hook xonsh))' in $(@($VENVSH) doctor --shell xonsh), True)
execx($(venvsh hook xonsh))
report = $(venvsh doctor)
check('shell', 'shell: xonsh' in report, True)
check('hook', 'hook: loaded and in place' in report, True)
for h in [h for h in events.on_pre_prompt if getattr(h, '__venvsh_hook__', False)]:
    events.on_pre_prompt.discard(h)
check('removed', "hook: loaded, but venvsh's handler is no longer" in $(venvsh doctor), True)
execx($(venvsh hook xonsh --no-auto))
check('no-auto', 'hook: loaded without auto-activation' in $(venvsh doctor), True)"#,
        ),
        trial(
            "scenario::xonsh::a_child_xonsh_with_the_hook_shows_the_prompt_and_deactivates",
            &["bash", "xonsh"],
            || {
                bash(
                    r#"before=$PATH
eval "$(venvsh activate "$A" --shell bash)"
xonsh --no-rc -c '
execx($(venvsh hook xonsh))
$PROMPT_FIELDS.reset()
print(__xonsh__.shell.prompt_formatter("{env_name}> "))
deactivate
print(__xonsh__.env.detype().get("PATH"))
print(__xonsh__.env.detype().get("VIRTUAL_ENV", "none"))
' > child.out
check child-prompt "$(sed -n 1p child.out)" "(A) > "
check child-path "$(sed -n 2p child.out)" "$before"
check child-ve "$(sed -n 3p child.out)" none
check parent "$VIRTUAL_ENV" "$A""#,
                )
            },
        ),
        trial(
            "scenario::xonsh::the_venvsh_alias_passes_other_output_through",
            &["xonsh"],
            xonsh_passes_output_through,
        ),
    ]
}

/// In a folder named `$(touch INJECTED)`, through the hook's alias: `venvsh activate
/// --json`, `--help` and `-h` print what the bare binary prints and apply nothing; other
/// verbs keep their exit status, pipes and redirections, and their words reach venvsh
/// exactly, `$NAME` and `~` included (auto.rs checks that they keep the terminal).
fn xonsh_passes_output_through() {
    let case = Case::new();
    let project = case.root().join("$(touch INJECTED)`touch INJECTED2`");
    fs::create_dir(&project).unwrap();
    let env = make_env(&project, ".venv", Some("$(touch INJECTED3)"));
    let store = case.root().join("store");
    make_env(&store, "web", None);
    let script = r#"$XONSH_SUBPROC_RAISE_ERROR = False
import json, os
out = $OUT
def w(name, value):
    with open(os.path.join(out, name), 'w') as f:
        f.write(value)
execx($(venvsh hook xonsh))
w('json', $(venvsh activate --json))
w('help', $(venvsh activate --help))
w('h', $(venvsh activate -h))
w('dhelp', $(venvsh deactivate --help))
w('piped', $(venvsh activate --json | wc -l).strip())
venvsh activate --json > @(os.path.join(out, 'redirected'))
w('ve', ${...}.get('VIRTUAL_ENV', '<unset>'))
w('three', str(!(venvsh run web -- sh -c 'exit 3').returncode))
w('count', $(venvsh list | wc -l).strip())
w('list', $(venvsh list))
w('words', $(venvsh run web -- printf '%s|' @(['$HOME', '~', 'a=~', "it's"])))
w('run_ve', $(venvsh run web -- sh -c 'printf %s "$VIRTUAL_ENV"'))
w('argv_left', $(venvsh run web -- sh -c 'printf %s "${__VENVSH_ARGV-none}"'))
w('leftovers', ' '.join(sorted(name for name in globals() if 'venvsh' in name)))
"#;
    let file = case.root().join("script.xsh");
    fs::write(&file, script).unwrap();
    let output = run(
        &located("xonsh"),
        &["--no-rc", file.to_str().unwrap()],
        &project,
        &[
            ("OUT", case.out.to_str().unwrap()),
            ("VENVSH_HOME", store.to_str().unwrap()),
            (
                "VENVSH_DATA_DIR",
                case.root().join("data").to_str().unwrap(),
            ),
        ],
        None,
    );
    let context = format!("xonsh: {}", text(&output.stderr));
    assert!(output.status.success(), "{context}");
    let json: serde_json::Value = serde_json::from_str(&case.get("json"))
        .unwrap_or_else(|e| panic!("{context}: --json printed no JSON ({e})"));
    assert_eq!(json["action"], "activate", "{context}");
    assert_eq!(json["env"], env.to_str().unwrap(), "{context}");
    assert_eq!(case.get("redirected"), case.get("json"), "{context}");
    let lines = case.get("json").lines().count();
    assert_eq!(
        case.get("piped"),
        lines.to_string(),
        "{context}: through a pipe"
    );
    for file in ["help", "h", "dhelp"] {
        assert!(case.get(file).contains("Usage:"), "{context}: {file}");
    }
    assert_eq!(case.get("ve"), "<unset>", "{context}: --json was applied");
    assert_eq!(case.get("three"), "3", "{context}: exit status");
    assert!(case.get("list").contains("web"), "{context}: venvsh list");
    assert_eq!(
        case.get("count"),
        case.get("list").lines().count().to_string(),
        "{context}: venvsh list | wc -l"
    );
    assert_eq!(case.get("words"), "$HOME|~|a=~|it's|", "{context}");
    assert_eq!(
        case.get("run_ve"),
        store.join("web").to_str().unwrap(),
        "{context}"
    );
    assert_eq!(case.get("argv_left"), "none", "{context}");
    assert_eq!(case.get("leftovers"), "", "{context}");
    case.assert_nothing_ran(&context);
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

/// doctor's statements are true: sh's hook was loaded without `--no-auto`, and it says
/// why nothing auto-activates (issue 11, item 6).
fn doctor_in_sh() {
    let case = Case::new();
    for (flag, says, never) in [
        ("", "sh has no prompt hook", "--no-auto"),
        (
            " --no-auto",
            "without auto-activation (--no-auto)",
            "no prompt hook",
        ),
    ] {
        let script = format!("eval \"$(venvsh hook sh{flag})\"; venvsh doctor");
        let output = run("dash", &["-c", &script], case.root(), &[], None);
        let stdout = text(&output.stdout);
        assert!(
            stdout.contains(says) && !stdout.contains(never),
            "hook sh{flag}:\n{stdout}"
        );
    }
}

/// A `.venv` that is there but does not name an environment is not "no .venv here".
fn doctor_names_a_broken_venv() {
    let case = Case::new();
    let file = case.root().join("file");
    fs::create_dir(&file).unwrap();
    fs::write(file.join(".venv"), "gone-env\n").unwrap();
    let dir = case.root().join("dir");
    fs::create_dir_all(dir.join(".venv")).unwrap();
    let store = case.root().join("store");
    fs::create_dir(&store).unwrap();
    let vars = [("VENVSH_HOME", store.to_str().unwrap())];
    let exe = venvsh();
    let output = run(
        exe.to_str().unwrap(),
        &["doctor", "--shell", "bash"],
        &file,
        &vars,
        None,
    );
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains(&format!(
            "here: {}/.venv names {}/gone-env, which is not a virtual environment",
            file.display(),
            file.display()
        )),
        "{stdout}"
    );
    assert!(!stdout.contains("no .venv"), "{stdout}");
    let output = run(
        exe.to_str().unwrap(),
        &["doctor", "--shell", "bash"],
        &dir,
        &vars,
        None,
    );
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains(&format!(
            "here: {}/.venv is not a virtual environment (no pyvenv.cfg)",
            dir.display()
        )),
        "{stdout}"
    );
}

/// A child process sees the activation (VIRTUAL_ENV, VIRTUAL_ENV_PROMPT, VENVSH_STATE)
/// and nothing the hook keeps for itself, which a child shell would misread (issue 11,
/// item 1).
fn exports_nothing_private(program: &str, args: &[&str], load: &str) {
    let case = Case::new();
    let a = make_env(case.root(), "A", None);
    // csh expands the aliases of a line before running any of it: one command a line.
    let hook = std::process::Command::new(venvsh())
        .args(["hook", "nu"])
        .output()
        .unwrap();
    fs::write(case.root().join("venvsh.nu"), hook.stdout).unwrap();
    let script = match program {
        "nu" => format!("{load}\nvenvsh activate $env.A\n^env | save env.out"),
        "fish" | "tcsh" => format!("{load}\nvenvsh activate $A\nenv > env.out"),
        _ => format!("{load}\nvenvsh activate \"$A\"\nenv > env.out"),
    };
    let mut full = args.to_vec();
    full.push(&script);
    let output = run(
        program,
        &full,
        case.root(),
        &[("A", a.to_str().unwrap())],
        None,
    );
    assert!(
        output.status.success(),
        "{program}: {}",
        text(&output.stderr)
    );
    let env = fs::read_to_string(case.root().join("env.out")).unwrap();
    assert!(
        env.contains("VENVSH_STATE="),
        "{program}: not active:\n{env}"
    );
    let private: Vec<&str> = env
        .lines()
        .filter(|l| {
            let name = l.split('=').next().unwrap_or_default().to_ascii_lowercase();
            name.starts_with("_venvsh") || name.starts_with("__venvsh") || name.starts_with("_old_")
        })
        .collect();
    assert!(private.is_empty(), "{program} exports {private:?}");
}

/// `overlay hide` (`deactivate`) keeps the directory the user is in (virtualenv #2745);
/// `source bin/activate.nu` stops with a message instead of activating for good.
fn nu_overlay() {
    let case = Case::new();
    let env = make_env(case.root(), "e", None);
    write_bin_scripts(&env);
    let elsewhere = case.root().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    let script = format!(
        "overlay use '{}/bin/activate.nu'; cd '{}'; deactivate; print $env.PWD; print ($env.VIRTUAL_ENV? | default none)",
        env.display(),
        elsewhere.display()
    );
    let output = run_plain("nu", &["--no-config-file", "-c", &script], &case, &[]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        format!("{}\nnone\n", elsewhere.display())
    );

    let script = format!(
        "source '{}/bin/activate.nu'; print ($env.VIRTUAL_ENV? | default none)",
        env.display()
    );
    let output = run_plain("nu", &["--no-config-file", "-c", &script], &case, &[]);
    assert!(
        !output.status.success(),
        "source activated: {}",
        text(&output.stdout)
    );
    assert!(text(&output.stdout).is_empty(), "{}", text(&output.stdout));
    assert!(
        text(&output.stderr).contains("is a module: activate with `overlay use bin/activate.nu`"),
        "{}",
        text(&output.stderr)
    );
}

/// A shell where the user defined functions or aliases named like the builtins venvsh's
/// code calls, before loading it (virtualenv #3185; issue 11, item 3).
struct Shadow {
    name: &'static str,
    program: &'static str,
    args: &'static [&'static str],
    /// Defines the shadows: each prints `SHADOW <name>` and does nothing else.
    define: &'static str,
    /// Sources `bin/`'s script ($E), records VIRTUAL_ENV and PATH, deactivates, records
    /// PATH; then loads the hook, activates $E through it, records, deactivates, records.
    /// Each record is one line on stdout, written without any shadowed name.
    body: &'static str,
}

const SHADOWS: &[Shadow] = &[
    Shadow {
        name: "bash_functions",
        program: "bash",
        args: &["--norc", "-c"],
        define: r#"for __n in unset export hash printf eval set return local declare shift echo type; do builtin eval "$__n() { builtin printf 'SHADOW %s\n' $__n; }"; done"#,
        body: POSIX_BODY,
    },
    Shadow {
        name: "bash_aliases",
        program: "bash",
        args: &["--norc", "-c"],
        define: r#"shopt -s expand_aliases; for __n in unset export hash printf eval set return local declare shift echo type; do builtin alias "$__n=builtin printf 'SHADOW %s\n' $__n"; done"#,
        body: POSIX_BODY,
    },
    Shadow {
        name: "zsh_functions",
        program: "zsh",
        args: &["-f", "-c"],
        define: r#"for __n in unset export hash printf eval set return local typeset shift echo emulate autoload unfunction; do builtin eval "$__n() { builtin printf 'SHADOW %s\n' $__n; }"; done"#,
        body: POSIX_BODY,
    },
    Shadow {
        name: "zsh_aliases",
        program: "zsh",
        args: &["-f", "-c"],
        define: r#"for __n in unset export hash printf eval set return local typeset shift echo emulate autoload; do builtin alias "$__n=builtin printf 'SHADOW %s\n' $__n"; done"#,
        body: POSIX_BODY,
    },
    Shadow {
        name: "dash_functions",
        program: "dash",
        args: &["-c"],
        // dash finds its special builtins (unset, export, eval, …) before functions.
        define: r#"hash() { echo SHADOW hash; }; printf() { echo SHADOW printf; }; echo() { command printf 'SHADOW echo\n'; }"#,
        body: r#". "$E/bin/activate"; command printf '%s %s\n' "$VIRTUAL_ENV" "$PATH"; deactivate; command printf '%s\n' "$PATH""#,
    },
    Shadow {
        name: "fish_functions",
        program: "fish",
        args: &["--no-config", "-c"],
        // `set`, `string`, `test` and `status` are reserved: fish refuses such functions.
        // One named `source` breaks fish itself (its autoloader calls it), so not that.
        define: "function functions; builtin printf 'SHADOW functions\\n'; end; function contains; builtin printf 'SHADOW contains\\n'; end; function printf; builtin printf 'SHADOW printf\\n'; end; function count; builtin printf 'SHADOW count\\n'; end; function echo; builtin printf 'SHADOW echo\\n'; end",
        body: r#"builtin source $E/bin/activate.fish; builtin printf '%s %s\n' $VIRTUAL_ENV (builtin string join : $PATH); deactivate; builtin printf '%s\n' (builtin string join : $PATH)
venvsh hook fish | builtin source; venvsh activate $E; builtin printf '%s %s\n' $VIRTUAL_ENV (builtin string join : $PATH); deactivate; builtin printf '%s\n' (builtin string join : $PATH)"#,
    },
    Shadow {
        name: "tcsh_aliases",
        program: "tcsh",
        args: &["-f", "-c"],
        // A quoted name is never a builtin in tcsh: the external commands are what an
        // alias (`rm -i`) can turn into something else.
        define: "alias rm 'echo SHADOW rm' ; alias mktemp 'echo SHADOW mktemp' ; alias printenv 'echo SHADOW printenv'",
        // csh expands the aliases of a line before running any of it: one command a line.
        body: r#"source $E:q/bin/activate.csh
echo "$VIRTUAL_ENV $PATH"
deactivate
echo "$PATH"
eval "`venvsh hook tcsh`"
venvsh activate $E:q
echo "$VIRTUAL_ENV $PATH"
deactivate
echo "$PATH""#,
    },
];

const POSIX_BODY: &str = r#". "$E/bin/activate"; builtin printf '%s %s\n' "$VIRTUAL_ENV" "$PATH"; deactivate; builtin printf '%s\n' "$PATH"
builtin eval "$(venvsh hook "${ZSH_VERSION:+zsh}${BASH_VERSION:+bash}")"; venvsh activate "$E"; builtin printf '%s %s\n' "$VIRTUAL_ENV" "$PATH"; deactivate; builtin printf '%s\n' "$PATH""#;

fn shadowed(shadow: &Shadow) {
    let case = Case::new();
    let env = make_env(case.root(), "e", None);
    write_bin_scripts(&env);
    let script = format!(
        "{}
{}",
        shadow.define, shadow.body
    );
    let mut args = shadow.args.to_vec();
    args.push(&script);
    let path = crate::common::test_path();
    let tmp = case.root().join("tmp");
    fs::create_dir(&tmp).unwrap();
    let vars = [
        ("E", env.to_str().unwrap()),
        ("TMPDIR", tmp.to_str().unwrap()),
    ];
    let output = run(shadow.program, &args, case.root(), &vars, None);
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert!(
        !stdout.contains("SHADOW") && !stderr.contains("SHADOW"),
        "{}: a user's function or alias ran:
{stdout}
{stderr}",
        shadow.name
    );
    let active = format!("{} {}/bin:{path}", env.display(), env.display());
    let mut expected = format!(
        "{active}
{path}
"
    );
    if shadow.program != "dash" {
        expected.push_str(&format!(
            "{active}
{path}
"
        ));
    }
    assert_eq!(
        stdout, expected,
        "{}:
{stderr}",
        shadow.name
    );
    assert!(output.status.success(), "{}: {stderr}", shadow.name);
    // The tcsh hook's temporary code files were removed (by rm, not its alias).
    let leftovers: Vec<_> = fs::read_dir(&tmp).unwrap().flatten().collect();
    assert!(leftovers.is_empty(), "{}: left {leftovers:?}", shadow.name);
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

/// tcsh history-substitutes each line of a sourced file with the user's histchars, and
/// `set backslash_quote` makes `\` escape inside quotes: the script must read as written
/// under either, show the name as it is, and give the settings back (found by
/// virtualenv's test_cshell_custom_histchars_keeps_prompt_as_data and
/// test_cshell_prompt_preserves_quoting_mode).
fn tcsh_quoting_settings() {
    let case = Case::new();
    let env = make_env(case.root(), "e", Some(r"prefix@missing#x\y"));
    write_bin_scripts(&env);
    let shown = r"prefix@missing#x\y";
    for (setting, check) in [
        ("set histchars = '@^'", "$histchars:q"),
        ("set histchars = '#^'", "$histchars:q"),
        ("set backslash_quote", "$?backslash_quote"),
    ] {
        let script = format!(
            "{setting}\nset prompt = '> '\nsource $VENVSH_TEST_ENV:q/bin/activate.csh\nprintf '%s|%s|%s' \"$VIRTUAL_ENV:q\" \"$VIRTUAL_ENV_PROMPT:q\" {check}\necho\nunset backslash_quote\nprintf '%s' \"$prompt:q\""
        );
        let output = run_plain(
            "tcsh",
            &["-f", "-c", &script],
            &case,
            &[("VENVSH_TEST_ENV", env.to_str().unwrap())],
        );
        let kept = if check == "$?backslash_quote" {
            "1"
        } else {
            &setting[17..19]
        };
        assert_eq!(
            (
                output.status.success(),
                text(&output.stdout),
                text(&output.stderr)
            ),
            (
                true,
                format!(
                    "{}|{shown}|{kept}\n{}",
                    env.display(),
                    r"(prefix@missing#x\\y) > "
                ),
                String::new()
            ),
            "{setting}"
        );
    }
}

/// bin/activate.csh's `deactivate` must not need anything from PATH: it once ran
/// `printenv` from there (tcsh runs no builtin under the quoted `\printenv`), so a PATH
/// without it stayed activated, and an empty PATH could not come back (found by
/// virtualenv's activation tests).
fn tcsh_deactivate_restores_any_path() {
    let case = Case::new();
    let env = make_env(case.root(), "e", None);
    write_bin_scripts(&env);
    let script = case.root().join("deactivate.csh");
    std::fs::write(
        &script,
        "setenv PATH \"$VENVSH_TEST_PATH:q\"\nsource $VENVSH_TEST_ENV:q/bin/activate.csh\necho \"$PATH:q\"\ndeactivate\necho \"$PATH:q\"\n",
    )
    .unwrap();
    for path in ["/original/path", "", "/s p/x&y`z`:/c!d$e", "x:/xx/x"] {
        let output = run_plain(
            "tcsh",
            &["-f", script.to_str().unwrap()],
            &case,
            &[
                ("VENVSH_TEST_ENV", env.to_str().unwrap()),
                ("VENVSH_TEST_PATH", path),
            ],
        );
        let bin = env.join("bin");
        let activated = if path.is_empty() {
            bin.display().to_string()
        } else {
            format!("{}:{path}", bin.display())
        };
        assert_eq!(
            (text(&output.stdout), text(&output.stderr)),
            (format!("{activated}\n{path}\n"), String::new()),
            "PATH {path:?}"
        );
    }
    case.assert_nothing_ran("tcsh");
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
