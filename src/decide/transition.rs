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
    PYTHONHOME, VENVSH_OFF, VENVSH_STATE, VIRTUAL_ENV, VIRTUAL_ENV_DISABLE_PROMPT,
    VIRTUAL_ENV_PROMPT,
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
    /// `here`: the environment of the project the user is in, which the hook then leaves
    /// alone until they leave that project or activate by hand (issue 11, item 4).
    Deactivate { here: Option<String> },
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
    /// Set when the transition changes the activation: another tool's activation (a
    /// standard `activate` script) is taken down first. `None`: the transition only
    /// restores what venvsh's own activation needs, or remembers something.
    pub other: Option<Other>,
}

/// Another tool's activation, taken down before venvsh changes its own. Its `activate`
/// script defined a `deactivate` that alone knows what it saved (PATH, the prompt), so
/// the shell runs that one first, as `deactivate nondestructive` (python -m venv,
/// virtualenv and uv all take it), when it still has it. `env` and `path_entry` name the
/// activation venvsh sees (`VIRTUAL_ENV` is not venvsh's own): where the shell has no
/// such `deactivate` (a child shell), it removes the entry itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Other {
    pub env: Option<String>,
    pub path_entry: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Activate,
    Deactivate,
}

impl Transition {
    /// The PATH entry of another tool's activation this transition takes down, which a
    /// shell removes itself when that tool's `deactivate` is not there to.
    pub fn other_entry(&self) -> Option<&str> {
        self.other.as_ref()?.path_entry.as_deref()
    }

    pub fn changes_path(&self) -> bool {
        self.other_entry().is_some() || self.path.remove.is_some() || self.path.prepend.is_some()
    }

    /// PATH after this transition, for shells whose PATH venvsh computes (csh, Clink):
    /// another tool's entry removed, then [`PathChange::apply`]. `None`: PATH stays.
    pub fn path_after(&self, path: Option<&OsStr>, separator: char) -> Option<OsString> {
        if !self.changes_path() {
            return None;
        }
        let without_other = self.other_entry().map(|entry| {
            PathChange {
                remove: Some(entry.to_owned()),
                prepend: None,
            }
            .apply(path, separator)
        });
        Some(
            self.path
                .apply(without_other.as_deref().or(path), separator),
        )
    }
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
    let layers = layers(var);

    // Start from the environment as it was before the activations in force: venvsh's
    // saved values, and another tool's variables gone (its `deactivate` restores the rest).
    let mut before: BTreeMap<String, Option<String>> =
        MANAGED.iter().map(|n| (n.to_string(), var(n))).collect();
    let mut path = PathChange::default();
    if layers.other.is_some() {
        before.insert(VIRTUAL_ENV.into(), None);
        before.insert(VIRTUAL_ENV_PROMPT.into(), None);
    }
    if let Some(state) = &layers.own {
        for (name, value) in &state.saved {
            before.insert(name.clone(), value.clone());
        }
        path.remove = Some(state.path_entry.clone());
    }
    let other = Some(Other {
        env: layers.other.as_ref().map(|o| o.env.clone()),
        path_entry: layers.other.as_ref().map(|o| o.path_entry.clone()),
    });
    let disabled = prompt_disabled(var(VIRTUAL_ENV_DISABLE_PROMPT).as_deref());

