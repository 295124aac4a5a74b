//! tcsh and csh: output is read through ``eval "`…`"``, which joins lines, so every
//! statement ends in `;`, nothing is a comment, there are no `if … then` blocks, and
//! PATH is computed here (csh has no way to drop one list element in a single line).

use crate::shell::quote::{self, Unrepresentable};
use crate::transition::Transition;

crate::templates::shell_templates!("csh/transition.csh", "csh/hook.csh");

/// PATH after `transition`, given PATH as venvsh sees it (csh exports it, so it is current).
pub fn path_after(
    transition: &Transition,
    path: Option<&str>,
) -> Result<Option<String>, Unrepresentable> {
    let change = &transition.path;
    if change.remove.is_none() && change.prepend.is_none() {
        return Ok(None);
    }
    if let Some(entry) = &change.prepend {
        quote::csh_path_element(entry)?;
    }
    Ok(Some(change.apply(path, ':')))
}
