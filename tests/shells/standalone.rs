//! The activation scripts `venvsh create` writes into `bin/`, sourced in the real shells
//! over the hostile corpus with no venvsh on PATH: the same checks as `venvsh activate`'s
//! probes, plus PATH edits made while active surviving `deactivate`.

use std::fs;
use std::path::Path;

use venvsh::venv::scripts::{Standalone, standalone};

use crate::support::*;

/// PATH for the probes: the system's, without venvsh (the scripts must not need it).
const SYSTEM_PATH: &str = "/usr/local/bin:/usr/bin:/bin";

/// Every corpus entry as a directory name and as a prompt. A case the shell cannot
/// represent must leave `file` out, with the reason naming the character; the others
/// get all their scripts written into `bin/` and are handed to `probe`.
fn for_each_standalone(shell: &str, file: &str, mut probe: impl FnMut(&Case, &Path, String)) {
    for name in CORPUS {
        for (dir, prompt) in [(*name, None), ("env", Some(*name))] {
            let case = Case::new();
            let env = make_env(case.root(), dir, prompt);
            let context = format!("{shell} standalone: dir {dir:?}, prompt {prompt:?}");
            let scripts = scripts_for(&env);
            let refused = dir
                .chars()
                .find(|c| refused_in_path(shell).contains(c) || refused_anywhere(shell, *c))
                .or_else(|| prompt.and_then(|p| p.chars().find(|c| refused_anywhere(shell, *c))));
            let omitted = scripts.omitted.iter().find(|o| o.file == file);
            match refused {
                Some(bad) => {
                    let omitted =
                        omitted.unwrap_or_else(|| panic!("{context}: {file} should be left out"));
                    assert_eq!(omitted.reason.character, bad, "{context}");
                    assert!(!scripts.scripts.iter().any(|(f, _)| f == file), "{context}");
                    continue;
                }
                None => assert!(omitted.is_none(), "{context}: {omitted:?}"),
            }
            for (name, text) in &scripts.scripts {
                fs::write(env.join("bin").join(name), text).unwrap();
            }
            probe(&case, &env, context);
            case.assert_nothing_ran(&format!("{shell} standalone: dir {dir:?}"));
        }
    }
}

/// What `venvsh create` writes for this environment, with the prompt it would show.
fn scripts_for(env: &Path) -> Standalone {
    standalone(env, &env.join("bin"), &expected_prompt_text(env)).expect("scripts render")
}

/// Run `program` with no venvsh on PATH.
fn run_plain(
    program: &str,
    args: &[&str],
    case: &Case,
    vars: &[(&str, &str)],
    stdin: Option<&str>,
) -> std::process::Output {
    let mut all = vec![("PATH", SYSTEM_PATH)];
    all.extend_from_slice(vars);
    run(program, args, case.root(), &all, stdin)
}

fn probe_vars<'a>(case: &'a Case, env: &'a Path) -> [(&'a str, &'a str); 2] {
    [
        ("VENVSH_TEST_OUT", case.out.to_str().unwrap()),
        ("VENVSH_TEST_ENV", env.to_str().unwrap()),
    ]
}

/// PATH after a second activation, edits at both ends while active, and `deactivate`.
fn assert_edits_survive(case: &Case, context: &str, separator: &str, front: &str, back: &str) {
    let before = case.get("before_path");
    assert_eq!(
        case.get("edited_path"),
        format!("{front}{separator}{before}{separator}{back}"),
        "{context}: PATH edits made while active"
    );
}

// ---- bash, zsh, dash -----------------------------------------------------------------

/// The corpus probe around `. bin/activate`, then: is `deactivate` gone, and do PATH
/// edits made while active survive a second activation's deactivate.
fn sh_script(render_prompt: &str) -> String {
    crate::posix::script("sh", ". \"$VENVSH_TEST_ENV/bin/activate\"", render_prompt)
        + r#"if command -v deactivate >/dev/null 2>&1; then w deactivate_left yes; else w deactivate_left no; fi
. "$VENVSH_TEST_ENV/bin/activate"
. "$VENVSH_TEST_ENV/bin/activate"
PATH=/added/front:$PATH:/added/back
deactivate
w edited_path "$PATH"
w edited_ps1 "$PS1"
"#
}

struct ShRun<'a> {
    program: &'a str,
    args: &'a [&'a str],
    render_prompt: &'a str,
    /// Prompt drawn by an interactive shell, checked in its stderr.
    interactive: bool,
}

