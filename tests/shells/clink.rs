//! `venvsh hook clink` in a real Lua 5.4 (Debian's `lua5.4`) with a MOCK of the part of
//! Clink's API the script uses. Clink itself only runs inside cmd.exe on Windows; this is
//! not Clink. The mock provides `clink.onbeginedit`, `clink.promptfilter` (objects with
//! `:filter`), `os.getcwd` (a directory the test sets), `os.getenv`/`os.setenv` on a Lua
//! table that stands for cmd.exe's environment, `os.isdir`/`os.isfile`, and `io.popen`,
//! which does what cmd.exe /c does with the line (drops the outer quotes) and runs it with
//! exactly that table as its environment (`env -i`), in that directory, counting calls.
//!
//! The test talks to the mock over stdin/stdout, one command per line, every argument
//! hex-encoded so that any corpus name travels intact.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::clink_driver::{MOCK, Mock};
use crate::common::harness::{Trial, trial};
use crate::common::{Case, CorpusCase, expected_prompt_text, make_env, run, test_path, venvsh};

/// One Lua process running the mock and the generated script.
struct Clink(Mock);

impl std::ops::Deref for Clink {
    type Target = Mock;
    fn deref(&self) -> &Mock {
        &self.0
    }
}

impl std::ops::DerefMut for Clink {
    fn deref_mut(&mut self) -> &mut Mock {
        &mut self.0
    }
}

impl Clink {
    fn start(dir: &Path, data: &Path, path: &str, script: &str) -> Clink {
        let mock = dir.join("mock.lua");
        fs::write(&mock, MOCK).unwrap();
        let hook = dir.join("venvsh.lua");
        fs::write(&hook, script).unwrap();
        let mut command = Command::new("lua5.4");
        command.arg(&mock).env_clear();
        let mut clink = Clink(Mock::spawn(command));
        clink.set("PATH", path);
        clink.set("VENVSH_DATA_DIR", data.to_str().unwrap());
        clink.set("LANG", "C.UTF-8");
        clink.set("PYTHONHOME", "/original/home");
        clink
    }

    fn load(&mut self, script: &Path) -> String {
        self.load_file(script.to_str().unwrap())
    }

    fn cd(&mut self, dir: &Path) {
        self.cd_to(dir.to_str().unwrap());
    }

    /// One input line: returns how many times venvsh ran, and the prompt drawn.
    fn prompt(&mut self) -> (usize, String) {
        self.prompt_from("C:\\>")
    }

    /// Close stdin and return what the script wrote on stderr (venvsh's notices).
    fn finish(self) -> String {
        self.0.finish()
    }
}

