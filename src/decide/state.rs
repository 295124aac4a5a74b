//! What activation remembers so that deactivation can undo exactly it.
//!
//! The state travels in one exported variable, [`VENVSH_STATE`](crate::vars::VENVSH_STATE), so that any child
//! shell that loads the hook can deactivate what it inherited. Its value is hex-encoded
//! JSON: opaque, but made only of `[0-9a-f]`, which every shell (cmd.exe included)
//! carries without quoting trouble.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

const FORMAT_VERSION: u32 = 1;

/// Who asked for the activation; the auto-activation hook only undoes its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    #[default]
    Manual,
    Auto,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivationState {
    pub version: u32,
    /// The active environment (`VIRTUAL_ENV`).
    pub env: String,
    /// The PATH entry activation added; deactivation removes its first occurrence.
    pub path_entry: String,
    /// Values the variables activation set or unset had before it (`None`: unset).
    pub saved: BTreeMap<String, Option<String>>,
    #[serde(default)]
    pub origin: Origin,
    /// The name the prompt shows (`VIRTUAL_ENV_PROMPT`), put back when another tool's
    /// `deactivate` unset it (states written before it are read without).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
}

impl ActivationState {
    pub fn new(
        env: String,
        path_entry: String,
        saved: BTreeMap<String, Option<String>>,
        origin: Origin,
    ) -> Self {
        Self {
            version: FORMAT_VERSION,
            env,
            path_entry,
            saved,
            origin,
            prompt: None,
        }
    }

    /// The prompt text of this activation: the one recorded, else the directory's name.
    pub fn prompt_text(&self) -> String {
        self.prompt.clone().unwrap_or_else(|| {
            std::path::Path::new(&self.env)
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
        })
    }

    pub fn encode(&self) -> String {
        let json = serde_json::to_vec(self).expect("state serializes");
        json.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// `None` for anything that is not a state this version wrote.
    pub fn decode(text: &str) -> Option<Self> {
        if !text.len().is_multiple_of(2) {
            return None;
        }
        let bytes: Option<Vec<u8>> = (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
            .collect();
        let state: Self = serde_json::from_slice(&bytes?).ok()?;
        (state.version == FORMAT_VERSION).then_some(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_is_plain_hex() {
        let saved = BTreeMap::from([("PYTHONHOME".to_owned(), Some("/x y\n\"%".to_owned()))]);
        let state = ActivationState::new("/e".into(), "/e/bin".into(), saved, Origin::Auto);
        let text = state.encode();
        assert!(text.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(ActivationState::decode(&text), Some(state));
        assert_eq!(ActivationState::decode("zz"), None);
    }
}
