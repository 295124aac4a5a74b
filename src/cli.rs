//! The command line, as clap derive types. Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::shell::Shell;

/// Python virtual environments that work in every shell.
#[derive(Debug, Parser)]
#[command(name = "venvsh", version, about, long_about = None)]
pub struct Cli {
    /// Leave out informational lines (created, removed, allowed); errors, warnings and
    /// what was asked for still print.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

/// The command line, with the text the dialects supply: the rc-file lines in the help.
pub fn command() -> clap::Command {
    Cli::command()
        .after_help(setup_help())
        .mut_subcommand("hook", |hook| hook.after_help(hook_help()))
}

/// Parse this process's arguments, or exit with clap's message.
pub fn parse() -> Cli {
    let matches = command().get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

pub fn try_parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    Cli::from_arg_matches(&command().try_get_matches_from(args)?)
}

/// The top-level help's pointer to the hook: the line for bash, and where the others are.
fn setup_help() -> String {
    let bash = Shell::Bash.dialect();
    let line = bash.rc_line("venvsh").unwrap_or_default();
    let file = bash.rc_file().map(|f| f.shown()).unwrap_or_default();
    format!(
        "Set up once: load the hook from your shell's rc file, e.g. in {file}:\n  \
         {line}\n\
         Then `venvsh activate` and `deactivate` change the shell you are in, and entering a \
         project activates its environment. `venvsh hook --help` has the line for every shell."
    )
}

/// Every shell's rc file and line, from its dialect.
fn hook_help() -> String {
    let mut rows = Vec::new();
    for shell in <Shell as clap::ValueEnum>::value_variants() {
        let dialect = shell.dialect();
        let Ok(line) = dialect.rc_line("venvsh") else {
            continue;
        };
        let file = dialect
            .rc_file()
            .map_or_else(|| "run once".to_owned(), |f| f.shown());
        rows.push((shell.name(), file, line));
    }
    let mut text =
        String::from("Add the line for your shell to its rc file, then open a new shell:");
    for (name, file, line) in rows {
        text.push_str(&format!("\n  {name} ({file}):\n      {line}"));
    }
    text
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Activate an environment in this shell (with the hook; else print code for it).
    ///
    /// With the hook loaded, `venvsh activate` changes the shell you are in. Without it,
    /// it prints code for the shell to run, as `eval` does.
    ///
    /// Examples:
    ///   venvsh activate                    # the nearest .venv, with the hook
    ///   venvsh activate web                # the store's `web` (also: -n web, workon web)
    ///   eval "$(venvsh activate .venv)"    # without the hook, in bash or zsh
    ///   venvsh activate .venv | source     # without the hook, in fish
    ///   venvsh activate --json
    #[command(verbatim_doc_comment, visible_alias = "workon")]
    Activate(ActivateArgs),

    /// Deactivate the active environment (with the hook; else print code for it).
    ///
    /// Examples:
    ///   venvsh deactivate                  # with the hook; `deactivate` works too
    ///   eval "$(venvsh deactivate)"        # without the hook, in bash or zsh
    ///   venvsh deactivate --json
    #[command(verbatim_doc_comment)]
    Deactivate(DeactivateArgs),

    /// Print the shell integration for an rc file (defines `venvsh` and `deactivate`).
    ///
    /// Examples:
    ///   eval "$(venvsh hook bash)"          # ~/.bashrc
    ///   venvsh hook fish | source           # ~/.config/fish/config.fish
    ///   eval "$(venvsh hook zsh --no-auto)" # ~/.zshrc, without auto-activation
    #[command(verbatim_doc_comment, visible_alias = "init")]
    Hook(HookArgs),

    /// Create a virtual environment, as `python -m venv` does.
    ///
    /// Running it again on an environment of the same Python adds what is missing and
    /// keeps what is installed. An existing folder (a mount point, a project) is built
    /// into without changing any file that is there. Status goes to stderr.
    ///
    /// Examples:
    ///   venvsh create                      # .venv here, with python3 from PATH
    ///   venvsh create -p 3.12 .venv
    ///   venvsh create -n web -p 3.11       # in the store; then: venvsh activate web
    ///   venvsh create --upgrade .venv      # point it at this Python, newer bundled pip
    #[command(verbatim_doc_comment)]
    Create(CreateArgs),

    /// Show or delete venvsh's cache (interpreter facts, unpacked wheels).
    ///
    /// Deleting it is always safe: environments keep their files, and the next
    /// create fills it again.
    ///
    /// Examples:
    ///   venvsh cache info
    ///   venvsh cache clean
    #[command(verbatim_doc_comment)]
    Cache(CacheArgs),

    /// Let the hook auto-activate an environment (default: this project's).
    ///
    /// Environments venvsh created are allowed already. The record is tied to the
    /// environment's path and identity, so a moved or replaced one must be allowed again.
    ///
    /// Examples:
    ///   venvsh allow                       # this project's .venv
    ///   venvsh allow ~/src/app             # the project there
    ///   venvsh allow --list
    #[command(verbatim_doc_comment)]
    Allow(TrustArgs),

    /// Never auto-activate an environment, and stop saying so.
    ///
    /// Examples:
    ///   venvsh deny                        # this project's .venv
    ///   venvsh deny --list
    #[command(verbatim_doc_comment)]
    Deny(TrustArgs),

    /// Check the shell integration: is the hook loaded and still in place, what is
    /// active and why, and is this project's environment trusted.
    ///
    /// Exits 1 when something needs fixing.
    ///
    /// Examples:
    ///   venvsh doctor
    ///   venvsh doctor --shell zsh
    #[command(verbatim_doc_comment)]
    Doctor(DoctorArgs),

    /// Used by the hook: print code that auto-activates or deactivates for this directory.
    #[command(name = "hook-env", hide = true)]
    HookEnv(HookEnvArgs),

    /// List the environments in the store.
    ///
    /// The store is $VENVSH_HOME, else $WORKON_HOME (virtualenvwrapper's), else
    /// <data dir>/venvsh/envs. Each line shows the name, the Python version from
    /// pyvenv.cfg, the path, and whether the base interpreter still exists.
    ///
    /// The active environment is marked with `*`.
    ///
    /// Examples:
    ///   venvsh list
    ///   venvsh list --json | jq -r '.environments[].name'
    #[command(verbatim_doc_comment, visible_alias = "ls")]
    List(ListArgs),

    /// Remove an environment from the store.
    ///
    /// Asks first on a terminal; elsewhere needs --yes. Only a directory holding
    /// pyvenv.cfg is removed; for a symbolic link only the link goes.
    ///
    /// Examples:
    ///   venvsh remove web
    ///   venvsh remove -n web --yes
    #[command(verbatim_doc_comment, visible_alias = "rm")]
    Remove(RemoveArgs),

    /// Run one command with an environment active, without a shell.
    ///
    /// The command sees VIRTUAL_ENV and PATH as `venvsh activate` would set them. Its
    /// exit status is venvsh's (venvsh replaces itself with it).
    ///
    /// Examples:
    ///   venvsh run -- python -m pytest
    ///   venvsh run web -- pip install requests
    ///   venvsh run -n web -- python -V
    ///   venvsh run ~/envs/tools/ -- black .
    #[command(verbatim_doc_comment)]
    Run(RunArgs),

    /// Start your shell with an environment active; `exit` leaves it.
    ///
    /// The shell is the one running venvsh, else $SHELL. It inherits the activated
    /// variables; with `venvsh hook` in its rc file it also shows the prompt, and
    /// `deactivate` works in it.
    ///
    /// Examples:
    ///   venvsh shell
    ///   venvsh shell web
    ///   venvsh shell -n web
    #[command(verbatim_doc_comment)]
    Shell(ShellArgs),

    /// Show the active environment, else the one `venvsh activate` would choose here.
    ///
    /// Prints the environment, its interpreter and version, and how it was chosen:
    /// the argument, a store name, a .venv directory found walking up, or a .venv file.
    ///
    /// Examples:
    ///   venvsh which
    ///   venvsh which web --json
    ///   venvsh which -n web
    #[command(verbatim_doc_comment)]
    Which(WhichArgs),

    /// Show what is active, and what `venvsh activate` would choose in this directory.
    ///
    /// Examples:
    ///   venvsh status
    ///   venvsh status --json
    #[command(verbatim_doc_comment)]
    Status(StatusArgs),

    /// Print the completion script for a shell.
    ///
    /// Examples:
    ///   venvsh completions bash > ~/.local/share/bash-completion/completions/venvsh
    ///   venvsh completions zsh > ~/.zfunc/_venvsh   # with fpath+=(~/.zfunc) before compinit
    ///   venvsh completions fish > ~/.config/fish/completions/venvsh.fish
    ///   venvsh completions nu | save -f ~/.config/nushell/venvsh-completions.nu
    ///   venvsh completions tcsh > ~/.venvsh.tcsh    # and in ~/.tcshrc: source ~/.venvsh.tcsh
    #[command(verbatim_doc_comment)]
    Completions(CompletionsArgs),

    /// Print the man page, or write every page into a directory.
    #[command(hide = true)]
    Man(ManArgs),

    /// Used by the completion scripts: print the store's environment names.
    #[command(name = "__complete-envs", hide = true)]
    CompleteEnvs,

    /// Used by the hook's `venvsh` function: run a venvsh command line, telling the shell
    /// which output is code for it.
    #[command(name = "__wrapped", hide = true)]
    Wrapped(WrappedArgs),
}

/// `venvsh __wrapped SHELL [OPTIONS] -- ARGS…`; see `commands::wrapped`.
#[derive(Debug, Args)]
pub struct WrappedArgs {
    /// The shell whose `venvsh` function is calling.
    #[arg(value_enum)]
    pub shell: Shell,

