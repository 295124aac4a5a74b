//! bash, zsh and POSIX sh (dash, ksh) share one template; zsh differs only in how it
//! draws the prompt (`psvar`, since `%` escapes are live in zsh prompts).

crate::templates::shell_templates!("sh/transition.sh", "sh/hook.sh");
