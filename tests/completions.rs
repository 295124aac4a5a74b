//! The committed completion scripts (`completions/`) and man pages (`man/`): current
//! with the clap definitions, and loadable by each shell itself.
//!
//! Regenerate them all with
//!
//!     VENVSH_REGENERATE=1 cargo test --test completions
//!
//! Without the variable, a stale file fails `committed_files_are_current`.
//!
//! A test whose shell is not installed is reported as ignored, with the reason; with
//! VENVSH_REQUIRE_SHELLS=1 (tests/run.sh) it fails instead. No PowerShell can be
//! installed here, so its script is parsed with tree-sitter-powershell, and loaded by
//! `pwsh` where one is installed.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Output, Stdio};

use common::harness::{Trial, optional_trial, plain_trial, trial};

fn main() -> ExitCode {
    let tests: Vec<Trial> = vec![
        plain_trial("committed_files_are_current", committed_files_are_current),
        trial(
            "bash_loads_the_script_and_completes_commands_and_store_names",
            &["bash"],
            bash_loads_the_script_and_completes_commands_and_store_names,
        ),
        trial(
            "zsh_autoloads_the_function_through_compinit",
            &["zsh"],
            zsh_autoloads_the_function_through_compinit,
        ),
        trial(
            "fish_completes_commands_and_store_names",
            &["fish"],
            fish_completes_commands_and_store_names,
        ),
        trial(
            "tcsh_completes_commands_store_names_and_shells",
            &["tcsh", "tmux"],
            tcsh_completes_commands_store_names_and_shells,
        ),
        trial(
            "nushell_sources_the_module",
            &["nu"],
            nushell_sources_the_module,
        ),
        trial(
            "xonsh_completes_commands_and_store_names",
            &["xonsh"],
            xonsh_completes_commands_and_store_names,
        ),
        trial(
            "elvish_evaluates_the_script_and_its_completer_answers",
            &["elvish"],
            elvish_evaluates_the_script_and_its_completer_answers,
        ),
        plain_trial("powershell_script_parses", powershell_script_parses),
        optional_trial(
            "powershell_loads_the_script::pwsh",
            "pwsh",
            "powershell_script_parses checks the script with tree-sitter",
            || powershell_loads_the_script("pwsh"),
        ),
        optional_trial(
            "powershell_loads_the_script::powershell",
            "powershell",
            "powershell_script_parses checks the script with tree-sitter",
            || powershell_loads_the_script("powershell"),
        ),
    ];
    common::harness::run(tests, 4)
}

const FILES: &[(&str, &str)] = &[
    ("bash", "venvsh.bash"),
    ("zsh", "_venvsh"),
    ("fish", "venvsh.fish"),
    ("powershell", "_venvsh.ps1"),
    ("elvish", "venvsh.elv"),
    ("nu", "venvsh.nu"),
    ("tcsh", "venvsh.tcsh"),
    ("xonsh", "venvsh.xsh"),
];

use common::repo;

fn completion_file(name: &str) -> PathBuf {
    repo().join("completions").join(name)
}

use common::venvsh_dir;

fn venvsh(args: &[&str]) -> Output {
    Command::new(common::venvsh()).args(args).output().unwrap()
}

fn stdout(output: &Output, what: &str) -> String {
    assert!(
        output.status.success(),
        "{what} failed: {}\nstdout: {}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// A store with two environments, and an environment for shells: a HOME of their own,
/// venvsh on PATH.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        for name in ["alpha", "beta"] {
            let env = dir.path().join("store").join(name);
            fs::create_dir_all(env.join("bin")).unwrap();
            fs::write(env.join("pyvenv.cfg"), "version = 3.12.0\n").unwrap();
        }
        fs::create_dir_all(dir.path().join("home")).unwrap();
        Fixture { dir }
    }

    fn shell(&self, program: &str, args: &[&str]) -> Output {
        Command::new(program)
            .args(args)
            .current_dir(repo())
            .env_clear()
            .env("HOME", self.dir.path().join("home"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("home/.config"))
            .env("XDG_DATA_HOME", self.dir.path().join("home/.local/share"))
            .env("VENVSH_HOME", self.dir.path().join("store"))
            .env("TERM", "dumb")
            .env(
                "PATH",
                format!(
                    "{}:{}/.cargo/bin:/usr/local/bin:/usr/bin:/bin",
                    venvsh_dir().display(),
                    std::env::var("HOME").unwrap_or_default()
                ),
            )
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }
}

