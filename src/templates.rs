//! What templates see, and the filters that are their only way to print a value.
//!
//! Every `{{ … }}` in `shells/` must end in one of the filters below (a test checks
//! this); each filter calls exactly one function of [`crate::shell::quote`].

use crate::shell::Shell;
use crate::transition::Transition;

/// Everything a shell template renders.
pub struct View<'a> {
    pub shell: Shell,
    /// The venvsh binary the generated functions call, as an absolute path.
    pub exe: &'a str,
    /// The transition to apply, if any (a hook may have none).
    pub transition: Option<&'a Transition>,
    /// Define the `venvsh` and `deactivate` functions (activation output and hooks do).
    pub define_functions: bool,
    /// For shells whose PATH venvsh computes rather than edits in place (csh): the result.
    pub path_after: Option<String>,
}

impl View<'_> {
    pub fn shell_name(&self) -> &'static str {
        self.shell.name()
    }
}

/// Wrap a quoting result as a template error that keeps the [`Unrepresentable`] inside.
///
/// [`Unrepresentable`]: crate::shell::quote::Unrepresentable
fn quoted(result: Result<String, crate::shell::quote::Unrepresentable>) -> askama::Result<String> {
    result.map_err(askama::Error::custom)
}

pub mod filters {
    use super::quoted;
    use crate::shell::quote;

    macro_rules! quoting_filters {
        ($($(#[$doc:meta])* $filter:ident => $function:path;)*) => {$(
            $(#[$doc])*
            #[askama::filter_fn]
            pub fn $filter(value: impl ToString, _env: &dyn askama::Values) -> askama::Result<String> {
                quoted($function(&value.to_string()))
            }
        )*};
    }

    quoting_filters! {
        /// An environment variable name (validated, never quoted).
        name => quote::env_name;
        posix => quote::posix;
        posix_path => quote::posix_path_element;
        fish => quote::fish;
        fish_path => quote::fish_path_element;
        csh => quote::csh;
        csh_path => quote::csh_path_element;
        csh_prompt => quote::csh_prompt;
        pwsh => quote::powershell;
        pwsh_path => quote::powershell_path_element;
        nu => quote::nu;
        cmd => quote::cmd;
        cmd_path => quote::cmd_path_element;
        cmd_prompt => quote::cmd_prompt;
        cmd_arg => quote::cmd_argument;
    }
}

/// Render `view` for its shell; an unrepresentable value comes back as that error.
pub fn render(view: &View<'_>, kind: Kind) -> anyhow::Result<String> {
    use crate::shell::{cmd, csh, fish, nu, posix, powershell};
    let rendered = match view.shell {
        Shell::Bash | Shell::Zsh | Shell::Sh => posix::render(view, kind),
        Shell::Fish => fish::render(view, kind),
        Shell::Tcsh => csh::render(view, kind),
        Shell::Powershell => powershell::render(view, kind),
        Shell::Nu => nu::render(view, kind),
        Shell::Cmd => cmd::render(view, kind),
    };
    rendered.map_err(|error| match error {
        askama::Error::Custom(inner) => match inner
            .downcast::<crate::shell::quote::Unrepresentable>()
        {
            Ok(unrepresentable) => anyhow::Error::new(*unrepresentable),
            Err(other) => anyhow::anyhow!("could not render the {} script: {other}", view.shell),
        },
        other => anyhow::anyhow!("could not render the {} script: {other}", view.shell),
    })
}

/// Which script to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Apply a transition (activate or deactivate output).
    Transition,
    /// The rc-file integration.
    Hook,
}

/// The two templates of one shell: `shell_templates!("fish/transition.fish", "fish/hook.fish");`
/// defines that shell's `render(view, kind)`.
macro_rules! shell_templates {
    ($transition:tt, $hook:tt) => {
        #[allow(unused_imports)]
        use $crate::templates::filters;

        #[derive(askama::Template)]
        #[template(path = $transition, escape = "none")]
        struct TransitionScript<'a> {
            view: &'a $crate::templates::View<'a>,
        }

        #[derive(askama::Template)]
        #[template(path = $hook, escape = "none")]
        struct HookScript<'a> {
            view: &'a $crate::templates::View<'a>,
        }

        pub fn render(
            view: &$crate::templates::View<'_>,
            kind: $crate::templates::Kind,
        ) -> askama::Result<String> {
            use askama::Template as _;
            match kind {
                $crate::templates::Kind::Transition => TransitionScript { view }.render(),
                $crate::templates::Kind::Hook => HookScript { view }.render(),
            }
        }
    };
}
pub(crate) use shell_templates;
