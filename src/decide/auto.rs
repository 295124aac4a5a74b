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
use crate::vars::{VENVSH_OFF, VENVSH_STATE, VENVSH_TOLD, VIRTUAL_ENV_PROMPT};

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

/// The change the hook makes and what it tells, before the switch is worked out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Change {
    transition: Option<Transition>,
    notice: Option<Notice>,
}

/// What the hook tells the user, as data: the command layer words and prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The project's environment was not activated (or, activated by the hook, was
    /// deactivated: it is not trusted as it is now).
    NotActivated { env: String, why: Why },
    /// An inherited activation lost its PATH entry, which was not put back.
    NotRepaired { env: String, why: Why },
    /// The active environment's directory is gone (deleted while active).
    Gone { env: String },
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
    pub fn tag(&self) -> &'static str {
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

/// What the hook sees besides the variables: the project environment here, the trust
/// of an environment it would put back on PATH (`trust_of(root, bin)`), and whether an
/// environment's directory still exists.
pub struct Sight<'a> {
    pub project: Option<&'a Project>,
    pub trust_of: &'a dyn Fn(&str, &str) -> Verdict,
    pub exists: &'a dyn Fn(&str) -> bool,
}

/// Decide what the hook does, from the variables and what it sees.
pub fn decide(var: &dyn Fn(&str) -> Option<String>, sight: &Sight<'_>) -> Decision {
    let before = transition::layers(var).own;
    let Change {
        mut transition,
        mut notice,
    } = decide_change(var, sight);
    let switch = switch_of(before.as_ref(), transition.as_ref(), var);
    let told = match &notice {
        Some(Notice::NotActivated { env, why } | Notice::NotRepaired { env, why }) => {
            Some(format!("{} {env}", why.tag()))
        }
        Some(Notice::Gone { env }) => Some(format!("gone {env}")),
        None => None,
    };
    if let Some(told) = told {
        if var(VENVSH_TOLD).as_deref() == Some(told.as_str()) {
            notice = None;
        } else {
            let change = transition.get_or_insert_with(nothing);
            change.set.insert(VENVSH_TOLD.to_owned(), told);
        }
    }
    Decision {
        transition,
        notice,
        switch,
    }
}

/// What `change` does to venvsh's activation `before`, to be said: a new environment on
/// PATH, or venvsh's taken away. Keeping one (repairing PATH, bringing its variables
/// back) and the hook's own bookkeeping say nothing.
fn switch_of(
    before: Option<&ActivationState>,
    change: Option<&Transition>,
    var: &dyn Fn(&str) -> Option<String>,
) -> Option<Switch> {
    let change = change?;
    let shown = || transition::sanitize_prompt(&var(VIRTUAL_ENV_PROMPT).unwrap_or_default());
    match change.action {
        Action::Activate => {
            let env = change.env.clone()?;
            let prompt = change.prompt.text.clone().unwrap_or_default();
            match before {
                Some(own) if own.env == env => None,
                Some(_) => Some(Switch::Switched {
                    from_prompt: shown(),
                    env,
                    prompt,
                }),
                None => Some(Switch::Activated { env, prompt }),
            }
        }
        Action::Deactivate => {
            let own = before?;
            change
                .unset
                .iter()
                .any(|name| name == VENVSH_STATE)
                .then(|| Switch::Deactivated {
                    env: own.env.clone(),
                    prompt: shown(),
                })
        }
    }
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
        other: None,
    }
}

