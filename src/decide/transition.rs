//! The one decision of activation: what changes in the shell's environment.
//!
//! [`plan`] is pure: it reads the variables it is given and the request, and returns
//! a [`Transition`]. Every shell renders the same transition, and `--json` prints it.
//! Nothing downstream edits a transition: what a caller needs (the `bin/` scripts'
//! pair, the hook's memory of what it told) is planned here too.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};

use serde::Serialize;

use super::state::{ActivationState, Origin};
use crate::project::environment::Environment;
use crate::vars::{
    PYTHONHOME, VENVSH_STATE, VIRTUAL_ENV, VIRTUAL_ENV_DISABLE_PROMPT, VIRTUAL_ENV_PROMPT,
};

/// Format version of the JSON document `--json` prints.
pub const FORMAT_VERSION: u32 = 1;

/// Variables activation sets or unsets, whose earlier values it saves.
const MANAGED: [&str; 3] = [VIRTUAL_ENV, VIRTUAL_ENV_PROMPT, PYTHONHOME];

#[derive(Debug, Clone)]
pub enum Request {
    Activate {
        env: Environment,
        prompt: Option<String>,
        origin: Origin,
    },
    Deactivate,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    #[error("no virtual environment is active")]
    NothingActive,
}

/// What to change, in the order shells apply it: unset, set, PATH, prompt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transition {
    /// Format version of this JSON document.
    pub version: u32,
    pub action: Action,
    /// The environment active afterwards.
    pub env: Option<String>,
    pub unset: Vec<String>,
    pub set: BTreeMap<String, String>,
    pub path: PathChange,
    pub prompt: PromptChange,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Activate,
    Deactivate,
}

/// PATH surgery: drop the first occurrence of `remove`, then put `prepend` first.
/// Entries the user added meanwhile are never touched.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PathChange {
    pub remove: Option<String>,
    pub prepend: Option<String>,
}

impl PathChange {
    /// Apply to a PATH value, for shells whose PATH is computed here rather than in the
    /// shell. Entries are bytes: an entry that is not UTF-8 is carried as it is.
    pub fn apply(&self, path: Option<&OsStr>, separator: char) -> OsString {
        let separator = u8::try_from(separator).expect("PATH separators are ASCII");
        let path = path.map_or(&[][..], OsStr::as_encoded_bytes);
        let mut entries: Vec<&[u8]> = match path {
            [] => Vec::new(),
            p => p.split(|b| *b == separator).collect(),
        };
        if let Some(remove) = &self.remove
            && let Some(i) = entries.iter().position(|e| *e == remove.as_bytes())
        {
            entries.remove(i);
        }
        if let Some(prepend) = &self.prepend {
            entries.insert(0, prepend.as_bytes());
        }
        let joined = entries.join(&separator);
        // SAFETY: the pieces are PATH's own encoded bytes split at an ASCII separator and
        // UTF-8 strings, joined by that ASCII separator, which keeps the encoding valid.
        unsafe { OsString::from_encoded_bytes_unchecked(joined) }
    }
}

/// `show`: the prompt carries `(text) ` in front; otherwise any such prefix is removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PromptChange {
    pub show: bool,
    pub text: Option<String>,
}

/// Decide the transition for `request` given the current environment variables.
pub fn plan(request: &Request, var: &dyn Fn(&str) -> Option<String>) -> Result<Transition, Error> {
    let active = active_state(var);

    // Start from the environment as it was before the active activation, if any.
    let mut before: BTreeMap<String, Option<String>> =
        MANAGED.iter().map(|n| (n.to_string(), var(n))).collect();
    let mut path = PathChange::default();
    if let Some(state) = &active {
        for (name, value) in &state.saved {
            before.insert(name.clone(), value.clone());
        }
        path.remove = Some(state.path_entry.clone());
    }

    let (after, state, prompt, env, action) = match request {
        Request::Deactivate => {
            if active.is_none() {
                return Err(Error::NothingActive);
            }
            let prompt = PromptChange {
                show: false,
                text: None,
            };
            (before.clone(), None, prompt, None, Action::Deactivate)
        }
        Request::Activate {
            env,
            prompt,
            origin,
        } => {
            let text = sanitize_prompt(prompt.as_deref().unwrap_or(&env.prompt));
            let mut after = before.clone();
            after.insert(VIRTUAL_ENV.into(), Some(env.root.clone()));
            after.insert(VIRTUAL_ENV_PROMPT.into(), Some(text.clone()));
            after.insert(PYTHONHOME.into(), None);
            path.prepend = Some(env.bin.clone());
            let state =
                ActivationState::new(env.root.clone(), env.bin.clone(), before.clone(), *origin);
            let show = !prompt_disabled(var(VIRTUAL_ENV_DISABLE_PROMPT).as_deref());
            (
                after,
                Some(state),
                PromptChange {
                    show,
                    text: Some(text),
                },
                Some(env.root.clone()),
                Action::Activate,
            )
        }
    };

    let mut set = BTreeMap::new();
    let mut unset = Vec::new();
    for (name, value) in after {
        match value {
            Some(value) => {
                set.insert(name, value);
            }
            None => unset.push(name),
        }
    }
    match state {
        Some(state) => {
            set.insert(VENVSH_STATE.into(), state.encode());
        }
        None => unset.push(VENVSH_STATE.into()),
    }
    Ok(Transition {
        version: FORMAT_VERSION,
        action,
        env,
        unset,
        set,
        path,
        prompt,
    })
}

