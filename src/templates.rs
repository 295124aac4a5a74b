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
    /// Define `deactivate` (activation output and hooks do).
    pub define_functions: bool,
    /// Also define the `venvsh` wrapper, which only the hook does: defined by activation
    /// output, it would capture the documented `eval "$(venvsh activate …)"` itself.
    pub hook: bool,
    /// With the hook: also auto-activate on entering a project (`hook --no-auto` clears it).
    pub auto: bool,
    /// For shells whose PATH venvsh computes rather than edits in place (csh, Clink): the
    /// result.
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
        nu_path => quote::nu_path_element;
        cmd => quote::cmd;
        cmd_path => quote::cmd_path_element;
        cmd_prompt => quote::cmd_prompt;
        cmd_arg => quote::cmd_argument;
        lua => quote::lua;
        lua_path => quote::lua_path_element;
        lua_cmd_arg => quote::lua_cmd_argument;
    }
}

/// Render `view` for its shell; an unrepresentable value comes back as that error.
pub fn render(view: &View<'_>, kind: Kind) -> anyhow::Result<String> {
    use crate::shell::{clink, cmd, csh, fish, nu, posix, powershell};
    let rendered = match view.shell {
        Shell::Bash | Shell::Zsh | Shell::Sh => posix::render(view, kind),
        Shell::Fish => fish::render(view, kind),
        Shell::Tcsh => csh::render(view, kind),
        Shell::Powershell => powershell::render(view, kind),
        Shell::Nu => nu::render(view, kind),
        Shell::Cmd => cmd::render(view, kind),
        Shell::Clink => clink::render(view, kind),
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The filters that quote (or validate) a value; every `{{ … }}` must end in one.
    const QUOTING_FILTERS: &[&str] = &[
        "name",
        "posix",
        "posix_path",
        "fish",
        "fish_path",
        "csh",
        "csh_path",
        "csh_prompt",
        "pwsh",
        "pwsh_path",
        "nu",
        "nu_path",
        "cmd",
        "cmd_path",
        "cmd_prompt",
        "cmd_arg",
        "lua",
        "lua_path",
        "lua_cmd_arg",
    ];

    fn templates(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                templates(&path, out);
            } else {
                out.push((
                    path.display().to_string(),
                    std::fs::read_to_string(&path).unwrap(),
                ));
            }
        }
    }

    /// Every `{{ expression }}` in `text`, with its line number.
    fn interpolations(text: &str) -> Vec<(usize, String)> {
        let mut found = Vec::new();
        let mut rest = text;
        let mut offset = 0;
        while let Some(start) = rest.find("{{") {
            let end = rest[start..].find("}}").expect("unclosed {{") + start;
            let line = text[..offset + start].matches('\n').count() + 1;
            found.push((
                line,
                rest[start + 2..end]
                    .trim()
                    .trim_matches('-')
                    .trim()
                    .to_owned(),
            ));
            offset += end + 2;
            rest = &rest[end + 2..];
        }
        found
    }

    fn is_filtered(expression: &str) -> bool {
        expression
            .rsplit_once('|')
            .is_some_and(|(_, filter)| QUOTING_FILTERS.contains(&filter.trim()))
    }

    #[test]
    fn every_interpolation_in_shells_goes_through_a_quoting_filter() {
        let mut all = Vec::new();
        templates(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("shells"),
            &mut all,
        );
        assert!(all.len() >= 10, "templates not found");
        let mut unfiltered = Vec::new();
        for (file, text) in &all {
            for (line, expression) in interpolations(text) {
                if !is_filtered(&expression) {
                    unfiltered.push(format!("{file}:{line}: {{{{ {expression} }}}}"));
                }
            }
        }
        assert!(
            unfiltered.is_empty(),
            "interpolations without a quoting filter:\n{}",
            unfiltered.join("\n")
        );
    }

    #[test]
    fn the_lint_catches_a_bare_or_unknown_filter() {
        let found = interpolations("a {{ view.exe }} b {{ x|upper }} c {{- y|posix -}}");
        let verdicts: Vec<bool> = found.iter().map(|(_, e)| is_filtered(e)).collect();
        assert_eq!(verdicts, vec![false, false, true]);
    }
}