fn sh_corpus(run: &ShRun<'_>) {
    for_each_standalone("sh", "activate", |case, env, context| {
        let context = format!("{context} ({} {:?})", run.program, run.args);
        let body = sh_script(run.render_prompt);
        let vars = probe_vars(case, env);
        let output = if run.interactive {
            run_plain(run.program, run.args, case, &vars, Some(&body))
        } else {
            let mut args = run.args.to_vec();
            args.push(&body);
            run_plain(run.program, &args, case, &vars, None)
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
            assert!(
                stderr.is_empty(),
                "{context}: the script printed errors: {stderr}"
            );
            assert_eq!(
                case.get("prompt"),
                expected_prompt,
                "{context}: rendered prompt"
            );
        }
        assert_probe(case, &context, env, &text, "> ");
        assert_eq!(case.get("deactivate_left"), "no", "{context}");
        assert_edits_survive(case, &context, ":", "/added/front", "/added/back");
        assert_eq!(
            case.get("edited_ps1"),
            "> ",
            "{context}: prompt after twice"
        );
    });
}

#[test]
fn bash_sources_bin_activate() {
    if require("bash") {
        sh_corpus(&ShRun {
            program: "bash",
            args: &["--noprofile", "--norc", "-eu", "-c"],
            render_prompt: "${PS1@P}",
            interactive: false,
        });
    }
}

#[test]
fn zsh_sources_bin_activate_with_and_without_prompt_subst() {
    if !require("zsh") {
        return;
    }
    sh_corpus(&ShRun {
        program: "zsh",
        args: &["-f", "-u", "-c"],
        render_prompt: "${(%%)PS1}",
        interactive: false,
    });
    sh_corpus(&ShRun {
        program: "zsh",
        args: &["-f", "-u", "-o", "PROMPT_SUBST", "-o", "KSH_ARRAYS", "-c"],
        render_prompt: "${(%%)PS1}",
        interactive: false,
    });
}

#[test]
fn dash_sources_bin_activate_and_draws_the_prompt() {
    if require("dash") {
        sh_corpus(&ShRun {
            program: "dash",
            args: &["-i", "-s"],
            render_prompt: "",
            interactive: true,
        });
    }
}

#[test]
fn ksh_parses_bin_activate() {
    if !require("ksh") {
        return;
    }
    let case = Case::new();
    let env = make_env(case.root(), "x'$(touch PWNED)", Some("p%n$(touch PWNED)"));
    for (name, text) in scripts_for(&env).scripts {
        fs::write(env.join("bin").join(name), text).unwrap();
    }
    let script = r#"PS1='> '; . "$VENVSH_TEST_ENV/bin/activate"; printf '%s|%s|' "$VIRTUAL_ENV" "$PS1"; deactivate; printf '%s' "$PS1""#;
    let output = run_plain(
        "ksh",
        &["-c", script],
        &case,
        &probe_vars(&case, &env),
        None,
    );
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("{}|(${{VIRTUAL_ENV_PROMPT-}}) > |> ", env.display())
    );
    case.assert_nothing_ran("ksh");
}

/// VIRTUAL_ENV_DISABLE_PROMPT is read when the script runs, with the one truth table.
#[test]
fn disable_prompt_is_honoured_when_sourced() {
    if !require("bash") {
        return;
    }
    let case = Case::new();
    let env = make_env(case.root(), "e", None);
    for (name, text) in scripts_for(&env).scripts {
        fs::write(env.join("bin").join(name), text).unwrap();
    }
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
            &probe_vars(&case, &env),
            None,
        );
        let expected = if shown { "(e) > " } else { "> " };
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            expected,
            "{value:?}"
        );
    }
}

/// Switching from one environment's script to another's leaves only the second on PATH,
/// and `deactivate` then restores the original PATH.
#[test]
fn switching_environments_keeps_one_entry() {
    if !require("bash") {
        return;
    }
    let case = Case::new();
    for name in ["a", "b"] {
        let env = make_env(case.root(), name, None);
        for (file, text) in scripts_for(&env).scripts {
            fs::write(env.join("bin").join(file), text).unwrap();
        }
    }
    let script = r#"before=$PATH
. a/bin/activate
. b/bin/activate
printf '%s\n' "$PATH" "$VIRTUAL_ENV"
deactivate
printf '%s\n' "$PATH""#;
    let output = run_plain("bash", &["--norc", "-c", script], &case, &[], None);
    let root = case.root().display();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("{root}/b/bin:{SYSTEM_PATH}\n{root}/b\n{SYSTEM_PATH}\n")
    );
}

