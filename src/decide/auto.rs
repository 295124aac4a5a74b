//! Auto-activation: what the shell hook should do in the current directory.
//!
//! [`decide`] is pure. The shell calls `venvsh hook-env` only when the directory or the
//! `.venv` marker in it changed (the comparison runs in the shell, without a fork); the
//! binary then finds the project's environment, checks trust, and this decides.

use std::path::Path;

use super::state::{ActivationState, Origin};
use super::transition::{self, Action, PathChange, PromptChange, Request, Transition};
use super::trust::{TrustStore, Verdict};
use crate::project::environment::{Chosen, Environment};
use crate::project::store::Store;
use crate::vars::{VENVSH_STATE, VENVSH_TOLD, VIRTUAL_ENV_DISABLE_PROMPT, VIRTUAL_ENV_PROMPT};

/// What the hook should do.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decision {
    /// The change to apply; when there is a notice it also remembers, in
    /// [`VENVSH_TOLD`], that the user was told, so it is said once.
    pub transition: Option<Transition>,
    /// Something to tell the user.
    pub notice: Option<Notice>,
    /// The activation the transition changes, to say in one line, as direnv does when it
    /// loads and unloads (issue 11, item 8); unlike notices, said at every change.
    pub switch: Option<Switch>,
}

/// What auto-activation changed: environments by path, with the prompt name each shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Switch {
    Activated {
        env: String,
        prompt: String,
    },
    Deactivated {
        env: String,
        prompt: String,
    },
    Switched {
        from_prompt: String,
        env: String,
        prompt: String,
    },
}

/// What the hook tells the user, as data: the command layer words and prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The project's environment was not activated.
    NotActivated { env: String, why: Why },
    /// An inherited activation lost its PATH entry, which was not put back.
    NotRepaired { env: String, why: Why },
}

/// Why an environment is not put on PATH: every verdict but allowed and denied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Neither created by venvsh nor allowed.
    Untrusted,
    /// Allowed, but replaced since.
    Replaced,
    /// Allowed, but `bin/` gained or changed executables no installer recorded.
    Changed {
        executables: Vec<String>,
        tracked_by_git: bool,
    },
    /// It, or the `.venv` file naming it, belongs to another user.
    Foreign {
        path: std::path::PathBuf,
        owner: String,
    },
}

impl Why {
    /// `None` for the verdicts that need no word: allowed, and denied (the user asked
    /// for silence).
    pub fn of(verdict: &Verdict) -> Option<Self> {
        Some(match verdict {
            Verdict::Allowed | Verdict::Denied => return None,
            Verdict::Unknown => Why::Untrusted,
            Verdict::Replaced => Why::Replaced,
            Verdict::Changed {
                executables,
                tracked_by_git,
            } => Why::Changed {
                executables: executables.clone(),
                tracked_by_git: *tracked_by_git,
            },
            Verdict::Foreign { path, owner } => Why::Foreign {
                path: path.clone(),
                owner: owner.clone(),
            },
        })
    }

    /// A short tag, so that a new reason for the same environment is told again.
    fn tag(&self) -> &'static str {
        match self {
            Why::Untrusted => "untrusted",
            Why::Replaced => "replaced",
            Why::Changed { .. } => "changed",
            Why::Foreign { .. } => "foreign",
        }
    }
}

/// The project environment found from the current directory, with its trust verdict.
pub struct Project {
    pub env: Environment,
    pub verdict: Verdict,
}

/// Decide, from the variables, the project environment here, and the trust of any
/// environment the hook would put back on PATH (`trust_of(root, bin)`).
pub fn decide(
    var: &dyn Fn(&str) -> Option<String>,
    project: Option<&Project>,
    trust_of: &dyn Fn(&str, &str) -> Verdict,
) -> Decision {
    let mut decision = decide_change(var, project, trust_of);
    let told = match &decision.notice {
        Some(Notice::NotActivated { env, why } | Notice::NotRepaired { env, why }) => {
            format!("{} {env}", why.tag())
        }
        None => return decision,
    };
    if var(VENVSH_TOLD).as_deref() == Some(told.as_str()) {
        decision.notice = None;
    } else {
        let change = decision.transition.get_or_insert_with(nothing);
        change.set.insert(VENVSH_TOLD.to_owned(), told);
    }
    decision
}

