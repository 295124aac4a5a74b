//! fish: PATH is a list, single quotes have escapes, and the prompt is a function, so
//! activation wraps `fish_prompt` instead of editing a string.

use askama::Template;

use super::completions::{self, Spec};
use super::quote::{self, Unrepresentable, filters};
use super::{CompletionScript, Dialect, Hook, RcFile, ShellEnv};
use crate::decide::transition::{StandalonePlan, Transition};

pub struct Fish;

#[derive(Template)]
#[template(path = "fish/apply.fish", escape = "none")]
struct ApplyScript<'a> {
    t: &'a Transition,
}

#[derive(Template)]
#[template(path = "fish/activate.fish", escape = "none")]
struct ActivateScript<'a> {
    t: &'a Transition,
    exe: &'a str,
}

#[derive(Template)]
#[template(path = "fish/hook.fish", escape = "none")]
struct HookScript<'a> {
    resume: Option<&'a Transition>,
    exe: &'a str,
    auto: bool,
}

/// `bin/activate.fish`.
#[derive(Template)]
#[template(path = "fish/standalone.fish", escape = "none")]
struct StandaloneScript<'a> {
    on: &'a Transition,
    off: &'a Transition,
    bin_name: &'a str,
    /// On Windows, the path `cygpath` converts to `VIRTUAL_ENV` when sourced.
    windows_root: Option<&'a str>,
}

/// Appended to clap's fish script.
#[derive(Template)]
#[template(path = "fish/completions.fish", escape = "none")]
struct Completions<'a> {
    env_commands: &'a [String],
    name_commands: &'a [String],
}

fn completion_script(cli: &clap::Command, spec: &Spec) -> askama::Result<String> {
    let mut text = completions::generated(clap_complete::Shell::Fish, cli, &spec.bin);
    let extra = Completions {
        env_commands: &spec.env_commands,
        name_commands: &spec.name_commands,
    };
    text.push_str(&(extra.render()? + "\n"));
    Ok(text)
}

impl Dialect for Fish {
    fn process_names(&self) -> &'static [&'static str] {
        &["fish"]
    }

    fn program(&self) -> &'static str {
        "fish"
    }

    fn apply(&self, t: &Transition, _: &ShellEnv<'_>) -> askama::Result<String> {
        ApplyScript { t }.render()
    }

    fn activate(&self, t: &Transition, exe: &str, _: &ShellEnv<'_>) -> askama::Result<String> {
        ActivateScript { t, exe }.render()
    }

    fn hook(&self, hook: &Hook<'_>) -> askama::Result<String> {
        HookScript {
            resume: hook.resume,
            exe: hook.exe,
            auto: hook.auto,
        }
        .render()
    }

    fn bin_scripts(&self, plan: &StandalonePlan) -> Vec<(&'static str, askama::Result<String>)> {
        let (on, windows_root) = match &plan.windows {
            Some(windows) => (&windows.on, Some(windows.root.as_str())),
            None => (&plan.on, None),
        };
        let script = StandaloneScript {
            on,
            off: &plan.off,
            bin_name: &plan.bin_name,
            windows_root,
        };
        vec![("activate.fish", script.render().map(|s| s + "\n"))]
    }

    fn rc_file(&self) -> Option<RcFile> {
        Some(RcFile::config("fish/config.fish"))
    }

    fn rc_line(&self, program: &str) -> Result<String, Unrepresentable> {
        Ok(format!("{} hook fish | source", quote::fish_word(program)?))
    }

    fn eval_line(&self, program: &str, args: &[&str]) -> Option<Result<String, Unrepresentable>> {
        let words: Result<Vec<String>, _> = std::iter::once(program)
            .chain(args.iter().copied())
            .map(quote::fish_word)
            .collect();
        Some(words.map(|words| format!("{} | source", words.join(" "))))
    }

    fn completions(&self) -> Option<CompletionScript> {
        Some(completion_script)
    }
}