// ---- fish ----------------------------------------------------------------------------

fn fish_script() -> String {
    format!(
        r#"function w --argument-names name
    if set -q $argv[2]
        string join : -- $$argv[2] > $VENVSH_TEST_OUT/$name
    else
        printf '%s' '{UNSET}' > $VENVSH_TEST_OUT/$name
    end
    return 0
end
function fish_prompt
    printf '%s' $status > $VENVSH_TEST_OUT/seen_status
    printf '> '
end
set -gx PYTHONHOME /original/home
w before_path PATH
source $VENVSH_TEST_ENV/bin/activate.fish
printf '%s' $status > $VENVSH_TEST_OUT/act_status
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
if functions -q deactivate; printf yes; else; printf no; end > $VENVSH_TEST_OUT/deactivate_left
source $VENVSH_TEST_ENV/bin/activate.fish
source $VENVSH_TEST_ENV/bin/activate.fish
set -gx PATH /added/front $PATH /added/back
deactivate
w edited_path PATH
"#
    )
}

#[test]
fn fish_sources_bin_activate_fish() {
    if !require("fish") {
        return;
    }
    for_each_standalone("fish", "activate.fish", |case, env, context| {
        let output = run_plain(
            "fish",
            &["--no-config", "--private", "-c", &fish_script()],
            case,
            &probe_vars(case, env),
            None,
        );
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(
            output.status.success() && stderr.is_empty(),
            "{context}: {:?}\n{stderr}",
            output.status
        );
        let prompt = case.get("prompt");
        let after_prompt = case.get("after_ps1");
        // `string join` ends its output with a newline; the prompts were printed without.
        for entry in fs::read_dir(&case.out).unwrap().flatten() {
            let text = fs::read_to_string(entry.path()).unwrap();
            if let Some(stripped) = text.strip_suffix('\n') {
                fs::write(entry.path(), stripped).unwrap();
            }
        }
        fs::write(case.out.join("after_ps1"), &after_prompt).unwrap();
        let text = expected_prompt_text(env);
        assert_eq!(prompt, format!("({text}) > "), "{context}: rendered prompt");
        assert_eq!(case.get("prompt_status"), "1", "{context}: $status");
        assert_probe(case, &context, env, &text, "> ");
        assert_eq!(case.get("deactivate_left"), "no", "{context}");
        assert_edits_survive(case, &context, ":", "/added/front", "/added/back");
    });
}

// ---- tcsh ----------------------------------------------------------------------------

/// The tcsh corpus probe around `source bin/activate.csh`, then the same extra checks.
fn tcsh_script() -> String {
    use crate::tcsh::{probe, record};
    let source = "source \"${VENVSH_TEST_ENV}/bin/activate.csh\"\n";
    let mut s = probe(source);
    s += "alias deactivate >! \"$VENVSH_TEST_OUT/deactivate_left\"\n";
    s += source;
    s += source;
    s += "setenv PATH \"/added/front:${PATH}:/added/back\"\ndeactivate\n";
    s += &record("edited_path", "PATH");
    s += "exit 0\n";
    s
}

#[test]
fn tcsh_sources_bin_activate_csh() {
    if !require("tcsh") {
        return;
    }
    for_each_standalone("tcsh", "activate.csh", |case, env, context| {
        let output = crate::tcsh::run_in_two_halves(
            case,
            &probe_vars(case, env),
            &tcsh_script(),
            SYSTEM_PATH,
        );
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(
            output.status.success(),
            "{context}: {:?}\n{stdout}\n{stderr}",
            output.status
        );
        let text = expected_prompt_text(env);
        let drawn = format!("({text}) > __drawn__");
        assert!(
            stdout.contains(&drawn),
            "{context}: prompt {drawn:?} not drawn in {stdout:?}\n{stderr}"
        );
        assert_probe(case, &context, env, &text, "> ");
        assert_eq!(case.get("deactivate_left"), "", "{context}: alias left");
        assert_edits_survive(case, &context, ":", "/added/front", "/added/back");
    });
}

// ---- nushell -------------------------------------------------------------------------

