//! `venvsh create` against a real interpreter: the environments must work.
//!
//! These tests need `python3` on PATH and fail without it; they never skip. Tests that
//! need other interpreters (pyenv's 3.6 to 3.13) or tools (`unshare`, `setpriv`) use
//! [`require`]: missing, they fail under VENVSH_REQUIRE_SHELLS=1 (`bash tests/run.sh`,
//! which installs them) and say SKIPPED otherwise.
//! Each test gets its own directory; the interpreter and wheel caches are shared
//! under the target directory, so they also exercise concurrent cache use.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

fn cache_home() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("create-cache")
}

fn venvsh(cwd: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_venvsh"));
    command
        .current_dir(cwd)
        .env("XDG_CACHE_HOME", cache_home())
        // Trust records go to the test's own file, never the user's.
        .env("VENVSH_DATA_DIR", cwd.join("test-trust-data"))
        .stdin(Stdio::null());
    command
}

fn run(command: &mut Command) -> Output {
    command.output().expect("could not run the command")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[track_caller]
fn success(command: &mut Command) -> String {
    let out = run(command);
    assert!(
        out.status.success(),
        "{command:?} failed: {}\nstdout: {}\nstderr: {}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// The status `venvsh create` printed: on stderr, with nothing on stdout.
#[track_caller]
fn created(command: &mut Command) -> String {
    let out = run(command);
    let stderr = text(&out.stderr);
    assert!(
        out.status.success(),
        "{command:?} failed: {}\nstderr: {stderr}",
        out.status
    );
    assert!(out.stdout.is_empty(), "stdout: {}", text(&out.stdout));
    stderr
}

/// The stderr of a command that must fail, with the project's error format.
#[track_caller]
fn failure(command: &mut Command) -> String {
    let out = run(command);
    let stderr = text(&out.stderr);
    assert!(
        !out.status.success(),
        "{command:?} succeeded; stdout: {}",
        text(&out.stdout)
    );
    assert!(stderr.starts_with("error: "), "unexpected stderr: {stderr}");
    stderr
}

/// A fresh directory for one test.
fn workdir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("create")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// `python -c code` in the environment, stdout trimmed.
#[track_caller]
fn env_python(env: &Path, code: &str) -> String {
    success(Command::new(env.join("bin/python")).args(["-c", code]))
        .trim()
        .to_owned()
}

/// Facts about the `python3` on PATH, from the interpreter itself.
fn base_python(key: &str) -> String {
    let code = format!(
        "import sys, os, sysconfig\n\
         facts = dict(version='%d.%d' % sys.version_info[:2], base=sys._base_executable,\n\
                      stdlib=os.path.dirname(os.__file__), prefix=sys.base_prefix,\n\
                      wheel_dir=sysconfig.get_config_var('WHEEL_PKG_DIR') or '')\n\
         print(facts[{key:?}])"
    );
    let out = Command::new("python3")
        .args(["-c", &code])
        .output()
        .expect("these tests need python3 on PATH");
    assert!(
        out.status.success(),
        "python3 failed: {}",
        text(&out.stderr)
    );
    text(&out.stdout).trim().to_owned()
}

/// A complete environment: configuration, interpreter links, pip with its RECORD.
#[track_caller]
fn assert_complete(env: &Path, with_pip: bool) {
    let cfg = fs::read_to_string(env.join("pyvenv.cfg")).expect("pyvenv.cfg");
    assert!(cfg.starts_with("home = "), "{cfg}");
    assert!(cfg.contains("include-system-site-packages = "), "{cfg}");
    assert!(env.join("bin/python").exists(), "bin/python missing");
    assert!(env.join("bin/python3").exists(), "bin/python3 missing");
    if with_pip {
        assert!(env.join("bin/pip").exists(), "bin/pip missing");
        let site = site_packages(env);
        let record = fs::read_dir(&site)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                let n = p.file_name().unwrap().to_string_lossy();
                n.starts_with("pip-") && n.ends_with(".dist-info")
            })
            .expect("pip dist-info")
            .join("RECORD");
        let record = fs::read_to_string(record).unwrap();
        assert!(
            record.contains("../../../bin/pip,sha256="),
            "RECORD lacks the scripts"
        );
    }
}

fn site_packages(env: &Path) -> PathBuf {
    let version = base_python("version");
    env.join("lib")
        .join(format!("python{version}"))
        .join("site-packages")
}

fn staging_leftovers(parent: &Path) -> Vec<String> {
    fs::read_dir(parent)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".venvsh-"))
        .collect()
}

