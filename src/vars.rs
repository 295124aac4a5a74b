//! The names of the environment variables venvsh reads or writes, in one place.

/// The active environment's root, as every activate script sets it.
pub const VIRTUAL_ENV: &str = "VIRTUAL_ENV";
/// The name shown in the prompt while an environment is active.
pub const VIRTUAL_ENV_PROMPT: &str = "VIRTUAL_ENV_PROMPT";
/// Set to anything but empty, `0` or `false`: leave the prompt alone.
pub const VIRTUAL_ENV_DISABLE_PROMPT: &str = "VIRTUAL_ENV_DISABLE_PROMPT";
/// Unset while active, so the environment's Python finds its own standard library.
pub const PYTHONHOME: &str = "PYTHONHOME";
pub const PATH: &str = "PATH";

/// What activation remembers so that deactivation can undo exactly it.
pub const VENVSH_STATE: &str = "VENVSH_STATE";
/// The project environment the user deactivated in: the hook leaves it alone until they
/// leave that project or activate by hand.
pub const VENVSH_OFF: &str = "VENVSH_OFF";
/// The environment the hook last told the user it would not activate.
pub const VENVSH_TOLD: &str = "VENVSH_TOLD";

/// The store of named environments; overrides every other choice.
pub const VENVSH_HOME: &str = "VENVSH_HOME";
/// virtualenvwrapper's store, used when `VENVSH_HOME` is not set.
pub const WORKON_HOME: &str = "WORKON_HOME";
/// Where venvsh keeps its own data (the trust records).
pub const VENVSH_DATA_DIR: &str = "VENVSH_DATA_DIR";

/// Configuration overrides: the default `-p` of `create`, quiet output, auto-activation.
pub const VENVSH_PYTHON: &str = "VENVSH_PYTHON";
pub const VENVSH_QUIET: &str = "VENVSH_QUIET";
pub const VENVSH_AUTO_ACTIVATE: &str = "VENVSH_AUTO_ACTIVATE";
/// `0` silences the line the hook prints when it activates, switches or deactivates.
pub const VENVSH_AUTO_ACTIVATE_NOTICE: &str = "VENVSH_AUTO_ACTIVATE_NOTICE";
