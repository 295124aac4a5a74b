//! The creation algorithm, in the order stdlib `venv.EnvBuilder.create` runs it.
//!
//! Every step writes into an empty staging directory whose files already name the
//! environment's final location. Where the target does not exist, the staging directory
//! is a hidden sibling renamed into place in one step. Where it exists (a folder made for
//! the environment, a mount point, a project folder, an environment being re-run or
//! upgraded) it is hidden inside the target and [`commit`] moves its entries in, never
//! over a file that was there unless venvsh owns it, `pyvenv.cfg` last (issue 10). Each
//! step is a default method of [`Steps`]; implement the trait to replace a step and call
//! the free functions of this module to keep the default parts.

use std::cell::RefCell;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::Error;
use super::atomic::{Contents, DirLock, Existing, ParentLock, Staging};
use super::commit::{self, Policy, Trash};
use super::existing::{self, ExistingEnv};
use super::interpreter::Interpreter;
use super::layout::{Fallback, Layout, WindowsPython};
use super::options::Options;
use super::wheel::LinkMode;
use super::{pyvenv_cfg, scripts, wheel};
use crate::platform::{link, mode};

/// What the target held before this build, as the steps need to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prior {
    /// Nothing (or nothing left: an empty folder, or one `--clear` is emptying).
    Nothing,
    /// A folder that is not an environment.
    Folder,
    /// An environment of this interpreter, re-run.
    Environment,
    /// An environment being upgraded in place (`--upgrade`).
    Upgrading,
}