fn committed_files_are_current() {
    let regenerate = std::env::var("VENVSH_REGENERATE").is_ok_and(|v| v == "1");
    let mut stale = Vec::new();
    for (shell, name) in FILES {
        let rendered = stdout(&venvsh(&["completions", shell]), shell);
        let path = completion_file(name);
        if regenerate {
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, &rendered).unwrap();
        } else if fs::read_to_string(&path).ok().as_deref() != Some(rendered.as_str()) {
            stale.push(path.display().to_string());
        }
    }

    // Man pages: every page `venvsh man --out-dir` writes, and nothing else in man/.
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().to_str().unwrap();
    stdout(&venvsh(&["man", "--out-dir", dir]), "venvsh man");
    let rendered = read_dir(out.path());
    assert!(rendered.contains_key("venvsh.1"), "{:?}", rendered.keys());
    assert!(
        rendered.contains_key("venvsh-run.1"),
        "{:?}",
        rendered.keys()
    );
    let man = repo().join("man");
    if regenerate {
        let _ = fs::remove_dir_all(&man);
        fs::create_dir_all(&man).unwrap();
        for (name, text) in &rendered {
            fs::write(man.join(name), text).unwrap();
        }
    } else if read_dir(&man) != rendered {
        stale.push(man.display().to_string());
    }
    // `venvsh man` alone prints the main page.
    assert_eq!(
        stdout(&venvsh(&["man"]), "venvsh man"),
        rendered["venvsh.1"]
    );

    assert!(
        stale.is_empty(),
        "stale: {stale:?}; regenerate with `VENVSH_REGENERATE=1 cargo test --test completions`"
    );
}

