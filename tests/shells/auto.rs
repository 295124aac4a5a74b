//! Auto-activation, driven through a real terminal (tmux) in bash, zsh, fish, tcsh,
//! nushell and xonsh: the hook only runs when a shell draws its prompt interactively. Then the
//! prompt hook's cost: no process created while nothing changes.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::common::harness::{Trial, located, trial};
use crate::common::tmux::Tmux;
use crate::common::{Case, make_env, test_path, venvsh};

/// How one shell is started, loads the hook, records a variable, and what else it
/// checks once the hook is loaded.
struct Dialect {
    /// The trial's name.
    name: &'static str,
    program: &'static str,
    args: &'static [&'static str],
    load: &'static str,
    /// `OUT=<dir>` in the shell's syntax.
    set_out: fn(&Path) -> String,
    /// Write `NAME=value of VAR` to OUT/FILE (value `none` when unset), with a newline.
    record: fn(&str, &str) -> String,
    /// Checks particular to the shell, run right after the hook is loaded.
    checks: fn(&Session<'_>, &Dialect),
    /// bash: what `${PROMPT_COMMAND[*]} | ${precmd_functions[*]-}` holds after the
    /// hook was loaded twice.
    prompt_command: &'static str,
    /// The line that changes directory to `dir` (zsh: by name alone, AUTO_CD).
    cd: fn(&str) -> String,
    /// Copy `../proj/.venv` here; remove `.venv`; run `git` quietly.
    copy_venv: &'static str,
    remove_venv: &'static str,
    run_git: &'static str,
    /// Pause after each line: nushell's line editor drops keys typed while a command runs.
    settle: Duration,
}

fn posix_record(file: &str, var: &str) -> String {
    format!("printf '%s\\n' \"${{{var}-none}}\" > \"$OUT/{file}\"")
}

fn cd(dir: &str) -> String {
    format!("cd {dir}")
}

const BASH: Dialect = Dialect {
    name: "bash",
    program: "bash",
    args: &["--noprofile", "--norc", "-i"],
    load: "PROMPT_COMMAND='history -a;  '; eval \"$(venvsh hook bash)\"; eval \"$(venvsh hook bash)\"",
    set_out: |out| format!("export OUT='{}'", out.display()),
    record: posix_record,
    checks: bash_checks,
    prompt_command: "history -a; __venvsh_hook | ",
    cd,
    copy_venv: "cp -R ../proj/.venv .venv",
    remove_venv: "rm -rf .venv",
    run_git: "git --version > /dev/null 2>&1",
    settle: Duration::ZERO,
};

/// bash with `set -u` and the array form of PROMPT_COMMAND (bash 5.1+).
const BASH_STRICT: Dialect = Dialect {
    name: "bash_with_set_u_and_an_array_prompt_command",
    load: "set -u; PROMPT_COMMAND=('history -a'); eval \"$(venvsh hook bash)\"; eval \"$(venvsh hook bash)\"",
    prompt_command: "history -a __venvsh_hook | ",
    ..BASH
};

/// bash where bash-preexec owns PROMPT_COMMAND and runs `precmd_functions` (this stands
/// in for bash-preexec itself, which is not in Debian's archive): the hook must join
/// `precmd_functions` and leave PROMPT_COMMAND alone.
const BASH_PREEXEC: Dialect = Dialect {
    name: "bash_under_bash_preexec",
    load: "__bp_imported=1; precmd_functions=(); PROMPT_COMMAND='for __bp_f in \"${precmd_functions[@]}\"; do \"$__bp_f\"; done'; eval \"$(venvsh hook bash)\"; eval \"$(venvsh hook bash)\"",
    prompt_command: "for __bp_f in \"${precmd_functions[@]}\"; do \"$__bp_f\"; done | __venvsh_hook",
    ..BASH
};

const ZSH: Dialect = Dialect {
    name: "zsh",
    program: "zsh",
    args: &["-f", "-i"],
    load: "setopt KSH_ARRAYS NO_UNSET AUTO_CD; my_precmd() { :; }; precmd_functions=(my_precmd); eval \"$(venvsh hook zsh)\"; eval \"$(venvsh hook zsh)\"",
    checks: zsh_checks,
    prompt_command: "",
    // zsh changes directory by name alone (AUTO_CD), which must fire the hook too.
    cd: str::to_owned,
    ..BASH
};

const FISH: Dialect = Dialect {
    name: "fish",
    program: "fish",
    args: &["--no-config", "-i"],
    load: "venvsh hook fish | source; venvsh hook fish | source",
    set_out: |out| format!("set -gx OUT '{}'", out.display()),
    record: |file, var| {
        format!(
            "if set -q {var}; string join : -- ${var} > $OUT/{file}; else; echo none > $OUT/{file}; end"
        )
    },
    checks: fish_checks,
    prompt_command: "",
    ..BASH
};

