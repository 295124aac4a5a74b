//! `venvsh create` against a real interpreter: the environments must work.
//!
//! Each test is a trial that declares what it needs: `python3`, tools (`unshare`,
//! `setpriv`), pyenv's interpreters (3.6 to 3.13). Missing, the trial is reported as
//! ignored with the reason, or fails under VENVSH_REQUIRE_SHELLS=1 (`bash tests/run.sh`,
//! which installs them).
//! Each test gets its own directory; the interpreter and wheel caches are shared
//! under the target directory, so they also exercise concurrent cache use.

mod common;

use std::fs;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Output, Stdio};

use common::harness::{Trial, trial_with_pythons};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

fn main() -> ExitCode {
    let trials: Vec<Trial> = vec![
        trial_with_pythons(
            "a_new_environment_is_isolated_and_has_its_own_pip",
            &["python3"],
            &[],
            a_new_environment_is_isolated_and_has_its_own_pip,
        ),
        trial_with_pythons(
            "pip_installs_a_local_wheel_into_the_environment",
            &["python3"],
            &[],
            pip_installs_a_local_wheel_into_the_environment,
        ),
        trial_with_pythons(
            "system_site_packages_on_and_off",
            &["python3"],
            &[],
            system_site_packages_on_and_off,
        ),
        trial_with_pythons(
            "upgrade_repairs_in_place_and_keeps_packages",
            &["python3"],
            &[],
            upgrade_repairs_in_place_and_keeps_packages,
        ),
        trial_with_pythons(
            "clear_replaces_an_environment_and_refuses_anything_else",
            &["python3"],
            &[],
            clear_replaces_an_environment_and_refuses_anything_else,
        ),
        trial_with_pythons(
            "impossible_targets_are_refused_before_anything_is_written",
            &["python3"],
            &[],
            impossible_targets_are_refused_before_anything_is_written,
        ),
        trial_with_pythons(
            "hostile_directory_names_make_working_environments",
            &["python3"],
            &[],
            hostile_directory_names_make_working_environments,
        ),
        trial_with_pythons(
            "long_paths_get_a_shebang_the_kernel_can_run",
            &["python3"],
            &[],
            long_paths_get_a_shebang_the_kernel_can_run,
        ),
        trial_with_pythons(
            "copies_make_a_working_environment",
            &["python3"],
            &[],
            copies_make_a_working_environment,
        ),
        trial_with_pythons(
            "several_directories_in_one_call",
            &["python3"],
            &[],
            several_directories_in_one_call,
        ),
        trial_with_pythons(
            "python_requests_by_path_name_and_version",
            &["python3"],
            &[],
            python_requests_by_path_name_and_version,
        ),
        trial_with_pythons(
            "kill_9_leaves_no_environment_or_a_complete_one",
            &["python3"],
            &[],
            kill_9_leaves_no_environment_or_a_complete_one,
        ),
        trial_with_pythons(
            "concurrent_creates_of_one_target_never_corrupt_it",
            &["python3"],
            &[],
            concurrent_creates_of_one_target_never_corrupt_it,
        ),
        trial_with_pythons(
            "a_python_without_bundled_pip_is_named_and_nothing_is_left",
            &["python3"],
            &[],
            a_python_without_bundled_pip_is_named_and_nothing_is_left,
        ),
        trial_with_pythons(
            "a_warm_create_runs_no_python",
            &["python3"],
            &[],
            a_warm_create_runs_no_python,
        ),
        trial_with_pythons(
            "pip_files_are_read_only_links_into_the_cache",
            &["python3"],
            &[],
            pip_files_are_read_only_links_into_the_cache,
        ),
        trial_with_pythons(
            "pip_is_copied_when_the_cache_is_on_another_filesystem",
            &["python3"],
            &[],
            pip_is_copied_when_the_cache_is_on_another_filesystem,
        ),
        trial_with_pythons(
            "upgrade_deps_upgrades_pip_from_the_index",
            &["python3"],
            &[],
            upgrade_deps_upgrades_pip_from_the_index,
        ),
        trial_with_pythons(
            "upgrade_deps_uses_the_users_pip_settings",
            &["python3"],
            &[],
            upgrade_deps_uses_the_users_pip_settings,
        ),
        trial_with_pythons(
            "a_prompt_or_a_path_cannot_add_keys_to_pyvenv_cfg",
            &["python3"],
            &[],
            a_prompt_or_a_path_cannot_add_keys_to_pyvenv_cfg,
        ),
        trial_with_pythons(
            "every_console_script_runs_whatever_the_path_holds",
            &["python3"],
            &[],
            every_console_script_runs_whatever_the_path_holds,
        ),
        trial_with_pythons(
            "a_version_file_never_names_a_program_outside_pyenv_versions",
            &["python3"],
            &[],
            a_version_file_never_names_a_program_outside_pyenv_versions,
        ),
        trial_with_pythons(
            "create_trusts_only_what_it_built_from_scratch",
            &["python3"],
            &[],
            create_trusts_only_what_it_built_from_scratch,
        ),
        trial_with_pythons(
            "a_rerun_keeps_packages_and_repairs_what_is_missing",
            &["python3"],
            &["3.12"],
            a_rerun_keeps_packages_and_repairs_what_is_missing,
        ),
        trial_with_pythons(
            "upgrade_brings_an_older_pip_up_to_the_bundled_version",
            &["python3"],
            &["3.7"],
            upgrade_brings_an_older_pip_up_to_the_bundled_version,
        ),
        trial_with_pythons(
            "a_mount_point_at_the_target_is_built_into_and_cleared_in_place",
            &["python3", "unshare"],
            &[],
            a_mount_point_at_the_target_is_built_into_and_cleared_in_place,
        ),
        trial_with_pythons(
            "clear_and_remove_never_cross_into_a_mount_inside_the_environment",
            &["python3", "unshare"],
            &[],
            clear_and_remove_never_cross_into_a_mount_inside_the_environment,
        ),
        trial_with_pythons(
            "a_user_who_owns_the_target_but_not_its_parent_can_create_in_it",
            &["python3", "setpriv"],
            &[],
            a_user_who_owns_the_target_but_not_its_parent_can_create_in_it,
        ),
        trial_with_pythons(
            "creating_in_the_current_directory_keeps_it_and_its_mode",
            &["python3"],
            &[],
            creating_in_the_current_directory_keeps_it_and_its_mode,
        ),
        trial_with_pythons(
            "a_project_folder_is_built_into_and_its_files_are_never_changed",
            &["python3"],
            &["3.13"],
            a_project_folder_is_built_into_and_its_files_are_never_changed,
        ),
        trial_with_pythons(
            "gitignore_exactly_where_the_interpreters_own_venv_writes_one",
            &["python3"],
            &["3.12", "3.13"],
            gitignore_exactly_where_the_interpreters_own_venv_writes_one,
        ),
        trial_with_pythons(
            "kill_9_during_an_in_place_build_leaves_what_was_there",
            &["python3"],
            &[],
            kill_9_during_an_in_place_build_leaves_what_was_there,
        ),
        trial_with_pythons(
            "venv_and_venvsh_upgrade_each_others_environments",
            &["python3"],
            &[],
            venv_and_venvsh_upgrade_each_others_environments,
        ),
        trial_with_pythons(
            "python_3_6_and_3_7_are_supported_and_python_2_refused",
            &["python3"],
            &["3.6", "3.7"],
            python_3_6_and_3_7_are_supported_and_python_2_refused,
        ),
        trial_with_pythons(
            "cache_info_and_clean",
            &["python3"],
            &[],
            cache_info_and_clean,
        ),
        trial_with_pythons(
            "compile_bytecode_writes_pyc_files_for_pip",
            &["python3"],
            &[],
            compile_bytecode_writes_pyc_files_for_pip,
        ),
        trial_with_pythons(
            "cpythons_test_venv_passes_against_venvsh_create",
            &["python3"],
            &["3.11", "3.12", "3.13"],
            cpythons_test_venv_passes_against_venvsh_create,
        ),
    ];
    common::harness::run(trials, 2)
}

