//! fish, over the whole corpus, with TERM=dumb (set_color prints nothing there).

use crate::support::*;

fn script(activate: &str) -> String {
    format!(
        r#"function w --argument-names name
    if set -q $argv[2]
        string join : -- $$argv[2] > $VENVSH_TEST_OUT/$name
    else
        printf '%s' '{UNSET}' > $VENVSH_TEST_OUT/$name
    end
    # `string join` of one element "joins nothing" and returns 1.
    return 0
end
function fish_prompt
    printf '%s' $status > $VENVSH_TEST_OUT/seen_status
    printf '> '
end
set -gx PYTHONHOME /original/home
w before_path PATH
{activate}
printf '%s' $pipestatus[1] > $VENVSH_TEST_OUT/act_status
w ve VIRTUAL_ENV
w vep VIRTUAL_ENV_PROMPT
w path PATH
w pythonhome PYTHONHOME
fish_prompt > $VENVSH_TEST_OUT/prompt
false
fish_prompt > /dev/null
command mv $VENVSH_TEST_OUT/seen_status $VENVSH_TEST_OUT/prompt_status
deactivate
printf '%s' $status > $VENVSH_TEST_OUT/deact_status
w after_path PATH
fish_prompt > $VENVSH_TEST_OUT/after_ps1
w after_ve VIRTUAL_ENV
w after_vep VIRTUAL_ENV_PROMPT
w after_state VENVSH_STATE
w after_pythonhome PYTHONHOME
"#
    )
}

/// `string join` ends its output with a newline; the probe compares values without it.
fn strip_newlines(case: &Case) {
    for entry in std::fs::read_dir(&case.out).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        if let Some(stripped) = text.strip_suffix('\n') {
            std::fs::write(entry.path(), stripped).unwrap();
        }
    }
}

#[test]
fn fish_hostile_corpus() {
    if !require("fish") {
        return;
    }
    for hook in [false, true] {
        let activate = if hook {
            "venvsh hook fish | source\nvenvsh activate $VENVSH_TEST_ENV"
        } else {
            "venvsh activate $VENVSH_TEST_ENV --shell fish | source"
        };
        for_each_case("fish", |case, env, _dir, context| {
            let context = format!("{context} ({})", if hook { "hook" } else { "source" });
            let vars = [
                ("VENVSH_TEST_OUT", case.out.to_str().unwrap()),
                ("VENVSH_TEST_ENV", env.to_str().unwrap()),
            ];
            let output = run(
                "fish",
                &["--no-config", "--private", "-c", &script(activate)],
                case.root(),
                &vars,
                None,
            );
            let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
            assert!(
                output.status.success() && stderr.is_empty(),
                "{context}: {:?}\n{stderr}\n{}\n{:?}",
                output.status,
                String::from_utf8_lossy(&output.stdout),
                std::fs::read_dir(&case.out)
                    .unwrap()
                    .map(|e| e.unwrap().file_name())
                    .collect::<Vec<_>>()
            );
            // Files holding prompts were not written by `string join`, so strip only the others.
            let prompt = case.get("prompt");
            let after_prompt = case.get("after_ps1");
            strip_newlines(case);
            let text = expected_prompt_text(env);
            assert_eq!(prompt, format!("({text}) > "), "{context}: rendered prompt");
            // The wrapper keeps $status for the user's prompt: the original sees `false`'s 1.
            assert_eq!(
                case.get("prompt_status"),
                "1",
                "{context}: $status through the prompt wrapper"
            );
            std::fs::write(case.out.join("after_ps1"), &after_prompt).unwrap();
            assert_probe(case, &context, env, &text, "> ");
        });
    }
}