fn read_dir(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

fn bash_loads_the_script_and_completes_commands_and_store_names() {
    let fixture = Fixture::new();
    let script = r#"
        source completions/venvsh.bash || exit 1
        complete -p venvsh
        complete_line() {
            COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<<"$COMP_LINE"
            [[ $COMP_LINE == *' ' ]] && COMP_WORDS+=("")
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            COMPREPLY=()
            _venvsh_with_envs venvsh "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s|' "${COMPREPLY[@]}"; echo
        }
        complete_line 'venvsh '
        complete_line 'venvsh activate '
        complete_line 'venvsh remove al'
        complete_line 'venvsh run alpha '
        complete_line 'venvsh list '
        complete_line 'venvsh workon '
        complete_line 'venvsh run -n al'
        complete_line 'venvsh rm -n '
    "#;
    let out = fixture.shell("bash", &["--norc", "--noprofile", "-c", script]);
    let text = stdout(&out, "bash");
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("complete ") && lines[0].contains(" -F _venvsh_with_envs venvsh"),
        "{text}"
    );
    let words = |line: &str| -> Vec<String> {
        line.split('|')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let commands = words(lines[1]);
    assert_offers_commands(
        &commands,
        &[
            "activate",
            "create",
            "list",
            "remove",
            "run",
            "shell",
            "which",
            "status",
            "completions",
        ],
    );
    let activate = words(lines[2]);
    assert!(
        activate.contains(&"alpha".to_owned()) && activate.contains(&"beta".to_owned()),
        "{activate:?}"
    );
    assert_eq!(words(lines[3]), ["alpha"]);
    assert!(
        !words(lines[4]).contains(&"alpha".to_owned()),
        "{}",
        lines[4]
    );
    assert!(
        !words(lines[5]).contains(&"alpha".to_owned()),
        "{}",
        lines[5]
    );
    // Aliases and conda's `-n` complete store names too.
    let workon = words(lines[6]);
    assert!(
        workon.contains(&"alpha".to_owned()) && workon.contains(&"beta".to_owned()),
        "{workon:?}"
    );
    assert_eq!(words(lines[7]), ["alpha"], "{}", lines[7]);
    assert_eq!(words(lines[8]), ["alpha", "beta"], "{}", lines[8]);
}

fn zsh_autoloads_the_function_through_compinit() {
    let fixture = Fixture::new();
    let zdotdir = fixture.dir.path().join("zdotdir");
    fs::create_dir_all(&zdotdir).unwrap();
    let out = fixture.shell("zsh", &["-n", "completions/_venvsh"]);
    stdout(&out, "zsh -n");
    let script = format!(
        r#"
        ZDOTDIR={zdotdir}
        fpath=({completions} $fpath)
        autoload -Uz compinit && compinit -u -d {zdotdir}/.zcompdump || exit 1
        print -r -- "comps=$_comps[venvsh]"
        autoload -Uz +X _venvsh || exit 1
        print -r -- "type=$(whence -w _venvsh)"
        "#,
        zdotdir = zdotdir.display(),
        completions = repo().join("completions").display(),
    );
    let text = stdout(&fixture.shell("zsh", &["-f", "-c", &script]), "zsh");
    assert!(text.contains("comps=_venvsh\n"), "{text}");
    assert!(text.contains("type=_venvsh: function\n"), "{text}");

    // Store names: the file's helper, with zsh's `_describe` replaced by a printer.
    let script = r#"
        compdef() { : }
        source completions/_venvsh || exit 1
        _describe() { print -rl -- "${(@P)4}" }
        _venvsh_envs
    "#;
    let text = stdout(&fixture.shell("zsh", &["-f", "-c", script]), "zsh names");
    assert_eq!(text, "alpha\nbeta\n");
}

fn fish_completes_commands_and_store_names() {
    let fixture = Fixture::new();
    let script = r#"
        source completions/venvsh.fish; or exit 1
        echo '== commands'
        complete -C 'venvsh '
        echo '== activate'
        complete -C 'venvsh activate '
        echo '== remove'
        complete -C 'venvsh remove '
        echo '== workon -n'
        complete -C 'venvsh workon -n '
    "#;
    let text = stdout(
        &fixture.shell("fish", &["--no-config", "-c", script]),
        "fish",
    );
    let section = |name: &str| -> Vec<String> {
        text.split(&format!("== {name}\n"))
            .nth(1)
            .unwrap_or_else(|| panic!("no {name} section in {text}"))
            .split("\n== ")
            .next()
            .unwrap()
            .lines()
            .map(|l| l.split('\t').next().unwrap().to_owned())
            .collect()
    };
    let commands = section("commands");
    for command in [
        "activate",
        "list",
        "remove",
        "run",
        "shell",
        "which",
        "completions",
    ] {
        assert!(
            commands.iter().any(|c| c == command),
            "{command} in {commands:?}"
        );
    }
    let activate = section("activate");
    assert!(activate.contains(&"alpha".to_owned()), "{activate:?}");
    assert_eq!(section("remove"), ["alpha", "beta"]);
    assert_eq!(section("workon -n"), ["alpha", "beta"]);
}

/// tcsh's `complete`, in a real tcsh at a terminal: Tab completes commands (aliases
/// too), store names after a command taking an environment and after `-n`, and shells.
fn tcsh_completes_commands_store_names_and_shells() {
    let fixture = Fixture::new();
    let home = fixture.dir.path().join("home");
    let env = [
        ("HOME", home.display().to_string()),
        (
            "VENVSH_HOME",
            fixture.dir.path().join("store").display().to_string(),
        ),
        ("PATH", common::test_path()),
        ("TERM", "xterm-256color".to_owned()),
        ("LANG", "C.UTF-8".to_owned()),
    ];
    let tcsh = common::harness::located("tcsh");
    let tmux = common::tmux::Tmux::start(
        &fixture.dir.path().join("tmux.sock"),
        &repo(),
        &env,
        &[tcsh.as_str(), "-f"],
        (120, 30),
    );
    tmux.type_line("set prompt = '> ' autolist; source completions/venvsh.tcsh; echo loaded");
    tmux.wait_for_screen("loaded");
    let complete = |typed: &str, expected: &str| {
        tmux.type_keys(typed, &["Tab"]);
        let screen = tmux.wait_for_screen(expected);
        tmux.type_keys("", &["C-u"]);
        screen
    };
    // capture-pane drops the space after a completed word.
    complete("venvsh wor", "> venvsh workon\n");
    complete("venvsh workon al", "> venvsh workon alpha");
    complete("venvsh rm b", "> venvsh rm beta");
    complete("venvsh run -n al", "> venvsh run -n alpha");
    complete("venvsh init zs", "> venvsh init zsh");
    complete("venvsh activate --sh", "> venvsh activate --shell\n");
    complete("venvsh completions tc", "> venvsh completions tcsh");
}

fn nushell_sources_the_module() {
    let fixture = Fixture::new();
    let script = "source completions/venvsh.nu; scope commands | where name =~ '^venvsh' | get name | to json -r";
    let text = stdout(
        &fixture.shell("nu", &["--no-config-file", "-c", script]),
        "nu",
    );
    let names: Vec<String> = serde_json::from_str(text.trim()).unwrap();
    for command in [
        "venvsh",
        "venvsh activate",
        "venvsh run",
        "venvsh list",
        "venvsh completions",
    ] {
        assert!(names.iter().any(|n| n == command), "{command} in {names:?}");
    }
    let script = "source completions/venvsh.nu; nu-complete venvsh envs | to json -r";
    let text = stdout(
        &fixture.shell("nu", &["--no-config-file", "-c", script]),
        "nu names",
    );
    assert_eq!(text.trim(), r#"["alpha","beta"]"#);
}

/// The script sourced by a real xonsh, then xonsh's own completer asked, as it is when
/// Tab is pressed: commands, store names besides paths for `activate`, names only for
/// `remove`.
fn xonsh_completes_commands_and_store_names() {
    let fixture = Fixture::new();
    let script = r#"
source completions/venvsh.xsh
from xonsh.completer import Completer
completer = Completer()
for line in ['venvsh ', 'venvsh ac', 'venvsh activate ', 'venvsh remove ', 'venvsh list ']:
    prefix = line.rsplit(' ', 1)[1]
    found, _ = completer.complete(prefix, line, len(line) - len(prefix), len(line), {}, multiline_text=line, cursor_index=len(line))
    print('== ' + line.strip())
    for word in sorted(str(c).strip() for c in found):
        print(word)
"#;
    let path = fixture.dir.path().join("complete.xsh");
    fs::write(&path, script).unwrap();
    let text = stdout(
        &fixture.shell("xonsh", &["--no-rc", path.to_str().unwrap()]),
        "xonsh",
    );
    let section = |name: &str| -> Vec<String> {
        text.split(&format!("== {name}\n"))
            .nth(1)
            .unwrap_or_else(|| panic!("no {name} section in {text}"))
            .split("== ")
            .next()
            .unwrap()
            .lines()
            .map(str::to_owned)
            .collect()
    };
    let commands = section("venvsh");
    assert_offers_commands(
        &commands,
        &[
            "activate",
            "list",
            "remove",
            "run",
            "shell",
            "which",
            "completions",
        ],
    );
    assert_eq!(section("venvsh ac"), ["activate"]);
    // Store names, and the files here (the checkout's), for a command taking a path too.
    let activate = section("venvsh activate");
    for word in ["alpha", "beta", "Cargo.toml", "src/"] {
        assert!(activate.iter().any(|w| w == word), "{word} in {activate:?}");
    }
    assert_eq!(section("venvsh remove"), ["alpha", "beta"]);
    assert!(
        !section("venvsh list").iter().any(|w| w == "alpha"),
        "{text}"
    );
}

/// `edit:` exists only in an interactive elvish, so the script is evaluated in a
/// namespace whose `edit:` has the two names it uses; then its completer is called.
fn elvish_evaluates_the_script_and_its_completer_answers() {
    let fixture = Fixture::new();
    let script = r#"
var completion = (ns [&arg-completer=[&]])
var edit = (ns [&completion:=$completion &complex-candidate~={|c &display=$nil &code-suffix=$nil| put $c}])
eval (slurp < completions/venvsh.elv) &ns=(ns [&edit:=$edit])
$completion[arg-completer][venvsh] venvsh '' | each {|c| echo $c }
echo '== activate'
$completion[arg-completer][venvsh] venvsh activate '' | each {|c| echo $c }
"#;
    let path = fixture.dir.path().join("load.elv");
    fs::write(&path, script).unwrap();
    let out = fixture.shell("elvish", &["-norc", path.to_str().unwrap()]);
    let text = stdout(&out, "elvish");
    let (commands, activate) = text.split_once("== activate\n").expect("both sections");
    let words: Vec<&str> = commands.lines().collect();
    for command in ["activate", "list", "run", "shell", "which", "completions"] {
        assert!(words.contains(&command), "{command} in {words:?}");
    }
    let names: Vec<&str> = activate.lines().collect();
    assert!(
        names.contains(&"alpha") && names.contains(&"beta"),
        "store names in {names:?}"
    );
}

fn powershell_script_parses() {
    let code = fs::read_to_string(completion_file("_venvsh.ps1")).unwrap();
    let mut parser = tree_sitter::Parser::new();
    parser
        .set_language(&tree_sitter_powershell::LANGUAGE.into())
        .unwrap();
    let tree = parser.parse(&code, None).unwrap();
    let mut cursor = tree.walk();
    let mut errors = Vec::new();
    loop {
        let node = cursor.node();
        if node.is_error() || node.is_missing() {
            errors.push(format!(
                "{:?}: {:?}",
                node.start_position(),
                &code[node.byte_range()]
            ));
        }
        if cursor.goto_first_child() || cursor.goto_next_sibling() {
            continue;
        }
        while cursor.goto_parent() && !cursor.goto_next_sibling() {}
        if cursor.node() == tree.root_node() {
            break;
        }
    }
    assert!(errors.is_empty(), "_venvsh.ps1 does not parse: {errors:?}");
    assert!(code.contains("Register-ArgumentCompleter"));
}

/// A real PowerShell loads the script.
fn powershell_loads_the_script(pwsh: &str) {
    let out = Command::new(common::harness::located(pwsh))
        .args([
            "-NoProfile",
            "-NonInteractive",
            "-Command",
            ". ./completions/_venvsh.ps1",
        ])
        .current_dir(repo())
        .output()
        .unwrap();
    stdout(&out, pwsh);
}

/// `commands` (what a shell completes after `venvsh `) holds each of `expected` and no
/// hidden command (one whose name starts with `__`, such as `__wrapped`).
#[track_caller]
fn assert_offers_commands(commands: &[String], expected: &[&str]) {
    for command in expected {
        assert!(
            commands.iter().any(|c| c == command),
            "{command} in {commands:?}"
        );
    }
    assert!(
        !commands.iter().any(|c| c.starts_with("__")),
        "hidden commands: {commands:?}"
    );
}
