//! The creation algorithm, in the order stdlib `venv.EnvBuilder.create` runs it.
//!
//! [`EnvBuilder::create`] validates the location, takes the parent directory's
//! lock, builds the environment in a staging directory and moves it into place.
//! Each step is a default method of [`Steps`]; implement the trait to replace a
//! step and call the free functions of this module to keep the default parts.

use std::cell::RefCell;
use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;

use super::Error;
use super::atomic::{Existing, ParentLock, Staging, write_replacing};
use super::interpreter::Interpreter;
use super::layout::Layout;
use super::wheel::LinkMode;
use super::{pyvenv_cfg, scripts, wheel};

/// The stdlib venv options, same meaning, plus `force`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub system_site_packages: bool,
    /// Link to the base interpreter rather than copying it (POSIX default).
    pub symlinks: bool,
    /// Replace an existing environment.
    pub clear: bool,
    /// Point an existing environment at this interpreter, in place.
    pub upgrade: bool,
    pub with_pip: bool,
    /// Shown by activation; `.` means the current directory's name.
    pub prompt: Option<String>,
    /// Run the new environment's pip to upgrade pip from the index.
    pub upgrade_deps: bool,
    /// Write a `.gitignore` holding `*`.
    pub scm_ignore_files: bool,
    /// With `clear`: replace a directory even if it is not an environment.
    pub force: bool,
    /// How pip's files get into site-packages: linked from the cache, or copied.
    pub link_mode: LinkMode,
}

impl Default for Options {
    /// What `venvsh create` does without flags (note: the stdlib *API* defaults
    /// to no pip and no `.gitignore`; its command line does what this does).
    fn default() -> Self {
        Self {
            system_site_packages: false,
            symlinks: true,
            clear: false,
            upgrade: false,
            with_pip: true,
            prompt: None,
            upgrade_deps: false,
            scm_ignore_files: true,
            force: false,
            link_mode: LinkMode::default(),
        }
    }
}

/// Everything a step needs: where files go now, and where they will live.
#[derive(Debug)]
pub struct Context<'a> {
    /// The environment's final absolute location; files refer to this path.
    pub env_dir: PathBuf,
    /// Where files are written: a staging sibling, or `env_dir` itself on `--upgrade`.
    pub stage: PathBuf,
    pub interpreter: &'a Interpreter,
    pub layout: Layout,
    /// The resolved prompt: `--prompt` (with `.` expanded) or the directory's name.
    pub prompt: String,
    /// `--upgrade` of an existing environment: steps write in place and keep what is there.
    pub upgrading: bool,
    /// What a step left undone that the user should hear about (an activation script a
    /// shell cannot represent); `venvsh create` prints each as a warning.
    pub warnings: RefCell<Vec<String>>,
}

impl Context<'_> {
    /// `relative` inside the directory being written.
    pub fn staged(&self, relative: impl AsRef<Path>) -> PathBuf {
        self.stage.join(relative)
    }

    /// `relative` at the environment's final location.
    pub fn final_path(&self, relative: impl AsRef<Path>) -> PathBuf {
        self.env_dir.join(relative)
    }
}

/// The overridable steps, in the order they run.
pub trait Steps {
    fn ensure_directories(&self, ctx: &Context, _options: &Options) -> Result<(), Error> {
        ensure_directories(ctx)
    }

    fn create_scm_ignore_files(&self, ctx: &Context, options: &Options) -> Result<(), Error> {
        if options.scm_ignore_files {
            write_gitignore(ctx)?;
        }
        Ok(())
    }

    fn create_configuration(&self, ctx: &Context, options: &Options) -> Result<(), Error> {
        let text = pyvenv_cfg::render(&ctx.env_dir, ctx.interpreter, options);
        write_replacing(&ctx.staged("pyvenv.cfg"), text.as_bytes())
    }

    fn setup_python(&self, ctx: &Context, options: &Options) -> Result<(), Error> {
        setup_python(ctx, options.symlinks)
    }

    fn setup_pip(&self, ctx: &Context, options: &Options) -> Result<(), Error> {
        if options.with_pip {
            install_bundled_pip(ctx, options.link_mode)?;
        }
        Ok(())
    }

    /// Skipped on `--upgrade`, as in venv.
    fn setup_scripts(&self, ctx: &Context, _options: &Options) -> Result<(), Error> {
        write_activation_scripts(ctx)
    }

    /// Skipped on `--upgrade`, as in venv. Nothing by default.
    fn post_setup(&self, _ctx: &Context, _options: &Options) -> Result<(), Error> {
        Ok(())
    }

