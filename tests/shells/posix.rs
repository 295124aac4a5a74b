//! bash, zsh and dash, over the whole hostile corpus, with and without the hook.

use crate::support::*;

const DONE: &str = "<unset>";

/// The probe around activation: record state, activate, record, deactivate, record.
fn script(shell: &str, activate: &str, render_prompt: &str) -> String {
    format!(
        r#"w() {{ printf '%s' "$2" > "$VENVSH_TEST_OUT/$1"; }}
PS1='> '
PYTHONHOME=/original/home
export PYTHONHOME
w before_path "$PATH"
{activate}
w act_status "$?"
w ve "${{VIRTUAL_ENV-{DONE}}}"
w vep "${{VIRTUAL_ENV_PROMPT-{DONE}}}"
w path "$PATH"
w pythonhome "${{PYTHONHOME-{DONE}}}"
w prompt "{render_prompt}"
deactivate
w deact_status "$?"
w after_path "$PATH"
w after_ps1 "$PS1"
w after_ve "${{VIRTUAL_ENV-{DONE}}}"
w after_vep "${{VIRTUAL_ENV_PROMPT-{DONE}}}"
w after_state "${{VENVSH_STATE-{DONE}}}"
w after_pythonhome "${{PYTHONHOME-{DONE}}}"
w shell {shell}
"#
    )
}

/// The usage the README documents, without and with the hook.
fn activation(shell: &str, hook: bool) -> String {
    if hook {
        format!("eval \"$(venvsh hook {shell})\"\nvenvsh activate \"$VENVSH_TEST_ENV\"")
    } else {
        format!("eval \"$(venvsh activate \"$VENVSH_TEST_ENV\" --shell {shell})\"")
    }
}

struct Run<'a> {
    program: &'a str,
    args: &'a [&'a str],
    flavor: &'a str,
    render_prompt: &'a str,
    /// Prompt text drawn by an interactive shell, checked in its stderr.
    interactive: bool,
}

fn corpus(run: &Run<'_>, hook: bool) {
    for name in CORPUS {
        for (dir, prompt) in [(*name, None), ("env", Some(*name))] {
            let case = Case::new();
            let env = make_env(case.root(), dir, prompt);
            let context = format!("{} {}hook, dir {dir:?}, prompt {prompt:?}", run.program, if hook { "" } else { "no " });
            if let Some(bad) = dir.chars().find(|c| refused_in_path(run.flavor).contains(c)) {
                assert_refused(&env, run.flavor, bad, case.root());
                continue;
            }
            let body = script(run.flavor, &activation(run.flavor, hook), run.render_prompt);
            let vars = [("VENVSH_TEST_OUT", case.out.to_str().unwrap()), ("VENVSH_TEST_ENV", env.to_str().unwrap())];
            let output = if run.interactive {
                run_shell_stdin(run, case.root(), &vars, &body)
            } else {
                let mut args = run.args.to_vec();
                args.push(&body);
                crate::support::run(run.program, &args, case.root(), &vars, None)
            };
            let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
            assert!(output.status.success(), "{context}: exit {:?}\n{stderr}", output.status);
            let shown_prompt = shown(prompt.unwrap_or(dir));
            let env_str = env.to_str().unwrap();
            assert_eq!(case.get("act_status"), "0", "{context}: {stderr}");
            assert_eq!(case.get("ve"), env_str, "{context}");
            assert_eq!(case.get("vep"), shown_prompt, "{context}");
            assert_eq!(case.get("path"), format!("{env_str}/bin:{}", case.get("before_path")), "{context}");
            assert_eq!(case.get("pythonhome"), DONE, "{context}");
            let expected_prompt = format!("({shown_prompt}) > ");
            if run.interactive {
                assert!(stderr.contains(&expected_prompt), "{context}: prompt {expected_prompt:?} not drawn in {stderr:?}");
            } else {
                assert_eq!(case.get("prompt"), expected_prompt, "{context}");
            }
            assert_eq!(case.get("deact_status"), "0", "{context}: {stderr}");
            assert_eq!(case.get("after_path"), case.get("before_path"), "{context}");
            assert_eq!(case.get("after_ps1"), "> ", "{context}");
            assert_eq!(case.get("after_ve"), DONE, "{context}");
            assert_eq!(case.get("after_vep"), DONE, "{context}");
            assert_eq!(case.get("after_state"), DONE, "{context}");
            assert_eq!(case.get("after_pythonhome"), "/original/home", "{context}");
            case.assert_nothing_ran(&context);
        }
    }
}

fn run_shell_stdin(run: &Run<'_>, cwd: &std::path::Path, vars: &[(&str, &str)], body: &str) -> std::process::Output {
    crate::support::run(run.program, run.args, cwd, vars, Some(body))
}

const BASH: Run<'static> = Run {
    program: "bash",
    args: &["--noprofile", "--norc", "-u", "-c"],
    flavor: "bash",
    render_prompt: "${PS1@P}",
    interactive: false,
};

#[test]
fn bash_hostile_corpus() {
    if require("bash") {
        corpus(&BASH, false);
        corpus(&BASH, true);
    }
}

#[test]
fn zsh_hostile_corpus_with_and_without_prompt_subst() {
    if !require("zsh") {
        return;
    }
    // (%%) expands the prompt as zsh draws it, honouring PROMPT_SUBST.
    let plain = Run { program: "zsh", args: &["-f", "-u", "-c"], flavor: "zsh", render_prompt: "${(%%)PS1}", interactive: false };
    corpus(&plain, false);
    let subst = Run { args: &["-f", "-u", "-o", "PROMPT_SUBST", "-o", "KSH_ARRAYS", "-c"], ..plain };
    corpus(&subst, true);
}

#[test]
fn dash_hostile_corpus_drawn_by_interactive_dash() {
    if require("dash") {
        // An interactive dash draws PS1 on stderr before reading each line.
        let run = Run { program: "dash", args: &["-i", "-s"], flavor: "sh", render_prompt: "", interactive: true };
        corpus(&run, false);
        corpus(&run, true);
    }
}