fn decide_change(var: &dyn Fn(&str) -> Option<String>, sight: &Sight<'_>) -> Change {
    let layers = transition::layers(var);
    let project = sight.project;

    // Deleted while active: said, unless the hook activated it and so undoes it below
    // (its project has no environment any more).
    if let Some(top) = layers.top()
        && !(sight.exists)(top)
    {
        let the_hooks = layers.other.is_none()
            && layers
                .own
                .as_ref()
                .is_some_and(|own| own.origin == Origin::Auto);
        if !the_hooks {
            return Change {
                transition: None,
                notice: Some(Notice::Gone {
                    env: top.to_owned(),
                }),
            };
        }
    }
    // Another tool's activation is on top: it, and venvsh's beneath, are the user's now.
    if layers.other.is_some() {
        return Change::default();
    }

    match &layers.own {
        // Activated by hand: never replaced or undone by the hook.
        Some(own) if own.origin == Origin::Manual => keep(own, var, sight),
        Some(own) => match project {
            Some(p) if p.env.root == own.env && p.verdict == Verdict::Allowed => {
                keep(own, var, sight)
            }
            // Still here, but replaced or changed since the hook activated it (python
            // -m venv --clear, a checkout): it goes, and the user is told why.
            Some(p) if p.env.root == own.env => Change {
                transition: deactivate(var),
                notice: not_activated(p),
            },
            Some(p) if p.verdict == Verdict::Allowed => Change {
                transition: activate(&p.env, var),
                notice: None,
            },
            other => Change {
                transition: deactivate(var),
                notice: other.and_then(not_activated),
            },
        },
        None => {
            let off = var(VENVSH_OFF);
            match project {
                // The user deactivated in this project: left alone until they leave it.
                Some(p) if off.as_deref() == Some(p.env.root.as_str()) => Change::default(),
                Some(p) if p.verdict == Verdict::Allowed => Change {
                    transition: activate(&p.env, var),
                    notice: None,
                },
                Some(p) => Change {
                    transition: off.map(|_| forget_off()),
                    notice: not_activated(p),
                },
                None => Change {
                    transition: off.map(|_| forget_off()),
                    notice: None,
                },
            }
        }
    }
}

/// Left the project the user deactivated in: the hook may activate again.
fn forget_off() -> Transition {
    let mut change = nothing();
    change.unset.push(VENVSH_OFF.to_owned());
    change
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
    let mut change = transition::plan(&request, var).ok()?;
    // Activated: whatever comes up later about it is news, and is told.
    if var(VENVSH_TOLD).is_some() {
        change.unset.push(VENVSH_TOLD.to_owned());
    }
    Some(change)
}

fn deactivate(var: &dyn Fn(&str) -> Option<String>) -> Option<Transition> {
    transition::plan(&Request::Deactivate { here: None }, var).ok()
}

