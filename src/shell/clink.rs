//! cmd.exe through Clink, which runs Lua inside cmd.exe. `hook clink` prints a script for
//! a Clink script directory; at each input line it compares the directory and its `.venv`
//! with what it saw last, in Lua, and only on a change runs `hook-env --shell clink`
//! through `io.popen`. That prints a Lua chunk of `setenv(NAME, value)` calls, which the
//! script loads (text only) with nothing but `setenv` in scope.
//!
//! Clink's `io.popen` starts venvsh from cmd.exe's own environment, so venvsh computes
//! PATH itself, as for csh, split and joined with the separator of the platform venvsh
//! runs on (`;` on Windows, where Clink runs; `:` where the tests drive the script with a
//! stock Lua and a mock of Clink's API).

use askama::Template;

use super::quote::filters;
use std::ffi::OsStr;

use super::quote::{self, Unrepresentable};
use super::{Dialect, Hook, RcFile, ShellEnv};
use crate::decide::transition::{StandalonePlan, Transition};
use crate::platform::paths::PATH_SEPARATOR as HOST_PATH_SEPARATOR;

pub struct Clink;

#[derive(Template)]
#[template(path = "clink/apply.lua", escape = "none")]
struct ApplyScript<'a> {
    t: &'a Transition,
    /// Bytes: Lua strings carry any, so a PATH entry that is not UTF-8 survives.
    path_after: Option<Vec<u8>>,
}

#[derive(Template)]
#[template(path = "clink/hook.lua", escape = "none")]
struct HookScript<'a> {
    exe: &'a str,
    auto: bool,
}

/// PATH after `transition`, given PATH as venvsh sees it (cmd.exe's, inherited).
fn path_after(
    transition: &Transition,
    path: Option<&OsStr>,
) -> Result<Option<Vec<u8>>, Unrepresentable> {
    if let Some(entry) = &transition.path.prepend {
        quote::lua_path_element(entry)?;
    }
    let after = transition.path_after(path, HOST_PATH_SEPARATOR);
    Ok(after.map(std::ffi::OsString::into_encoded_bytes))
}

impl Dialect for Clink {
    /// Clink runs inside cmd.exe, which detection reports as cmd.
    fn process_names(&self) -> &'static [&'static str] {
        &[]
    }

    fn program(&self) -> &'static str {
        "cmd.exe"
    }

    fn refuses_explicit(&self) -> Option<&'static str> {
        Some(
            "clink is only for `venvsh hook clink` (auto-activation); in cmd.exe, activate \
             and deactivate through the venvsh.cmd wrapper that `venvsh hook cmd` prints",
        )
    }

    fn apply(&self, t: &Transition, env: &ShellEnv<'_>) -> askama::Result<String> {
        let path_after = path_after(t, env.path).map_err(askama::Error::custom)?;
        ApplyScript { t, path_after }.render()
    }

    fn activate(&self, t: &Transition, _exe: &str, env: &ShellEnv<'_>) -> askama::Result<String> {
        self.apply(t, env)
    }

    fn hook(&self, hook: &Hook<'_>) -> askama::Result<String> {
        HookScript {
            exe: hook.exe,
            auto: hook.auto,
        }
        .render()
    }

    fn bin_scripts(&self, _: &StandalonePlan) -> Vec<(&'static str, askama::Result<String>)> {
        Vec::new()
    }

    /// The hook is a script of its own, in a Clink script directory.
    fn rc_file(&self) -> Option<RcFile> {
        None
    }

    fn rc_line(&self, program: &str) -> Result<String, Unrepresentable> {
        Ok(format!(
            "{} hook clink > \"%LOCALAPPDATA%\\clink\\venvsh.lua\"",
            quote::cmd_word(program)?
        ))
    }

    /// Explicit activation in cmd.exe is the `venvsh.cmd` wrapper's.
    fn eval_line(&self, _: &str, _: &[&str]) -> Option<Result<String, Unrepresentable>> {
        None
    }
}