/// `overlay use` needs a constant path, so the module is copied to the plain scratch
/// directory (it holds absolute paths only, so where it lives does not matter).
fn nu_script(module: &Path) -> String {
    let module = module.to_str().unwrap();
    assert!(
        module
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c)),
        "scratch path {module:?} is not plain"
    );
    format!(
        r#"def w [name: string, value: string] {{ $value | save -f ($env.VENVSH_TEST_OUT | path join $name) }}
def var [name: string] {{ $env | get -o $name | default '{UNSET}' }}
def path_text [] {{ $env.PATH | str join ':' }}
$env.PYTHONHOME = '/original/home'
$env.PROMPT_COMMAND = {{|| '> ' }}
w before_path (path_text)
overlay use r#'{module}'#
w act_status '0'
w ve (var VIRTUAL_ENV)
w vep (var VIRTUAL_ENV_PROMPT)
w path (path_text)
w path_type ($env.PATH | describe)
w pythonhome_raw (var PYTHONHOME)
w pythonhome (if ($env.PYTHONHOME? | default '') == '' {{ '{UNSET}' }} else {{ $env.PYTHONHOME }})
w prompt (do $env.PROMPT_COMMAND)
deactivate
w deact_status '0'
w after_path (path_text)
w after_path_type ($env.PATH | describe)
w after_ps1 (do $env.PROMPT_COMMAND)
w after_ve (var VIRTUAL_ENV)
w after_vep (var VIRTUAL_ENV_PROMPT)
w after_state (var VENVSH_STATE)
w after_pythonhome (var PYTHONHOME)
"#
    )
}

fn nu_program() -> Option<String> {
    let output = std::process::Command::new("sh")
        .args(["-c", "command -v nu"])
        .output()
        .ok()?;
    output.status.success().then(|| {
        String::from_utf8(output.stdout)
            .unwrap()
            .trim_end()
            .to_owned()
    })
}

#[test]
fn nu_uses_bin_activate_nu_as_an_overlay() {
    if !require("nu") {
        return;
    }
    let nu = nu_program().expect("nu");
    for_each_standalone("nu", "activate.nu", |case, env, context| {
        let module = case.root().join("activate.nu");
        fs::copy(env.join("bin/activate.nu"), &module).unwrap();
        let probe = case.root().join("probe.nu");
        fs::write(&probe, nu_script(&module)).unwrap();
        let output = run_plain(
            &nu,
            &["--no-config-file", probe.to_str().unwrap()],
            case,
            &probe_vars(case, env),
            None,
        );
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(
            output.status.success() && stderr.is_empty(),
            "{context}: {:?}\n{stderr}",
            output.status
        );
        let text = expected_prompt_text(env);
        assert_eq!(case.get("path_type"), "list<string>", "{context}");
        assert_eq!(case.get("after_path_type"), "list<string>", "{context}");
        assert_eq!(case.get("prompt"), format!("({text}) > "), "{context}");
        // Emptied, not hidden: a hidden variable stays hidden after `overlay hide`.
        assert_eq!(
            case.get("pythonhome_raw"),
            "",
            "{context}: PYTHONHOME while active"
        );
        assert_probe(case, &context, env, &text, "> ");
    });
}

// ---- PowerShell ----------------------------------------------------------------------

/// No PowerShell here: Activate.ps1 must parse cleanly with tree-sitter-powershell and
/// be ASCII, for every case the corpus accepts.
#[test]
fn activate_ps1_parses_for_the_whole_corpus() {
    let mut parser = tree_sitter::Parser::new();
    parser
        .set_language(&tree_sitter_powershell::LANGUAGE.into())
        .expect("the PowerShell grammar loads");
    for_each_standalone("powershell", "Activate.ps1", |_case, env, context| {
        let code = fs::read_to_string(env.join("bin/Activate.ps1")).unwrap();
        assert!(code.is_ascii(), "{context}: not ASCII");
        let tree = parser.parse(&code, None).unwrap();
        assert!(
            !tree.root_node().has_error(),
            "{context}: parse error in\n{code}\n{}",
            tree.root_node().to_sexp()
        );
    });
}

// ---- cmd.exe -------------------------------------------------------------------------