/// The plan of the `bin/` activation scripts `venvsh create` writes: what sourcing one
/// sets in a shell where nothing is active (each script first undoes whatever activation
/// is in force), and what its `deactivate` undoes.
///
/// The scripts keep no `VENVSH_STATE`: their `deactivate` finds the PATH entry from
/// `$VIRTUAL_ENV` and the old `PYTHONHOME` in `_OLD_VIRTUAL_PYTHONHOME` at run time, and
/// shows the prompt unless `VIRTUAL_ENV_DISABLE_PROMPT` says otherwise when sourced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StandalonePlan {
    pub on: Transition,
    pub off: Transition,
    /// The environment's own PATH entry, for shells that cannot search PATH for a value
    /// read at run time (cmd.exe's `deactivate.bat` removes this one).
    pub own_entry: String,
    /// The scripts directory's name (`bin`, `Scripts`), appended to `$VIRTUAL_ENV`.
    pub bin_name: String,
}

pub fn standalone(env: &Environment) -> StandalonePlan {
    let request = Request::Activate {
        env: env.clone(),
        prompt: None,
        origin: Origin::Manual,
    };
    let mut on = plan(&request, &|_| None).expect("activating with nothing active always plans");
    on.set.remove(VENVSH_STATE);
    let off = Transition {
        version: FORMAT_VERSION,
        action: Action::Deactivate,
        env: None,
        unset: vec![
            VIRTUAL_ENV.to_owned(),
            VIRTUAL_ENV_PROMPT.to_owned(),
            // Sourcing a script over a `venvsh activate` must leave no stale state.
            VENVSH_STATE.to_owned(),
        ],
        set: BTreeMap::new(),
        path: PathChange::default(),
        prompt: PromptChange {
            show: false,
            text: None,
        },
    };
    let bin_name = std::path::Path::new(&env.bin)
        .file_name()
        .map_or_else(|| "bin".to_owned(), |n| n.to_string_lossy().into_owned());
    StandalonePlan {
        on,
        off,
        own_entry: env.bin.clone(),
        bin_name,
    }
}

/// For a shell that inherited an activation (variables, but not the prompt): the
/// transition that only puts the prompt back. `None` when nothing is active or the
/// prompt is disabled.
pub fn resume(var: &dyn Fn(&str) -> Option<String>) -> Option<Transition> {
    let state = var(VENVSH_STATE)
        .as_deref()
        .and_then(ActivationState::decode)?;
    if prompt_disabled(var(VIRTUAL_ENV_DISABLE_PROMPT).as_deref()) {
        return None;
    }
    let text = sanitize_prompt(&var(VIRTUAL_ENV_PROMPT).unwrap_or_default());
    Some(Transition {
        version: FORMAT_VERSION,
        action: Action::Activate,
        env: Some(state.env),
        unset: Vec::new(),
        set: BTreeMap::new(),
        path: PathChange::default(),
        prompt: PromptChange {
            show: true,
            text: Some(text),
        },
    })
}

/// The activation in force: venvsh's own state, or one made by another tool's
/// `activate` script (`VIRTUAL_ENV` alone), which is undone the same way.
pub fn active_state(var: &dyn Fn(&str) -> Option<String>) -> Option<ActivationState> {
    if let Some(state) = var(VENVSH_STATE)
        .as_deref()
        .and_then(ActivationState::decode)
    {
        return Some(state);
    }
    let env = var(VIRTUAL_ENV).filter(|v| !v.is_empty())?;
    let bin = crate::project::environment::bin_dir(std::path::Path::new(&env))
        .to_string_lossy()
        .into_owned();
    let saved = MANAGED.iter().map(|n| (n.to_string(), None)).collect();
    Some(ActivationState::new(env, bin, saved, Origin::Manual))
}