/// A transition that changes no activation, only what the hook remembers.
fn nothing() -> Transition {
    Transition {
        version: transition::FORMAT_VERSION,
        action: Action::Deactivate,
        env: None,
        unset: Vec::new(),
        set: Default::default(),
        path: PathChange::default(),
        prompt: PromptChange {
            show: false,
            text: None,
        },
    }
}

fn decide_change(
    var: &dyn Fn(&str) -> Option<String>,
    project: Option<&Project>,
    trust_of: &dyn Fn(&str, &str) -> Verdict,
) -> Decision {
    let active = transition::active_state(var);
    let own_state = var(VENVSH_STATE).is_some() && active.is_some();
    let path = var("PATH").unwrap_or_default();

    match &active {
        // Activated by hand (or by another tool): never replaced or undone by the hook.
        Some(state) if state.origin == Origin::Manual || !own_state => {
            repair(state, &path, var, trust_of)
        }
        Some(state) => match project {
            Some(p) if p.env.root == state.env => repair(state, &path, var, trust_of),
            Some(p) if p.verdict == Verdict::Allowed => {
                let transition = activate(&p.env, var);
                Decision {
                    switch: transition.as_ref().map(|t| Switch::Switched {
                        from_prompt: shown_prompt(var),
                        env: p.env.root.clone(),
                        prompt: prompt_of(t),
                    }),
                    transition,
                    notice: None,
                }
            }
            other => {
                let transition = transition::plan(&Request::Deactivate, var).ok();
                Decision {
                    switch: transition.as_ref().map(|_| Switch::Deactivated {
                        env: state.env.clone(),
                        prompt: shown_prompt(var),
                    }),
                    transition,
                    notice: other.and_then(not_activated),
                }
            }
        },
        None => match project {
            Some(p) if p.verdict == Verdict::Allowed => {
                let transition = activate(&p.env, var);
                Decision {
                    switch: transition.as_ref().map(|t| Switch::Activated {
                        env: p.env.root.clone(),
                        prompt: prompt_of(t),
                    }),
                    transition,
                    notice: None,
                }
            }
            Some(p) => Decision {
                transition: None,
                notice: not_activated(p),
                switch: None,
            },
            None => Decision::default(),
        },
    }
}

/// The prompt name the active environment shows now.
fn shown_prompt(var: &dyn Fn(&str) -> Option<String>) -> String {
    transition::sanitize_prompt(&var(VIRTUAL_ENV_PROMPT).unwrap_or_default())
}

/// The prompt name `transition` activates.
fn prompt_of(transition: &Transition) -> String {
    transition.prompt.text.clone().unwrap_or_default()
}

fn not_activated(project: &Project) -> Option<Notice> {
    Some(Notice::NotActivated {
        env: project.env.root.clone(),
        why: Why::of(&project.verdict)?,
    })
}

fn activate(env: &Environment, var: &dyn Fn(&str) -> Option<String>) -> Option<Transition> {
    let request = Request::Activate {
        env: env.clone(),
        prompt: None,
        origin: Origin::Auto,
    };
    transition::plan(&request, var).ok()
}

/// An inherited activation whose entry is gone from PATH (tmux, a login shell that
/// rebuilt PATH) gets its entry back in front, if the environment is trusted now as for
/// activating it (issue 8, item 9).
fn repair(
    state: &ActivationState,
    path: &str,
    var: &dyn Fn(&str) -> Option<String>,
    trust_of: &dyn Fn(&str, &str) -> Verdict,
) -> Decision {
    // The host's separator: `;` on Windows (PowerShell, Clink), where `C:` holds a colon.
    if std::env::split_paths(path).any(|entry| entry == Path::new(&state.path_entry))
        || var(VENVSH_STATE).is_none()
    {
        return Decision::default();
    }
    let verdict = trust_of(&state.env, &state.path_entry);
    if verdict != Verdict::Allowed {
        return Decision {
            transition: None,
            notice: Why::of(&verdict).map(|why| Notice::NotRepaired {
                env: state.env.clone(),
                why,
            }),
            switch: None,
        };
    }
    let Some(mut repaired) = transition::resume(var) else {
        return Decision::default();
    };
    repaired.path = PathChange {
        remove: None,
        prepend: Some(state.path_entry.clone()),
    };
    // The prompt is already right in this shell; only PATH changes.
    repaired.prompt.show = !transition::prompt_disabled(var(VIRTUAL_ENV_DISABLE_PROMPT).as_deref());
    Decision {
        transition: Some(repaired),
        notice: None,
        switch: None,
    }
}

