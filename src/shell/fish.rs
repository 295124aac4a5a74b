//! fish: PATH is a list, single quotes have escapes, and the prompt is a function,
//! so activation wraps `fish_prompt` instead of editing a string.

crate::templates::shell_templates!("fish/transition.fish", "fish/hook.fish");