#[test]
fn cmd_calls_activate_bat_and_deactivate_bat_under_wine() {
    if !require("wine") {
        return;
    }
    let wine_home = crate::cmd::wine_home();
    for_each_standalone("cmd", "activate.bat", |case, env, context| {
        let env_str = env.to_str().unwrap();
        for file in ["activate.bat", "deactivate.bat"] {
            let text = fs::read(env.join("bin").join(file)).unwrap();
            assert!(
                !String::from_utf8_lossy(&text)
                    .replace("\r\n", "")
                    .contains('\n'),
                "{context}: {file} must be CRLF only"
            );
            // Called from the plain scratch directory: the probe's own lines hold no
            // hostile text, and activate.bat finds deactivate.bat beside itself.
            fs::write(case.root().join(file), text).unwrap();
        }
        let probe = "@set \"PYTHONHOME=/original/home\"\r\n@set > before.txt\r\n@call activate.bat\r\n@echo %ERRORLEVEL%> act_status.txt\r\n@set > active.txt\r\n@call deactivate.bat\r\n@echo %ERRORLEVEL%> deact_status.txt\r\n@set > after.txt\r\n@call activate.bat\r\n@call activate.bat\r\n@set \"PATH=C:\\added;%PATH%;C:\\back\"\r\n@call deactivate.bat\r\n@set > edited.txt\r\n";
        fs::write(case.root().join("probe.bat"), probe).unwrap();
        let output = crate::cmd::wine_cmd(case.root(), wine_home, &["/c", "probe.bat"], None);
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && stdout.trim().is_empty(),
            "{context}: {:?} {stdout}",
            output.status
        );
        let read = |name: &str| crate::cmd::parse_set(&case.root().join(name));
        let (before, active, after, edited) = (
            read("before.txt"),
            read("active.txt"),
            read("after.txt"),
            read("edited.txt"),
        );
        let lookup = crate::cmd::lookup;
        let text = expected_prompt_text(env);
        assert_eq!(lookup(&active, "VIRTUAL_ENV"), env_str, "{context}");
        assert_eq!(lookup(&active, "VIRTUAL_ENV_PROMPT"), text, "{context}");
        assert_eq!(
            lookup(&active, "PATH"),
            format!("{env_str}/bin;{}", lookup(&before, "PATH")),
            "{context}"
        );
        assert_eq!(lookup(&active, "PYTHONHOME"), UNSET, "{context}");
        for status in ["act_status.txt", "deact_status.txt"] {
            assert_eq!(
                fs::read_to_string(case.root().join(status)).unwrap().trim(),
                "0",
                "{context}: {status}"
            );
        }
        // Every variable is back, byte for byte, PROMPT (unset under wine) included.
        let changed: Vec<_> = before
            .iter()
            .filter(|pair| !after.contains(pair))
            .chain(after.iter().filter(|pair| !before.contains(pair)))
            .collect();
        assert!(changed.is_empty(), "{context}: differ after: {changed:?}");
        assert_eq!(
            lookup(&edited, "PATH"),
            format!("C:\\added;{};C:\\back", lookup(&before, "PATH")),
            "{context}: PATH edits made while active"
        );
        // An interactive cmd draws the prompt before reading each line.
        let session = crate::cmd::wine_cmd(
            case.root(),
            wine_home,
            &[],
            Some("@call activate.bat\r\nexit\r\n"),
        );
        let drawn = String::from_utf8_lossy(&session.stdout).into_owned();
        let expected = format!("\n({text}) Z:\\");
        assert!(
            drawn.contains(&expected),
            "{context}: prompt {expected:?} not drawn in {drawn:?}"
        );
    });
}

// ---- through the real binary ---------------------------------------------------------

/// `venvsh create` into a hostile directory, then `. bin/activate` in bash with no venvsh
/// on PATH: the environment's python is the one found, and nothing in the name ran.
#[test]
fn venvsh_create_then_source_bin_activate_in_bash() {
    if !require("bash") || !require("python3") {
        return;
    }
    let case = Case::new();
    let name = "it's $(touch PWNED) `touch PWNED2` ü";
    let python3 = std::process::Command::new("sh")
        .args(["-c", "command -v python3"])
        .output()
        .unwrap();
    let python3 = String::from_utf8(python3.stdout).unwrap().trim().to_owned();
    let output = std::process::Command::new(venvsh())
        .args(["create", "--without-pip", "-p", &python3, "--", name])
        .current_dir(case.root())
        .env("XDG_CACHE_HOME", case.root().join("cache"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
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
        None,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let env = env.to_str().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("{env}\n({name}) > \n{env}\n{SYSTEM_PATH}\n")
    );
    case.assert_nothing_ran("venvsh create + bin/activate");
}