fn hook_script(args: &[&str]) -> String {
    let mut all = vec!["hook", "clink"];
    all.extend(args);
    let output = run(venvsh().to_str().unwrap(), &all, Path::new("/"), &[], None);
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn allow(data: &Path, env: &Path) {
    let output = run(
        venvsh().to_str().unwrap(),
        &["allow", env.to_str().unwrap()],
        Path::new("/"),
        &[("VENVSH_DATA_DIR", data.to_str().unwrap())],
        None,
    );
    assert!(output.status.success(), "allow: {output:?}");
}

fn start(case: &Case, args: &[&str]) -> Clink {
    let mut clink = Clink::start(
        case.root(),
        &case.root().join("data"),
        &test_path(),
        &hook_script(args),
    );
    let loaded = clink.load(&case.root().join("venvsh.lua"));
    assert!(loaded.starts_with("ok "), "{loaded}");
    clink
}

fn bin(env: &Path) -> String {
    env.join("bin").to_str().unwrap().to_owned()
}

pub fn trials() -> Vec<Trial> {
    let mut trials = vec![
        trial(
            "clink::auto_activation_with_a_mock_of_clink_in_real_lua",
            &["lua5.4"],
            auto_activation,
        ),
        trial("clink::no_auto_keeps_only_the_prompt", &["lua5.4"], no_auto),
    ];
    for case in CorpusCase::all() {
        trials.push(trial(
            format!("clink::corpus::{}", case.label()),
            &["lua5.4"],
            move || corpus_case(case),
        ));
    }
    trials
}

fn auto_activation() {
    let case = Case::new();
    let root = case.root().canonicalize().unwrap();
    let data = root.join("data");
    let proj = root.join("proj");
    let sib = root.join("sib");
    let cloned = root.join("cloned");
    let proj_env = make_env(&proj, ".venv", Some("proj"));
    let sib_env = make_env(&sib, ".venv", Some("sib"));
    let cloned_env = make_env(&cloned, ".venv", Some("cloned"));
    fs::create_dir_all(proj.join("sub/deeper")).unwrap();
    fs::create_dir_all(root.join("plain")).unwrap();
    allow(&data, &proj_env);
    allow(&data, &sib_env);
    let path = test_path();

    let mut clink = start(&case, &[]);
    // Loading the script twice installs it once.
    assert_eq!(clink.load(&case.root().join("venvsh.lua")), "ok 1 1");

    // Started inside a trusted project: activated at the first input line.
    clink.cd(&proj);
    let (ran, prompt) = clink.prompt();
    assert_eq!(ran, 1);
    assert_eq!(prompt, "(proj) C:\\>");
    assert_eq!(
        clink.get("VIRTUAL_ENV").unwrap(),
        proj_env.to_str().unwrap()
    );
    assert_eq!(
        clink.get("PATH").unwrap(),
        format!("{}:{path}", bin(&proj_env))
    );
    assert_eq!(clink.get("PYTHONHOME"), None);

    // Nothing changed: venvsh does not run.
    for _ in 0..3 {
        assert_eq!(clink.prompt(), (0, "(proj) C:\\>".to_owned()));
    }

    // A subdirectory keeps it (one run: the directory changed), then nothing.
    clink.cd(&proj.join("sub/deeper"));
    assert_eq!(clink.prompt(), (1, "(proj) C:\\>".to_owned()));
    assert_eq!(clink.prompt().0, 0);
    assert_eq!(
        clink.get("VIRTUAL_ENV").unwrap(),
        proj_env.to_str().unwrap()
    );

    // A sibling project switches; PATH loses proj's entry and gains sib's.
    clink.cd(&sib);
    assert_eq!(clink.prompt(), (1, "(sib) C:\\>".to_owned()));
    assert_eq!(clink.get("VIRTUAL_ENV").unwrap(), sib_env.to_str().unwrap());
    assert_eq!(
        clink.get("PATH").unwrap(),
        format!("{}:{path}", bin(&sib_env))
    );

    // Out: everything back.
    clink.cd(&root.join("plain"));
    assert_eq!(clink.prompt(), (1, "C:\\>".to_owned()));
    assert_eq!(clink.get("PATH").unwrap(), path);
    assert_eq!(clink.get("VIRTUAL_ENV"), None);
    assert_eq!(clink.get("VIRTUAL_ENV_PROMPT"), None);
    assert_eq!(clink.get("VENVSH_STATE"), None);
    assert_eq!(clink.get("PYTHONHOME").as_deref(), Some("/original/home"));
    assert_eq!(clink.prompt().0, 0);

    // A .venv created (and allowed) in place counts at the next line; removed, too.
    let here_env = make_env(&root.join("plain"), ".venv", Some("here"));
    allow(&data, &here_env);
    assert_eq!(clink.prompt(), (1, "(here) C:\\>".to_owned()));
    assert_eq!(
        clink.get("PATH").unwrap(),
        format!("{}:{path}", bin(&here_env))
    );
    fs::remove_dir_all(&here_env).unwrap();
    assert_eq!(clink.prompt(), (1, "C:\\>".to_owned()));
    assert_eq!(clink.get("PATH").unwrap(), path);
    assert_eq!(clink.get("VIRTUAL_ENV"), None);

    // An untrusted .venv is never on PATH; the notice comes once.
    clink.cd(&cloned);
    assert_eq!(clink.prompt(), (1, "C:\\>".to_owned()));
    assert_eq!(clink.get("PATH").unwrap(), path);
    assert_eq!(clink.get("VIRTUAL_ENV"), None);
    clink.cd(&root);
    clink.prompt();
    clink.cd(&cloned);
    assert_eq!(clink.prompt(), (1, "C:\\>".to_owned()));
    assert_eq!(clink.get("PATH").unwrap(), path);

    // The prompt rule: disabled by VIRTUAL_ENV_DISABLE_PROMPT=1, not by 0; not doubled
    // when cmd's explicit activation (venvsh.cmd) already put it in PROMPT.
    clink.cd(&proj);
    assert_eq!(clink.prompt(), (1, "(proj) C:\\>".to_owned()));
    clink.set("VIRTUAL_ENV_DISABLE_PROMPT", "1");
    assert_eq!(clink.prompt(), (0, "C:\\>".to_owned()));
    clink.set("VIRTUAL_ENV_DISABLE_PROMPT", "0");
    assert_eq!(clink.prompt(), (0, "(proj) C:\\>".to_owned()));
    clink.unset("VIRTUAL_ENV_DISABLE_PROMPT");
    clink.set("__VENVSH_OLD_PROMPT", "$P$G");
    assert_eq!(clink.prompt(), (0, "C:\\>".to_owned()));
    clink.unset("__VENVSH_OLD_PROMPT");

    let stderr = clink.finish();
    assert_eq!(
        stderr.matches("venvsh: not activating").count(),
        1,
        "the notice comes once: {stderr}"
    );
    assert!(stderr.contains(cloned_env.to_str().unwrap()), "{stderr}");
}

fn no_auto() {
    let case = Case::new();
    let proj = case.root().canonicalize().unwrap().join("proj");
    let env = make_env(&proj, ".venv", Some("proj"));
    allow(&case.root().join("data"), &env);
    let mut clink = start(&case, &["--no-auto"]);
    clink.cd(&proj);
    assert_eq!(clink.prompt(), (0, "C:\\>".to_owned()));
    assert_eq!(clink.get("VIRTUAL_ENV"), None);
    clink.finish();
}

/// A corpus name as the project's directory (so in VIRTUAL_ENV, PATH and the directory
/// the script compares), or as the environment's prompt: entered and left through the
/// hook, with exact VIRTUAL_ENV, PATH[0], prompt, and PATH restored.
fn corpus_case(spec: CorpusCase) {
    let (dir, prompt) = spec.dir_and_prompt("project");
    let case = Case::new();
    let root = case.root().canonicalize().unwrap();
    let project = root.join(dir);
    let env = make_env(&project, ".venv", prompt);
    allow(&root.join("data"), &env);
    let context = format!("clink: {}", spec.describe("project"));
    let path = test_path();
    let mut clink = start(&case, &[]);
    clink.cd(&project);
    let (ran, drawn) = clink.prompt();
    assert_eq!(ran, 1, "{context}");
    if dir.contains(':') {
        // The host's PATH separator cannot be carried: refused, nothing changes.
        assert_eq!(clink.get("VIRTUAL_ENV"), None, "{context}");
        assert_eq!(clink.get("PATH").unwrap(), path, "{context}");
        let stderr = clink.finish();
        assert!(stderr.contains("':'"), "{context}: {stderr}");
        return;
    }
    let text = expected_prompt_text(&env);
    assert_eq!(
        clink.get("VIRTUAL_ENV").as_deref(),
        Some(env.to_str().unwrap()),
        "{context}"
    );
    assert_eq!(
        clink.get("PATH").as_deref(),
        Some(format!("{}:{path}", bin(&env)).as_str()),
        "{context}"
    );
    assert_eq!(drawn, format!("({text}) C:\\>"), "{context}");
    clink.cd(&root);
    assert_eq!(clink.prompt(), (1, "C:\\>".to_owned()), "{context}");
    assert_eq!(clink.get("PATH").unwrap(), path, "{context}");
    assert_eq!(clink.get("VIRTUAL_ENV"), None, "{context}");
    assert_eq!(clink.get("VENVSH_STATE"), None, "{context}");
    assert_eq!(
        clink.get("PYTHONHOME").as_deref(),
        Some("/original/home"),
        "{context}"
    );
    clink.finish();
    case.assert_nothing_ran(&context);
}