const TCSH: Dialect = Dialect {
    name: "tcsh",
    program: "tcsh",
    args: &["-f", "-i"],
    load: "alias precmd 'set user_precmd_ran' ; eval \"`venvsh hook tcsh`\" ; eval \"`venvsh hook tcsh`\"",
    set_out: |out| format!("setenv OUT '{}'", out.display()),
    record: |file, var| {
        format!(
            "if ( $?{var} ) then\necho \"${var}:q\" > \"$OUT/{file}\"\nelse\necho none > \"$OUT/{file}\"\nendif"
        )
    },
    checks: tcsh_checks,
    prompt_command: "",
    ..BASH
};

const NU: Dialect = Dialect {
    name: "nu",
    program: "nu",
    args: &["--no-config-file"],
    // `source` takes a path known when the line is parsed: the test fills it in.
    load: "source '@HOOK_FILE@'",
    set_out: |out| format!("$env.OUT = '{}'", out.display()),
    record: |file, var| {
        format!(
            "(($env.{var}? | default none) | if ($in | describe) =~ '^list' {{ str join ':' }} else {{ $in }}) + \"\\n\" | save -f ($env.OUT | path join '{file}')"
        )
    },
    checks: nu_checks,
    prompt_command: "",
    copy_venv: "cp -r ../proj/.venv .venv",
    remove_venv: "rm -r .venv",
    run_git: "do -i { ^git --version } | ignore",
    settle: Duration::from_millis(300),
    ..BASH
};

/// Lines are Python: a record is a call that writes the file.
const XONSH: Dialect = Dialect {
    name: "xonsh",
    program: "xonsh",
    args: &["--no-rc", "-i"],
    load: "execx($(venvsh hook xonsh)); execx($(venvsh hook xonsh))",
    set_out: |out| format!("$OUT = '{}'", out.display()),
    record: |file, var| {
        format!(
            "open($OUT + '/{file}', 'w').write(__xonsh__.env.detype().get('{var}', 'none') + '\\n')"
        )
    },
    checks: xonsh_checks,
    prompt_command: "",
    run_git: "git --version a> /dev/null",
    // prompt_toolkit, like nushell's line editor, drops keys typed while a command runs.
    settle: Duration::from_millis(300),
    ..BASH
};

const DIALECTS: &[Dialect] = &[BASH, BASH_STRICT, BASH_PREEXEC, ZSH, FISH, TCSH, NU, XONSH];

/// One dialect's terminal and where it records.
struct Session<'a> {
    tmux: Tmux,
    out: &'a Path,
}

impl Session<'_> {
    fn send(&self, line: &str) {
        self.tmux.type_line(line);
    }

    /// Wait until the shell wrote `name` (a line) in the out directory, and return it.
    #[track_caller]
    fn wait(&self, name: &str) -> String {
        self.tmux
            .wait_for_file(&self.out.join(name), |text| text.ends_with('\n'))
            .trim_end_matches('\n')
            .to_owned()
    }
}

/// The caller's exit status survives the prompt hook, and the hook is installed once.
fn bash_checks(t: &Session<'_>, dialect: &Dialect) {
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
    t.send(
        "printf '%s\\n' \"${PROMPT_COMMAND[*]} | ${precmd_functions[*]-}\" > \"$OUT/prompt_command\"",
    );
    assert_eq!(
        t.wait("prompt_command"),
        dialect.prompt_command,
        "bash: PROMPT_COMMAND joined once"
    );
}

