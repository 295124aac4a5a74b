//! How decisions are put to people: the hook's notices and `doctor`'s verdicts.

use std::path::Path;

use super::context::shown_path;
use crate::decide::auto::{Notice, Switch, Why};
use crate::shell::quote::ForHumans;

/// The one line the hook prints when it changes the activation; `auto_activate_notice =
/// false` in the config, or `VENVSH_AUTO_ACTIVATE_NOTICE=0`, silences it.
pub fn switch(switch: &Switch) -> String {
    // `say` shows any hidden character of a name or path as an escape.
    let at = |env: &str| shown_path(Path::new(env));
    match switch {
        Switch::Activated { env, prompt } => format!("venvsh: activated {prompt} ({})", at(env)),
        Switch::Deactivated { prompt, .. } => format!("venvsh: deactivated {prompt}"),
        Switch::Switched {
            from_prompt,
            env,
            prompt,
        } => format!(
            "venvsh: switched from {from_prompt} to {prompt} ({})",
            at(env)
        ),
    }
}

/// The lines the hook prints on stderr for `notice`.
pub fn notice(notice: &Notice) -> Vec<String> {
    match notice {
        Notice::NotActivated { env, why } => vec![
            format!(
                "venvsh: not activating {}: {}.",
                ForHumans(env),
                reason(why)
            ),
            format!("venvsh: {}", remedy(why)),
        ],
        Notice::NotRepaired { env, why } => vec![
            format!(
                "venvsh: not putting {} back on PATH: {}.",
                ForHumans(env),
                reason(why)
            ),
            format!("venvsh: {}", remedy(why)),
        ],
        Notice::Gone { env } => vec![
            format!(
                "venvsh: the active environment {} no longer exists (deleted?).",
                ForHumans(env)
            ),
            "venvsh: `deactivate` leaves it.".to_owned(),
        ],
    }
}

/// Why an environment is not activated, as a clause.
pub fn reason(why: &Why) -> String {
    match why {
        Why::Untrusted => "venvsh did not create it and it is not allowed".to_owned(),
        Why::Replaced => "it was trusted, but has been recreated since (its pyvenv.cfg is new: \
             python -m venv --clear, another tool, or a checkout)"
            .to_owned(),
        Why::Changed {
            executables,
            tracked_by_git,
        } => {
            let names: Vec<String> = executables
                .iter()
                .map(|name| format!("bin/{}", ForHumans(name)))
                .collect();
            let mut text = format!(
                "{} appeared or changed since it was allowed",
                names.join(", ")
            );
            if *tracked_by_git {
                text.push_str(", and git tracks files inside it (a commit can put programs there)");
            } else {
                text.push_str(", and no installer recorded it");
            }
            text
        }
        Why::Foreign { path, owner } => format!(
            "{} belongs to another user ({owner}), who could change it at any time",
            ForHumans(&path.to_string_lossy())
        ),
    }
}

/// What the user can do about it.
pub fn remedy(why: &Why) -> &'static str {
    match why {
        Why::Untrusted => {
            "`venvsh allow` activates it here from now on; `venvsh deny` stops this message."
        }
        Why::Replaced | Why::Changed { .. } => {
            "check it, then `venvsh allow` lets the hook activate it again; `venvsh deny` stops this message."
        }
        Why::Foreign { .. } => {
            "the hook never activates another user's environment; activate it by hand if you mean to."
        }
    }
}