    /// Write code for the shell into this file instead of marking it on stdout.
    #[arg(long, value_name = "FILE")]
    pub code_file: Option<PathBuf>,

    /// With --code-file: for a command line that prints no code, do nothing.
    #[arg(long, requires = "code_file")]
    pub code_only: bool,

    /// After a --code-only run that exited with STATUS: exit with it for a command line
    /// that printed code, and run any other.
    #[arg(long, value_name = "STATUS", conflicts_with = "code_file")]
    pub after: Option<u8>,

    /// The venvsh command line, after `--`.
    #[arg(last = true)]
    pub args: Vec<std::ffi::OsString>,
}

#[derive(Debug, Args)]
pub struct ActivateArgs {
    /// The environment: a directory holding `pyvenv.cfg`, or a store name. Default: the
    /// nearest `.venv` walking up from the current directory.
    pub env: Option<PathBuf>,

    /// An environment in the store, by name (as conda's `-n`).
    #[arg(
        short = 'n',
        long = "name",
        value_name = "NAME",
        conflicts_with = "env"
    )]
    pub name: Option<String>,

    /// The shell to write code for. Default: detected from the parent process.
    #[arg(long, value_enum)]
    pub shell: Option<Shell>,

    /// The prompt name to show instead of the environment's own.
    #[arg(long)]
    pub prompt: Option<String>,

    /// Print what activation changes (variables, PATH, prompt) as JSON instead of code.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DeactivateArgs {
    /// The shell to write code for. Default: detected from the parent process.
    #[arg(long, value_enum)]
    pub shell: Option<Shell>,

    /// Print what activation changes (variables, PATH, prompt) as JSON instead of code.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct HookArgs {
    /// The shell to integrate with.
    #[arg(value_enum)]
    pub shell: Shell,

    /// Leave out auto-activation on entering a project; keep `venvsh activate` and
    /// `deactivate` working in place.
    #[arg(long)]
    pub no_auto: bool,

    /// Print the line that loads the hook (for install.sh) instead of the hook, naming
    /// venvsh by PROGRAM (default: this binary's path).
    #[arg(
        long,
        hide = true,
        value_name = "PROGRAM",
        num_args = 0..=1,
        default_missing_value = "",
        conflicts_with = "rc_file"
    )]
    pub rc_line: Option<String>,

    /// Print the path of the shell's rc file (for install.sh) instead of the hook.
    #[arg(long, hide = true)]
    pub rc_file: bool,

    /// Print only the code that puts an inherited activation's prompt back, for hooks
    /// saved to a file (nushell's), which run it when the shell starts.
    #[arg(long, hide = true)]
    pub resume: bool,
}

