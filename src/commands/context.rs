//! Process state, read in one place: the current directory, environment variables, the
//! running binary, and the stores and settings they choose. Lower layers get values.

use std::path::PathBuf;

use anyhow::Context;

use crate::decide::trust::TrustStore;
use crate::error::Hint;
use crate::project::config::{self, Config};
use crate::project::store::Store;
use crate::vars::{
    PYTHONHOME, VENVSH_DATA_DIR, VENVSH_STATE, VENVSH_TOLD, VIRTUAL_ENV,
    VIRTUAL_ENV_DISABLE_PROMPT, VIRTUAL_ENV_PROMPT,
};

/// A variable of this process's environment, when set and valid UTF-8.
pub fn var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// A variable activation saves or reads that is set, but not UTF-8.
#[derive(Debug, thiserror::Error)]
#[error("the variable {name} holds bytes that are not UTF-8, which venvsh cannot save and restore")]
pub struct VarNotUtf8 {
    pub name: &'static str,
}

impl Hint for VarNotUtf8 {
    fn hint(&self) -> Option<String> {
        Some(format!("unset {}, or set it to text", self.name))
    }
}

/// Activation saves these variables in `VENVSH_STATE` and writes them into code, both
/// text: one that is not UTF-8 is refused by name, never taken for unset and lost on
/// deactivation (issue 8, item 14). PATH is not among them: venvsh carries its bytes.
pub fn check_activation_vars() -> Result<(), VarNotUtf8> {
    let names = [
        VIRTUAL_ENV,
        VIRTUAL_ENV_PROMPT,
        VIRTUAL_ENV_DISABLE_PROMPT,
        PYTHONHOME,
        VENVSH_STATE,
        VENVSH_TOLD,
    ];
    for name in names {
        if std::env::var_os(name).is_some_and(|value| value.to_str().is_none()) {
            return Err(VarNotUtf8 { name });
        }
    }
    Ok(())
}

pub fn cwd() -> anyhow::Result<PathBuf> {
    std::env::current_dir().context("could not read the current directory")
}

/// This venvsh binary, as an absolute UTF-8 path for generated code to call.
pub fn exe() -> anyhow::Result<String> {
    let exe = std::env::current_exe().context("could not find the venvsh executable")?;
    exe.to_str()
        .map(str::to_owned)
        .with_context(|| format!("the venvsh path {} is not valid UTF-8", exe.display()))
}

/// The store of named environments the variables choose.
pub fn store() -> anyhow::Result<Store> {
    Ok(Store::choose(
        &|name| std::env::var_os(name),
        dirs::data_local_dir(),
        &cwd()?,
    )?)
}

/// venvsh's data directory: `$VENVSH_DATA_DIR`, else `<data dir>/venvsh`.
///
/// The local data directory: the same as the data directory on Linux and macOS, and
/// `%LOCALAPPDATA%` on Windows, where the roaming `%APPDATA%` would copy environments
/// to a server at every logoff, and trust is tied to this machine's file identities.
pub fn data_dir() -> anyhow::Result<PathBuf> {
    match std::env::var_os(VENVSH_DATA_DIR).filter(|d| !d.is_empty()) {
        Some(dir) => Ok(PathBuf::from(dir)),
        None => dirs::data_local_dir()
            .map(|d| d.join("venvsh"))
            .context("no data directory for venvsh (set VENVSH_DATA_DIR or HOME)"),
    }
}

pub fn trust() -> anyhow::Result<TrustStore> {
    Ok(TrustStore::in_data_dir(&data_dir()?, user()))
}

/// The user venvsh runs as, whose files it may trust.
pub fn user() -> Option<u32> {
    #[cfg(unix)]
    {
        // SAFETY: geteuid has no preconditions and cannot fail.
        Some(unsafe { libc::geteuid() })
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// The config file (when it exists) with the environment variables on top; on Windows
/// in the roaming `%APPDATA%`, which follows the user between machines.
pub fn config() -> anyhow::Result<Config> {
    Ok(match dirs::config_dir() {
        Some(dir) => Config::load_from(&config::path_in(&dir), &var)?,
        None => Config::from_parts(None, &var)?,
    })
}