    /// Runs after the environment is in place, since pip needs its final paths.
    fn upgrade_dependencies(&self, ctx: &Context, options: &Options) -> Result<(), Error> {
        if options.upgrade_deps {
            upgrade_dependencies(ctx)?;
        }
        Ok(())
    }
}

/// The steps exactly as venvsh runs them.
#[derive(Debug, Default, Clone, Copy)]
pub struct DefaultSteps;

impl Steps for DefaultSteps {}

/// What happened at the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Created,
    /// `--clear`: a new environment took the old one's place.
    Replaced,
    /// `--upgrade`: the existing environment was updated in place.
    Upgraded,
}

#[derive(Debug, Clone)]
pub struct Created {
    pub path: PathBuf,
    pub outcome: Outcome,
    /// Things left undone, for the user: e.g. an activation script not written.
    pub warnings: Vec<String>,
}

pub struct EnvBuilder<S: Steps = DefaultSteps> {
    pub options: Options,
    steps: S,
}

impl EnvBuilder<DefaultSteps> {
    pub fn new(options: Options) -> Self {
        Self {
            options,
            steps: DefaultSteps,
        }
    }
}

impl<S: Steps> EnvBuilder<S> {
    pub fn with_steps(options: Options, steps: S) -> Self {
        Self { options, steps }
    }

    /// Create (or replace, or upgrade) the environment at `env_dir`, relative to `cwd`.
    pub fn create(
        &self,
        env_dir: &Path,
        cwd: &Path,
        interpreter: &Interpreter,
    ) -> Result<Created, Error> {
        let options = &self.options;

        // Resolve the location as venv does: absolute, `..` folded, links kept.
        let env_dir = crate::project::paths::normalize(&cwd.join(env_dir));
        let Some(env_str) = env_dir.to_str() else {
            return Err(Error::NonUtf8 { path: env_dir });
        };

        // Refuse what can never work before touching anything.
        if env_str.contains(':') {
            return Err(Error::PathSeparator { path: env_dir });
        }
        let (Some(parent), Some(name)) = (env_dir.parent(), env_dir.file_name()) else {
            return Err(Error::NotADirectory { path: env_dir });
        };
        let name = name.to_string_lossy().into_owned();

        // venv creates missing parents.
        fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;

        // Take turns with other creators in this directory, then look at the target.
        let _lock = ParentLock::acquire(parent, &name)?;
        let existing = Existing::inspect(&env_dir)?;
        let outcome = match existing {
            Existing::Symlink => return Err(Error::Symlink { path: env_dir }),
            Existing::NotADirectory => return Err(Error::NotADirectory { path: env_dir }),
            Existing::Nothing | Existing::EmptyDir => Outcome::Created,
            Existing::Environment if options.clear => Outcome::Replaced,
            Existing::Environment if options.upgrade => Outcome::Upgraded,
            Existing::Environment => return Err(Error::Exists { path: env_dir }),
            Existing::OtherDir if options.clear && options.force => Outcome::Replaced,
            Existing::OtherDir if options.clear => {
                return Err(Error::ClearNotAnEnvironment { path: env_dir });
            }
            Existing::OtherDir => return Err(Error::NotAnEnvironment { path: env_dir }),
        };

        let prompt = match &options.prompt {
            Some(p) => pyvenv_cfg::resolve_prompt(p),
            None => name.clone(),
        };
        let layout = Layout::for_interpreter(&interpreter.facts);

        if outcome == Outcome::Upgraded {
            let ctx = Context {
                stage: env_dir.clone(),
                env_dir: env_dir.clone(),
                interpreter,
                layout,
                prompt,
                upgrading: true,
                warnings: RefCell::default(),
            };
            self.run_steps(&ctx)?;
            self.steps.upgrade_dependencies(&ctx, options)?;
            return Ok(Created {
                path: env_dir,
                outcome,
                warnings: ctx.warnings.into_inner(),
            });
        }

        // Build beside the target; a failure or a kill leaves only the hidden sibling.
        let staging = Staging::create(parent, &name)?;
        let ctx = Context {
            stage: staging.path().to_owned(),
            env_dir: env_dir.clone(),
            interpreter,
            layout,
            prompt,
            upgrading: false,
            warnings: RefCell::default(),
        };
        self.run_steps(&ctx)?;

        // Appear all at once: a rename, or a swap with the environment being replaced.
        if outcome == Outcome::Replaced {
            staging.commit_replace(&env_dir)?;
        } else {
            staging.commit_new(&env_dir)?;
        }
        let ctx = Context {
            stage: env_dir.clone(),
            ..ctx
        };
        self.steps.upgrade_dependencies(&ctx, options)?;
        Ok(Created {
            path: env_dir,
            outcome,
            warnings: ctx.warnings.into_inner(),
        })
    }