#[derive(Debug, Args)]
pub struct TrustArgs {
    /// An environment, or a project directory holding `.venv`. Default: the nearest
    /// `.venv` walking up from the current directory.
    pub dir: Option<PathBuf>,

    /// List what is allowed and denied instead.
    #[arg(long, conflicts_with = "dir")]
    pub list: bool,
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// The shell to check. Default: detected from the parent process.
    #[arg(long, value_enum)]
    pub shell: Option<Shell>,

    /// Set by the hook's `venvsh` function: what it sees of itself in the shell.
    #[arg(long, hide = true)]
    pub hook_report: Option<String>,
}

#[derive(Debug, Args)]
pub struct HookEnvArgs {
    /// The shell to write code for. Default: detected from the parent process.
    #[arg(long, value_enum)]
    pub shell: Option<Shell>,
}

#[derive(Debug, Args)]
pub struct CreateArgs {
    /// Directories to create environments in.
    #[arg(default_value = ".venv")]
    pub env_dirs: Vec<PathBuf>,

    /// Give the environment access to the system site-packages.
    #[arg(long)]
    pub system_site_packages: bool,

    /// Use symlinks rather than copies (the default on POSIX).
    #[arg(long, conflicts_with = "copies")]
    pub symlinks: bool,

    /// Use copies rather than symlinks (the default on Windows).
    #[arg(long)]
    pub copies: bool,

