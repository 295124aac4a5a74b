//! nushell cannot evaluate text, so its activation is the JSON transition, applied
//! by the `venvsh` command that the hook defines (`load-env`, `hide-env`).

use askama::Template;

use crate::shell::quote;
use crate::templates::{Kind, View, filters};

#[derive(Template)]
#[template(path = "nu/hook.nu", escape = "none")]
struct HookScript<'a> {
    view: &'a View<'a>,
}

pub fn render(view: &View<'_>, kind: Kind) -> askama::Result<String> {
    match (kind, view.transition) {
        (Kind::Transition, Some(transition)) => {
            // The hook prepends this entry to the PATH list, which nushell joins with the
            // host's separator for external commands: refuse what would split it.
            if let Some(entry) = &transition.path.prepend {
                quote::nu_path_element(entry).map_err(askama::Error::custom)?;
            }
            serde_json::to_string(transition)
                .map(|json| json + "\n")
                .map_err(askama::Error::custom)
        }
        (Kind::Transition, None) => Ok(String::new()),
        (Kind::Hook, _) => HookScript { view }.render(),
    }
}