/// Everything a step needs: where files go now, and where they will live.
#[derive(Debug)]
pub struct Context<'a> {
    /// The environment's final absolute location; files refer to this path.
    pub env_dir: PathBuf,
    /// Where files are written: an empty staging directory.
    pub stage: PathBuf,
    pub interpreter: &'a Interpreter,
    pub layout: Layout,
    /// The resolved prompt: `--prompt` (with `.` expanded) or the directory's name.
    pub prompt: String,
    /// What is at `env_dir` now; the staged files are merged into it.
    pub prior: Prior,
    /// What a step left undone that the user should hear about (an activation script a
    /// shell cannot represent); `venvsh create` prints each as a warning.
    pub warnings: RefCell<Vec<String>>,
    /// Distributions whose installed files at `env_dir` go before the staged ones move
    /// in (an older pip replaced on `--upgrade`).
    pub replaces: RefCell<Vec<existing::Installed>>,
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

    /// `.gitignore` exactly where the interpreter's own venv writes one: 3.13 and later.
    fn create_scm_ignore_files(&self, ctx: &Context, options: &Options) -> Result<(), Error> {
        if options.scm_ignore_files && ctx.interpreter.facts.major_minor() >= (3, 13) {
            write_gitignore(ctx)?;
        }
        Ok(())
    }

    fn create_configuration(&self, ctx: &Context, options: &Options) -> Result<(), Error> {
        let text = pyvenv_cfg::render(&ctx.env_dir, ctx.interpreter, options)?;
        let path = ctx.staged("pyvenv.cfg");
        fs::write(&path, text).map_err(|e| Error::io("write", path, e))
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

    /// Scripts already in an environment being re-run or upgraded are kept, as venv
    /// keeps them on `--upgrade`; missing ones are added.
    fn setup_scripts(&self, ctx: &Context, _options: &Options) -> Result<(), Error> {
        write_activation_scripts(ctx)
    }

    /// Nothing by default.
    fn post_setup(&self, _ctx: &Context, _options: &Options) -> Result<(), Error> {
        Ok(())
    }

    /// `.pyc` files for what this build installs, written before it moves in.
    fn compile_bytecode(&self, ctx: &Context, options: &Options) -> Result<(), Error> {
        if options.compile_bytecode {
            compile_bytecode(ctx)?;
        }
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
    /// A new environment, where there was none (possibly in an existing folder).
    Created,
    /// `--clear`: a new environment took the old one's place.
    Replaced,
    /// `--upgrade`: the existing environment was updated in place.
    Upgraded,
    /// A re-run on an environment of this interpreter: `added` missing parts put back.
    Repaired { added: usize },
}

#[derive(Debug, Clone)]
pub struct Created {
    pub path: PathBuf,
    pub outcome: Outcome,
    /// Whether venvsh built every file in it: the target was absent or empty, or
    /// `--clear` emptied it. Only such an environment is trusted by `create` (issue 8,
    /// item 8): one that was already there may have come with a repository.
    pub from_scratch: bool,
    /// Things left undone or kept, for the user: e.g. an activation script not written.
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

/// How a build reaches its target, decided before anything is written.
struct Decision {
    outcome: Outcome,
    prior: Prior,
    policy: Policy,
    /// `--clear` of an existing directory: its entries go to the trash first.
    clear: bool,
    from_scratch: bool,
}

impl<S: Steps> EnvBuilder<S> {
    pub fn with_steps(options: Options, steps: S) -> Self {
        Self { options, steps }
    }

    /// Create (or replace, or upgrade, or repair) the environment at `env_dir`, relative
    /// to `cwd`.
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
        let separator = crate::platform::paths::PATH_SEPARATOR;
        if env_str.contains(separator) {
            return Err(Error::PathSeparator {
                path: env_dir,
                separator,
            });
        }
        let (Some(parent), Some(name)) = (env_dir.parent(), env_dir.file_name()) else {
            return Err(Error::NotADirectory { path: env_dir });
        };
        let name = name.to_string_lossy().into_owned();
        let facts = &interpreter.facts;
        if facts.major_minor() < (3, 6) {
            return Err(Error::UnsupportedPython {
                path: interpreter.path.clone(),
                version: facts.version_string(),
            });
        }
        // A path that cannot go into pyvenv.cfg is refused now, not halfway.
        pyvenv_cfg::render(&env_dir, interpreter, options)?;

        // venv creates missing parents.
        fs::create_dir_all(parent).map_err(|e| Error::io("create", parent, e))?;

        // Take turns with other creators in this directory (a parent that cannot be
        // read is no place for a new environment, but may hold an existing target).
        let parent_lock = ParentLock::acquire(parent, &name);
        let parent_lock = match (parent_lock, Existing::inspect(&env_dir)?) {
            (Ok(lock), _) => Some(lock),
            (Err(_), Existing::Directory) => None,
            (Err(e), _) => return Err(e),
        };
        let layout = Layout::for_interpreter(facts);
        let prompt = match &options.prompt {
            Some(p) => pyvenv_cfg::resolve_prompt(p),
            None => name.clone(),
        };
        match Existing::inspect(&env_dir)? {
            Existing::Symlink => Err(Error::Symlink { path: env_dir }),
            Existing::NotADirectory => Err(Error::NotADirectory { path: env_dir }),
            Existing::Nothing => {
                let staging = Staging::sibling(parent, &name)?;
                let ctx = self.context(&env_dir, staging.path(), interpreter, layout, prompt);
                self.run_steps(&ctx)?;
                // Appear all at once; a failure or a kill leaves only the hidden sibling.
                staging.commit_new(&env_dir)?;
                drop(parent_lock);
                self.finish(ctx, Outcome::Created, true)
            }
            Existing::Directory => {
                // From here on the target's own lock is the one that matters.
                let _lock = DirLock::acquire(&env_dir)?;
                drop(parent_lock);
                let decision = self.decide(&env_dir, interpreter, &layout)?;
                self.build_in_place(&env_dir, interpreter, layout, prompt, decision)
            }
        }
    }

    fn context<'a>(
        &self,
        env_dir: &Path,
        stage: &Path,
        interpreter: &'a Interpreter,
        layout: Layout,
        prompt: String,
    ) -> Context<'a> {
        Context {
            env_dir: env_dir.to_owned(),
            stage: stage.to_owned(),
            interpreter,
            layout,
            prompt,
            prior: Prior::Nothing,
            warnings: RefCell::default(),
            replaces: RefCell::default(),
        }
    }

    /// What to do with the existing directory `env_dir`, whose lock the caller holds.
    fn decide(
        &self,
        env_dir: &Path,
        interpreter: &Interpreter,
        layout: &Layout,
    ) -> Result<Decision, Error> {
        let options = &self.options;
        let path = env_dir.to_owned();
        let cleared = |outcome| Decision {
            outcome,
            prior: Prior::Nothing,
            policy: Policy::Fresh,
            clear: true,
            from_scratch: true,
        };
        let into = |prior, policy, outcome| Decision {
            outcome,
            prior,
            policy,
            clear: false,
            from_scratch: false,
        };
        let decision = match Contents::inspect_and_sweep(env_dir)? {
            Contents::Empty => Decision {
                from_scratch: true,
                ..into(Prior::Nothing, Policy::Fresh, Outcome::Created)
            },
            Contents::Environment | Contents::Interrupted if options.clear => {
                cleared(Outcome::Replaced)
            }
            Contents::Folder if options.clear && options.force => cleared(Outcome::Replaced),
            Contents::Folder if options.clear => {
                return Err(Error::ClearNotAnEnvironment { path });
            }
            Contents::Folder | Contents::Interrupted => {
                into(Prior::Folder, Policy::Folder, Outcome::Created)
            }
            Contents::Environment => {
                let env = ExistingEnv::read(env_dir);
                if options.upgrade {
                    into(Prior::Upgrading, Policy::Upgrade, Outcome::Upgraded)
                } else if !env.made_by(&interpreter.facts) {
                    return Err(Error::OtherInterpreter {
                        path,
                        theirs: env.describe(),
                        ours: interpreter.describe(),
                    });
                } else {
                    self.check_same_options(env_dir, &env, layout)?;
                    into(
                        Prior::Environment,
                        Policy::Repair,
                        Outcome::Repaired { added: 0 },
                    )
                }
            }
        };
        if decision.clear {
            // Refused before anything is built: --clear never descends into a mount.
            crate::platform::remove::check(env_dir)?;
        }
        Ok(decision)
    }

    /// A re-run must ask for the environment that is there: a different setting is a
    /// change only `--upgrade` or `--clear` makes.
    fn check_same_options(
        &self,
        env_dir: &Path,
        env: &ExistingEnv,
        layout: &Layout,
    ) -> Result<(), Error> {
        let options = &self.options;
        let conflict = |what: String| Error::ConflictingOptions {
            path: env_dir.to_owned(),
            what,
        };
        if let Some(system) = env.system_site_packages
            && system != options.system_site_packages
        {
            return Err(conflict(format!(
                "it was made {} --system-site-packages",
                if system { "with" } else { "without" }
            )));
        }
        if let Some(prompt) = &options.prompt {
            let name = env_dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            let theirs = env.prompt.clone().or(name).unwrap_or_default();
            if theirs != pyvenv_cfg::resolve_prompt(prompt) {
                return Err(conflict(format!("its prompt is {theirs:?}")));
            }
        }
        let exe = env_dir.join(&layout.scripts).join(&layout.exe_name);
        if let Ok(meta) = fs::symlink_metadata(&exe) {
            let linked = meta.file_type().is_symlink();
            if linked != options.symlinks {
                return Err(conflict(format!(
                    "its interpreter is a {}, and --{} asks for a {}",
                    if linked { "link" } else { "copy" },
                    if options.symlinks {
                        "symlinks"
                    } else {
                        "copies"
                    },
                    if linked { "copy" } else { "link" },
                )));
            }
        }
        Ok(())
    }

    fn build_in_place(
        &self,
        env_dir: &Path,
        interpreter: &Interpreter,
        layout: Layout,
        prompt: String,
        decision: Decision,
    ) -> Result<Created, Error> {
        // Built first, inside the target: if it fails, what was there is untouched.
        let staging = Staging::inside(env_dir)?;
        let mut ctx = self.context(env_dir, staging.path(), interpreter, layout, prompt);
        ctx.prior = decision.prior;
        self.run_steps(&ctx)?;
        let replaces = ctx.replaces.borrow().clone();
        let trash = if decision.clear || !replaces.is_empty() {
            Some(Trash::new(env_dir)?)
        } else {
            None
        };
        // What --clear empties and what --upgrade replaces goes to the trash first; every
        // conflict with what is left is found before anything moves in, and a refusal
        // puts the trash back.
        if let Some(trash) = &trash {
            let taken = (|| {
                if decision.clear {
                    trash.take_all_but(env_dir, &[staging.path()])?;
                }
                for installed in &replaces {
                    for rel in existing::installed_paths(env_dir, &ctx.layout, installed) {
                        trash.take(env_dir, &rel)?;
                    }
                }
                Ok(())
            })();
            if let Err(e) = taken {
                trash.restore();
                return Err(e);
            }
        }
        let plan = match commit::plan(staging.path(), env_dir, decision.policy, &ctx.layout) {
            Ok(plan) => plan,
            Err(e) => {
                if let Some(trash) = &trash {
                    trash.restore();
                }
                return Err(e);
            }
        };
        commit::execute(&plan, staging.path(), env_dir)?;
        drop(staging);
        if let Some(trash) = trash
            && let Err(message) = trash.empty()
        {
            ctx.warnings.borrow_mut().push(message);
        }
        if decision.prior == Prior::Folder && plan.moves(Path::new(".gitignore")) {
            ctx.warnings.borrow_mut().push(format!(
                "{} held other files; its new .gitignore tells git to ignore all of them \
                 (delete it if this folder is a project)",
                env_dir.display()
            ));
        }
        let outcome = match decision.outcome {
            Outcome::Repaired { .. } => Outcome::Repaired {
                added: plan.changes(),
            },
            other => other,
        };
        self.finish(ctx, outcome, decision.from_scratch)
    }

    /// After the commit: what needs the final paths, then the report.
    fn finish(&self, ctx: Context, outcome: Outcome, from_scratch: bool) -> Result<Created, Error> {
        let ctx = Context {
            stage: ctx.env_dir.clone(),
            ..ctx
        };
        self.steps.upgrade_dependencies(&ctx, &self.options)?;
        Ok(Created {
            path: ctx.env_dir,
            outcome,
            from_scratch,
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
        self.steps.setup_scripts(ctx, options)?;
        self.steps.post_setup(ctx, options)?;
        self.steps.compile_bytecode(ctx, options)?;
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
        link::symlink(Path::new("lib"), &link).map_err(|e| Error::io("create", link, e))?;
    }
    Ok(())
}

/// venv's two lines, but for the comment; never written over an existing `.gitignore`.
/// Python writes it in text mode, so with CRLF on Windows.
pub fn write_gitignore(ctx: &Context) -> Result<(), Error> {
    let path = ctx.staged(".gitignore");
    let text = if ctx.layout.windows.is_some() {
        "# Created by venvsh create\r\n*\r\n"
    } else {
        "# Created by venvsh create\n*\n"
    };
    fs::write(&path, text).map_err(|e| Error::io("write", path, e))
}

/// `bin/<base name>` to the base interpreter, the other names to it relatively; on
/// Windows what [`WindowsPython`] says.
pub fn setup_python(ctx: &Context, symlinks: bool) -> Result<(), Error> {
    if let Some(windows) = &ctx.layout.windows {
        return setup_windows_python(ctx, windows, symlinks);
    }
    let facts = &ctx.interpreter.facts;
    let base = ctx.final_path(&facts.base_executable); // absolute stays absolute
    let bin = ctx.staged(&ctx.layout.scripts);
    let exe = bin.join(&ctx.layout.exe_name);
    if symlinks {
        link_or_copy(&base, &exe, &base)?;
        for alias in &ctx.layout.aliases {
            link_or_copy(Path::new(&ctx.layout.exe_name), &bin.join(alias), &base)?;
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

/// venv falls back to copying on filesystems that refuse symlinks; so does this.
fn link_or_copy(target: &Path, to: &Path, real: &Path) -> Result<(), Error> {
    match link::symlink(target, to) {
        Ok(()) => Ok(()),
        Err(e) if link::symlink_refused(&e) => copy_executable(real, to),
        Err(e) => Err(Error::io("create", to, e)),
    }
}

fn copy_executable(from: &Path, to: &Path) -> Result<(), Error> {
    fs::copy(from, to).map_err(|e| Error::io("copy", from, e))?;
    mode::set_mode(to, 0o755).map_err(|e| Error::io("copy", to, e))
}

/// The interpreter files of a Windows environment: venv's launcher (or, before 3.7.2,
/// the interpreter and its DLLs) copied into `Scripts\`; with `--symlinks`, links to
/// the installation's files where Windows allows them, copies where it refuses.
fn setup_windows_python(
    ctx: &Context,
    python: &WindowsPython,
    symlinks: bool,
) -> Result<(), Error> {
    let scripts = ctx.staged(&ctx.layout.scripts);
    let copy = |name: &str, source: &Path| -> Result<(), Error> {
        let to = scripts.join(name);
        match fs::copy(source, &to) {
            Ok(_) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !source.exists() => {
                Err(Error::NoLauncher {
                    python: ctx.interpreter.path.clone(),
                    missing: source.to_owned(),
                })
            }
            Err(e) => Err(Error::io("copy", source, e)),
        }
    };
    let copy_all = || {
        python
            .copies
            .iter()
            .try_for_each(|(name, source)| copy(name, source))
    };
    if symlinks {
        let mut made = Vec::new();
        let mut refused = false;
        for (name, target) in &python.links {
            let to = scripts.join(name);
            match link::symlink(target, &to) {
                Ok(()) => made.push(to),
                Err(e) if link::symlink_refused(&e) => match python.fallback {
                    Fallback::EachFile => {
                        let source = python.copy_for(name).unwrap_or(target);
                        copy(name, source)?;
                    }
                    Fallback::AllCopies => {
                        refused = true;
                        break;
                    }
                },
                Err(e) => return Err(Error::io("create", to, e)),
            }
        }
        if refused {
            for link in made {
                fs::remove_file(&link).map_err(|e| Error::io("remove", link, e))?;
            }
            copy_all()?;
        }
    } else {
        copy_all()?;
    }
    if let Some((source, relative)) = &python.init_tcl {
        let to = ctx.staged(relative);
        if let Some(dir) = to.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
        }
        fs::copy(source, &to).map_err(|e| Error::io("copy", source, e))?;
    }
    Ok(())
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

/// pip (and setuptools before 3.12) from the interpreter's bundled wheels. An environment
/// being re-run keeps the version it has (missing files of the bundled version are put
/// back); `--upgrade` replaces an older one with the bundled version, as venv's
/// `ensurepip --upgrade` does, and keeps a newer one.
pub fn install_bundled_pip(ctx: &Context, link_mode: LinkMode) -> Result<(), Error> {
    let facts = &ctx.interpreter.facts;
    let wheels = wheel::bundled_wheels(facts)?;
    // On Windows the scripts of every wheel are `.exe` launchers from pip's own distlib,
    // as pip writes them for itself and for setuptools.
    let launchers = match &ctx.layout.windows {
        Some(_) => {
            let pip = wheels
                .iter()
                .find(|w| {
                    w.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with("pip-"))
                })
                .unwrap_or(&wheels[0]);
            Some(wheel::Launchers::from_pip_wheel(pip, facts)?)
        }
        None => None,
    };
    for path in wheels {
        let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let mut parts = file_name.split('-');
        let (dist, version) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
        let installed = match ctx.prior {
            Prior::Environment | Prior::Upgrading => {
                existing::installed(&ctx.env_dir, &ctx.layout, dist)
            }
            Prior::Nothing | Prior::Folder => None,
        };
        if let Some(installed) = installed {
            // The same version is staged too: the commit adds only its missing files.
            let bundled = existing::parse_version(version);
            let older = installed.version < bundled;
            if older && ctx.prior == Prior::Upgrading {
                ctx.replaces.borrow_mut().push(installed);
            } else if installed.version != bundled {
                continue;
            }
        }
        wheel::install(
            &path,
            &wheel::Target {
                stage: &ctx.stage,
                root: &ctx.env_dir,
                layout: &ctx.layout,
                python_version: facts.major_minor(),
                link_mode,
                launchers: launchers.as_ref(),
            },
        )?;
    }
    Ok(())
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

/// `python -m compileall` over what this build installs, with the paths the files will
/// have (`-d`), so tracebacks name the environment and not the staging directory.
pub fn compile_bytecode(ctx: &Context) -> Result<(), Error> {
    let site = ctx.staged(&ctx.layout.purelib);
    let installed = fs::read_dir(&site).is_ok_and(|mut entries| entries.next().is_some());
    if !installed {
        return Ok(());
    }
    let facts = &ctx.interpreter.facts;
    let mut command = Command::new(&facts.base_executable);
    command
        .args(["-I", "-m", "compileall", "-q", "-j", "0", "-d"])
        .arg(ctx.final_path(&ctx.layout.purelib))
        .arg(&site)
        .stdin(std::process::Stdio::null())
        .stdout(std::io::stderr());
    let shown = format!(
        "{} -I -m compileall … {}",
        facts.base_executable.display(),
        site.display()
    );
    match command.status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(Error::CompileBytecode {
            command: shown,
            status: status.to_string(),
        }),
        Err(e) => Err(Error::CompileBytecode {
            command: shown,
            status: e.to_string(),
        }),
    }
}

/// `python -m pip install --upgrade pip` in the environment, as venv's `--upgrade-deps`.
/// An environment without pip (`--without-pip`) has nothing to upgrade: a warning.
pub fn upgrade_dependencies(ctx: &Context) -> Result<(), Error> {
    if existing::installed(&ctx.env_dir, &ctx.layout, "pip").is_none() {
        ctx.warnings
            .borrow_mut()
            .push("--upgrade-deps did nothing: the environment has no pip (--without-pip)".into());
        return Ok(());
    }
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
        .current_dir(&ctx.env_dir)
        // pip's progress is status, which goes where venvsh's own goes.
        .stdout(std::io::stderr());
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