    fn run_steps(&self, ctx: &Context) -> Result<(), Error> {
        let options = &self.options;
        self.steps.ensure_directories(ctx, options)?;
        self.steps.create_scm_ignore_files(ctx, options)?;
        self.steps.create_configuration(ctx, options)?;
        self.steps.setup_python(ctx, options)?;
        self.steps.setup_pip(ctx, options)?;
        if !ctx.upgrading {
            self.steps.setup_scripts(ctx, options)?;
            self.steps.post_setup(ctx, options)?;
        }
        Ok(())
    }
}

/// `bin`, `include…`, `lib/pythonX.Y/site-packages`, and `lib64 -> lib` where venv makes it.
pub fn ensure_directories(ctx: &Context) -> Result<(), Error> {
    for dir in ctx.layout.directories() {
        let path = ctx.staged(dir);
        fs::create_dir_all(&path).map_err(|e| Error::io("create", path, e))?;
    }
    if ctx.layout.lib64_link {
        let link = ctx.staged("lib64");
        if fs::symlink_metadata(&link).is_err() {
            symlink("lib", &link).map_err(|e| Error::io("create", link, e))?;
        }
    }
    Ok(())
}

pub fn write_gitignore(ctx: &Context) -> Result<(), Error> {
    let path = ctx.staged(".gitignore");
    fs::write(&path, "# Created by venvsh create\n*\n").map_err(|e| Error::io("write", path, e))
}

/// `bin/<base name>` to the base interpreter, the other names to it relatively.
pub fn setup_python(ctx: &Context, symlinks: bool) -> Result<(), Error> {
    let facts = &ctx.interpreter.facts;
    let base = ctx.final_path(&facts.base_executable); // absolute stays absolute
    let bin = ctx.staged(&ctx.layout.scripts);
    let exe = bin.join(&ctx.layout.exe_name);
    if symlinks {
        link_replacing(&base, &exe)?;
        for alias in &ctx.layout.aliases {
            let path = bin.join(alias);
            if fs::symlink_metadata(&path).is_err() {
                link_or_copy(Path::new(&ctx.layout.exe_name), &path, &base)?;
            }
        }
        return Ok(());
    }
    check_copies_work(ctx)?;
    copy_executable(&base, &exe)?;
    for alias in &ctx.layout.aliases {
        copy_executable(&base, &bin.join(alias))?;
    }
    Ok(())
}

/// Point `link` at `target`, replacing a link that points elsewhere (an upgrade to
/// another interpreter) in one rename. Falls back to a copy where links fail.
fn link_replacing(target: &Path, link: &Path) -> Result<(), Error> {
    if fs::read_link(link).is_ok_and(|current| current == target) {
        return Ok(());
    }
    if fs::symlink_metadata(link).is_err() {
        return link_or_copy(target, link, target);
    }
    let tmp = link.with_file_name(format!(
        ".venvsh-link-{}",
        super::interpreter::unique_suffix()
    ));
    symlink(target, &tmp).map_err(|e| Error::io("create", &tmp, e))?;
    fs::rename(&tmp, link).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::io("replace", link, e)
    })
}

/// venv falls back to copying on filesystems that refuse symlinks; so does this.
fn link_or_copy(target: &Path, link: &Path, real: &Path) -> Result<(), Error> {
    match symlink(target, link) {
        Ok(()) => Ok(()),
        Err(e) if matches!(e.raw_os_error(), Some(libc::EPERM | libc::EOPNOTSUPP)) => {
            copy_executable(real, link)
        }
        Err(e) => Err(Error::io("create", link, e)),
    }
}

fn copy_executable(from: &Path, to: &Path) -> Result<(), Error> {
    // Through a temporary name: on --upgrade the old copy may be running.
    let tmp = to.with_file_name(format!(
        ".venvsh-copy-{}",
        super::interpreter::unique_suffix()
    ));
    fs::copy(from, &tmp).map_err(|e| Error::io("copy", from, e))?;
    fs::set_permissions(&tmp, fs::Permissions::from_mode(0o755))
        .and_then(|()| fs::rename(&tmp, to))
        .map_err(|e| {
            let _ = fs::remove_file(&tmp);
            Error::io("copy", to, e)
        })
}