    /// Delete the contents of an existing environment before creating it (never across
    /// a mount point inside it).
    #[arg(long, conflicts_with = "upgrade")]
    pub clear: bool,

    /// Upgrade the environment to use this Python, in place, and its pip to the version
    /// bundled with this Python if that is newer.
    #[arg(long)]
    pub upgrade: bool,

    /// Skip installing pip into the environment.
    #[arg(long)]
    pub without_pip: bool,

    /// The prompt name for this environment (`.` means the current directory's name).
    #[arg(long)]
    pub prompt: Option<String>,

    /// Upgrade pip to the latest version on PyPI after creating the environment.
    #[arg(long)]
    pub upgrade_deps: bool,

    /// Do not write a `.gitignore` into the environment (written for Python 3.13 and
    /// later, as venv does, and never over an existing one).
    #[arg(long)]
    pub without_scm_ignore_files: bool,

    /// The Python to use: a path, a name on PATH, or a version like `3.12`.
    #[arg(short, long)]
    pub python: Option<String>,

    /// With --clear: clear a directory even if it does not look like an environment.
    #[arg(long)]
    pub force: bool,

    /// How pip's files get into the environment: hard links to read-only files in
    /// venvsh's cache (copies where linking fails), or private copies (the default on
    /// Windows, where the cache's files cannot be made read-only).
    #[arg(long, value_enum, default_value = crate::venv::LinkMode::DEFAULT_NAME)]
    pub link_mode: crate::venv::LinkMode,

    /// Compile what is installed (pip) to bytecode, as `python -m venv` does; slower to
    /// create, faster to run pip the first time.
    #[arg(long)]
    pub compile_bytecode: bool,