#[test]
fn a_new_environment_is_isolated_and_has_its_own_pip() {
    let dir = workdir("basic");
    let stderr = created(venvsh(&dir).args(["create", "v"]));
    let env = dir.join("v");
    assert!(stderr.starts_with("created v with CPython "), "{stderr}");
    assert!(
        stderr
            .trim_end()
            .ends_with("activate with: venvsh activate v"),
        "{stderr}"
    );
    assert_complete(&env, true);

    // The layout venv makes: an absolute link to the base, relative links to it.
    let base = PathBuf::from(base_python("base"));
    let exe_name = base.file_name().unwrap().to_str().unwrap().to_owned();
    assert_eq!(
        fs::read_link(env.join("bin").join(&exe_name)).unwrap(),
        base
    );
    let version = base_python("version");
    for alias in ["python", "python3", &format!("python{version}")] {
        if alias != exe_name {
            assert_eq!(
                fs::read_link(env.join("bin").join(alias)).unwrap(),
                Path::new(&exe_name)
            );
        }
    }
    assert!(env.join("include").is_dir());
    // python3 here is older than 3.13, whose venv is the first to write one.
    assert!(!env.join(".gitignore").exists());
    let cfg = fs::read_to_string(env.join("pyvenv.cfg")).unwrap();
    assert!(
        cfg.contains(&format!("home = {}\n", base.parent().unwrap().display())),
        "{cfg}"
    );
    assert!(
        cfg.contains("include-system-site-packages = false\n"),
        "{cfg}"
    );
    assert!(
        cfg.contains(&format!("python-version = {version}\n")),
        "{cfg}"
    );
    assert!(cfg.contains(&format!("version = {version}.")), "{cfg}");
    assert!(cfg.contains("\nexecutable = /"), "{cfg}");
    assert!(
        cfg.contains(&format!(" -m venv {}\n", env.display())),
        "{cfg}"
    );
    assert!(!cfg.contains("prompt"), "{cfg}");

    // sys.prefix is the environment, sys.base_prefix the base, site-packages the env's.
    let prefixes = env_python(
        &env,
        "import sys, site; print(sys.prefix); print(sys.base_prefix); print(site.getsitepackages()[0])",
    );
    let lines: Vec<&str> = prefixes.lines().collect();
    assert_eq!(lines[0], env.to_str().unwrap());
    assert_eq!(lines[1], base_python("prefix"));
    assert_eq!(Path::new(lines[2]), site_packages(&env));

    let pip = success(Command::new(env.join("bin/python")).args(["-m", "pip", "--version"]));
    assert!(
        pip.contains(&site_packages(&env).display().to_string()),
        "{pip}"
    );
    let pip_script = success(Command::new(env.join("bin/pip")).arg("--version"));
    assert_eq!(pip, pip_script);
}

/// A minimal wheel, written by hand: one module and the dist-info pip needs.
fn write_wheel(dir: &Path) -> PathBuf {
    let files: [(&str, &str); 3] = [
        ("tinypkg/__init__.py", "VALUE = 42\n"),
        (
            "tinypkg-1.0.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: tinypkg\nVersion: 1.0\n",
        ),
        (
            "tinypkg-1.0.dist-info/WHEEL",
            "Wheel-Version: 1.0\nGenerator: hand\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
        ),
    ];
    let path = dir.join("tinypkg-1.0-py3-none-any.whl");
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut record = String::new();
    for (name, contents) in files {
        zip.start_file(name, options).unwrap();
        zip.write_all(contents.as_bytes()).unwrap();
        let digest = Sha256::digest(contents.as_bytes());
        record.push_str(&format!(
            "{name},sha256={},{}\n",
            b64(&digest),
            contents.len()
        ));
    }
    record.push_str("tinypkg-1.0.dist-info/RECORD,,\n");
    zip.start_file("tinypkg-1.0.dist-info/RECORD", options)
        .unwrap();
    zip.write_all(record.as_bytes()).unwrap();
    zip.finish().unwrap();
    path
}

