//! The command line, as clap derive types. Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::shell::Shell;

/// Python virtual environments that work in every shell.
#[derive(Debug, Parser)]
#[command(name = "venvsh", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print code that activates an environment in the current shell.
    ///
    /// Examples:
    ///   eval "$(venvsh activate .venv --shell bash)"
    ///   venvsh activate .venv --shell fish | source
    ///   venvsh activate --json
    #[command(verbatim_doc_comment)]
    Activate(ActivateArgs),

    /// Print code that undoes the activation in the current shell.
    ///
    /// Examples:
    ///   eval "$(venvsh deactivate --shell bash)"
    ///   venvsh deactivate --json
    #[command(verbatim_doc_comment)]
    Deactivate(DeactivateArgs),

    /// Print the shell integration for an rc file (defines `venvsh` and `deactivate`).
    ///
    /// Examples:
    ///   eval "$(venvsh hook bash)"          # ~/.bashrc
    ///   venvsh hook fish | source           # ~/.config/fish/config.fish
    #[command(verbatim_doc_comment)]
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
    ///   venvsh create --name web -p 3.11   # in the store; then: venvsh activate web
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
    Allow(TrustArgs),

    /// Never auto-activate an environment, and stop saying so.
    Deny(TrustArgs),

    /// Check the shell integration: is the hook loaded and still in place, what is
    /// active and why, and is this project's environment trusted.
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
    /// Examples:
    ///   venvsh list
    ///   venvsh list --json | jq -r '.environments[].name'
    #[command(verbatim_doc_comment)]
    List(ListArgs),

    /// Remove an environment from the store.
    ///
    /// Asks first on a terminal; elsewhere needs --yes. Only a directory holding
    /// pyvenv.cfg is removed; for a symbolic link only the link goes.
    ///
    /// Examples:
    ///   venvsh remove web
    ///   venvsh remove web --yes
    #[command(verbatim_doc_comment)]
    Remove(RemoveArgs),

    /// Run one command with an environment active, without a shell.
    ///
    /// The command sees VIRTUAL_ENV, PATH and VENVSH_STATE as `venvsh activate` would
    /// set them. Its exit status is venvsh's (venvsh replaces itself with it).
    ///
    /// Examples:
    ///   venvsh run -- python -m pytest
    ///   venvsh run web -- pip install requests
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
    ///   venvsh completions zsh > ~/.local/share/zsh/site-functions/_venvsh
    ///   venvsh completions fish > ~/.config/fish/completions/venvsh.fish
    ///   venvsh completions nu | save -f ~/.config/nushell/venvsh-completions.nu
    #[command(verbatim_doc_comment)]
    Completions(CompletionsArgs),

    /// Print the man page, or write every page into a directory.
    #[command(hide = true)]
    Man(ManArgs),

    /// Used by the completion scripts: print the store's environment names.
    #[command(name = "__complete-envs", hide = true)]
    CompleteEnvs,

    /// Used by the csh/tcsh alias: print code for activate/deactivate, else the command.
    #[command(name = "__dispatch", hide = true)]
    Dispatch(DispatchArgs),
}

#[derive(Debug, Args)]
pub struct DispatchArgs {
    #[arg(value_enum)]
    pub shell: Shell,
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ActivateArgs {
    /// The environment: a directory holding `pyvenv.cfg`, or a store name. Default: the
    /// nearest `.venv` walking up from the current directory.
    pub env: Option<PathBuf>,

    /// The shell to write code for. Default: detected from the parent process.
    #[arg(long, value_enum)]
    pub shell: Option<Shell>,

    /// The prompt name to show instead of the environment's own.
    #[arg(long)]
    pub prompt: Option<String>,

    /// Print the transition as JSON instead of shell code.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DeactivateArgs {
    /// The shell to write code for. Default: detected from the parent process.
    #[arg(long, value_enum)]
    pub shell: Option<Shell>,

    /// Print the transition as JSON instead of shell code.
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
}

#[derive(Debug, Args)]
pub struct TrustArgs {
    /// An environment, or a project directory holding `.venv`. Default: the nearest
    /// `.venv` walking up from the current directory.
    pub dir: Option<PathBuf>,
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
    #[arg(long, value_enum)]
    pub shell: Shell,
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

    /// Use copies rather than symlinks.
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
    /// venvsh's cache (copies where linking fails), or private copies.
    #[arg(long, value_enum, default_value = "hardlink")]
    pub link_mode: crate::venv::LinkMode,

    /// Compile what is installed (pip) to bytecode, as `python -m venv` does; slower to
    /// create, faster to run pip the first time.
    #[arg(long)]
    pub compile_bytecode: bool,

    /// Create the environment in the store under this name (see `venvsh list`),
    /// instead of in a directory here.
    #[arg(long, value_name = "NAME", conflicts_with = "env_dirs")]
    pub name: Option<String>,
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
    pub name: String,

    /// Remove without asking.
    #[arg(short, long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The environment: a directory holding `pyvenv.cfg`, or a store name. Default: the
    /// nearest `.venv` walking up from the current directory.
    pub env: Option<PathBuf>,

    /// The command to run and its arguments, after `--`.
    #[arg(last = true, required = true, value_name = "COMMAND")]
    pub command: Vec<std::ffi::OsString>,
}

#[derive(Debug, Args)]
pub struct ShellArgs {
    /// The environment: a directory holding `pyvenv.cfg`, or a store name. Default: the
    /// nearest `.venv` walking up from the current directory.
    pub env: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct WhichArgs {
    /// The environment to describe: a path or a store name. Default: the active one,
    /// else the nearest `.venv` walking up from the current directory.
    pub env: Option<PathBuf>,

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

/// The shells clap_complete writes completions for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
    #[value(alias = "pwsh")]
    Powershell,
    Elvish,
    #[value(alias = "nushell")]
    Nu,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write venvsh.1 and a venvsh-COMMAND.1 page per command into this directory, and
    /// print the paths written.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}
