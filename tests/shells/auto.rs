//! Auto-activation, driven through a real terminal (tmux) in bash, zsh, fish and tcsh:
//! the hook only runs when a shell draws its prompt interactively.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::*;

/// One interactive shell in its own tmux server.
struct Terminal {
    socket: String,
    /// Pause after each line: nushell's line editor drops keys typed while a command runs.
    settle: Duration,
    out: PathBuf,
    lines: usize,
}

impl Terminal {
    fn start(shell: &str, cwd: &Path, home: &Path, out: &Path) -> Terminal {
        let socket = format!(
            "venvsh-{}-{}",
            std::process::id(),
            out.display().to_string().len() + rand_suffix()
        );
        let data = home.join("data");
        let path = test_path();
        let status = Command::new("tmux")
            .args([
                "-L",
                &socket,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-x",
                "200",
                "-y",
                "50",
                "-c",
            ])
            .arg(cwd)
            .args(["env", "-i"])
            .arg(format!("PATH={path}"))
            .arg(format!("HOME={}", home.display()))
            .arg(format!("VENVSH_DATA_DIR={}", data.display()))
            .args(["TERM=screen", "LANG=C.UTF-8"])
            .arg(locate(shell.split(' ').next().unwrap()))
            .args(shell.split(' ').skip(1))
            .status()
            .expect("tmux runs");
        assert!(status.success(), "tmux could not start {shell}");
        let settle = Duration::from_millis(if shell.starts_with("nu") { 300 } else { 0 });
        let terminal = Terminal {
            socket,
            settle,
            out: out.to_owned(),
            lines: 0,
        };
        // Keys typed before the line editor is up are lost or misread (nushell's reedline
        // asks the terminal where the cursor is): wait for the first screen, then a moment.
        let deadline = Instant::now() + Duration::from_secs(20);
        while terminal.screen().trim().is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(300));
        terminal
    }

    fn send(&mut self, line: &str) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "0", "-l", line])
            .status()
            .unwrap();
        assert!(status.success());
        Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "0", "Enter"])
            .status()
            .unwrap();
        self.lines += 1;
        std::thread::sleep(self.settle);
    }

    /// Wait until the shell wrote `name` in the out directory, and return it.
    fn wait(&self, name: &str) -> String {
        let path = self.out.join(name);
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(text) = fs::read_to_string(&path)
                && text.ends_with('\n')
            {
                return text.trim_end_matches('\n').to_owned();
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("the shell never wrote {name}; screen:\n{}", self.screen());
    }

    fn screen(&self) -> String {
        let output = Command::new("tmux")
            .args([
                "-L",
                &self.socket,
                "capture-pane",
                "-p",
                "-J",
                "-S",
                "-2000",
                "-t",
                "0",
            ])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

/// The program's full path, found on this process's PATH (nu lives in ~/.cargo/bin,
/// which the shells' own PATH leaves out).
fn locate(program: &str) -> String {
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {program}"))
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap().trim().to_owned()
}

fn rand_suffix() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    NEXT.fetch_add(1, Ordering::SeqCst)
}

/// How each shell loads the hook and records a variable.
struct Dialect {
    program: &'static str,
    command: &'static str,
    load: &'static str,
    /// Write `NAME=value of VAR` to OUT/FILE (value `none` when unset), with a newline.
    record: fn(&str, &str) -> String,
    /// bash: what `${PROMPT_COMMAND[*]}` holds after the hook was loaded twice.
    prompt_command: &'static str,
    /// Copy `../proj/.venv` here; remove `.venv`; run `git` quietly.
    copy_venv: &'static str,
    remove_venv: &'static str,
    run_git: &'static str,
}

fn posix_record(file: &str, var: &str) -> String {
    format!("printf '%s\\n' \"${{{var}-none}}\" > \"$OUT/{file}\"")
}

/// bash with `set -u` and the array form of PROMPT_COMMAND (bash 5.1+).
const BASH_STRICT: Dialect = Dialect {
    load: "set -u; PROMPT_COMMAND=('history -a'); eval \"$(venvsh hook bash)\"; eval \"$(venvsh hook bash)\"",
    prompt_command: "history -a __venvsh_hook | ",
    ..BASH
};

/// bash where bash-preexec owns PROMPT_COMMAND and runs `precmd_functions` (this stands
/// in for bash-preexec itself, which is not in Debian's archive): the hook must join
/// `precmd_functions` and leave PROMPT_COMMAND alone.
const BASH_PREEXEC: Dialect = Dialect {
    load: "__bp_imported=1; precmd_functions=(); PROMPT_COMMAND='for __bp_f in \"${precmd_functions[@]}\"; do \"$__bp_f\"; done'; eval \"$(venvsh hook bash)\"; eval \"$(venvsh hook bash)\"",
    prompt_command: "for __bp_f in \"${precmd_functions[@]}\"; do \"$__bp_f\"; done | __venvsh_hook",
    ..BASH
};

const BASH: Dialect = Dialect {
    prompt_command: "history -a; __venvsh_hook | ",
    copy_venv: "cp -R ../proj/.venv .venv",
    remove_venv: "rm -rf .venv",
    run_git: "git --version > /dev/null 2>&1",
    program: "bash",
    command: "bash --noprofile --norc -i",
    load: "PROMPT_COMMAND='history -a;  '; eval \"$(venvsh hook bash)\"; eval \"$(venvsh hook bash)\"",
    record: posix_record,
};
const ZSH: Dialect = Dialect {
    prompt_command: "",
    copy_venv: "cp -R ../proj/.venv .venv",
    remove_venv: "rm -rf .venv",
    run_git: "git --version > /dev/null 2>&1",
    program: "zsh",
    command: "zsh -f -i",
    load: "setopt KSH_ARRAYS NO_UNSET AUTO_CD; my_precmd() { :; }; precmd_functions=(my_precmd); eval \"$(venvsh hook zsh)\"; eval \"$(venvsh hook zsh)\"",
    record: posix_record,
};
const FISH: Dialect = Dialect {
    prompt_command: "",
    copy_venv: "cp -R ../proj/.venv .venv",
    remove_venv: "rm -rf .venv",
    run_git: "git --version > /dev/null 2>&1",
    program: "fish",
    command: "fish --no-config -i",
    load: "venvsh hook fish | source; venvsh hook fish | source",
    record: |file, var| {
        format!(
            "if set -q {var}; string join : -- ${var} > $OUT/{file}; else; echo none > $OUT/{file}; end"
        )
    },
};
const TCSH: Dialect = Dialect {
    prompt_command: "",
    copy_venv: "cp -R ../proj/.venv .venv",
    remove_venv: "rm -rf .venv",
    run_git: "git --version > /dev/null 2>&1",
    program: "tcsh",
    command: "tcsh -f -i",
    load: "alias precmd 'set user_precmd_ran' ; eval \"`venvsh hook tcsh`\" ; eval \"`venvsh hook tcsh`\"",
    record: |file, var| {
        format!(
            "if ( $?{var} ) then\necho \"${var}:q\" > \"$OUT/{file}\"\nelse\necho none > \"$OUT/{file}\"\nendif"
        )
    },
};

const NU: Dialect = Dialect {
    prompt_command: "",
    program: "nu",
    command: "nu --no-config-file",
    // `source` takes a path known when the line is parsed: the test fills it in.
    load: "source '@HOOK_FILE@'",
    record: |file, var| {
        format!(
            "(($env.{var}? | default none) | if ($in | describe) =~ '^list' {{ str join ':' }} else {{ $in }}) + \"\\n\" | save -f ($env.OUT | path join '{file}')"
        )
    },
    copy_venv: "cp -r ../proj/.venv .venv",
    remove_venv: "rm -r .venv",
    run_git: "do -i { ^git --version } | ignore",
};

/// A project tree: `proj/.venv` (made by venvsh, so trusted), `proj/sub`, `sib/.venv`
/// (allowed), `other/`, `manual/` (an environment activated by hand), and `cloned/.venv`
/// holding a `bin/git` that must never reach PATH.
fn projects(root: &Path) -> PathBuf {
    for dir in ["proj/sub", "other", "cloned"] {
        fs::create_dir_all(root.join(dir)).unwrap();
    }
    make_env(&root.join("proj"), ".venv", None);
    make_env(&root.join("sib"), ".venv", None);
    make_env(root, "manual", None);
    let cloned = make_env(&root.join("cloned"), ".venv", None);
    fs::write(cloned.join("bin/git"), "#!/bin/sh\ntouch PWNED_GIT\n").unwrap();
    root.to_owned()
}

fn allow(home: &Path, env: &Path) {
    let out = Command::new(venvsh())
        .arg("allow")
        .arg(env)
        .env("VENVSH_DATA_DIR", home.join("data"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn auto_activation(dialect: &Dialect) {
    if !require(dialect.program) || !require("tmux") {
        return;
    }
    let case = Case::new();
    let root = projects(case.root());
    let home = case.root().join("home");
    fs::create_dir_all(&home).unwrap();
    allow(&home, &root.join("proj/.venv"));
    allow(&home, &root.join("sib/.venv"));
    let out = case.out.clone();
    let proj_env = root.join("proj/.venv");
    let (proj, sib) = (proj_env.to_str().unwrap(), root.join("sib/.venv"));

    // nushell sources a file: save the hook once, as the README says.
    let hook_file = home.join("venvsh.nu");
    let hook = Command::new(venvsh())
        .args(["hook", "nu"])
        .output()
        .unwrap();
    fs::write(&hook_file, &hook.stdout).unwrap();

    // Started inside the project: active before the first command.
    let mut t = Terminal::start(dialect.command, &root.join("proj"), &home, &out);
    let set_out = match dialect.program {
        "tcsh" => format!("setenv OUT '{}'", out.display()),
        "fish" => format!("set -gx OUT '{}'", out.display()),
        "nu" => format!("$env.OUT = '{}'", out.display()),
        _ => format!("export OUT='{}'", out.display()),
    };
    t.send(&set_out);
    t.send(&(dialect.record)("path0", "PATH"));
    let original_path = t.wait("path0");
    t.send(
        &dialect
            .load
            .replace("@HOOK_FILE@", hook_file.to_str().unwrap()),
    );
    let record = |t: &mut Terminal, step: &str| {
        t.send(&(dialect.record)(&format!("{step}.ve"), "VIRTUAL_ENV"));
        t.send(&(dialect.record)(&format!("{step}.path"), "PATH"));
        let ve = t.wait(&format!("{step}.ve"));
        let path = t.wait(&format!("{step}.path"));
        (ve, path)
    };
    let (ve, path) = record(&mut t, "start");
    assert_eq!(ve, proj, "{}: started in the project", dialect.program);
    assert_eq!(
        path,
        format!("{proj}/bin:{original_path}"),
        "{}: PATH at start",
        dialect.program
    );

    // The caller's exit status survives the prompt hook.
    match dialect.program {
        "bash" => {
            t.send("false | true");
            t.send("printf '%s\\n' \"${PIPESTATUS[*]}\" > \"$OUT/pipestatus\"");
            assert_eq!(
                t.wait("pipestatus"),
                "1 0",
                "bash: PIPESTATUS across the prompt"
            );
            t.send("false");
            t.send("printf '%s\\n' \"$?\" > \"$OUT/status\"");
            assert_eq!(t.wait("status"), "1", "bash: $? across the prompt");
            t.send("printf '%s\\n' \"${PROMPT_COMMAND[*]} | ${precmd_functions[*]-}\" > \"$OUT/prompt_command\"");
            assert_eq!(
                t.wait("prompt_command"),
                dialect.prompt_command,
                "bash: PROMPT_COMMAND joined once"
            );
        }
        "zsh" => {
            t.send("false");
            t.send("printf '%s\\n' \"$?\" > \"$OUT/status\"");
            assert_eq!(t.wait("status"), "1", "zsh: $? across the prompt");
            t.send("printf '%s\\n' \"${precmd_functions[*]} / ${chpwd_functions[*]}\" > \"$OUT/hooks\"");
            assert_eq!(
                t.wait("hooks"),
                "my_precmd __venvsh_hook / __venvsh_hook",
                "zsh: hooks installed once"
            );
        }
        "fish" => {
            t.send("false");
            t.send("echo $status > $OUT/status");
            assert_eq!(t.wait("status"), "1", "fish: $status across the prompt");
        }
        "nu" => {
            t.send("^false");
            t.send("($env.LAST_EXIT_CODE | into string) + \"\\n\" | save -f ($env.OUT | path join status)");
            assert_eq!(
                t.wait("status"),
                "1",
                "nu: LAST_EXIT_CODE across the prompt"
            );
            t.send("($env.config.hooks.pre_prompt | length | into string) + \"\\n\" | save -f ($env.OUT | path join hooks)");
            assert_eq!(
                t.wait("hooks"),
                "1",
                "nu: the pre_prompt hook installed once"
            );
        }
        _ => {
            t.send("alias precmd > \"$OUT/precmd\"");
            assert_eq!(
                t.wait("precmd"),
                "set user_precmd_ran ; __venvsh_hook",
                "tcsh: precmd chained once"
            );
        }
    }

    // zsh changes directory by name alone (AUTO_CD), which must fire the hook too.
    let cd = |dir: &str| {
        if dialect.program == "zsh" {
            dir.to_owned()
        } else {
            format!("cd {dir}")
        }
    };
    t.send(&cd("sub"));
    assert_eq!(
        record(&mut t, "sub").0,
        proj,
        "{}: subdirectories keep it",
        dialect.program
    );

    t.send(&cd("../../sib"));
    let (ve, path) = record(&mut t, "sib");
    assert_eq!(
        ve,
        sib.to_str().unwrap(),
        "{}: a sibling project switches",
        dialect.program
    );
    assert_eq!(
        path,
        format!("{}/bin:{original_path}", sib.display()),
        "{}",
        dialect.program
    );

    t.send(&cd("../other"));
    let (ve, path) = record(&mut t, "other");
    assert_eq!(ve, "none", "{}: leaving deactivates", dialect.program);
    assert_eq!(path, original_path, "{}: PATH is back", dialect.program);

    // A .venv appearing in the current directory is noticed at the next prompt.
    t.send(dialect.copy_venv);
    t.send("venvsh allow");
    let (ve, _) = record(&mut t, "created");
    assert!(
        ve.ends_with("/other/.venv"),
        "{}: created .venv: {ve}",
        dialect.program
    );
    t.send(dialect.remove_venv);
    assert_eq!(
        record(&mut t, "deleted").0,
        "none",
        "{}: deleted .venv",
        dialect.program
    );

    // An environment activated by hand is left alone by the hook.
    t.send(&format!(
        "venvsh activate '{}'",
        root.join("manual").display()
    ));
    t.send("cd ../proj");
    assert!(
        record(&mut t, "manual").0.ends_with("/manual"),
        "{}: manual stays",
        dialect.program
    );
    t.send("deactivate");
    t.send("cd ../cloned");
    // The cloned repository's .venv is not trusted: never on PATH.
    let (ve, path) = record(&mut t, "cloned");
    assert_eq!(ve, "none", "{}: untrusted .venv activated", dialect.program);
    assert!(
        !path.contains("cloned/.venv"),
        "{}: untrusted bin on PATH: {path}",
        dialect.program
    );
    t.send(dialect.run_git);
    t.send(&(dialect.record)("done", "OUT"));
    t.wait("done");
    let screen = t.screen();
    // Told once about the cloned environment, though several prompts passed in it.
    let notice = format!(
        "venvsh: not activating {}",
        root.join("cloned/.venv").display()
    );
    assert_eq!(
        screen.matches(&notice).count(),
        1,
        "{}: {notice:?} should show once:\n{screen}",
        dialect.program
    );
    assert!(
        !root.join("cloned/PWNED_GIT").exists(),
        "{}: the cloned bin/git ran",
        dialect.program
    );
}

#[test]
fn bash_auto_activation() {
    auto_activation(&BASH);
}

#[test]
fn bash_auto_activation_with_set_u_and_an_array_prompt_command() {
    auto_activation(&BASH_STRICT);
}

#[test]
fn bash_auto_activation_under_bash_preexec() {
    auto_activation(&BASH_PREEXEC);
}

#[test]
fn zsh_auto_activation() {
    auto_activation(&ZSH);
}

#[test]
fn fish_auto_activation() {
    auto_activation(&FISH);
}

#[test]
fn tcsh_auto_activation() {
    auto_activation(&TCSH);
}

#[test]
fn nu_auto_activation() {
    auto_activation(&NU);
}

/// Process creations (fork, vfork, clone, execve) `program` makes running `script`.
fn process_creations(program: &str, args: &[&str], script: &str, cwd: &Path, home: &Path) -> usize {
    let trace = home.join(format!("trace-{}", rand_suffix()));
    let output = Command::new("strace")
        .args([
            "-f",
            "-qq",
            "-e",
            "trace=fork,vfork,clone,clone3,execve",
            "-o",
        ])
        .arg(&trace)
        .arg(program)
        .args(args)
        .arg(script)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", test_path())
        .env("HOME", home)
        .env("VENVSH_DATA_DIR", home.join("data"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = fs::read_to_string(&trace).unwrap();
    text.lines()
        .filter(|l| !l.contains("resumed>") && !l.contains("= -1"))
        .count()
}

#[test]
fn the_prompt_hook_forks_nothing_while_nothing_changes() {
    if !require("strace") {
        return;
    }
    let case = Case::new();
    let root = projects(case.root());
    let home = case.root().join("home");
    fs::create_dir_all(&home).unwrap();
    allow(&home, &root.join("proj/.venv"));
    let shells: [(&str, &[&str], &str, &str); 3] = [
        (
            "bash",
            &["--norc", "-c"],
            "eval \"$(venvsh hook bash)\"",
            "for i in {1..N}; do __venvsh_hook; done",
        ),
        (
            "zsh",
            &["-f", "-c"],
            "eval \"$(venvsh hook zsh)\"",
            "repeat N __venvsh_hook",
        ),
        (
            "fish",
            &["--no-config", "-c"],
            "venvsh hook fish | source",
            "set -l i 0; while test $i -lt N; set i (math $i + 1); __venvsh_hook; end",
        ),
    ];
    for (program, args, load, calls) in shells {
        if !require(program) {
            continue;
        }
        // The first call (at load) activates; the next 300 see nothing new.
        let once = process_creations(
            program,
            args,
            &format!("{load}; {}", calls.replace('N', "1")),
            &root.join("proj"),
            &home,
        );
        let many = process_creations(
            program,
            args,
            &format!("{load}; {}", calls.replace('N', "300")),
            &root.join("proj"),
            &home,
        );
        assert!(
            once > 0,
            "{program}: strace saw no process creation at all (loading the hook runs venvsh)"
        );
        assert_eq!(
            many, once,
            "{program}: 299 more prompt-hook calls with nothing changed created processes"
        );
    }
    // The counter does see forks: a command substitution per call is 300 more.
    let control = "eval \"$(venvsh hook bash)\"; for i in {1..300}; do x=$(__venvsh_hook); done";
    let forked = process_creations(
        "bash",
        &["--norc", "-c"],
        control,
        &root.join("proj"),
        &home,
    );
    let quiet = process_creations(
        "bash",
        &["--norc", "-c"],
        "eval \"$(venvsh hook bash)\"",
        &root.join("proj"),
        &home,
    );
    assert!(
        forked >= quiet + 300,
        "the strace counter missed forks: {forked} vs {quiet}"
    );
}