fn b64(data: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

#[test]
fn pip_installs_a_local_wheel_into_the_environment() {
    let dir = workdir("pip-install");
    success(venvsh(&dir).args(["create", "v"]));
    let env = dir.join("v");
    let wheel = write_wheel(&dir);
    success(
        Command::new(env.join("bin/pip"))
            .args([
                "install",
                "--no-index",
                "--no-cache-dir",
                "--disable-pip-version-check",
            ])
            .arg(&wheel)
            .env_remove("PIP_USER"),
    );
    let file = env_python(
        &env,
        "import tinypkg; print(tinypkg.__file__); print(tinypkg.VALUE)",
    );
    assert!(
        file.starts_with(&site_packages(&env).display().to_string()),
        "{file}"
    );
    assert!(file.ends_with("\n42"), "{file}");
    // pip also accepts the pip venvsh installed: it can uninstall and reinstall itself.
    let list =
        success(Command::new(env.join("bin/pip")).args(["list", "--disable-pip-version-check"]));
    assert!(list.contains("tinypkg"), "{list}");
    success(Command::new(env.join("bin/python")).args(["-m", "pip", "uninstall", "-y", "pip"]));
    assert!(
        !env.join("bin/pip").exists(),
        "pip's uninstall left bin/pip behind"
    );
}

#[test]
fn system_site_packages_on_and_off() {
    let dir = workdir("system-site");
    let probe = "import sys, sysconfig; print(sysconfig.get_path('purelib', vars={'base': sys.base_prefix, 'platbase': sys.base_prefix}) in sys.path)";
    success(venvsh(&dir).args(["create", "--without-pip", "off"]));
    assert_eq!(env_python(&dir.join("off"), probe), "False");
    success(venvsh(&dir).args(["create", "--without-pip", "--system-site-packages", "on"]));
    assert_eq!(env_python(&dir.join("on"), probe), "True");
    let cfg = fs::read_to_string(dir.join("on/pyvenv.cfg")).unwrap();
    assert!(
        cfg.contains("include-system-site-packages = true\n"),
        "{cfg}"
    );
    assert!(cfg.contains(" --system-site-packages "), "{cfg}");
}

#[test]
fn upgrade_repairs_in_place_and_keeps_packages() {
    let dir = workdir("upgrade");
    success(venvsh(&dir).args(["create", "v"]));
    let env = dir.join("v");
    let marker = site_packages(&env).join("kept.py");
    fs::write(&marker, "").unwrap();
    fs::remove_file(env.join("bin/python")).unwrap();
    fs::write(env.join("pyvenv.cfg"), "home = /nowhere\n").unwrap();

    let stderr = created(venvsh(&dir).args(["create", "--upgrade", "v"]));
    assert!(stderr.contains("upgraded v with "), "{stderr}");
    assert!(marker.exists(), "--upgrade lost installed files");
    assert_complete(&env, true);
    assert_eq!(
        env_python(&env, "import sys; print(sys.prefix)"),
        env.to_str().unwrap()
    );

    // --upgrade where nothing exists creates, as venv does, and so does it in a folder
    // that is not an environment, whose files stay.
    created(venvsh(&dir).args(["create", "--upgrade", "--without-pip", "fresh"]));
    assert_complete(&dir.join("fresh"), false);
    fs::create_dir(dir.join("plain")).unwrap();
    fs::write(dir.join("plain/data.txt"), "mine").unwrap();
    created(venvsh(&dir).args(["create", "--upgrade", "--without-pip", "plain"]));
    assert_complete(&dir.join("plain"), false);
    assert_eq!(
        fs::read_to_string(dir.join("plain/data.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn clear_replaces_an_environment_and_refuses_anything_else() {
    let dir = workdir("clear");
    success(venvsh(&dir).args(["create", "--without-pip", "v"]));
    let env = dir.join("v");
    fs::write(env.join("stale.txt"), "").unwrap();

    // Without --clear an existing environment is kept, with what is in it.
    created(venvsh(&dir).args(["create", "--without-pip", "v"]));
    assert!(env.join("stale.txt").exists());

    let stderr = created(venvsh(&dir).args(["create", "--clear", "v"]));
    assert!(stderr.contains("replaced v with "), "{stderr}");
    assert!(!env.join("stale.txt").exists());
    assert_complete(&env, true);
    assert!(
        staging_leftovers(&dir).is_empty(),
        "{:?}",
        staging_leftovers(&dir)
    );

    // A directory that is not an environment: refused, kept; replaced only with --force.
    let project = dir.join("project");
    fs::create_dir(&project).unwrap();
    fs::write(project.join("main.py"), "precious").unwrap();
    let stderr = failure(venvsh(&dir).args(["create", "--clear", "project"]));
    assert!(stderr.contains("refusing to clear"), "{stderr}");
    assert!(stderr.contains("hint: add --force"), "{stderr}");
    assert_eq!(
        fs::read_to_string(project.join("main.py")).unwrap(),
        "precious"
    );
    success(venvsh(&dir).args(["create", "--clear", "--force", "--without-pip", "project"]));
    assert!(!project.join("main.py").exists());
    assert_complete(&project, false);

    // A link to an environment: refused with or without --clear; the target is untouched.
    let real = dir.join("real");
    success(venvsh(&dir).args(["create", "--without-pip", "real"]));
    fs::write(real.join("keep.txt"), "").unwrap();
    symlink(&real, dir.join("link")).unwrap();
    let stderr = failure(venvsh(&dir).args(["create", "--clear", "link"]));
    assert!(stderr.contains("is a symbolic link"), "{stderr}");
    assert!(real.join("keep.txt").exists());
    assert_complete(&real, false);
    let stderr = failure(venvsh(&dir).args(["create", "--clear", "--force", "link"]));
    assert!(stderr.contains("is a symbolic link"), "{stderr}");
    assert!(real.join("keep.txt").exists());
}

#[test]
fn impossible_targets_are_refused_before_anything_is_written() {
    let dir = workdir("refusals");
    let stderr = failure(venvsh(&dir).args(["create", "col:on"]));
    assert!(stderr.contains("contains the PATH separator"), "{stderr}");
    assert!(stderr.contains("\nhint: "), "{stderr}");
    assert!(!dir.join("col:on").exists());

    fs::write(dir.join("file"), "data").unwrap();
    let stderr = failure(venvsh(&dir).args(["create", "file"]));
    assert!(stderr.contains("exists and is not a directory"), "{stderr}");
    assert_eq!(fs::read_to_string(dir.join("file")).unwrap(), "data");
    let stderr = failure(venvsh(&dir).args(["create", "--clear", "--force", "file"]));
    assert!(stderr.contains("exists and is not a directory"), "{stderr}");

    let stderr = failure(venvsh(&dir).args(["create", "-p", "9.99", "v"]));
    assert!(
        stderr.contains("no Python interpreter matches `9.99`"),
        "{stderr}"
    );
    let stderr = failure(venvsh(&dir).args(["create", "-p", "./nope/python", "v"]));
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!dir.join("v").exists());
    assert!(staging_leftovers(&dir).is_empty());
}

#[test]
fn hostile_directory_names_make_working_environments() {
    let dir = workdir("hostile");
    for name in [
        "it's",
        "sp ace",
        "$(touch PWNED)",
        "back\\slash",
        "naïve-ü✓",
        "-dash",
    ] {
        let mut command = venvsh(&dir);
        command
            .args(["create", &format!("--prompt={name}"), "--"])
            .arg(name);
        let stderr = created(&mut command);
        let env = dir.join(name);
        assert_complete(&env, true);
        assert_eq!(
            env_python(&env, "import sys; print(sys.prefix)"),
            env.to_str().unwrap()
        );
        // The console script runs through its shebang, whatever the path holds.
        let pip = success(
            Command::new(env.join("bin/pip"))
                .arg("--version")
                .current_dir(&dir),
        );
        assert!(pip.contains(&env.display().to_string()), "{name}: {pip}");
        // The prompt is stored as Python's repr, so Python reads back the same text.
        let prompt = env_python(
            &env,
            "import ast, sys, os\n\
             cfg = dict(l.split(' = ', 1) for l in open(os.path.join(sys.prefix, 'pyvenv.cfg')).read().splitlines())\n\
             print(ast.literal_eval(cfg['prompt']))",
        );
        assert_eq!(prompt, name);
        // The summary line quotes the path so it can be pasted into a shell.
        let shown = stderr
            .trim_end()
            .rsplit("venvsh activate ")
            .next()
            .unwrap()
            .to_owned();
        let echoed = success(Command::new("sh").args(["-c", &format!("printf %s {shown}")]));
        assert_eq!(echoed, name, "{stderr}");
    }
    let pwned: Vec<_> = ["PWNED", "hostile/PWNED"]
        .iter()
        .map(|p| dir.join(p))
        .filter(|p| p.exists())
        .collect();
    assert!(pwned.is_empty(), "a path was executed: {pwned:?}");
    assert!(!dir.join("PWNED").exists() && !Path::new("PWNED").exists());
}

#[test]
fn long_paths_get_a_shebang_the_kernel_can_run() {
    let dir = workdir("long");
    let deep = dir.join("d".repeat(60)).join("e".repeat(60));
    fs::create_dir_all(&deep).unwrap();
    success(venvsh(&deep).args(["create", "v"]));
    let env = deep.join("v");
    let first = fs::read_to_string(env.join("bin/pip")).unwrap();
    assert!(
        first.starts_with("#!/bin/sh\n"),
        "{}",
        first.lines().next().unwrap()
    );
    let pip = success(Command::new(env.join("bin/pip")).arg("--version"));
    assert!(pip.contains(&env.display().to_string()), "{pip}");
}

#[test]
fn copies_make_a_working_environment() {
    let dir = workdir("copies");
    success(venvsh(&dir).args(["create", "--copies", "--without-pip", "v"]));
    let env = dir.join("v");
    for name in ["python", "python3"] {
        let meta = fs::symlink_metadata(env.join("bin").join(name)).unwrap();
        assert!(meta.is_file(), "{name} is not a copy");
        assert_eq!(meta.permissions().mode() & 0o777, 0o755);
    }
    assert_eq!(
        env_python(&env, "import sys; print(sys.prefix)"),
        env.to_str().unwrap()
    );
    let cfg = fs::read_to_string(env.join("pyvenv.cfg")).unwrap();
    assert!(cfg.contains(" --copies "), "{cfg}");
}

#[test]
fn several_directories_in_one_call() {
    let dir = workdir("several");
    let stderr = created(venvsh(&dir).args(["create", "--without-pip", "a", "b", "c"]));
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
    for name in ["a", "b", "c"] {
        assert_complete(&dir.join(name), false);
    }
}

#[test]
fn python_requests_by_path_name_and_version() {
    let dir = workdir("requests");
    let version = base_python("version");
    let base = base_python("base");
    for (i, request) in [base.as_str(), "python3", &version, &format!(">={version}")]
        .iter()
        .enumerate()
    {
        let name = format!("v{i}");
        let stderr = created(venvsh(&dir).args(["create", "--without-pip", "-p", request, &name]));
        assert!(
            stderr.contains(&format!("CPython {version}.")),
            "{request}: {stderr}"
        );
        let got = env_python(
            &dir.join(&name),
            "import sys; print('%d.%d' % sys.version_info[:2])",
        );
        assert_eq!(got, version, "{request}");
    }
}

/// Tiny pseudo-random numbers without a dependency: good enough to spread kill times.
fn jitter(seed: &mut u64, below: u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed % below.max(1)
}

#[test]
fn kill_9_leaves_no_environment_or_a_complete_one() {
    let dir = workdir("kill");
    let env = dir.join("v");
    // How long one create takes here sets the range of kill times.
    let start = Instant::now();
    success(venvsh(&dir).args(["create", "v"]));
    let full = start.elapsed().as_micros() as u64;
    let mut seed = 0x9e37_79b9_7f4a_7c15 ^ u64::from(std::process::id());
    let (mut absent, mut complete, mut mid_build) = (0, 0, 0);
    for _ in 0..12 {
        fs::remove_dir_all(&env).ok();
        let mut child = venvsh(&dir)
            .args(["create", "v"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(jitter(&mut seed, full * 3 / 2)));
        child.kill().ok(); // SIGKILL
        child.wait().unwrap();
        if !staging_leftovers(&dir).is_empty() {
            mid_build += 1;
        }
        if fs::symlink_metadata(&env).is_err() {
            absent += 1;
        } else {
            assert_complete(&env, true);
            complete += 1;
        }
    }
    eprintln!("after kill -9: {absent} absent ({mid_build} killed mid-build), {complete} complete");
    // The next create sweeps up the killed runs' staging directories.
    fs::remove_dir_all(&env).ok();
    success(venvsh(&dir).args(["create", "--without-pip", "v"]));
    assert_eq!(staging_leftovers(&dir), Vec::<String>::new());
}

#[test]
fn concurrent_creates_of_one_target_never_corrupt_it() {
    let dir = workdir("concurrent");
    let spawn = |args: &[&str]| -> Vec<std::process::Child> {
        (0..8)
            .map(|_| {
                venvsh(&dir)
                    .args(args)
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect()
    };
    // Plain create: one creates it, the others find it complete, in turn.
    let outputs: Vec<Output> = spawn(&["create", "v"])
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    for out in &outputs {
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let creators = outputs
        .iter()
        .filter(|o| text(&o.stderr).starts_with("created v "))
        .count();
    assert_eq!(creators, 1, "{outputs:?}");
    assert_complete(&dir.join("v"), true);

    // With --clear every one succeeds in turn, and the survivor is whole.
    let outputs: Vec<Output> = spawn(&["create", "--clear", "v"])
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    for out in &outputs {
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    assert_complete(&dir.join("v"), true);
    assert_eq!(
        env_python(&dir.join("v"), "import sys; print(sys.prefix)"),
        dir.join("v").to_str().unwrap()
    );
    assert!(
        staging_leftovers(&dir).is_empty(),
        "{:?}",
        staging_leftovers(&dir)
    );
}

/// A Python install without ensurepip, like Debian's without python3-venv: the real
/// binary copied into a prefix whose stdlib links to the real one, minus ensurepip.
fn python_without_ensurepip(dir: &Path) -> PathBuf {
    let version = base_python("version");
    let base = fs::canonicalize(base_python("base")).unwrap();
    let prefix = dir.join("fakepython");
    let lib = prefix.join("lib").join(format!("python{version}"));
    fs::create_dir_all(&lib).unwrap();
    fs::create_dir_all(prefix.join("bin")).unwrap();
    let python = prefix.join("bin").join(format!("python{version}"));
    fs::copy(&base, &python).unwrap();
    for entry in fs::read_dir(base_python("stdlib")).unwrap().flatten() {
        if entry.file_name() != "ensurepip" {
            symlink(entry.path(), lib.join(entry.file_name())).unwrap();
        }
    }
    python
}

#[test]
fn a_python_without_bundled_pip_is_named_and_nothing_is_left() {
    let dir = workdir("no-wheel");
    let cache = dir.join("cache");
    let python = python_without_ensurepip(&dir);
    let mut command = venvsh(&dir);
    command
        .env("XDG_CACHE_HOME", &cache)
        .args(["create", "--without-pip", "-p"])
        .arg(&python)
        .arg("plain");
    success(&mut command);
    assert_complete(&dir.join("plain"), false);

    // A distro wheel directory (Debian's python3-pip-whl) would still provide pip:
    // point the cached facts at an empty one so the test means the same everywhere.
    if !base_python("wheel_dir").is_empty() {
        let empty = dir.join("empty-wheels");
        fs::create_dir_all(&empty).unwrap();
        for entry in fs::read_dir(cache.join("venvsh/interpreters/v1"))
            .unwrap()
            .flatten()
        {
            let json = fs::read_to_string(entry.path()).unwrap();
            let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
            value["facts"]["wheel_pkg_dir"] = empty.to_str().unwrap().into();
            fs::write(entry.path(), value.to_string()).unwrap();
        }
    }

    let mut command = venvsh(&dir);
    command
        .env("XDG_CACHE_HOME", &cache)
        .args(["create", "-p"])
        .arg(&python)
        .arg("v");
    let stderr = failure(&mut command);
    assert!(
        stderr.contains("has no bundled pip wheel, so pip cannot be installed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: ") && stderr.contains("--without-pip"),
        "{stderr}"
    );
    assert!(
        !dir.join("v").exists(),
        "a failed create left the target behind"
    );
    assert!(
        staging_leftovers(&dir).is_empty(),
        "{:?}",
        staging_leftovers(&dir)
    );
}

#[test]
fn a_warm_create_runs_no_python() {
    let dir = workdir("warm");
    let cache = dir.join("cache");
    let python = python_without_ensurepip(&dir);
    let mut command = venvsh(&dir);
    command
        .env("XDG_CACHE_HOME", &cache)
        .args(["create", "--without-pip", "-p"])
        .arg(&python)
        .arg("first");
    success(&mut command);

    // Make the interpreter impossible to run without changing what the cache checks
    // (device, inode, size, mtime): a create that still works never ran it.
    let mtime = fs::metadata(&python).unwrap().mtime();
    fs::set_permissions(&python, fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(fs::metadata(&python).unwrap().mtime(), mtime);
    let mut command = venvsh(&dir);
    command
        .env("XDG_CACHE_HOME", &cache)
        .args(["create", "--without-pip", "-p"])
        .arg(&python)
        .arg("second");
    success(&mut command);
    assert_complete(&dir.join("second"), false);

    // Replacing the binary (new inode) invalidates the entry: now the query must run, and fails.
    let replaced = python.with_extension("new");
    fs::copy(&python, &replaced).unwrap();
    fs::rename(&replaced, &python).unwrap();
    let mut command = venvsh(&dir);
    command
        .env("XDG_CACHE_HOME", &cache)
        .args(["create", "--without-pip", "-p"])
        .arg(&python)
        .arg("third");
    let stderr = failure(&mut command);
    assert!(
        stderr.contains("could not query the Python interpreter"),
        "{stderr}"
    );
    assert!(!dir.join("third").exists());
}

/// Every file RECORD lists with a hash has those bytes.
#[track_caller]
fn assert_record_matches(env: &Path, dist: &str) {
    let site = site_packages(env);
    let info = fs::read_dir(&site)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(&format!("{dist}-")) && n.ends_with(".dist-info")
        })
        .expect("dist-info");
    let record = fs::read_to_string(info.join("RECORD")).unwrap();
    let mut checked = 0;
    for line in record.lines() {
        let mut fields = line.rsplitn(3, ',');
        let (size, hash, path) = (fields.next(), fields.next(), fields.next());
        let (Some(size), Some(hash), Some(path)) = (size, hash, path) else {
            continue;
        };
        let Some(hash) = hash.strip_prefix("sha256=") else {
            continue;
        };
        let data = fs::read(site.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(b64(&Sha256::digest(&data)), hash, "{path}");
        assert_eq!(data.len().to_string(), size, "{path}");
        checked += 1;
    }
    assert!(checked > 10, "RECORD lists only {checked} files");
}

/// The unpacked wheels in a cache: every entry of `venvsh/wheels` but the index, each of
/// which must be a tree (a directory with a MANIFEST).
fn wheel_trees(cache: &Path) -> Vec<PathBuf> {
    let mut trees: Vec<PathBuf> = fs::read_dir(cache.join("venvsh/wheels"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().unwrap() != "index")
        .collect();
    trees.sort();
    for tree in &trees {
        assert!(tree.join("MANIFEST").is_file(), "not a tree: {tree:?}");
    }
    trees
}

/// How many wheels ensurepip installs for `python3`: pip, and setuptools before 3.12.
fn bundled_wheel_count() -> usize {
    let version = base_python("version");
    let minor: u32 = version.split('.').nth(1).unwrap().parse().unwrap();
    if minor < 12 { 2 } else { 1 }
}

#[test]
fn pip_files_are_read_only_links_into_the_cache() {
    let dir = workdir("link-mode");
    let cache = dir.join("cache");
    let create = |name: &str, extra: &[&str]| {
        let mut command = venvsh(&dir);
        command
            .env("XDG_CACHE_HOME", &cache)
            .arg("create")
            .args(extra)
            .arg(name);
        success(&mut command);
        dir.join(name)
    };
    // The first create fills the cache, the second links from it.
    let first = create("first", &[]);
    let second = create("second", &[]);
    for env in [&first, &second] {
        assert_complete(env, true);
        assert_record_matches(env, "pip");
        let meta = fs::metadata(site_packages(env).join("pip/__init__.py")).unwrap();
        assert!(meta.nlink() >= 3, "not linked: {} links", meta.nlink());
        assert_eq!(
            meta.permissions().mode() & 0o222,
            0,
            "a linked file is writable"
        );
    }
    // Scripts and metadata written for one environment are its own.
    for file in ["bin/pip", "pyvenv.cfg"] {
        assert_eq!(fs::metadata(first.join(file)).unwrap().nlink(), 1, "{file}");
    }

    // pip replaces files by unlinking them, so uninstalling leaves the cache whole.
    success(
        Command::new(first.join("bin/python"))
            .args(["-m", "pip", "uninstall", "-y", "pip"])
            .env("PIP_DISABLE_PIP_VERSION_CHECK", "1"),
    );
    let third = create("third", &[]);
    assert_record_matches(&third, "pip");
    assert_record_matches(&second, "pip");

    // One unpacked tree per wheel, and nothing else but the index (issue 10).
    let trees = wheel_trees(&cache);
    let names: Vec<String> = trees
        .iter()
        .map(|t| t.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), bundled_wheel_count(), "{names:?}");
    // A tree with a file deleted from it is rebuilt, not trusted.
    let tree = trees
        .into_iter()
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("pip-"))
        .expect("pip's tree in the cache");
    fs::remove_file(tree.join("0")).unwrap();
    let rebuilt = create("rebuilt", &[]);
    assert_complete(&rebuilt, true);
    assert_record_matches(&rebuilt, "pip");
    assert!(tree.join("0").is_file());

    // --link-mode copy: private, writable files.
    let copied = create("copied", &["--link-mode", "copy"]);
    assert_complete(&copied, true);
    assert_record_matches(&copied, "pip");
    let meta = fs::metadata(site_packages(&copied).join("pip/__init__.py")).unwrap();
    assert_eq!(meta.nlink(), 1);
    assert_eq!(meta.permissions().mode() & 0o777, 0o644);
    success(Command::new(copied.join("bin/pip")).arg("--version"));
}

#[test]
fn pip_is_copied_when_the_cache_is_on_another_filesystem() {
    let dir = workdir("link-exdev");
    // /dev/shm is tmpfs where there is one; elsewhere this is an ordinary link test.
    let shm = Path::new("/dev/shm");
    let cache_parent = if shm.is_dir() { shm } else { dir.as_path() };
    let cache = cache_parent.join(format!("venvsh-test-cache-{}", std::process::id()));
    let _ = fs::remove_dir_all(&cache);
    let other_fs = fs::metadata(cache_parent).unwrap().dev() != fs::metadata(&dir).unwrap().dev();
    for name in ["first", "second"] {
        let mut command = venvsh(&dir);
        command.env("XDG_CACHE_HOME", &cache).args(["create", name]);
        success(&mut command);
        let env = dir.join(name);
        assert_complete(&env, true);
        assert_record_matches(&env, "pip");
        success(Command::new(env.join("bin/pip")).arg("--version"));
        if other_fs {
            let meta = fs::metadata(site_packages(&env).join("pip/__init__.py")).unwrap();
            assert_eq!(meta.nlink(), 1);
            assert_eq!(meta.permissions().mode() & 0o777, 0o644);
        }
    }
    let _ = fs::remove_dir_all(&cache);
}

/// `1.2.3` from `pip 1.2.3 from …`, as numbers.
fn pip_version(env: &Path) -> Vec<u64> {
    let out = success(
        Command::new(env.join("bin/python"))
            .args(["-m", "pip", "--version"])
            .env("PIP_DISABLE_PIP_VERSION_CHECK", "1"),
    );
    let version = out.split_whitespace().nth(1).expect("pip --version");
    version
        .split('.')
        .map(|p| p.parse().unwrap_or_else(|_| panic!("{out}")))
        .collect()
}

fn bundled_pip_version() -> Vec<u64> {
    let out = Command::new("python3")
        .args(["-c", "import ensurepip; print(ensurepip.version())"])
        .output()
        .unwrap();
    text(&out.stdout)
        .trim()
        .split('.')
        .map(|p| p.parse().unwrap())
        .collect()
}

/// Needs the package index (PyPI, or whatever PIP_INDEX_URL names): like venv,
/// `--upgrade-deps` runs the environment's own pip.
#[test]
fn upgrade_deps_upgrades_pip_from_the_index() {
    let dir = workdir("upgrade-deps");
    success(venvsh(&dir).args(["create", "--upgrade-deps", "v"]));
    let env = dir.join("v");
    assert_complete(&env, true);
    let upgraded = pip_version(&env);
    assert!(
        upgraded >= bundled_pip_version(),
        "pip {upgraded:?} is older than the bundled {:?}",
        bundled_pip_version()
    );
    success(Command::new(env.join("bin/pip")).arg("--version"));
}

/// The upgrade runs the environment's pip with the user's PIP_* settings, so a
/// private index or proxy is honoured; what pip does with them is pip's business.
#[test]
fn upgrade_deps_uses_the_users_pip_settings() {
    let dir = workdir("upgrade-deps-offline");
    // An index nothing listens on: pip finds no newer pip, keeps the bundled one
    // and succeeds, exactly as `python -m venv --upgrade-deps` does.
    let out = run(venvsh(&dir)
        .args(["create", "--upgrade-deps", "v"])
        .env("PIP_INDEX_URL", "http://127.0.0.1:9/simple")
        .env("PIP_RETRIES", "0")
        .env("PIP_TIMEOUT", "1")
        .env("PIP_DEFAULT_TIMEOUT", "1")
        .env_remove("PIP_FIND_LINKS")
        .env_remove("PIP_EXTRA_INDEX_URL"));
    // pip's output is status too: on stderr.
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    assert!(
        stderr.contains("Looking in indexes: http://127.0.0.1:9/simple"),
        "pip ignored PIP_INDEX_URL: {stderr}"
    );
    assert_eq!(pip_version(&dir.join("v")), bundled_pip_version());

    // pip failing is an error, with the environment left in place; pip's own message
    // comes first on stderr.
    let out = run(venvsh(&dir)
        .args(["create", "--upgrade-deps", "w"])
        .env("PIP_RETRIES", "not-a-number"));
    let stderr = text(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    assert!(stderr.contains("\nerror: "), "{stderr}");
    assert!(stderr.contains("-m pip install --upgrade pip"), "{stderr}");
    assert_complete(&dir.join("w"), true);
}