    let (after, state, prompt, env, action) = match request {
        Request::Deactivate { .. } if layers.own.is_none() && layers.other.is_none() => {
            return Err(Error::NothingActive);
        }
        // Another tool's activation on top of venvsh's: only it goes, as its own
        // `deactivate` does, and venvsh's is in force again.
        Request::Deactivate { .. } if layers.other.is_some() && layers.own.is_some() => {
            let own = layers.own.clone().expect("checked");
            let mut after: BTreeMap<String, Option<String>> =
                MANAGED.iter().map(|n| (n.to_string(), var(n))).collect();
            after.insert(VIRTUAL_ENV.into(), Some(own.env.clone()));
            after.insert(VIRTUAL_ENV_PROMPT.into(), Some(own.prompt_text()));
            path.remove = None;
            let prompt = PromptChange {
                show: !disabled,
                text: Some(own.prompt_text()),
            };
            let env = Some(own.env.clone());
            (after, Some(own), prompt, env, Action::Deactivate)
        }
        Request::Deactivate { .. } => {
            let prompt = PromptChange {
                show: false,
                text: None,
            };
            let mut after = before.clone();
            if layers.own.is_none() {
                // Another tool's alone: its deactivate puts back its PYTHONHOME, which
                // venvsh cannot see; leave it to that.
                after.remove(PYTHONHOME);
            }
            (after, None, prompt, None, Action::Deactivate)
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
            let mut state =
                ActivationState::new(env.root.clone(), env.bin.clone(), before.clone(), *origin);
            state.prompt = Some(text.clone());
            (
                after,
                Some(state),
                PromptChange {
                    show: !disabled,
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
    match &state {
        Some(state) => {
            set.insert(VENVSH_STATE.into(), state.encode());
        }
        None => unset.push(VENVSH_STATE.into()),
    }
    // What the user deactivated in, the hook leaves alone; any activation re-arms it.
    match (request, &state) {
        (Request::Deactivate { here: Some(here) }, None) => {
            set.insert(VENVSH_OFF.into(), here.clone());
        }
        (Request::Deactivate { .. }, Some(_)) => {}
        _ => {
            if var(VENVSH_OFF).is_some() {
                unset.push(VENVSH_OFF.into());
            }
        }
    }
    Ok(Transition {
        version: FORMAT_VERSION,
        action,
        env,
        unset,
        set,
        path,
        prompt,
        other,
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
    /// For an environment at a Windows path (`C:\…`, `\\server\…`): how the POSIX
    /// shells' scripts activate it; `None` on Unix.
    pub windows: Option<WindowsPosix>,
}

/// Activation by a POSIX shell on Windows (Git Bash, MSYS2, Cygwin). Such a shell names
/// `C:\env` by its own mount table (`/c/env`, `/cygdrive/c/env`, or `/env` under an
/// MSYS2 root), so the script converts `root` with `cygpath` when sourced, as CPython's
/// `activate` does since 3.12 (cpython gh-103088), and puts `$VIRTUAL_ENV/<bin_name>` on
/// PATH. `on` is the plan's `on` without the `VIRTUAL_ENV` and PATH those two lines set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WindowsPosix {
    pub on: Transition,
    /// The environment's Windows path, the value `cygpath` converts.
    pub root: String,
}

/// A drive-letter (`C:\`, `C:/`) or UNC (`\\server\share`) path: an environment on Windows.
fn is_windows_path(path: &str) -> bool {
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 3
        && bytes[0].is_ascii_alphabetic()
        && bytes[1] == b':'
        && matches!(bytes[2], b'\\' | b'/');
    drive || path.starts_with(r"\\")
}

pub fn standalone(env: &Environment) -> StandalonePlan {
    let request = Request::Activate {
        env: env.clone(),
        prompt: None,
        origin: Origin::Manual,
    };
    let mut on = plan(&request, &|_| None).expect("activating with nothing active always plans");
    on.set.remove(VENVSH_STATE);
    // The scripts undo whatever is in force with their own `deactivate nondestructive`.
    on.other = None;
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
        other: None,
    };
    // A Windows path is split on `\` as well, so it reads the same when venvsh runs
    // on Unix (the tests render Windows environments there).
    let bin_name = if is_windows_path(&env.bin) {
        env.bin.rsplit(['\\', '/']).next().map(str::to_owned)
    } else {
        std::path::Path::new(&env.bin)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
    }
    .filter(|n| !n.is_empty())
    .unwrap_or_else(|| "bin".to_owned());
    let windows = is_windows_path(&env.root).then(|| {
        let mut on = on.clone();
        on.set.remove(VIRTUAL_ENV);
        on.path.prepend = None;
        WindowsPosix {
            on,
            root: env.root.clone(),
        }
    });
    StandalonePlan {
        on,
        off,
        own_entry: env.bin.clone(),
        bin_name,
        windows,
    }
}

/// For a shell that inherited an activation (variables, but not the prompt): the
/// transition that only puts the prompt back. `None` when nothing is active or the
/// prompt is disabled.
pub fn resume(var: &dyn Fn(&str) -> Option<String>) -> Option<Transition> {
    let state = layers(var).own?;
    if prompt_disabled(var(VIRTUAL_ENV_DISABLE_PROMPT).as_deref()) {
        return None;
    }
    Some(Transition {
        version: FORMAT_VERSION,
        action: Action::Activate,
        env: Some(state.env.clone()),
        unset: Vec::new(),
        set: BTreeMap::new(),
        path: PathChange::default(),
        prompt: PromptChange {
            show: true,
            text: Some(sanitize_prompt(
                &match (&state.prompt, var(VIRTUAL_ENV_PROMPT)) {
                    (Some(text), _) => text.clone(),
                    (None, Some(text)) => text,
                    (None, None) => state.prompt_text(),
                },
            )),
        },
        other: None,
    })
}

/// The activations in force, as the variables show them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layers {
    /// venvsh's own (`VENVSH_STATE`).
    pub own: Option<ActivationState>,
    /// Another tool's `activate` script, alone or sourced after venvsh's: `VIRTUAL_ENV`
    /// names an environment that is not venvsh's.
    pub other: Option<OtherActivation>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherActivation {
    pub env: String,
    pub path_entry: String,
}

impl Layers {
    /// The environment whose `bin` should come first on PATH: the top one.
    pub fn top(&self) -> Option<&str> {
        match (&self.other, &self.own) {
            (Some(other), _) => Some(&other.env),
            (None, Some(own)) => Some(&own.env),
            (None, None) => None,
        }
    }
}

/// Read the activations in force from the variables. `VIRTUAL_ENV` unset while venvsh's
/// state is there means another tool's `deactivate` took it (and its own layer) away:
/// venvsh's activation is still the one in force.
pub fn layers(var: &dyn Fn(&str) -> Option<String>) -> Layers {
    let own = var(VENVSH_STATE)
        .as_deref()
        .and_then(ActivationState::decode);
    let other = var(VIRTUAL_ENV)
        .filter(|v| !v.is_empty())
        .filter(|v| own.as_ref().is_none_or(|own| own.env != *v))
        .map(|env| {
            let path_entry = crate::project::environment::bin_dir(std::path::Path::new(&env))
                .to_string_lossy()
                .into_owned();
            OtherActivation { env, path_entry }
        });
    Layers { own, other }
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
pub(super) mod tests {
    use super::*;

    fn env(root: &str) -> Environment {
        Environment {
            root: root.into(),
            bin: format!("{root}/bin"),
            prompt: root.rsplit('/').next().unwrap().into(),
        }
    }

    /// Variables as the shell would report them; the hook's tests use it too.
    pub(in crate::decide) fn vars(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
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
            &Request::Deactivate { here: None },
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
            plan(&Request::Deactivate { here: None }, &vars(&[])),
            Err(Error::NothingActive)
        );
    }

    #[test]
    fn another_tools_activation_alone_is_taken_down_first() {
        let vars = vars(&[("VIRTUAL_ENV", "/p/x"), ("PYTHONHOME", "/h")]);
        let off = plan(&Request::Deactivate { here: None }, &vars).unwrap();
        let other = off.other.clone().unwrap();
        assert_eq!(other.env.as_deref(), Some("/p/x"));
        assert_eq!(other.path_entry.as_deref(), Some("/p/x/bin"));
        assert_eq!(off.path, PathChange::default());
        assert!(off.unset.contains(&"VIRTUAL_ENV".to_owned()));
        // Its deactivate restores its PYTHONHOME, which venvsh does not know.
        assert!(
            !off.unset.contains(&"PYTHONHOME".to_owned()) && !off.set.contains_key("PYTHONHOME")
        );

        let on = plan(&activate("/p/a"), &vars).unwrap();
        assert_eq!(on.other, Some(other));
        assert_eq!(on.path.prepend.as_deref(), Some("/p/a/bin"));
        assert_eq!(on.path.remove, None);
    }

    /// `venvsh activate A`, then another tool's `source C/bin/activate`.
    fn other_on_top_of_own() -> (Transition, Vec<(&'static str, String)>) {
        let a = plan(&activate("/p/a"), &vars(&[])).unwrap();
        let stacked = vec![
            (VENVSH_STATE, a.set[VENVSH_STATE].clone()),
            ("VIRTUAL_ENV", "/p/c".to_owned()),
            ("VIRTUAL_ENV_PROMPT", "(c) ".to_owned()),
        ];
        (a, stacked)
    }

    fn vars_owned(pairs: &[(&'static str, String)]) -> impl Fn(&str) -> Option<String> {
        let map: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn deactivating_another_tools_activation_on_top_of_venvshs_puts_venvshs_back() {
        let (_, stacked) = other_on_top_of_own();
        let layers = layers(&vars_owned(&stacked));
        assert_eq!(layers.top(), Some("/p/c"));
        assert_eq!(layers.own.as_ref().unwrap().env, "/p/a");
        let off = plan(
            &Request::Deactivate {
                here: Some("/p/a".into()),
            },
            &vars_owned(&stacked),
        )
        .unwrap();
        assert_eq!(off.env.as_deref(), Some("/p/a"));
        assert_eq!(off.other.unwrap().path_entry.as_deref(), Some("/p/c/bin"));
        assert_eq!(off.path, PathChange::default());
        assert_eq!(off.set["VIRTUAL_ENV"], "/p/a");
        assert_eq!(off.set["VIRTUAL_ENV_PROMPT"], "a");
        assert!(off.set.contains_key(VENVSH_STATE) && !off.set.contains_key(VENVSH_OFF));
        assert!(off.prompt.show);
    }

    #[test]
    fn activating_over_another_tool_on_top_of_venvsh_takes_both_down() {
        let (_, stacked) = other_on_top_of_own();
        let b = plan(&activate("/p/b"), &vars_owned(&stacked)).unwrap();
        assert_eq!(b.other.unwrap().env.as_deref(), Some("/p/c"));
        assert_eq!(
            b.path,
            PathChange {
                remove: Some("/p/a/bin".into()),
                prepend: Some("/p/b/bin".into())
            }
        );
        assert_eq!(b.set["VIRTUAL_ENV"], "/p/b");
    }

    #[test]
    fn venvshs_activation_without_virtual_env_is_still_in_force() {
        // Another tool's deactivate unset VIRTUAL_ENV and VIRTUAL_ENV_PROMPT.
        let (a, _) = other_on_top_of_own();
        let after = [(VENVSH_STATE, a.set[VENVSH_STATE].as_str())];
        let layers = layers(&vars(&after));
        assert_eq!(layers.other, None);
        assert_eq!(layers.top(), Some("/p/a"));
        let off = plan(&Request::Deactivate { here: None }, &vars(&after)).unwrap();
        assert_eq!(off.path.remove.as_deref(), Some("/p/a/bin"));
        assert_eq!(off.other, Some(Other::default()));
        let resumed = resume(&vars(&after)).unwrap();
        assert_eq!(resumed.prompt.text.as_deref(), Some("a"));
    }

    #[test]
    fn deactivating_in_a_project_remembers_it_and_activating_forgets() {
        let a = plan(&activate("/p/a"), &vars(&[])).unwrap();
        let active = [(VENVSH_STATE, a.set[VENVSH_STATE].as_str())];
        let off = plan(
            &Request::Deactivate {
                here: Some("/p/.venv".into()),
            },
            &vars(&active),
        )
        .unwrap();
        assert_eq!(off.set[VENVSH_OFF], "/p/.venv");
        let elsewhere = plan(&Request::Deactivate { here: None }, &vars(&active)).unwrap();
        assert!(
            !elsewhere.set.contains_key(VENVSH_OFF)
                && !elsewhere.unset.contains(&VENVSH_OFF.to_owned())
        );
        let paused = [(VENVSH_OFF, "/p/.venv")];
        let on = plan(&activate("/p/a"), &vars(&paused)).unwrap();
        assert!(on.unset.contains(&VENVSH_OFF.to_owned()));
        let on = plan(&activate("/p/a"), &vars(&[])).unwrap();
        assert!(!on.unset.contains(&VENVSH_OFF.to_owned()));
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

    #[test]
    fn windows_paths_are_drive_letters_or_unc() {
        for path in [r"C:\Users\x", "z:/tmp", r"\\server\share\env"] {
            assert!(is_windows_path(path), "{path}");
        }
        for path in ["/home/x/C:\\env", "C:", "C:env", "./C:\\x", "relative"] {
            assert!(!is_windows_path(path), "{path}");
        }
    }

    /// On Windows the POSIX shells' plan leaves VIRTUAL_ENV and the PATH entry to the
    /// script's `cygpath`; every other value is the plan's own.
    #[test]
    fn standalone_on_windows_converts_the_root_at_run_time() {
        let env = Environment {
            root: r"C:\Users\x y\env".into(),
            bin: r"C:\Users\x y\env\Scripts".into(),
            prompt: "env".into(),
        };
        let plan = standalone(&env);
        assert_eq!(plan.bin_name, "Scripts");
        assert_eq!(plan.own_entry, env.bin);
        assert_eq!(plan.on.set[VIRTUAL_ENV], env.root);
        let windows = plan.windows.expect("a Windows root");
        assert_eq!(windows.root, env.root);
        let mut expected = plan.on.clone();
        expected.set.remove(VIRTUAL_ENV);
        expected.path.prepend = None;
        assert_eq!(windows.on, expected);
        assert!(expected.set.contains_key(VIRTUAL_ENV_PROMPT));

        let unix = standalone(&self::env("/home/x/C:\\env"));
        assert_eq!((unix.windows, unix.bin_name.as_str()), (None, "bin"));
    }
}
