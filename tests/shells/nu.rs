//! nushell, over the whole corpus, used as documented: `venvsh hook nu | save -f FILE`
//! once, `source FILE`, then `venvsh activate DIR` and `deactivate` as commands.
//! PATH is a list in nushell; the probe records it joined with `:`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::support::*;

/// What `PROMPT_COMMAND` is before activation.
#[derive(Debug, Clone, Copy)]
enum Prompt {
    /// A closure, as nushell's default config has it.
    Closure,
    /// A plain string, which nushell also draws.
    Text,
    /// Not set at all; it must be unset again after `deactivate`.
    Absent,
}

impl Prompt {
    fn setup(self) -> &'static str {
        match self {
            Prompt::Closure => "$env.PROMPT_COMMAND = {|| '> ' }",
            Prompt::Text => "$env.PROMPT_COMMAND = '> '",
            Prompt::Absent => "hide-env --ignore-errors PROMPT_COMMAND",
        }
    }

    /// The prompt nushell draws before activation (and must draw again after it).
    fn original(self) -> &'static str {
        match self {
            Prompt::Closure | Prompt::Text => "> ",
            Prompt::Absent => UNSET,
        }
    }

    /// The prompt drawn while `text` is active.
    fn active(self, text: &str) -> String {
        match self {
            Prompt::Closure | Prompt::Text => format!("({text}) > "),
            Prompt::Absent => format!("({text}) "),
        }
    }
}

/// The probe: `source` needs a constant path, so the hook file's path is written in
/// literally (it is the case's scratch directory, which holds no hostile characters).
fn script(hook: &Path, prompt: Prompt) -> String {
    let hook = hook.to_str().unwrap();
    assert!(
        hook.chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c)),
        "scratch path {hook:?} is not plain"
    );
    let setup = prompt.setup();
    format!(
        r#"source r#'{hook}'#
def w [name: string, value: string] {{ $value | save -f ($env.VENVSH_TEST_OUT | path join $name) }}
def var [name: string] {{ $env | get -o $name | default '{UNSET}' }}
def path_text [] {{ $env.PATH | str join ':' }}
# How nushell draws PROMPT_COMMAND: a closure is run, a string is shown as it is.
def prompt_text [] {{
    if 'PROMPT_COMMAND' in $env {{
        let p = $env.PROMPT_COMMAND
        if ($p | describe) =~ '^closure' {{ do $p }} else {{ $p }}
    }} else {{ '{UNSET}' }}
}}
$env.PYTHONHOME = '/original/home'
{setup}
w before_path (path_text)
w before_ps1 (prompt_text)
w act_status (try {{ venvsh activate $env.VENVSH_TEST_ENV; '0' }} catch {{|e| $e.msg }})
w ve (var VIRTUAL_ENV)
w vep (var VIRTUAL_ENV_PROMPT)
w path (path_text)
w path_type ($env.PATH | describe)
w pythonhome (var PYTHONHOME)
w prompt_command_type ($env.PROMPT_COMMAND | describe)
w prompt (do $env.PROMPT_COMMAND)
w deact_status (try {{ deactivate; '0' }} catch {{|e| $e.msg }})
w after_path (path_text)
w after_path_type ($env.PATH | describe)
w after_ps1 (prompt_text)
w after_ve (var VIRTUAL_ENV)
w after_vep (var VIRTUAL_ENV_PROMPT)
w after_state (var VENVSH_STATE)
w after_pythonhome (var PYTHONHOME)
w after_leftovers ($env | columns | where {{|name| $name starts-with '__VENVSH' and $name != '__VENVSH_SEEN' }} | str join ' ')
"#
    )
}

/// `venvsh hook nu | save -f FILE`, done from here so that the file's path is known.
fn save_hook(case: &Case) -> PathBuf {
    let output = run(
        venvsh().to_str().unwrap(),
        &["hook", "nu"],
        case.root(),
        &[],
        None,
    );
    assert!(
        output.status.success(),
        "venvsh hook nu: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let path = case.root().join("venvsh.nu");
    fs::write(&path, &output.stdout).unwrap();
    path
}

/// nu's absolute path: it is often installed with cargo, outside the probes' PATH.
fn nu_program() -> String {
    let output = std::process::Command::new("sh")
        .args(["-c", "command -v nu"])
        .output()
        .unwrap();
    assert!(output.status.success(), "nu is not on PATH");
    String::from_utf8(output.stdout)
        .unwrap()
        .trim_end()
        .to_owned()
}

#[test]
fn nu_hostile_corpus() {
    if !require("nu") {
        return;
    }
    let nu = nu_program();
    for prompt in [Prompt::Closure, Prompt::Text, Prompt::Absent] {
        for_each_case("nu", |case, env, _dir, context| {
            let context = format!("{context} (PROMPT_COMMAND {prompt:?})");
            let probe = case.root().join("probe.nu");
            fs::write(&probe, script(&save_hook(case), prompt)).unwrap();
            let vars = [
                ("VENVSH_TEST_OUT", case.out.to_str().unwrap()),
                ("VENVSH_TEST_ENV", env.to_str().unwrap()),
            ];
            let output = run(
                &nu,
                &["--no-config-file", probe.to_str().unwrap()],
                case.root(),
                &vars,
                None,
            );
            let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
            assert!(
                output.status.success() && stderr.is_empty(),
                "{context}: {:?}\n{stderr}\n{}",
                output.status,
                String::from_utf8_lossy(&output.stdout)
            );
            let text = expected_prompt_text(env);
            assert_eq!(
                case.get("before_ps1"),
                prompt.original(),
                "{context}: prompt before activation"
            );
            // PATH stays a list: a string PATH breaks every later external command.
            assert_eq!(case.get("path_type"), "list<string>", "{context}");
            assert_eq!(case.get("after_path_type"), "list<string>", "{context}");
            assert_eq!(case.get("prompt_command_type"), "closure", "{context}");
            assert_eq!(
                case.get("prompt"),
                prompt.active(&text),
                "{context}: rendered prompt"
            );
            assert_eq!(
                case.get("after_leftovers"),
                "",
                "{context}: the hook's own variables after deactivate"
            );
            assert_probe(case, &context, env, &text, prompt.original());
        });
    }
}