fn cache_home() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("create-cache")
}

/// The tests' trust file lives here, never in the user's data directory.
fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("create-data")
}

fn venvsh(cwd: &Path) -> Command {
    let mut command = Command::new(common::venvsh());
    command
        .current_dir(cwd)
        .env("XDG_CACHE_HOME", cache_home())
        // Trust records go to the test's own file, never the user's.
        .env("VENVSH_DATA_DIR", data_dir())
        .stdin(Stdio::null());
    command
}

fn run(command: &mut Command) -> Output {
    command.output().expect("could not run the command")
}

use common::text;

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

fn a_new_environment_is_isolated_and_has_its_own_pip() {
    let dir = workdir("basic");
    let stderr = created(venvsh(&dir).args(["create", "v"]));
    let env = dir.join("v");
    assert!(stderr.starts_with("created v with CPython "), "{stderr}");
    assert!(
        stderr
            .trim_end()
            .ends_with("activate with: venvsh activate ./v"),
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

fn pip_installs_a_local_wheel_into_the_environment() {
    let dir = workdir("pip-install");
    created(venvsh(&dir).args(["create", "v"]));
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

fn system_site_packages_on_and_off() {
    let dir = workdir("system-site");
    let probe = "import sys, sysconfig; print(sysconfig.get_path('purelib', vars={'base': sys.base_prefix, 'platbase': sys.base_prefix}) in sys.path)";
    created(venvsh(&dir).args(["create", "--without-pip", "off"]));
    assert_eq!(env_python(&dir.join("off"), probe), "False");
    created(venvsh(&dir).args(["create", "--without-pip", "--system-site-packages", "on"]));
    assert_eq!(env_python(&dir.join("on"), probe), "True");
    let cfg = fs::read_to_string(dir.join("on/pyvenv.cfg")).unwrap();
    assert!(
        cfg.contains("include-system-site-packages = true\n"),
        "{cfg}"
    );
    assert!(cfg.contains(" --system-site-packages "), "{cfg}");
}

fn upgrade_repairs_in_place_and_keeps_packages() {
    let dir = workdir("upgrade");
    created(venvsh(&dir).args(["create", "v"]));
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

fn clear_replaces_an_environment_and_refuses_anything_else() {
    let dir = workdir("clear");
    created(venvsh(&dir).args(["create", "--without-pip", "v"]));
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
    created(venvsh(&dir).args(["create", "--without-pip", "real"]));
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
        // A directory is written as a path: a bare name would name a store environment.
        assert!(
            echoed == name || echoed == format!("./{name}"),
            "{echoed:?} for {name:?}: {stderr}"
        );
    }
    let pwned: Vec<_> = ["PWNED", "hostile/PWNED"]
        .iter()
        .map(|p| dir.join(p))
        .filter(|p| p.exists())
        .collect();
    assert!(pwned.is_empty(), "a path was executed: {pwned:?}");
    assert!(!dir.join("PWNED").exists() && !Path::new("PWNED").exists());
}

fn long_paths_get_a_shebang_the_kernel_can_run() {
    let dir = workdir("long");
    let deep = dir.join("d".repeat(60)).join("e".repeat(60));
    fs::create_dir_all(&deep).unwrap();
    created(venvsh(&deep).args(["create", "v"]));
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

fn copies_make_a_working_environment() {
    let dir = workdir("copies");
    created(venvsh(&dir).args(["create", "--copies", "--without-pip", "v"]));
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

fn several_directories_in_one_call() {
    let dir = workdir("several");
    let stderr = created(venvsh(&dir).args(["create", "--without-pip", "a", "b", "c"]));
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
    for name in ["a", "b", "c"] {
        assert_complete(&dir.join(name), false);
    }
}

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

fn kill_9_leaves_no_environment_or_a_complete_one() {
    let dir = workdir("kill");
    let env = dir.join("v");
    // How long one create takes here sets the range of kill times.
    let start = Instant::now();
    created(venvsh(&dir).args(["create", "v"]));
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
    created(venvsh(&dir).args(["create", "--without-pip", "v"]));
    assert_eq!(staging_leftovers(&dir), Vec::<String>::new());
}

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
fn upgrade_deps_upgrades_pip_from_the_index() {
    let dir = workdir("upgrade-deps");
    // pip's own output, which --upgrade-deps passes on.
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

// ---- interpreters and tools beyond python3 ------------------------------------------

/// A program the trial declared it needs.
fn require(program: &str) -> bool {
    common::harness::located(program);
    true
}

/// pyenv's CPython `minor`, which the trial declared it needs.
#[track_caller]
fn require_python(minor: &str) -> Option<PathBuf> {
    Some(common::pyenv_python(minor).expect("declared by the trial"))
}

/// Every console script in `bin/` (a file whose first line is a shebang, not an
/// activation script) runs and names the environment.
#[track_caller]
fn assert_console_scripts_run(env: &Path) -> usize {
    let mut ran = 0;
    for entry in fs::read_dir(env.join("bin")).unwrap().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with("python")
            || name.starts_with("activate")
            || name.contains('.') && !name.starts_with("pip") && !name.starts_with("easy_install")
        {
            continue;
        }
        let Ok(head) = fs::read(&path) else { continue };
        if !head.starts_with(b"#!") {
            continue;
        }
        let out = run(Command::new(&path)
            .arg("--version")
            .env("PIP_DISABLE_PIP_VERSION_CHECK", "1"));
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(out.status.success(), "bin/{name:?} failed: {all}");
        if name.starts_with("pip") {
            assert!(
                all.contains(&env.display().to_string()),
                "bin/{name:?}: {all}"
            );
        }
        ran += 1;
    }
    assert!(ran >= 3, "only {ran} console scripts in {env:?}");
    ran
}

/// The keys of a `pyvenv.cfg` as CPython's site.py and getpath read them: each line
/// (universal newlines) split at the first `=`, key and value stripped.
fn cfg_as_site_reads_it(env: &Path) -> Vec<(String, String)> {
    let code = "import json, sys\n\
        for line in open(sys.argv[1], encoding='utf-8'):\n    \
            if '=' in line:\n        \
                k, _, v = line.partition('=')\n        \
                print(json.dumps([k.strip().lower(), v.strip()]))";
    let out = success(
        Command::new("python3")
            .args(["-c", code])
            .arg(env.join("pyvenv.cfg")),
    );
    out.lines()
        .map(|l| serde_json::from_str::<(String, String)>(l).unwrap())
        .collect()
}

// ---- issue 8, item 13: pyvenv.cfg key injection ----------------------------------------

fn a_prompt_or_a_path_cannot_add_keys_to_pyvenv_cfg() {
    let dir = workdir("cfg-injection");
    let injected = "x\ninclude-system-site-packages = true";
    let probe = "import sys, sysconfig; print(sysconfig.get_path('purelib', vars={'base': sys.base_prefix, 'platbase': sys.base_prefix}) in sys.path)";
    let check = |env: &Path| {
        let keys = cfg_as_site_reads_it(env);
        let names: Vec<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            names,
            [
                "home",
                "include-system-site-packages",
                "version",
                "prompt",
                "executable",
                "command",
                "python-version",
                "venvsh"
            ],
            "{keys:?}"
        );
        let system = keys
            .iter()
            .filter(|(k, _)| k == "include-system-site-packages");
        assert!(system.clone().all(|(_, v)| v == "false"), "{keys:?}");
        // The environment's own Python agrees: no system site-packages.
        assert_eq!(env_python(env, probe), "False");
        assert_eq!(
            env_python(env, "import sys; print(sys.prefix)"),
            env.to_str().unwrap()
        );
    };

    let mut command = venvsh(&dir);
    command.args(["create", "--without-pip", "--prompt", injected, "p"]);
    created(&mut command);
    check(&dir.join("p"));
    // The prompt itself reads back whole.
    let prompt = env_python(
        &dir.join("p"),
        "import ast, sys, os\n\
         cfg = dict(l.split(' = ', 1) for l in open(os.path.join(sys.prefix, 'pyvenv.cfg')).read().splitlines())\n\
         print(repr(ast.literal_eval(cfg['prompt'])))",
    );
    assert_eq!(prompt, format!("{injected:?}").replace('"', "'"));

    // An environment path holding a newline (and the same text after it).
    let name = format!("e{injected}");
    let mut command = venvsh(&dir);
    command
        .args(["create", "--without-pip", "--prompt", "plain", "--"])
        .arg(&name);
    created(&mut command);
    check(&dir.join(&name));
    // `command` still recreates it: bash (like zsh, ksh and POSIX.1-2024 sh, which have
    // `$'\n'`) reads the quoted path back whole.
    let keys = cfg_as_site_reads_it(&dir.join(&name));
    let command_line = &keys.iter().find(|(k, _)| k == "command").unwrap().1;
    let quoted = command_line.rsplit_once(" --prompt=\"plain\" ").unwrap().1;
    let echoed = success(Command::new("bash").args(["-c", &format!("printf %s {quoted}")]));
    assert_eq!(echoed, dir.join(&name).to_str().unwrap());
}

// ---- issue 10: the shebang rule --------------------------------------------------------

fn every_console_script_runs_whatever_the_path_holds() {
    let dir = workdir("shebang");
    for name in [
        "tab\there",
        "new\nline",
        "carriage\rreturn",
        "quo'te\"s",
        "dollar $HOME $(touch PWNED) `touch PWNED`",
        "back\\slash \\N{x} \\x",
        "sp ace",
        "''' triple",
    ] {
        let mut command = venvsh(&dir);
        command.args(["create", "--"]).arg(name);
        created(&mut command);
        let env = dir.join(name);
        assert_complete(&env, true);
        let pip = fs::read_to_string(env.join("bin/pip")).unwrap();
        let needs_sh = name.chars().any(|c| c.is_whitespace() || c.is_control());
        assert_eq!(pip.starts_with("#!/bin/sh\n"), needs_sh, "{name:?}: {pip}");
        assert_console_scripts_run(&env);
    }
    assert!(!dir.join("PWNED").exists(), "a path was executed");
}

// ---- issue 8, item 3: .python-version path traversal ----------------------------------

/// A pyenv root that venvsh recognizes (shims/, versions/, bin/pyenv) whose one good
/// version links to the real interpreter's prefix; its shim, if ever run, leaves a mark.
fn fake_pyenv(dir: &Path) -> PathBuf {
    let root = dir.join("pyenv");
    fs::create_dir_all(root.join("shims")).unwrap();
    fs::create_dir_all(root.join("bin")).unwrap();
    fs::create_dir_all(root.join("versions")).unwrap();
    let mark = |path: &Path, what: &str| {
        fs::write(
            path,
            format!("#!/bin/sh\necho ran > '{}/{what}'\n", dir.display()),
        )
        .unwrap();
        fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
    };
    mark(&root.join("bin/pyenv"), "PYENV_RAN");
    mark(&root.join("shims/python3"), "SHIM_RAN");
    symlink(base_python("prefix"), root.join("versions/good")).unwrap();
    root
}

fn a_version_file_never_names_a_program_outside_pyenv_versions() {
    let dir = workdir("pyenv-traversal");
    let root = fake_pyenv(&dir);
    // The repository being entered ships a "Python" that marks that it ran.
    let repo = dir.join("repo");
    let evil = repo.join("evil/bin");
    fs::create_dir_all(&evil).unwrap();
    // (A redirection, not `touch`: the test's PATH holds nothing but the shims.)
    fs::write(
        evil.join("python3"),
        format!("#!/bin/sh\necho ran > '{}/PWNED'\nexit 1\n", dir.display()),
    )
    .unwrap();
    fs::set_permissions(evil.join("python3"), fs::Permissions::from_mode(0o755)).unwrap();
    let traversal = "../../repo/evil"; // versions/../../repo/evil
    assert!(
        root.join("versions")
            .join(traversal)
            .join("bin/python3")
            .is_file()
    );
    // Nothing else on PATH: pyenv's `system` finds no Python.
    let path = root.join("shims");

    for (file, env_version, expect_good) in [
        ("/proc/self/cwd/evil\n", None, false),
        (&format!("{traversal}\ngood\n")[..], None, true),
        ("good\n", Some("/proc/self/cwd/evil:good"), true),
        ("good\n", Some(traversal), false),
    ] {
        fs::write(repo.join(".python-version"), file).unwrap();
        let _ = fs::remove_dir_all(repo.join("v"));
        let mut command = venvsh(&repo);
        command
            .args(["create", "--without-pip", "v"])
            .env("PATH", &path)
            .env("PYENV_ROOT", &root)
            .env_remove("PYENV_VERSION")
            .env_remove("PYENV_DIR");
        if let Some(version) = env_version {
            command.env("PYENV_VERSION", version);
        }
        let out = run(&mut command);
        let stderr = text(&out.stderr);
        assert!(
            !dir.join("PWNED").exists(),
            "{file:?} {env_version:?} ran the repository's program: {stderr}"
        );
        assert!(stderr.contains("warning: pyenv version `"), "{stderr}");
        assert!(stderr.contains("ignored"), "{stderr}");
        if expect_good {
            assert!(out.status.success(), "{stderr}");
            assert_complete(&repo.join("v"), false);
        } else {
            // Nothing usable left: pyenv's answer is `system`, not on this PATH.
            assert!(!out.status.success(), "{stderr}");
            assert!(!repo.join("v").exists());
        }
    }
    assert!(!dir.join("SHIM_RAN").exists() && !dir.join("PYENV_RAN").exists());
}

// ---- issue 8, item 8: only what create built from scratch is trusted -------------------

fn trust_verdict(data: &Path, env: &Path) -> venvsh::decide::trust::Verdict {
    // SAFETY: geteuid has no preconditions.
    let user = unsafe { libc::geteuid() };
    let env = venvsh::project::environment::Environment::open(env, Path::new("/")).unwrap();
    venvsh::decide::trust::TrustStore::in_data_dir(data, Some(user))
        .verdict(&env)
        .unwrap()
}

fn create_trusts_only_what_it_built_from_scratch() {
    use venvsh::decide::trust::Verdict;
    let dir = workdir("trust");
    // Trust records of this test alone, made afresh with its folder.
    let data = dir.join("trust-data");
    let venvsh = |cwd: &Path| {
        let mut command = venvsh(cwd);
        command.env("VENVSH_DATA_DIR", &data);
        command
    };
    let trust_verdict = |env: &Path| trust_verdict(&data, env);
    // A repository ships an environment (made here by venv itself) with its own `git`.
    let shipped = dir.join("shipped");
    success(
        Command::new("python3")
            .args(["-m", "venv", "--without-pip"])
            .arg(&shipped),
    );
    fs::write(shipped.join("bin/git"), "#!/bin/sh\necho shipped git\n").unwrap();
    for args in [
        &["create", "--upgrade", "--without-pip", "shipped"][..],
        &["create", "--without-pip", "shipped"],
    ] {
        let stderr = created(venvsh(&dir).args(args));
        assert!(stderr.contains("was there before"), "{stderr}");
        let allow = format!("venvsh allow {}", shipped.display());
        assert!(stderr.contains(&allow), "{stderr}");
        assert_eq!(trust_verdict(&shipped), Verdict::Unknown, "{args:?}");
    }
    assert!(shipped.join("bin/git").exists(), "a re-run removed a file");

    // Built from scratch: new, an empty folder, or emptied by --clear.
    created(venvsh(&dir).args(["create", "--without-pip", "new"]));
    assert_eq!(trust_verdict(&dir.join("new")), Verdict::Allowed);
    fs::create_dir(dir.join("empty")).unwrap();
    created(venvsh(&dir).args(["create", "--without-pip", "empty"]));
    assert_eq!(trust_verdict(&dir.join("empty")), Verdict::Allowed);
    created(venvsh(&dir).args(["create", "--clear", "--without-pip", "shipped"]));
    assert_eq!(trust_verdict(&shipped), Verdict::Allowed);
    assert!(!shipped.join("bin/git").exists());

    // A folder with files of its own is not.
    fs::create_dir(dir.join("project")).unwrap();
    fs::write(dir.join("project/setup.py"), "").unwrap();
    created(venvsh(&dir).args(["create", "--without-pip", "project"]));
    assert_eq!(trust_verdict(&dir.join("project")), Verdict::Unknown);

    // What the user trusted stays trusted through an upgrade (pyvenv.cfg is rewritten,
    // which changes the record's identity).
    created(venvsh(&dir).args(["create", "--upgrade", "--without-pip", "new"]));
    assert_eq!(trust_verdict(&dir.join("new")), Verdict::Allowed);
    venvsh(&dir).args(["allow", "./project"]).status().unwrap();
    assert_eq!(trust_verdict(&dir.join("project")), Verdict::Allowed);
    created(venvsh(&dir).args(["create", "--upgrade", "--without-pip", "project"]));
    assert_eq!(trust_verdict(&dir.join("project")), Verdict::Allowed);
}

// ---- issue 10: re-runs -----------------------------------------------------------------

fn a_rerun_keeps_packages_and_repairs_what_is_missing() {
    let dir = workdir("rerun");
    created(venvsh(&dir).args(["create", "v"]));
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
            .arg(&wheel),
    );
    let version = base_python("version");
    let cfg = fs::read(env.join("pyvenv.cfg")).unwrap();
    let cfg_inode = fs::metadata(env.join("pyvenv.cfg")).unwrap().ino();

    // The same command again: nothing to do, nothing changed.
    let stderr = created(venvsh(&dir).args(["create", "v"]));
    assert!(stderr.contains("v is complete with CPython"), "{stderr}");
    assert_eq!(
        env_python(&env, "import tinypkg; print(tinypkg.VALUE)"),
        "42"
    );

    // Parts deleted: put back, packages and pyvenv.cfg untouched.
    for part in [
        format!("bin/python{version}"),
        "bin/pip3".into(),
        "bin/activate".into(),
        "include".into(),
    ] {
        let path = env.join(&part);
        if fs::symlink_metadata(&path).unwrap().is_dir() {
            fs::remove_dir_all(&path).unwrap();
        } else {
            fs::remove_file(&path).unwrap();
        }
    }
    let pip_init = site_packages(&env).join("pip/__init__.py");
    fs::remove_file(&pip_init).unwrap();
    let stderr = created(venvsh(&dir).args(["create", "v"]));
    assert!(stderr.contains("repaired v (5 missing parts)"), "{stderr}");
    assert_complete(&env, true);
    assert!(pip_init.is_file());
    assert_console_scripts_run(&env);
    assert_eq!(
        env_python(&env, "import tinypkg; print(tinypkg.VALUE)"),
        "42"
    );
    assert_eq!(fs::read(env.join("pyvenv.cfg")).unwrap(), cfg);
    assert_eq!(
        fs::metadata(env.join("pyvenv.cfg")).unwrap().ino(),
        cfg_inode
    );
    assert!(
        staging_leftovers(&env).is_empty(),
        "{:?}",
        staging_leftovers(&env)
    );

    // Options the environment was not made with: refused, with the way out.
    let stderr = failure(venvsh(&dir).args(["create", "--system-site-packages", "v"]));
    assert!(
        stderr.contains("made without --system-site-packages"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: ") && stderr.contains("--upgrade") && stderr.contains("--clear"),
        "{stderr}"
    );
    let stderr = failure(venvsh(&dir).args(["create", "--copies", "v"]));
    assert!(stderr.contains("its interpreter is a link"), "{stderr}");
    let stderr = failure(venvsh(&dir).args(["create", "--prompt", "other", "v"]));
    assert!(stderr.contains("its prompt is"), "{stderr}");
    // --upgrade applies them, keeping the packages.
    created(venvsh(&dir).args(["create", "--upgrade", "--system-site-packages", "v"]));
    assert!(
        fs::read_to_string(env.join("pyvenv.cfg"))
            .unwrap()
            .contains("include-system-site-packages = true\n")
    );
    assert_eq!(
        env_python(&env, "import tinypkg; print(tinypkg.VALUE)"),
        "42"
    );

    // Another interpreter: refused, named, with the way out; nothing changed.
    if let Some(other) = require_python("3.12").filter(|_| version != "3.12") {
        let mut command = venvsh(&dir);
        command
            .args(["create", "--system-site-packages", "-p"])
            .arg(&other)
            .arg("v");
        let stderr = failure(&mut command);
        assert!(stderr.contains("is an environment of Python"), "{stderr}");
        assert!(stderr.contains("not of CPython 3.12"), "{stderr}");
        assert!(stderr.contains("hint: --upgrade"), "{stderr}");
        assert!(!env.join("lib/python3.12").exists());
    }
    assert!(
        staging_leftovers(&env).is_empty(),
        "{:?}",
        staging_leftovers(&env)
    );
}

fn upgrade_brings_an_older_pip_up_to_the_bundled_version() {
    let Some(python37) = require_python("3.7") else {
        return;
    };
    let dir = workdir("upgrade-pip");
    created(venvsh(&dir).args(["create", "v"]));
    let env = dir.join("v");
    let bundled = bundled_pip_version();
    // An older pip, installed by pip: 3.7's bundled 22.0.4.
    let old_wheel = fs::read_dir(
        python37
            .parent()
            .unwrap()
            .join("../lib/python3.7/ensurepip/_bundled"),
    )
    .unwrap()
    .flatten()
    .map(|e| e.path())
    .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("pip-"))
    .unwrap();
    success(
        Command::new(env.join("bin/python"))
            .args([
                "-m",
                "pip",
                "install",
                "--no-index",
                "--disable-pip-version-check",
            ])
            .arg(&old_wheel),
    );
    let older = pip_version(&env);
    assert!(older < bundled, "{older:?}");
    // A plain re-run keeps the pip the user has.
    created(venvsh(&dir).args(["create", "v"]));
    assert_eq!(pip_version(&env), older);
    // --upgrade replaces it with the bundled one, as venv's does.
    let stderr = created(venvsh(&dir).args(["create", "--upgrade", "v"]));
    assert!(stderr.contains("upgraded v"), "{stderr}");
    assert_eq!(pip_version(&env), bundled);
    assert_record_matches(&env, "pip");
    let infos: Vec<String> = fs::read_dir(site_packages(&env))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("pip-"))
        .collect();
    assert_eq!(infos.len(), 1, "{infos:?}");
    assert_console_scripts_run(&env);
    // pip itself agrees the install is whole: it can uninstall it.
    success(Command::new(env.join("bin/python")).args(["-m", "pip", "uninstall", "-y", "pip"]));
    assert!(!env.join("bin/pip").exists());
    assert!(staging_leftovers(&env).is_empty());
}

// ---- issue 10: existing targets, in place ---------------------------------------------

/// `sh -c script` in a private mount namespace (`unshare -m`), so the test's mounts
/// vanish with it; `$VENVSH` is the binary, `$W` the work directory.
fn in_mount_namespace(dir: &Path, script: &str) -> Output {
    let out = run(Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-euc", script])
        .env("VENVSH", env!("CARGO_BIN_EXE_venvsh"))
        .env("W", dir)
        .env("XDG_CACHE_HOME", cache_home())
        .env("VENVSH_DATA_DIR", data_dir())
        .current_dir(dir));
    assert!(
        !text(&out.stderr).contains("unshare failed"),
        "unshare -m is not permitted here: {}",
        text(&out.stderr)
    );
    out
}

fn a_mount_point_at_the_target_is_built_into_and_cleared_in_place() {
    if !require("unshare") {
        return;
    }
    let dir = workdir("mount-target");
    for kind in ["tmpfs", "bind"] {
        let script = format!(
            r#"
            mkdir -p "$W/{kind}" "$W/{kind}-src"
            if [ {kind} = tmpfs ]; then mount -t tmpfs none "$W/{kind}"; else mount --bind "$W/{kind}-src" "$W/{kind}"; fi
            "$VENVSH" create "$W/{kind}"
            "$W/{kind}/bin/python" -c 'import sys; print(sys.prefix)'
            "$W/{kind}/bin/pip" --version
            "$VENVSH" create "$W/{kind}"
            touch "$W/{kind}/stale"
            "$VENVSH" create --clear "$W/{kind}"
            test ! -e "$W/{kind}/stale"
            "$W/{kind}/bin/python" -c 'import sys; print(sys.prefix)'
            grep -q " $W/{kind} " /proc/self/mountinfo && echo still-mounted
            ls -A "$W/{kind}"
            "#
        );
        let out = in_mount_namespace(&dir, &script);
        let stdout = text(&out.stdout);
        assert!(
            out.status.success(),
            "{kind}: {stdout}\n{}",
            text(&out.stderr)
        );
        let env = dir.join(kind);
        assert_eq!(
            stdout.matches(&format!("{}\n", env.display())).count(),
            2,
            "{stdout}"
        );
        assert!(stdout.contains("still-mounted"), "{stdout}");
        assert!(!stdout.contains(".venvsh-"), "leftovers: {stdout}");
    }
    // The bind mount's source holds what was built through it.
    assert!(dir.join("bind-src/pyvenv.cfg").is_file());
}

fn clear_and_remove_never_cross_into_a_mount_inside_the_environment() {
    if !require("unshare") {
        return;
    }
    let dir = workdir("mount-inside");
    fs::create_dir_all(dir.join("outside")).unwrap();
    fs::write(dir.join("outside/precious"), "mine").unwrap();
    for (kind, command) in [
        ("tmpfs", "\"$VENVSH\" create --clear \"$W/env\""),
        ("bind", "\"$VENVSH\" create --clear --force \"$W/env\""),
        ("tmpfs", "VENVSH_HOME=\"$W\" \"$VENVSH\" remove env --yes"),
        ("bind", "VENVSH_HOME=\"$W\" \"$VENVSH\" remove env --yes"),
    ] {
        let _ = fs::remove_dir_all(dir.join("env"));
        created(venvsh(&dir).args(["create", "--without-pip", "env"]));
        // The data mounted in the environment is on another file system (tmpfs), or
        // on the same one through a bind mount (same device number).
        let script = format!(
            r#"
            mkdir -p "$W/env/lib/data"
            if [ {kind} = tmpfs ]; then
                mount -t tmpfs none "$W/env/lib/data"; echo mine > "$W/env/lib/data/precious"
            else
                mount --bind "$W/outside" "$W/env/lib/data"
            fi
            if {command} 2>"$W/err"; then echo deleted-anyway; fi
            cat "$W/err"
            cat "$W/env/lib/data/precious"
            test -f "$W/env/pyvenv.cfg" && echo env-intact
            "#
        );
        let out = in_mount_namespace(&dir, &script);
        let stdout = text(&out.stdout);
        assert!(
            out.status.success(),
            "{kind}: {stdout}\n{}",
            text(&out.stderr)
        );
        assert!(
            !stdout.contains("deleted-anyway"),
            "{kind} {command}: {stdout}"
        );
        assert!(stdout.contains("error: refusing to delete"), "{stdout}");
        assert!(
            stdout.contains("/env/lib/data inside it is a mount point"),
            "{stdout}"
        );
        assert!(
            stdout.contains("hint: venvsh never deletes across a mount"),
            "{stdout}"
        );
        assert!(
            stdout.contains("mine"),
            "{kind} {command}: the mounted data is gone: {stdout}"
        );
        assert!(stdout.contains("env-intact"), "{stdout}");
        assert_eq!(
            fs::read_to_string(dir.join("outside/precious")).unwrap(),
            "mine"
        );
    }
}

fn a_user_who_owns_the_target_but_not_its_parent_can_create_in_it() {
    if !require("setpriv") {
        return;
    }
    // The Dockerfile pattern: root makes /opt/venv for the app user, who cannot write /opt.
    // Everything the user reaches sits under /tmp, with venvsh copied there: the checkout
    // may be in a directory only root can enter (`mktemp -d` makes one).
    let scratch = tempfile::Builder::new()
        .prefix("venvsh-setpriv-")
        .tempdir_in("/tmp")
        .unwrap();
    let dir = scratch.path().to_owned();
    let venvsh = dir.join("venvsh");
    fs::copy(env!("CARGO_BIN_EXE_venvsh"), &venvsh).unwrap();
    let parent = dir.join("opt");
    let target = parent.join("venv");
    fs::create_dir_all(&target).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&parent, fs::Permissions::from_mode(0o755)).unwrap();
    let home = dir.join("home");
    fs::create_dir_all(&home).unwrap();
    let nobody = 65534;
    for path in [&target, &home] {
        std::os::unix::fs::chown(path, Some(nobody), Some(nobody)).unwrap();
    }
    fs::set_permissions(&target, fs::Permissions::from_mode(0o2750)).unwrap();
    // An interpreter the user can reach (root's pyenv is not).
    let python = "/usr/bin/python3";
    let as_app = |args: &[&str]| {
        let mut command = Command::new("setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(&venvsh)
            .args(args)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", &home)
            .current_dir(&home)
            .stdin(Stdio::null());
        run(&mut command)
    };
    let out = as_app(&["create", "-p", python, target.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let meta = fs::metadata(&target).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (nobody, nobody));
    assert_eq!(
        meta.permissions().mode() & 0o7777,
        0o2750,
        "the target's mode changed"
    );
    for file in ["pyvenv.cfg", "bin/pip", "bin/activate"] {
        assert_eq!(
            fs::metadata(target.join(file)).unwrap().uid(),
            nobody,
            "{file}"
        );
    }
    let out = as_app(&["create", "-p", python, target.to_str().unwrap()]);
    assert!(out.status.success(), "the re-run: {}", text(&out.stderr));
    let pip = run(Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(target.join("bin/pip"))
        .arg("--version")
        .env("HOME", &home));
    assert!(pip.status.success(), "{}", text(&pip.stderr));
    assert!(staging_leftovers(&target).is_empty());
}

fn creating_in_the_current_directory_keeps_it_and_its_mode() {
    let dir = workdir("here");
    let env = dir.join("env");
    fs::create_dir(&env).unwrap();
    fs::set_permissions(&env, fs::Permissions::from_mode(0o750)).unwrap();
    let inode = fs::metadata(&env).unwrap().ino();
    // `cd env && venvsh create .`, then use it from there: the shell's directory lives on.
    let script = r#"cd "$1" && "$2" create . 2>/dev/null && ./bin/python -c 'import sys; print(sys.prefix)' && "$2" create --clear . 2>/dev/null && ls -A . && pwd -P"#;
    let out = success(
        Command::new("sh")
            .args(["-c", script, "sh"])
            .arg(&env)
            .arg(env!("CARGO_BIN_EXE_venvsh"))
            .env("XDG_CACHE_HOME", cache_home())
            .env("VENVSH_DATA_DIR", data_dir()),
    );
    assert!(out.starts_with(&format!("{}\n", env.display())), "{out}");
    assert!(out.contains("pyvenv.cfg"), "{out}");
    let meta = fs::metadata(&env).unwrap();
    assert_eq!(meta.ino(), inode, "the directory was replaced");
    assert_eq!(meta.permissions().mode() & 0o777, 0o750);
    assert_complete(&env, true);
}

fn a_project_folder_is_built_into_and_its_files_are_never_changed() {
    let dir = workdir("project");
    let project = dir.join("project");
    fs::create_dir_all(project.join("src")).unwrap();
    fs::write(project.join(".gitignore"), "/build\n").unwrap();
    fs::write(project.join("src/main.py"), "print('hi')\n").unwrap();
    // `venvsh create .` in a project, as `python -m venv .` is used.
    let stderr = created(venvsh(&project).args(["create", "."]));
    assert!(stderr.contains("created . with"), "{stderr}");
    assert_complete(&project, true);
    assert_eq!(
        fs::read_to_string(project.join(".gitignore")).unwrap(),
        "/build\n"
    );
    assert_eq!(
        fs::read_to_string(project.join("src/main.py")).unwrap(),
        "print('hi')\n"
    );
    // With 3.13, whose venv writes a .gitignore, into a project folder, and upgrading an
    // environment venv made at a project root (which replaced the project's .gitignore
    // with `*` before, issue 10): the project's own file stays.
    if let Some(python) = require_python("3.13") {
        let folder = dir.join("folder13");
        fs::create_dir(&folder).unwrap();
        fs::write(folder.join(".gitignore"), "/build\n").unwrap();
        let root = dir.join("root13");
        success(
            Command::new("python3")
                .args(["-m", "venv", "--without-pip"])
                .arg(&root),
        );
        fs::write(root.join(".gitignore"), "/build\n").unwrap();
        for (args, env) in [
            (&["create"][..], &folder),
            (&["create", "--upgrade"], &root),
        ] {
            let mut command = venvsh(&dir);
            command.args(args).arg("-p").arg(&python).arg(env);
            created(&mut command);
            assert_eq!(
                fs::read_to_string(env.join(".gitignore")).unwrap(),
                "/build\n",
                "{args:?}"
            );
            assert_eq!(
                env_python(env, "import sys; print(sys.version_info[:2])"),
                "(3, 13)"
            );
            success(Command::new(env.join("bin/pip")).arg("--version"));
        }
    }

    // A file where the environment needs one of its own: refused, named, nothing left.
    let other = dir.join("other");
    fs::create_dir_all(other.join("bin")).unwrap();
    fs::write(other.join("bin/activate"), "my own script\n").unwrap();
    fs::write(other.join("notes.txt"), "x").unwrap();
    let stderr = failure(venvsh(&dir).args(["create", "other"]));
    assert!(
        stderr.contains("other/bin/activate exists, and venvsh would have to replace it"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: venvsh never overwrites a file it did not write"),
        "{stderr}"
    );
    let mut left: Vec<String> = walk_names(&other);
    left.sort();
    assert_eq!(left, ["bin", "bin/activate", "notes.txt"]);
    assert_eq!(
        fs::read_to_string(other.join("bin/activate")).unwrap(),
        "my own script\n"
    );
}

/// Every path under `dir`, relative.
fn walk_names(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(d) = pending.pop() {
        for e in fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            out.push(p.strip_prefix(dir).unwrap().to_string_lossy().into_owned());
            if e.file_type().unwrap().is_dir() {
                pending.push(p);
            }
        }
    }
    out
}

fn gitignore_exactly_where_the_interpreters_own_venv_writes_one() {
    let dir = workdir("gitignore");
    let mut pythons = vec![PathBuf::from(base_python("base"))];
    for minor in ["3.12", "3.13"] {
        pythons.extend(require_python(minor));
    }
    for (i, python) in pythons.iter().enumerate() {
        let theirs = dir.join(format!("venv{i}"));
        success(
            Command::new(python)
                .args(["-m", "venv", "--without-pip"])
                .arg(&theirs),
        );
        let mut command = venvsh(&dir);
        command
            .args(["create", "--without-pip", "-p"])
            .arg(python)
            .arg(format!("ours{i}"));
        created(&mut command);
        let ours = dir.join(format!("ours{i}"));
        assert_eq!(
            ours.join(".gitignore").exists(),
            theirs.join(".gitignore").exists(),
            "{python:?}"
        );
        if ours.join(".gitignore").exists() {
            let lines = fs::read_to_string(ours.join(".gitignore")).unwrap();
            assert_eq!(lines.lines().last(), Some("*"));
        }
        let mut command = venvsh(&dir);
        command
            .args([
                "create",
                "--without-pip",
                "--without-scm-ignore-files",
                "-p",
            ])
            .arg(python)
            .arg(format!("none{i}"));
        created(&mut command);
        assert!(!dir.join(format!("none{i}/.gitignore")).exists());
    }
}

fn kill_9_during_an_in_place_build_leaves_what_was_there() {
    let dir = workdir("kill-in-place");
    let env = dir.join("v");
    let start = Instant::now();
    fs::create_dir(&env).unwrap();
    created(venvsh(&dir).args(["create", "v"]));
    let full = start.elapsed().as_micros() as u64;
    let mut seed = 0x2545_f491_4f6c_dd1d ^ u64::from(std::process::id());
    let (mut before, mut after) = (0, 0);
    for round in 0..24 {
        // Half the rounds build into a folder with a file of the user's, half replace an
        // environment with --clear.
        let clear = round % 2 == 1;
        let _ = fs::remove_dir_all(&env);
        fs::create_dir(&env).unwrap();
        fs::write(env.join("keep.txt"), "mine").unwrap();
        if clear {
            created(venvsh(&dir).args(["create", "--without-pip", "v"]));
        }
        let mut args = vec!["create", "v"];
        if clear {
            args.insert(1, "--clear");
        }
        let mut child = venvsh(&dir)
            .args(&args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(jitter(&mut seed, full * 3 / 2)));
        child.kill().ok();
        child.wait().unwrap();
        // Never an environment that looks finished and is not.
        if env.join("pyvenv.cfg").exists() {
            // The new environment (with pip), whole; or, with --clear, the old one (without).
            assert_complete(&env, !clear || env.join("bin/pip").exists());
            after += 1;
        } else {
            before += 1;
        }
        if !clear {
            assert_eq!(fs::read_to_string(env.join("keep.txt")).unwrap(), "mine");
        }
        // The same command again finishes the job, and sweeps up the killed run's.
        created(venvsh(&dir).args(&args));
        assert_complete(&env, true);
        assert!(
            staging_leftovers(&env).is_empty(),
            "{:?}",
            staging_leftovers(&env)
        );
        if !clear {
            assert_eq!(fs::read_to_string(env.join("keep.txt")).unwrap(), "mine");
        }
        assert_console_scripts_run(&env);
    }
    eprintln!("after kill -9 in place: {before} not yet an environment, {after} complete");
}

// ---- issue 10: interoperation, old interpreters, cache, bytecode -----------------------

fn venv_and_venvsh_upgrade_each_others_environments() {
    let dir = workdir("interop");
    // venv's --upgrade on a venvsh environment (ensurepip --upgrade sees our pip).
    created(venvsh(&dir).args(["create", "ours"]));
    let ours = dir.join("ours");
    success(
        Command::new("python3")
            .args(["-m", "venv", "--upgrade"])
            .arg(&ours),
    );
    assert_complete(&ours, true);
    assert_eq!(pip_version(&ours), bundled_pip_version());
    assert_console_scripts_run(&ours);
    // venvsh's --upgrade (and a plain re-run) on a venv environment.
    let theirs = dir.join("theirs");
    success(Command::new("python3").args(["-m", "venv"]).arg(&theirs));
    let activate = fs::read(theirs.join("bin/activate")).unwrap();
    for args in [
        &["create", "theirs"][..],
        &["create", "--upgrade", "theirs"],
    ] {
        created(venvsh(&dir).args(args));
        assert_complete(&theirs, true);
        assert_eq!(pip_version(&theirs), bundled_pip_version());
        assert_console_scripts_run(&theirs);
        assert_eq!(
            env_python(&theirs, "import sys; print(sys.prefix)"),
            theirs.to_str().unwrap()
        );
    }
    // venv's own activation script is kept (venv keeps scripts on --upgrade too).
    assert_eq!(fs::read(theirs.join("bin/activate")).unwrap(), activate);
}

fn python_3_6_and_3_7_are_supported_and_python_2_refused() {
    let dir = workdir("old-pythons");
    for minor in ["3.6", "3.7"] {
        let Some(python) = require_python(minor) else {
            continue;
        };
        let mut command = venvsh(&dir);
        command.args(["create", "-p"]).arg(&python).arg(minor);
        let stderr = created(&mut command);
        assert!(stderr.contains(&format!("CPython {minor}.")), "{stderr}");
        let env = dir.join(minor);
        assert_eq!(
            env_python(
                &env,
                "import sys; print(sys.prefix != sys.base_prefix, sys.version_info[:2])"
            ),
            format!("True ({}, {})", &minor[..1], &minor[2..])
        );
        // pip and setuptools' scripts (easy_install) all run.
        assert!(assert_console_scripts_run(&env) >= 4);
        let cfg = fs::read_to_string(env.join("pyvenv.cfg")).unwrap();
        assert!(
            cfg.contains(&format!("home = {}\n", python.parent().unwrap().display())),
            "{cfg}"
        );
        // Re-running works there too.
        let mut command = venvsh(&dir);
        command.args(["create", "-p"]).arg(&python).arg(minor);
        assert!(created(&mut command).contains("is complete"));
    }
    // Older than 3.6 (2.7 here): refused before anything is written.
    let root = std::env::var_os("HOME")
        .map(|h| Path::new(&h).join(".pyenv/versions"))
        .unwrap();
    let python2 = fs::read_dir(&root)
        .into_iter()
        .flatten()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("2."))
        .map(|e| e.path().join("bin/python2"));
    if let Some(python2) = python2 {
        let mut command = venvsh(&dir);
        command.args(["create", "-p"]).arg(&python2).arg("two");
        let stderr = failure(&mut command);
        assert!(
            stderr.contains("venvsh creates environments for Python 3.6 and later"),
            "{stderr}"
        );
        assert!(!dir.join("two").exists());
        assert!(staging_leftovers(&dir).is_empty());
    }
}

fn cache_info_and_clean() {
    let dir = workdir("cache-commands");
    let cache = dir.join("cache");
    let with_cache = |args: &[&str]| {
        let mut command = venvsh(&dir);
        command.env("XDG_CACHE_HOME", &cache).args(args);
        command
    };
    created(&mut with_cache(&["create", "a"]));
    // The same wheel reached through another path (an interpreter whose stdlib links to
    // this one's) is kept once: the tree is per wheel content.
    let fake = python_without_ensurepip(&dir);
    let ensurepip = fake
        .parent()
        .unwrap()
        .join(format!("../lib/python{}/ensurepip", base_python("version")));
    symlink(
        Path::new(&base_python("stdlib")).join("ensurepip"),
        &ensurepip,
    )
    .unwrap();
    let mut command = with_cache(&["create", "-p"]);
    command.arg(&fake).arg("b");
    created(&mut command);
    assert_eq!(wheel_trees(&cache).len(), bundled_wheel_count());

    let info = success(&mut with_cache(&["cache", "info"]));
    assert!(
        info.starts_with(&format!("{}: ", cache.join("venvsh").display())),
        "{info}"
    );
    assert!(
        info.contains(&format!("{} unpacked wheels", bundled_wheel_count())),
        "{info}"
    );
    assert!(info.contains("facts about interpreters"), "{info}");
    assert!(info.contains("    pip-"), "{info}");
    let json: serde_json::Value =
        serde_json::from_str(&success(&mut with_cache(&["cache", "info", "--json"]))).unwrap();
    assert!(json["parts"].as_array().unwrap().len() >= 2, "{json}");

    let out = run(&mut with_cache(&["cache", "clean"]));
    assert!(
        out.status.success() && out.stdout.is_empty(),
        "{}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr).starts_with("deleted the cache "),
        "{}",
        text(&out.stderr)
    );
    assert!(!cache.join("venvsh").exists());
    // Environments keep their files; the next create fills the cache again.
    assert_console_scripts_run(&dir.join("a"));
    assert_record_matches(&dir.join("a"), "pip");
    created(&mut with_cache(&["create", "c"]));
    assert_eq!(wheel_trees(&cache).len(), bundled_wheel_count());
    assert!(text(&run(&mut with_cache(&["cache", "clean"])).stderr).starts_with("deleted"));
    let again = run(&mut with_cache(&["cache", "clean"]));
    assert!(
        text(&again.stderr).contains("already empty"),
        "{}",
        text(&again.stderr)
    );
}

fn compile_bytecode_writes_pyc_files_for_pip() {
    let dir = workdir("compile");
    created(venvsh(&dir).args(["create", "plain"]));
    let pycache = |env: &str| site_packages(&dir.join(env)).join("pip/__pycache__");
    assert!(!pycache("plain").exists());
    created(venvsh(&dir).args(["create", "--compile-bytecode", "compiled"]));
    let env = dir.join("compiled");
    // Every module has its .pyc.
    let names = walk_names(&site_packages(&env).join("pip"));
    let sources = names.iter().filter(|n| n.ends_with(".py")).count();
    let compiled = names.iter().filter(|n| n.ends_with(".pyc")).count();
    assert!(
        sources > 100 && compiled == sources,
        "{compiled} .pyc for {sources} .py"
    );
    assert!(pycache("compiled").is_dir());
    // Compiled for the place the files live: tracebacks name the environment.
    let filename = env_python(
        &env,
        "import pip, importlib.util, marshal\n\
         path = importlib.util.cache_from_source(pip.__file__)\n\
         code = marshal.loads(open(path, 'rb').read()[16:])\n\
         print(code.co_filename)",
    );
    assert_eq!(
        Path::new(&filename),
        site_packages(&env).join("pip/__init__.py")
    );
    assert_console_scripts_run(&env);
    assert_record_matches(&env, "pip");
}

// ---- CPython's own test suite for venv --------------------------------------------------

/// CPython's Lib/test/test_venv.py, as shipped with 3.11, 3.12 and 3.13, with
/// `venv.EnvBuilder.create` replaced by `venvsh create` (tests/cpython_venv/, which
/// documents the shim). Every test must pass; the only skips allowed are for other
/// platforms. docs/create.md lists the tests that exercise venv's Python API only.
fn cpythons_test_venv_passes_against_venvsh_create() {
    let runner = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cpython_venv/run_test_venv.py");
    for minor in ["3.11", "3.12", "3.13"] {
        let Some(python) = require_python(minor) else {
            continue;
        };
        let suite = python
            .parent()
            .unwrap()
            .join(format!("../lib/python{minor}/test/test_venv.py"));
        assert!(suite.is_file(), "{python:?} has no test suite ({suite:?})");
        let dir = workdir(&format!("test_venv-{minor}"));
        let out = run(Command::new(&python)
            .arg(&runner)
            .arg("-v")
            .env("VENVSH", env!("CARGO_BIN_EXE_venvsh"))
            .env("XDG_CACHE_HOME", cache_home())
            .env("VENVSH_DATA_DIR", data_dir())
            .env_remove("PYTHONPATH")
            .env_remove("VIRTUAL_ENV")
            .current_dir(&dir)
            .stdin(Stdio::null()));
        let report = text(&out.stderr);
        assert!(
            out.status.success(),
            "Python {minor}: test_venv failed:\n{report}"
        );
        for line in report.lines().filter(|l| l.contains("... skipped")) {
            assert!(
                [
                    "only relevant on Windows",
                    "only relevant on macOS",
                    "symlinks on Windows"
                ]
                .iter()
                .any(|why| line.contains(why)),
                "Python {minor}: an unexpected skip: {line}"
            );
        }
        let ran: usize = report
            .lines()
            .find_map(|l| l.strip_prefix("Ran ")?.split(' ').next()?.parse().ok())
            .expect("unittest's summary");
        let made: usize = report
            .lines()
            .find_map(|l| {
                l.strip_prefix("venvsh made ")?
                    .split(' ')
                    .next()?
                    .parse()
                    .ok()
            })
            .expect("the shim's count");
        assert!(
            ran >= 25 && made >= 30,
            "Python {minor}: {ran} tests, {made} environments"
        );
        eprintln!("Python {minor}: test_venv: {ran} tests passed, venvsh made {made} environments");
    }
}