/// venvsh's activation stays; what it lost is put back. Its entry gone from PATH (tmux,
/// a login shell that rebuilt PATH) comes back first if the environment is trusted now
/// as for activating it (issue 8, item 9). `VIRTUAL_ENV` unset, by another tool's
/// `deactivate` that took its own activation from on top of venvsh's, comes back with
/// the prompt name (issue 11, item 5).
fn keep(
    state: &ActivationState,
    var: &dyn Fn(&str) -> Option<String>,
    sight: &Sight<'_>,
) -> Change {
    let path = var("PATH").unwrap_or_default();
    // The host's separator: `;` on Windows (PowerShell, Clink), where `C:` holds a colon.
    let on_path = std::env::split_paths(&path).any(|entry| entry == Path::new(&state.path_entry));
    let named = var(crate::vars::VIRTUAL_ENV).as_deref() == Some(state.env.as_str());
    if on_path && named {
        return Change::default();
    }
    if !on_path {
        let verdict = (sight.trust_of)(&state.env, &state.path_entry);
        if verdict != Verdict::Allowed {
            return Change {
                transition: None,
                notice: Why::of(&verdict).map(|why| Notice::NotRepaired {
                    env: state.env.clone(),
                    why,
                }),
            };
        }
    }
    let mut kept = transition::resume(var).unwrap_or_else(|| {
        // The prompt is disabled: only the variables and PATH.
        let mut t = nothing();
        t.action = Action::Activate;
        t.env = Some(state.env.clone());
        t
    });
    if !named {
        kept.set
            .insert(crate::vars::VIRTUAL_ENV.to_owned(), state.env.clone());
        kept.set.insert(
            crate::vars::VIRTUAL_ENV_PROMPT.to_owned(),
            kept.prompt
                .text
                .clone()
                .unwrap_or_else(|| state.prompt_text()),
        );
    }
    if !on_path {
        kept.path = PathChange {
            remove: None,
            prepend: Some(state.path_entry.clone()),
        };
    }
    Change {
        transition: Some(kept),
        notice: None,
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
    use crate::decide::transition::tests::vars;
    use crate::vars::VENVSH_STATE;

    /// `decide`, with every environment the hook might put back trusted and there.
    fn decide(var: &dyn Fn(&str) -> Option<String>, project: Option<&Project>) -> Decision {
        decide_seeing(var, project, &|_, _| Verdict::Allowed, &|_| true)
    }

    fn decide_seeing(
        var: &dyn Fn(&str) -> Option<String>,
        project: Option<&Project>,
        trust_of: &dyn Fn(&str, &str) -> Verdict,
        exists: &dyn Fn(&str) -> bool,
    ) -> Decision {
        super::decide(
            var,
            &Sight {
                project,
                trust_of,
                exists,
            },
        )
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
            ("VIRTUAL_ENV", "/a/.venv"),
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
            ("VIRTUAL_ENV", "/m"),
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
            ("VIRTUAL_ENV", "/a/.venv"),
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
        let manual = Request::Activate {
            env: env("/a/.venv"),
            prompt: None,
            origin: Origin::Manual,
        };
        let on = transition::plan(&manual, &vars(&[])).unwrap();
        let rebuilt = [
            (VENVSH_STATE, on.set[VENVSH_STATE].as_str()),
            ("PATH", "/usr/bin"),
            ("VIRTUAL_ENV", "/a/.venv"),
        ];
        let untrusted = decide_seeing(
            &vars(&rebuilt),
            None,
            &|root, bin| {
                assert_eq!((root, bin), ("/a/.venv", "/a/.venv/bin"));
                Verdict::Replaced
            },
            &|_| true,
        );
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

    /// The hook's activation of `/a/.venv`, as the variables then hold it.
    fn auto_active() -> Vec<(&'static str, String)> {
        let on = decide(
            &vars(&[("PATH", "/usr/bin")]),
            Some(&project("/a/.venv", Verdict::Allowed)),
        )
        .transition
        .unwrap();
        vec![
            (VENVSH_STATE, on.set[VENVSH_STATE].clone()),
            ("PATH", "/a/.venv/bin:/usr/bin".to_owned()),
            ("VIRTUAL_ENV", "/a/.venv".to_owned()),
            ("VIRTUAL_ENV_PROMPT", "p".to_owned()),
        ]
    }

    fn with(
        base: &[(&'static str, String)],
        changes: &[(&'static str, Option<&str>)],
    ) -> impl Fn(&str) -> Option<String> + use<> {
        let mut map: BTreeMap<String, String> = base
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        for (k, v) in changes {
            match v {
                Some(v) => map.insert(k.to_string(), v.to_string()),
                None => map.remove(*k),
            };
        }
        move |name| map.get(name).cloned()
    }

    #[test]
    fn an_environment_replaced_while_the_hook_had_it_active_is_deactivated_and_told() {
        let here = project("/a/.venv", Verdict::Replaced);
        let d = decide(&with(&auto_active(), &[]), Some(&here));
        assert_eq!(
            d.notice,
            Some(Notice::NotActivated {
                env: "/a/.venv".into(),
                why: Why::Replaced
            })
        );
        let t = d.transition.unwrap();
        assert_eq!(t.path.remove.as_deref(), Some("/a/.venv/bin"));
        assert!(t.unset.contains(&VENVSH_STATE.to_owned()));
        assert_eq!(t.set[VENVSH_TOLD], "replaced /a/.venv");
        // Allowed again: activated, and what was told is forgotten.
        let told = with(
            &[],
            &[
                (VENVSH_TOLD, Some("replaced /a/.venv")),
                ("PATH", Some("/usr/bin")),
            ],
        );
        let t = decide(&told, Some(&project("/a/.venv", Verdict::Allowed)))
            .transition
            .unwrap();
        assert!(t.unset.contains(&VENVSH_TOLD.to_owned()));
    }

    #[test]
    fn another_tools_activation_on_top_is_left_alone_anywhere() {
        let stacked = with(
            &auto_active(),
            &[
                ("VIRTUAL_ENV", Some("/c")),
                ("PATH", Some("/c/bin:/a/.venv/bin:/usr/bin")),
            ],
        );
        assert_eq!(decide(&stacked, None), Decision::default());
        let elsewhere = project("/b/.venv", Verdict::Allowed);
        assert_eq!(decide(&stacked, Some(&elsewhere)), Decision::default());
    }

    #[test]
    fn venvshs_activation_comes_back_when_another_tools_deactivate_unset_its_variables() {
        let here = project("/a/.venv", Verdict::Allowed);
        let after = with(
            &auto_active(),
            &[("VIRTUAL_ENV", None), ("VIRTUAL_ENV_PROMPT", None)],
        );
        let t = decide(&after, Some(&here)).transition.unwrap();
        assert_eq!(t.env.as_deref(), Some("/a/.venv"));
        assert_eq!(t.set["VIRTUAL_ENV"], "/a/.venv");
        assert_eq!(t.set["VIRTUAL_ENV_PROMPT"], "p");
        assert_eq!(t.path, PathChange::default());
        assert!(t.prompt.show && t.other.is_none());
        // Out of its project, the hook's own activation goes instead.
        let away = decide(&after, None).transition.unwrap();
        assert_eq!(away.path.remove.as_deref(), Some("/a/.venv/bin"));
        assert_eq!(away.env, None);
    }

    #[test]
    fn a_deactivated_project_stays_off_until_left() {
        let here = project("/a/.venv", Verdict::Allowed);
        let off = with(
            &[],
            &[(VENVSH_OFF, Some("/a/.venv")), ("PATH", Some("/usr/bin"))],
        );
        // cd sub: the same project.
        assert_eq!(decide(&off, Some(&here)), Decision::default());
        // Left it: forgotten, so coming back activates.
        let left = decide(&off, None).transition.unwrap();
        assert_eq!(left.unset, vec![VENVSH_OFF.to_owned()]);
        assert_eq!(left.path, PathChange::default());
        // Another project activates, and forgets it too.
        let other = decide(&off, Some(&project("/b/.venv", Verdict::Allowed)))
            .transition
            .unwrap();
        assert_eq!(other.path.prepend.as_deref(), Some("/b/.venv/bin"));
        assert!(other.unset.contains(&VENVSH_OFF.to_owned()));
        // An untrusted one forgets it and says why it does not activate.
        let untrusted = decide(&off, Some(&project("/u/.venv", Verdict::Unknown)));
        assert!(
            untrusted
                .transition
                .unwrap()
                .unset
                .contains(&VENVSH_OFF.to_owned())
        );
        assert!(untrusted.notice.is_some());
    }

    #[test]
    fn a_deleted_active_environment_is_told_once_unless_the_hook_undoes_it() {
        let request = Request::Activate {
            env: env("/m"),
            prompt: None,
            origin: Origin::Manual,
        };
        let manual = transition::plan(&request, &vars(&[])).unwrap();
        let active = with(
            &[(VENVSH_STATE, manual.set[VENVSH_STATE].clone())],
            &[
                ("PATH", Some("/m/bin:/usr/bin")),
                ("VIRTUAL_ENV", Some("/m")),
            ],
        );
        let gone = |root: &str| root != "/m";
        let d = decide_seeing(&active, None, &|_, _| Verdict::Allowed, &gone);
        assert_eq!(d.notice, Some(Notice::Gone { env: "/m".into() }));
        let t = d.transition.unwrap();
        assert_eq!(t.set[VENVSH_TOLD], "gone /m");
        assert_eq!(t.path, PathChange::default());
        let told = with(
            &[(VENVSH_STATE, manual.set[VENVSH_STATE].clone())],
            &[
                ("PATH", Some("/m/bin")),
                ("VIRTUAL_ENV", Some("/m")),
                (VENVSH_TOLD, Some("gone /m")),
            ],
        );
        assert_eq!(
            decide_seeing(&told, None, &|_, _| Verdict::Allowed, &gone),
            Decision::default()
        );
        // Another tool's, too.
        let foreign = with(
            &[],
            &[("VIRTUAL_ENV", Some("/m")), ("PATH", Some("/m/bin"))],
        );
        let d = decide_seeing(&foreign, None, &|_, _| Verdict::Allowed, &gone);
        assert_eq!(d.notice, Some(Notice::Gone { env: "/m".into() }));
        // The hook's own goes quietly, as when its project is left.
        let auto = with(&auto_active(), &[]);
        let d = decide_seeing(&auto, None, &|_, _| Verdict::Allowed, &|_| false);
        assert_eq!(d.notice, None);
        assert_eq!(d.transition.unwrap().env, None);
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
            ("VIRTUAL_ENV", "/a/.venv"),
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
        // Nothing changes, nothing is said; nor when PATH is repaired.
        assert_eq!(decide(&vars(&active), Some(&a)).switch, None);
        let rebuilt = [
            (VENVSH_STATE, t.set[VENVSH_STATE].as_str()),
            ("PATH", "/usr/bin"),
            ("VIRTUAL_ENV", "/a/.venv"),
            (VIRTUAL_ENV_PROMPT, "a"),
        ];
        let repaired = decide(&vars(&rebuilt), Some(&a));
        assert!(repaired.transition.is_some());
        assert_eq!(repaired.switch, None);
        let untrusted = project("/u/.venv", Verdict::Unknown);
        assert_eq!(decide(&vars(&[]), Some(&untrusted)).switch, None);
    }
}
