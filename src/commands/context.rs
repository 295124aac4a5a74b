//! Process state, read in one place: the current directory, environment variables, the
//! running binary, and the stores and settings they choose. Lower layers get values.

use std::path::PathBuf;

use anyhow::Context;

use crate::decide::trust::TrustStore;
use crate::project::config::{self, Config};
use crate::project::store::Store;
use crate::vars::VENVSH_DATA_DIR;

/// A variable of this process's environment, when set and valid UTF-8.
pub fn var(name: &str) -> Option<String> {
    std::env::var(name).ok()
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
    Ok(TrustStore::in_data_dir(&data_dir()?))
}

/// The config file (when it exists) with the environment variables on top; on Windows
/// in the roaming `%APPDATA%`, which follows the user between machines.
pub fn config() -> anyhow::Result<Config> {
    Ok(match dirs::config_dir() {
        Some(dir) => Config::load_from(&config::path_in(&dir), &var)?,
        None => Config::from_parts(None, &var)?,
    })
}