/// Find the project environment for `cwd` (redirects may name one in `store`), with its
/// trust verdict. A `.venv` file naming it speaks for the project, so another user's
/// makes the environment another user's too.
pub fn project_here(cwd: &Path, store: Option<&Store>, trust: &TrustStore) -> Option<Project> {
    let (env, chosen) = Environment::find_explained(cwd, store).ok()?;
    let redirect_owner = match &chosen {
        Chosen::Redirect { file, .. } => trust.foreign(file),
        _ => None,
    };
    let verdict = match redirect_owner {
        Some(foreign) => foreign,
        None => trust.verdict(&env).unwrap_or(Verdict::Unknown),
    };
    Some(Project { env, verdict })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// `decide`, with every environment the hook might put back trusted.
    fn decide(var: &dyn Fn(&str) -> Option<String>, project: Option<&Project>) -> Decision {
        super::decide(var, project, &|_, _| Verdict::Allowed)
    }

    fn env(root: &str) -> Environment {
        Environment {
            root: root.into(),
            bin: format!("{root}/bin"),
            prompt: "p".into(),
        }
    }

    fn project(root: &str, verdict: Verdict) -> Project {
        Project {
            env: env(root),
            verdict,
        }
    }

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn state_after(t: &Transition) -> String {
        t.set[VENVSH_STATE].clone()
    }

    #[test]
    fn entering_an_allowed_project_activates_it_as_auto() {
        let d = decide(
            &vars(&[("PATH", "/usr/bin")]),
            Some(&project("/p/.venv", Verdict::Allowed)),
        );
        let t = d.transition.unwrap();
        assert_eq!(t.path.prepend.as_deref(), Some("/p/.venv/bin"));
        let state = ActivationState::decode(&state_after(&t)).unwrap();
        assert_eq!(state.origin, Origin::Auto);
    }

    #[test]
    fn every_change_the_hook_makes_is_said() {
        let a = Project {
            env: Environment {
                root: "/a/.venv".into(),
                bin: "/a/.venv/bin".into(),
                prompt: "a".into(),
            },
            verdict: Verdict::Allowed,
        };
        let on = decide(&vars(&[("PATH", "/usr/bin")]), Some(&a));
        assert_eq!(
            on.switch,
            Some(Switch::Activated {
                env: "/a/.venv".into(),
                prompt: "a".into()
            })
        );
        let t = on.transition.unwrap();
        let active = [
            (VENVSH_STATE, t.set[VENVSH_STATE].as_str()),
            ("PATH", "/a/.venv/bin:/usr/bin"),
            (VIRTUAL_ENV_PROMPT, "a"),
        ];
        assert_eq!(
            decide(&vars(&active), None).switch,
            Some(Switch::Deactivated {
                env: "/a/.venv".into(),
                prompt: "a".into()
            })
        );
        let b = project("/b/.venv", Verdict::Allowed);
        assert_eq!(
            decide(&vars(&active), Some(&b)).switch,
            Some(Switch::Switched {
                from_prompt: "a".into(),
                env: "/b/.venv".into(),
                prompt: "p".into()
            })
        );
        // Nothing changes, nothing is said.
        assert_eq!(decide(&vars(&active), Some(&a)).switch, None);
        let untrusted = project("/u/.venv", Verdict::Unknown);
        assert_eq!(decide(&vars(&[]), Some(&untrusted)).switch, None);
    }

    #[test]
    fn an_untrusted_project_is_not_activated_and_told_once() {
        let p = project("/p/.venv", Verdict::Unknown);
        let d = decide(&vars(&[]), Some(&p));
        assert_eq!(
            d.notice,
            Some(Notice::NotActivated {
                env: "/p/.venv".into(),
                why: Why::Untrusted
            })
        );
        let told = d.transition.unwrap().set[VENVSH_TOLD].clone();
        assert_eq!(told, "untrusted /p/.venv");
        let d = decide(&vars(&[(VENVSH_TOLD, &told)]), Some(&p));
        assert_eq!(d, Decision::default());
        // A new reason for the same environment is told again.
        let changed = project(
            "/p/.venv",
            Verdict::Changed {
                executables: vec!["git".into()],
                tracked_by_git: true,
            },
        );
        let d = decide(&vars(&[(VENVSH_TOLD, &told)]), Some(&changed));
        assert!(matches!(
            d.notice,
            Some(Notice::NotActivated {
                why: Why::Changed { .. },
                ..
            })
        ));
        assert_eq!(
            decide(&vars(&[]), Some(&project("/p/.venv", Verdict::Denied))),
            Decision::default()
        );
    }

    #[test]
    fn leaving_deactivates_and_a_sibling_switches() {
        let on = decide(
            &vars(&[("PATH", "/usr/bin")]),
            Some(&project("/a/.venv", Verdict::Allowed)),
        )
        .transition
        .unwrap();
        let active = [
            (VENVSH_STATE, on.set[VENVSH_STATE].as_str()),
            ("PATH", "/a/.venv/bin:/usr/bin"),
        ];
        let away = decide(&vars(&active), None).transition.unwrap();
        assert_eq!(away.path.remove.as_deref(), Some("/a/.venv/bin"));
        assert!(away.unset.contains(&VENVSH_STATE.to_owned()));
        let sibling = decide(&vars(&active), Some(&project("/b/.venv", Verdict::Allowed)))
            .transition
            .unwrap();
        assert_eq!(sibling.path.remove.as_deref(), Some("/a/.venv/bin"));
        assert_eq!(sibling.path.prepend.as_deref(), Some("/b/.venv/bin"));
        let same = decide(&vars(&active), Some(&project("/a/.venv", Verdict::Allowed)));
        assert_eq!(same, Decision::default());
    }

    #[test]
    fn a_manual_activation_is_never_touched() {
        let request = Request::Activate {
            env: env("/m"),
            prompt: None,
            origin: Origin::Manual,
        };
        let manual = transition::plan(&request, &vars(&[])).unwrap();
        let active = [
            (VENVSH_STATE, manual.set[VENVSH_STATE].as_str()),
            ("PATH", "/m/bin:/usr/bin"),
        ];
        assert_eq!(decide(&vars(&active), None), Decision::default());
        assert_eq!(
            decide(&vars(&active), Some(&project("/a/.venv", Verdict::Allowed))),
            Decision::default()
        );
        // Another tool's activation, too.
        let foreign = [("VIRTUAL_ENV", "/f"), ("PATH", "/f/bin")];
        assert_eq!(
            decide(
                &vars(&foreign),
                Some(&project("/a/.venv", Verdict::Allowed))
            ),
            Decision::default()
        );
    }

    #[test]
    fn an_inherited_activation_missing_from_path_is_repaired() {
        let on = decide(
            &vars(&[("PATH", "/usr/bin")]),
            Some(&project("/a/.venv", Verdict::Allowed)),
        )
        .transition
        .unwrap();
        let rebuilt = [
            (VENVSH_STATE, on.set[VENVSH_STATE].as_str()),
            ("PATH", "/usr/bin"),
            ("VIRTUAL_ENV_PROMPT", "p"),
        ];
        let t = decide(
            &vars(&rebuilt),
            Some(&project("/a/.venv", Verdict::Allowed)),
        )
        .transition
        .unwrap();
        assert_eq!(
            t.path,
            PathChange {
                remove: None,
                prepend: Some("/a/.venv/bin".into())
            }
        );
        assert!(t.set.is_empty() && t.unset.is_empty());
    }

    #[test]
    fn an_inherited_activation_is_repaired_only_if_trusted() {
        let on = decide(
            &vars(&[("PATH", "/usr/bin")]),
            Some(&project("/a/.venv", Verdict::Allowed)),
        )
        .transition
        .unwrap();
        let rebuilt = [
            (VENVSH_STATE, on.set[VENVSH_STATE].as_str()),
            ("PATH", "/usr/bin"),
            ("VIRTUAL_ENV_PROMPT", "p"),
        ];
        let here = project("/a/.venv", Verdict::Replaced);
        let untrusted = super::decide(&vars(&rebuilt), Some(&here), &|root, bin| {
            assert_eq!((root, bin), ("/a/.venv", "/a/.venv/bin"));
            Verdict::Replaced
        });
        assert_eq!(
            untrusted.notice,
            Some(Notice::NotRepaired {
                env: "/a/.venv".into(),
                why: Why::Replaced
            })
        );
        let change = untrusted.transition.unwrap();
        assert_eq!(change.path, PathChange::default());
        assert!(change.set.keys().all(|k| k == VENVSH_TOLD));
    }
}