    /// Create the environment in the store under this name (see `venvsh list`),
    /// instead of in a directory here.
    #[arg(short = 'n', long, value_name = "NAME", conflicts_with = "env_dirs")]
    pub name: Option<String>,

    /// Set by `venvsh __wrapped`: the hook is loaded, so `venvsh activate` works as typed.
    #[arg(skip)]
    pub hooked: bool,
}

#[derive(Debug, Args)]
pub struct CacheArgs {
    #[command(subcommand)]
    pub command: CacheCommand,
}

#[derive(Debug, Subcommand)]
pub enum CacheCommand {
    /// Show where the cache is and what it holds.
    ///
    /// Examples:
    ///   venvsh cache info
    ///   venvsh cache info --json
    #[command(verbatim_doc_comment)]
    Info {
        /// Print it as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Delete the cache.
    ///
    /// Example:
    ///   venvsh cache clean
    #[command(verbatim_doc_comment)]
    Clean,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print the store and its environments as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RemoveArgs {
    /// The name of the environment in the store.
    #[arg(required_unless_present = "name_option")]
    pub name: Option<String>,

    /// The same name, as conda's `-n` gives it.
    #[arg(
        short = 'n',
        long = "name",
        value_name = "NAME",
        id = "name_option",
        conflicts_with = "name"
    )]
    pub name_option: Option<String>,

    /// Remove without asking.
    #[arg(short, long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The environment: a directory holding `pyvenv.cfg`, or a store name. Default: the
    /// nearest `.venv` walking up from the current directory.
    pub env: Option<PathBuf>,

    /// An environment in the store, by name (as conda's `-n`).
    #[arg(
        short = 'n',
        long = "name",
        value_name = "NAME",
        conflicts_with = "env"
    )]
    pub name: Option<String>,

    /// The command to run and its arguments, after `--`.
    #[arg(last = true, required = true, value_name = "COMMAND")]
    pub command: Vec<std::ffi::OsString>,
}

#[derive(Debug, Args)]
pub struct ShellArgs {
    /// The environment: a directory holding `pyvenv.cfg`, or a store name. Default: the
    /// nearest `.venv` walking up from the current directory.
    pub env: Option<PathBuf>,

    /// An environment in the store, by name (as conda's `-n`).
    #[arg(
        short = 'n',
        long = "name",
        value_name = "NAME",
        conflicts_with = "env"
    )]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct WhichArgs {
    /// The environment to describe: a path or a store name. Default: the active one,
    /// else the nearest `.venv` walking up from the current directory.
    pub env: Option<PathBuf>,

    /// An environment in the store, by name (as conda's `-n`).
    #[arg(
        short = 'n',
        long = "name",
        value_name = "NAME",
        conflicts_with = "env"
    )]
    pub name: Option<String>,

    /// Print the answer as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Print the answer as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: CompletionShell,
}

/// A shell venvsh writes completions for: one whose dialect offers them, or elvish
/// (completions only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionShell {
    Shell(Shell),
    Elvish,
}

impl clap::ValueEnum for CompletionShell {
    fn value_variants<'a>() -> &'a [Self] {
        static ALL: std::sync::LazyLock<Vec<CompletionShell>> = std::sync::LazyLock::new(|| {
            <Shell as clap::ValueEnum>::value_variants()
                .iter()
                .filter(|shell| shell.dialect().completions().is_some())
                .map(|shell| CompletionShell::Shell(*shell))
                .chain([CompletionShell::Elvish])
                .collect()
        });
        &ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        match self {
            Self::Shell(shell) => clap::ValueEnum::to_possible_value(shell),
            Self::Elvish => Some(clap::builder::PossibleValue::new("elvish")),
        }
    }
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write venvsh.1 and a venvsh-COMMAND.1 page per command into this directory, and
    /// print the paths written.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}
