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

use crate::shell::quote::{self, Unrepresentable};
use crate::transition::Transition;

crate::templates::shell_templates!("clink/transition.lua", "clink/hook.lua");

const HOST_PATH_SEPARATOR: char = if cfg!(windows) { ';' } else { ':' };

/// PATH after `transition`, given PATH as venvsh sees it (cmd.exe's, inherited).
pub fn path_after(
    transition: &Transition,
    path: Option<&str>,
) -> Result<Option<String>, Unrepresentable> {
    let change = &transition.path;
    if change.remove.is_none() && change.prepend.is_none() {
        return Ok(None);
    }
    if let Some(entry) = &change.prepend {
        quote::lua_path_element(entry)?;
    }
    Ok(Some(change.apply(path, HOST_PATH_SEPARATOR)))
}