fn zsh_checks(t: &Session<'_>, _: &Dialect) {
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

fn fish_checks(t: &Session<'_>, _: &Dialect) {
    t.send("false");
    t.send("echo $status > $OUT/status");
    assert_eq!(t.wait("status"), "1", "fish: $status across the prompt");
}

fn tcsh_checks(t: &Session<'_>, _: &Dialect) {
    t.send("alias precmd > \"$OUT/precmd\"");
    assert_eq!(
        t.wait("precmd"),
        "set user_precmd_ran ; __venvsh_hook",
        "tcsh: precmd chained once"
    );
}

fn nu_checks(t: &Session<'_>, _: &Dialect) {
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

/// The hook keeps the last command's status, and installs one handler per event; other
/// verbs run as a command of their own, with the terminal (`venvsh run`, `venvsh shell`).
fn xonsh_checks(t: &Session<'_>, _: &Dialect) {
    t.send(
        "venvsh run .venv -- sh -c 'r=pipe; test -t 0 && test -t 1 && test -t 2 && r=tty; echo ${r} > \"${OUT}/tty\"'",
    );
    assert_eq!(t.wait("tty"), "tty", "xonsh: venvsh run in the terminal");
    t.send("false");
    t.send("open($OUT + '/status', 'w').write(str($LAST_RETURN_CODE) + '\\n')");
    assert_eq!(
        t.wait("status"),
        "1",
        "xonsh: $LAST_RETURN_CODE across the prompt"
    );
    t.send(
        "open($OUT + '/hooks', 'w').write(' '.join(str(sum(getattr(h, '__venvsh_hook__', False) for h in e)) for e in (events.on_chdir, events.on_pre_prompt)) + '\\n')",
    );
    assert_eq!(
        t.wait("hooks"),
        "1 1",
        "xonsh: one handler on on_chdir and on_pre_prompt"
    );
}

pub fn trials() -> Vec<Trial> {
    let mut trials: Vec<Trial> = DIALECTS
        .iter()
        .map(|dialect| {
            trial(
                format!("auto::activation::{}", dialect.name),
                &[dialect.program, "tmux"],
                move || auto_activation(dialect),
            )
        })
        .collect();
    for dialect in DIALECTS.iter().filter(|d| !d.name.contains('_')) {
        trials.push(trial(
            format!("auto::deleted_or_replaced_while_active::{}", dialect.name),
            &[dialect.program, "tmux", "python3"],
            move || deleted_or_replaced(dialect),
        ));
    }
    for (program, args, load, calls) in FORK_CHECKS {
        trials.push(trial(
            format!("auto::the_prompt_hook_forks_nothing_while_nothing_changes::{program}"),
            &[program, "strace"],
            move || forks_nothing(program, args, load, calls),
        ));
    }
    trials.push(trial(
        "auto::the_fork_counter_sees_forks",
        &["bash", "strace"],
        fork_counter_sees_forks,
    ));
    trials
}

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
    let case = Case::new();
    let root = projects(case.root());
    let home = case.root().join("home");
    fs::create_dir_all(&home).unwrap();
    allow(&home, &root.join("proj/.venv"));
    allow(&home, &root.join("sib/.venv"));
    let out = case.out.clone();
    let proj_env = root.join("proj/.venv");
    let (proj, sib) = (proj_env.to_str().unwrap(), root.join("sib/.venv"));
    let program = dialect.name;

    // nushell sources a file: save the hook once, as the README says.
    let hook_file = home.join("venvsh.nu");
    let hook = Command::new(venvsh())
        .args(["hook", "nu"])
        .output()
        .unwrap();
    fs::write(&hook_file, &hook.stdout).unwrap();

    // Started inside the project: active before the first command.
    let shell = located(dialect.program);
    let mut argv = vec![shell.as_str()];
    argv.extend(dialect.args);
    let env = [
        ("PATH", test_path()),
        ("HOME", home.display().to_string()),
        ("VENVSH_DATA_DIR", home.join("data").display().to_string()),
        ("TERM", "screen".to_owned()),
        ("LANG", "C.UTF-8".to_owned()),
    ];
    let tmux = Tmux::start(
        &case.root().join("tmux"),
        &root.join("proj"),
        &env,
        &argv,
        (200, 50),
    )
    .settle(dialect.settle);
    let t = Session { tmux, out: &out };
    t.send(&(dialect.set_out)(&out));
    t.send(&(dialect.record)("path0", "PATH"));
    let original_path = t.wait("path0");
    t.send(
        &dialect
            .load
            .replace("@HOOK_FILE@", hook_file.to_str().unwrap()),
    );
    let record = |step: &str| {
        t.send(&(dialect.record)(&format!("{step}.ve"), "VIRTUAL_ENV"));
        t.send(&(dialect.record)(&format!("{step}.path"), "PATH"));
        let ve = t.wait(&format!("{step}.ve"));
        let path = t.wait(&format!("{step}.path"));
        (ve, path)
    };
    let (ve, path) = record("start");
    assert_eq!(ve, proj, "{program}: started in the project");
    assert_eq!(
        path,
        format!("{proj}/bin:{original_path}"),
        "{program}: PATH at start"
    );

    (dialect.checks)(&t, dialect);

    t.send(&(dialect.cd)("sub"));
    assert_eq!(record("sub").0, proj, "{program}: subdirectories keep it");

    // Deactivated by the user: the hook leaves the project alone while they stay in it
    // (issue 11, item 4), and activates it again once they left and came back.
    t.send("deactivate");
    assert_eq!(record("off").0, "none", "{program}: deactivate");
    t.send(&(dialect.cd)(".."));
    let (ve, path) = record("off_in_project");
    assert_eq!(
        ve, "none",
        "{program}: cd within the project re-activated it"
    );
    assert_eq!(path, original_path, "{program}: PATH after deactivate");

    t.send(&(dialect.cd)("../sib"));
    let (ve, path) = record("sib");
    assert_eq!(
        ve,
        sib.to_str().unwrap(),
        "{program}: a sibling project switches"
    );
    assert_eq!(
        path,
        format!("{}/bin:{original_path}", sib.display()),
        "{program}"
    );
    t.send(&(dialect.cd)("../proj"));
    assert_eq!(record("back").0, proj, "{program}: back in the project");

    t.send(&(dialect.cd)("../other"));
    let (ve, path) = record("other");
    assert_eq!(ve, "none", "{program}: leaving deactivates");
    assert_eq!(path, original_path, "{program}: PATH is back");

    // A .venv appearing in the current directory is noticed at the next prompt.
    t.send(dialect.copy_venv);
    t.send("venvsh allow");
    let (ve, _) = record("created");
    assert!(
        ve.ends_with("/other/.venv"),
        "{program}: created .venv: {ve}"
    );
    t.send(dialect.remove_venv);
    assert_eq!(record("deleted").0, "none", "{program}: deleted .venv");

    // An environment activated by hand is left alone by the hook.
    t.send(&format!(
        "venvsh activate '{}'",
        root.join("manual").display()
    ));
    t.send("cd ../proj");
    assert!(
        record("manual").0.ends_with("/manual"),
        "{program}: manual stays"
    );
    t.send("deactivate");
    t.send("cd ../cloned");
    // The cloned repository's .venv is not trusted: never on PATH.
    let (ve, path) = record("cloned");
    assert_eq!(ve, "none", "{program}: untrusted .venv activated");
    assert!(
        !path.contains("cloned/.venv"),
        "{program}: untrusted bin on PATH: {path}"
    );
    t.send(dialect.run_git);
    t.send(&(dialect.record)("done", "OUT"));
    t.wait("done");
    let screen = t.tmux.scrollback();
    // Told once about the cloned environment, though several prompts passed in it.
    let notice = format!(
        "venvsh: not activating {}",
        root.join("cloned/.venv").display()
    );
    assert_eq!(
        screen.matches(&notice).count(),
        1,
        "{program}: {notice:?} should show once:\n{screen}"
    );
    assert!(
        !root.join("cloned/PWNED_GIT").exists(),
        "{program}: the cloned bin/git ran"
    );
}

/// An environment deleted while active is told at the next prompt, and `doctor` says
/// so; one venvsh created, recreated by `python -m venv --clear` while the hook had it
/// active, is deactivated with the reason at the next directory change, not kept on
/// PATH silently (issue 11, item 5).
fn deleted_or_replaced(dialect: &Dialect) {
    let case = Case::new();
    let root = projects(case.root());
    let home = case.root().join("home");
    fs::create_dir_all(root.join("made/sub")).unwrap();
    fs::create_dir_all(&home).unwrap();
    let data = home.join("data");
    let created = Command::new(venvsh())
        .args([
            "create",
            "--without-pip",
            "-p",
            &located("python3"),
            ".venv",
        ])
        .current_dir(root.join("made"))
        .env("VENVSH_DATA_DIR", &data)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .output()
        .unwrap();
    assert!(
        created.status.success(),
        "{}",
        String::from_utf8_lossy(&created.stderr)
    );
    let hook_file = home.join("venvsh.nu");
    let hook = Command::new(venvsh())
        .args(["hook", "nu"])
        .output()
        .unwrap();
    fs::write(&hook_file, &hook.stdout).unwrap();

    let shell = located(dialect.program);
    let mut argv = vec![shell.as_str()];
    argv.extend(dialect.args);
    let env = [
        ("PATH", test_path()),
        ("HOME", home.display().to_string()),
        ("VENVSH_DATA_DIR", data.display().to_string()),
        ("TERM", "screen".to_owned()),
        ("LANG", "C.UTF-8".to_owned()),
    ];
    let tmux = Tmux::start(&case.root().join("tmux"), &root, &env, &argv, (250, 50))
        .settle(dialect.settle);
    let t = Session {
        tmux,
        out: &case.out,
    };
    let program = dialect.name;
    t.send(&(dialect.set_out)(&case.out));
    t.send(&(dialect.record)("path0", "PATH"));
    let original_path = t.wait("path0");
    t.send(
        &dialect
            .load
            .replace("@HOOK_FILE@", hook_file.to_str().unwrap()),
    );

    let manual = root.join("manual");
    t.send(&format!("venvsh activate '{}'", manual.display()));
    t.send(&(dialect.record)("manual", "VIRTUAL_ENV"));
    assert_eq!(t.wait("manual"), manual.display().to_string(), "{program}");
    fs::remove_dir_all(&manual).unwrap();
    t.send("true");
    t.tmux.wait_for_screen(&format!(
        "venvsh: the active environment {} no longer exists",
        manual.display()
    ));
    t.send("venvsh doctor");
    t.tmux
        .wait_for_screen(&format!("but {} no longer exists", manual.display()));
    t.send("deactivate");
    t.send(&(dialect.record)("gone.ve", "VIRTUAL_ENV"));
    t.send(&(dialect.record)("gone.path", "PATH"));
    assert_eq!(
        t.wait("gone.ve"),
        "none",
        "{program}: deactivate a deleted one"
    );
    assert_eq!(t.wait("gone.path"), original_path, "{program}");

    let made = root.join("made/.venv");
    t.send(&(dialect.cd)("made"));
    t.send(&(dialect.record)("made", "VIRTUAL_ENV"));
    assert_eq!(
        t.wait("made"),
        made.display().to_string(),
        "{program}: created by venvsh"
    );
    let recreated = Command::new(located("python3"))
        .args(["-m", "venv", "--clear", "--without-pip"])
        .arg(&made)
        .output()
        .unwrap();
    assert!(recreated.status.success());
    t.send(&(dialect.cd)("sub"));
    t.send(&(dialect.record)("replaced.ve", "VIRTUAL_ENV"));
    t.send(&(dialect.record)("replaced.path", "PATH"));
    assert_eq!(
        t.wait("replaced.ve"),
        "none",
        "{program}: a replaced environment stayed active"
    );
    assert_eq!(t.wait("replaced.path"), original_path, "{program}");
    t.tmux.wait_for_screen(&format!(
        "venvsh: not activating {}: it was trusted, but has been recreated since",
        made.display()
    ));
}

/// Process creations (fork, vfork, clone, execve; not threads) `program` makes running
/// `script`.
fn process_creations(program: &str, args: &[&str], script: &str, cwd: &Path, home: &Path) -> usize {
    let trace = home.join("trace");
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
    // A thread is not a process, nor is a signal: xonsh (Python) starts a varying
    // number of threads, and is sent a varying number of signals.
    text.lines()
        .filter(|l| {
            !l.contains("resumed>")
                && !l.contains("= -1")
                && !l.contains("CLONE_THREAD")
                && !l.contains(" --- SIG")
        })
        .count()
}

/// A trusted project, and the HOME that trusts it.
fn trusted_project() -> (Case, PathBuf, PathBuf) {
    let case = Case::new();
    let root = projects(case.root());
    let home = case.root().join("home");
    fs::create_dir_all(&home).unwrap();
    allow(&home, &root.join("proj/.venv"));
    (case, root.join("proj"), home)
}

/// Each shell: how it runs a script, loads the hook, and calls the prompt hook N times.
const FORK_CHECKS: [(&str, &[&str], &str, &str); 4] = [
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
    // The handler xonsh calls before each prompt (and on each directory change).
    (
        "xonsh",
        &["--no-rc", "-c"],
        "execx($(venvsh hook xonsh))",
        "h = [h for h in events.on_pre_prompt if getattr(h, '__venvsh_hook__', 0)][0]; _ = [h() for i in range(N)]",
    ),
];

fn forks_nothing(program: &str, args: &[&str], load: &str, calls: &str) {
    let (_case, proj, home) = trusted_project();
    // The first call (at load) activates; the next 300 see nothing new.
    let once = process_creations(
        program,
        args,
        &format!("{load}; {}", calls.replace('N', "1")),
        &proj,
        &home,
    );
    let many = process_creations(
        program,
        args,
        &format!("{load}; {}", calls.replace('N', "300")),
        &proj,
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

/// The counter does see forks: a command substitution per call is 300 more.
fn fork_counter_sees_forks() {
    let (_case, proj, home) = trusted_project();
    let control = "eval \"$(venvsh hook bash)\"; for i in {1..300}; do x=$(__venvsh_hook); done";
    let forked = process_creations("bash", &["--norc", "-c"], control, &proj, &home);
    let quiet = process_creations(
        "bash",
        &["--norc", "-c"],
        "eval \"$(venvsh hook bash)\"",
        &proj,
        &home,
    );
    assert!(
        forked >= quiet + 300,
        "the strace counter missed forks: {forked} vs {quiet}"
    );
}