/// A copied binary must still find libpython. Builds that look for it relative to
/// themselves (`$ORIGIN/../lib`) get a copy of it in `lib/`; others are refused.
fn check_copies_work(ctx: &Context) -> Result<(), Error> {
    let facts = &ctx.interpreter.facts;
    let refuse = |reason: &str| Error::CopiesUnsupported {
        python: facts.base_executable.clone(),
        reason: reason.to_owned(),
    };
    if !facts.framework.is_empty() {
        return Err(refuse(
            "macOS framework builds only run from inside their framework",
        ));
    }
    if !facts.shared {
        return Ok(());
    }
    let binary = fs::read(&facts.base_executable)
        .map_err(|e| Error::io("read", &facts.base_executable, e))?;
    let has = |needle: &[u8]| binary.windows(needle.len()).any(|w| w == needle);
    let relative_to_itself = has(b"$ORIGIN") || has(b"@executable_path") || has(b"@loader_path");
    if !relative_to_itself {
        // An absolute rpath (pyenv) or the system search path still finds libpython.
        return Ok(());
    }
    if !(has(b"$ORIGIN/../lib") || has(b"@executable_path/../lib")) || facts.library.is_empty() {
        return Err(refuse(
            "it finds libpython relative to itself, in a place a copy cannot reproduce",
        ));
    }
    let library = facts.libdir.join(&facts.library);
    let dest = ctx.staged("lib").join(&facts.library);
    fs::copy(&library, &dest).map_err(|e| Error::io("copy", library, e))?;
    Ok(())
}

/// pip (and setuptools before 3.12) from the interpreter's bundled wheels.
pub fn install_bundled_pip(ctx: &Context, link_mode: LinkMode) -> Result<(), Error> {
    let facts = &ctx.interpreter.facts;
    let wheels = wheel::bundled_wheels(facts)?;
    let site_packages = ctx.staged(&ctx.layout.purelib);
    for path in wheels {
        let dist = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.split('-').next())
            .unwrap_or("");
        // On --upgrade an installed copy stays: changing it is --upgrade-deps's job.
        if ctx.upgrading && has_dist_info(&site_packages, dist) {
            continue;
        }
        wheel::install(
            &path,
            &wheel::Target {
                stage: &ctx.stage,
                root: &ctx.env_dir,
                layout: &ctx.layout,
                python_version: facts.major_minor(),
                link_mode,
            },
        )?;
    }
    Ok(())
}

fn has_dist_info(site_packages: &Path, dist: &str) -> bool {
    let prefix = format!("{dist}-");
    fs::read_dir(site_packages).is_ok_and(|entries| {
        entries.flatten().any(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(&prefix) && name.ends_with(".dist-info")
        })
    })
}

/// Write the activation scripts; one a shell cannot represent is left out with a warning
/// (never written broken), so that `activate.bat` cannot stop a POSIX environment.
pub fn write_activation_scripts(ctx: &Context) -> Result<(), Error> {
    let bin = ctx.final_path(&ctx.layout.scripts);
    let scripts = scripts::standalone(&ctx.env_dir, &bin, &ctx.prompt)?;
    for (name, contents) in scripts.scripts {
        let path = ctx.staged(&ctx.layout.scripts).join(name);
        fs::write(&path, contents).map_err(|e| Error::io("write", path, e))?;
    }
    let scripts_dir = ctx.layout.scripts.to_string_lossy();
    for omitted in scripts.omitted {
        ctx.warnings.borrow_mut().push(format!(
            "{scripts_dir}/{} not written: {}",
            omitted.file, omitted.reason
        ));
    }
    Ok(())
}

/// `python -m pip install --upgrade pip` in the environment, as venv's `--upgrade-deps`.
pub fn upgrade_dependencies(ctx: &Context) -> Result<(), Error> {
    let python = ctx
        .final_path(&ctx.layout.scripts)
        .join(&ctx.layout.exe_name);
    // venv's list: setuptools went in 3.12, together with ensurepip installing it.
    let packages: &[&str] = if ctx.interpreter.facts.major_minor() < (3, 12) {
        &["pip", "setuptools"]
    } else {
        &["pip"]
    };
    let mut command = Command::new(&python);
    command
        .args(["-m", "pip", "install", "--upgrade"])
        .args(packages)
        .env("VIRTUAL_ENV", &ctx.env_dir)
        .env_remove("PYTHONHOME")
        .env_remove("PYTHONPATH")
        .current_dir(&ctx.env_dir);
    let shown = format!(
        "{} -m pip install --upgrade {}",
        python.display(),
        packages.join(" ")
    );
    let status = command.status().map_err(|e| Error::UpgradeDeps {
        command: shown.clone(),
        status: e.to_string(),
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::UpgradeDeps {
            command: shown,
            status: status.to_string(),
        })
    }
}