/// Prompt text as every shell shows it: control characters, which would corrupt the
/// prompt line, become `?`.
pub fn sanitize_prompt(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

/// The one rule for every shell: set, and not empty, `0` or `false`, disables the prompt.
pub fn prompt_disabled(value: Option<&str>) -> bool {
    match value {
        None => false,
        Some(v) => !(v.is_empty() || v == "0" || v.eq_ignore_ascii_case("false")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(root: &str) -> Environment {
        Environment {
            root: root.into(),
            bin: format!("{root}/bin"),
            prompt: root.rsplit('/').next().unwrap().into(),
        }
    }

    fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    fn activate(root: &str) -> Request {
        Request::Activate {
            env: env(root),
            prompt: None,
            origin: Origin::Manual,
        }
    }

    #[test]
    fn activation_sets_saves_and_prepends() {
        let t = plan(&activate("/p/a"), &vars(&[("PYTHONHOME", "/h")])).unwrap();
        assert_eq!(t.set["VIRTUAL_ENV"], "/p/a");
        assert_eq!(t.set["VIRTUAL_ENV_PROMPT"], "a");
        assert_eq!(t.unset, vec!["PYTHONHOME"]);
        assert_eq!(
            t.path,
            PathChange {
                remove: None,
                prepend: Some("/p/a/bin".into())
            }
        );
        assert!(t.prompt.show);
        let state = ActivationState::decode(&t.set[VENVSH_STATE]).unwrap();
        assert_eq!(state.saved["PYTHONHOME"].as_deref(), Some("/h"));
        assert_eq!(state.saved["VIRTUAL_ENV"], None);
    }

    #[test]
    fn deactivation_restores_saved_values() {
        let on = plan(&activate("/p/a"), &vars(&[("PYTHONHOME", "/h")])).unwrap();
        let state = on.set[VENVSH_STATE].clone();
        let off = plan(
            &Request::Deactivate,
            &vars(&[(VENVSH_STATE, &state), ("VIRTUAL_ENV", "/p/a")]),
        )
        .unwrap();
        assert_eq!(
            off.set,
            BTreeMap::from([("PYTHONHOME".into(), "/h".into())])
        );
        assert_eq!(
            off.unset,
            vec!["VIRTUAL_ENV", "VIRTUAL_ENV_PROMPT", VENVSH_STATE]
        );
        assert_eq!(
            off.path,
            PathChange {
                remove: Some("/p/a/bin".into()),
                prepend: None
            }
        );
        assert!(!off.prompt.show);
    }

    #[test]
    fn switching_keeps_the_original_saved_values() {
        let a = plan(&activate("/p/a"), &vars(&[("PYTHONHOME", "/h")])).unwrap();
        let b = plan(
            &activate("/p/b"),
            &vars(&[(VENVSH_STATE, &a.set[VENVSH_STATE])]),
        )
        .unwrap();
        assert_eq!(
            b.path,
            PathChange {
                remove: Some("/p/a/bin".into()),
                prepend: Some("/p/b/bin".into())
            }
        );
        let state = ActivationState::decode(&b.set[VENVSH_STATE]).unwrap();
        assert_eq!(state.saved["PYTHONHOME"].as_deref(), Some("/h"));
    }

    #[test]
    fn deactivating_nothing_is_an_error() {
        assert_eq!(
            plan(&Request::Deactivate, &vars(&[])),
            Err(Error::NothingActive)
        );
    }

    #[test]
    fn a_foreign_activation_is_undone_by_its_bin_dir() {
        let off = plan(&Request::Deactivate, &vars(&[("VIRTUAL_ENV", "/p/x")])).unwrap();
        assert_eq!(off.path.remove.as_deref(), Some("/p/x/bin"));
        assert!(off.unset.contains(&"VIRTUAL_ENV".to_owned()));
    }

    #[test]
    fn prompt_text_has_no_control_characters() {
        let request = Request::Activate {
            env: env("/p/a"),
            prompt: Some("x\ny\u{1b}".into()),
            origin: Origin::Manual,
        };
        let t = plan(&request, &vars(&[])).unwrap();
        assert_eq!(t.prompt.text.as_deref(), Some("x?y?"));
    }

    #[test]
    fn disable_prompt_truth_table() {
        for (value, disabled) in [
            (None, false),
            (Some(""), false),
            (Some("0"), false),
            (Some("False"), false),
            (Some("1"), true),
            (Some("yes"), true),
        ] {
            assert_eq!(prompt_disabled(value), disabled, "{value:?}");
        }
    }

    #[test]
    fn path_change_removes_first_occurrence_only() {
        let change = PathChange {
            remove: Some("/e/bin".into()),
            prepend: None,
        };
        let apply = |change: &PathChange, path: &str| change.apply(Some(OsStr::new(path)), ':');
        assert_eq!(apply(&change, "/u:/e/bin:/x:/e/bin"), "/u:/x:/e/bin");
        assert_eq!(apply(&change, "/e/bin"), "");
        let add = PathChange {
            remove: None,
            prepend: Some("/e/bin".into()),
        };
        assert_eq!(apply(&add, ""), "/e/bin");
        assert_eq!(add.apply(None, ':'), "/e/bin");
        assert_eq!(apply(&add, "a::b"), "/e/bin:a::b");
    }

    #[cfg(unix)]
    #[test]
    fn path_entries_that_are_not_utf8_are_carried_byte_for_byte() {
        use std::os::unix::ffi::OsStrExt;
        let path = OsStr::from_bytes(b"/caf\xe9/bin:/e/bin:/usr/bin");
        let change = PathChange {
            remove: Some("/e/bin".into()),
            prepend: Some("/n/bin".into()),
        };
        assert_eq!(
            change.apply(Some(path), ':').as_bytes(),
            b"/n/bin:/caf\xe9/bin:/usr/bin"
        );
    }
}
