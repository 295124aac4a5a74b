//! bash, zsh and dash, over the whole hostile corpus, with and without the hook.

use crate::support::*;

/// The probe around activation: record state, activate, record, deactivate, record.
pub(crate) fn script(shell: &str, activate: &str, render_prompt: &str) -> String {
    format!(
        r#"w() {{ printf '%s' "$2" > "$VENVSH_TEST_OUT/$1"; }}
PS1='> '
PYTHONHOME=/original/home
export PYTHONHOME
w before_path "$PATH"
{activate}
w act_status "$?"
w ve "${{VIRTUAL_ENV-{UNSET}}}"
w vep "${{VIRTUAL_ENV_PROMPT-{UNSET}}}"
w path "$PATH"
w pythonhome "${{PYTHONHOME-{UNSET}}}"
w prompt "{render_prompt}"
deactivate
w deact_status "$?"
w after_path "$PATH"
w after_ps1 "$PS1"
w after_ve "${{VIRTUAL_ENV-{UNSET}}}"
w after_vep "${{VIRTUAL_ENV_PROMPT-{UNSET}}}"
w after_state "${{VENVSH_STATE-{UNSET}}}"
w after_pythonhome "${{PYTHONHOME-{UNSET}}}"
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
    for_each_case(run.flavor, |case, env, _dir, context| {
        let context = format!(
            "{context} ({}, {})",
            run.program,
            if hook { "hook" } else { "eval" }
        );
        let body = script(run.flavor, &activation(run.flavor, hook), run.render_prompt);
        let vars = [
            ("VENVSH_TEST_OUT", case.out.to_str().unwrap()),
            ("VENVSH_TEST_ENV", env.to_str().unwrap()),
        ];
        let output = if run.interactive {
            crate::support::run(run.program, run.args, case.root(), &vars, Some(&body))
        } else {
            let mut args = run.args.to_vec();
            args.push(&body);
            crate::support::run(run.program, &args, case.root(), &vars, None)
        };
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(
            output.status.success(),
            "{context}: exit {:?}\n{stderr}",
            output.status
        );
        let text = expected_prompt_text(env);
        let expected_prompt = format!("({text}) > ");
        if run.interactive {
            assert!(
                stderr.contains(&expected_prompt),
                "{context}: prompt {expected_prompt:?} not drawn in {stderr:?}"
            );
        } else {
            assert_eq!(
                case.get("prompt"),
                expected_prompt,
                "{context}: rendered prompt\n{stderr}"
            );
        }
        assert_probe(case, &context, env, &text, "> ");
    });
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
    let plain = Run {
        program: "zsh",
        args: &["-f", "-u", "-c"],
        flavor: "zsh",
        render_prompt: "${(%%)PS1}",
        interactive: false,
    };
    corpus(&plain, false);
    let subst = Run {
        args: &["-f", "-u", "-o", "PROMPT_SUBST", "-o", "KSH_ARRAYS", "-c"],
        ..plain
    };
    corpus(&subst, true);
}

#[test]
fn dash_hostile_corpus_drawn_by_interactive_dash() {
    if require("dash") {
        // An interactive dash draws PS1 on stderr before reading each line.
        let run = Run {
            program: "dash",
            args: &["-i", "-s"],
            flavor: "sh",
            render_prompt: "",
            interactive: true,
        };
        corpus(&run, false);
        corpus(&run, true);
    }
}
