//! nushell cannot evaluate text, so its activation is the JSON transition, applied by the
//! `venvsh` command that the hook defines (`load-env`, `hide-env`).

use askama::Template;

use super::completions::{self, Spec};
use super::quote::{self, Unrepresentable, filters};
use super::{CompletionScript, Dialect, Hook, RcFile, ShellEnv};
use crate::decide::transition::{StandalonePlan, Transition};

pub struct Nu;

#[derive(Template)]
#[template(path = "nu/hook.nu", escape = "none")]
struct HookScript<'a> {
    exe: &'a str,
    auto: bool,
}

/// `bin/activate.nu`, a module for `overlay use`.
#[derive(Template)]
#[template(path = "nu/standalone.nu", escape = "none")]
struct StandaloneScript<'a> {
    on: &'a Transition,
}

/// Inserted at the top of clap's completions module: the store names completer.
#[derive(Template)]
#[template(path = "nu/completions.nu", escape = "none")]
struct Completions;

fn completion_script(cli: &clap::Command, spec: &Spec) -> askama::Result<String> {
    let text = completions::generated(clap_complete_nushell::Nushell, cli, &spec.bin);
    let text = completions::replace_exactly(
        &text,
        "    env?: path ",
        "    env?: path@\"nu-complete venvsh envs\" ",
        // clap_complete_nushell writes nothing for an alias.
        spec.env_commands
            .iter()
            .filter(|c| !spec.aliases.contains(c))
            .count(),
    )?;
    let module = "module completions {\n";
    let completer = Completions.render()? + "\n\n";
    completions::replace_exactly(&text, module, &format!("{module}{completer}"), 1)
}

impl Dialect for Nu {
    fn process_names(&self) -> &'static [&'static str] {
        &["nu"]
    }

    fn program(&self) -> &'static str {
        "nu"
    }

    fn apply(&self, t: &Transition, _: &ShellEnv<'_>) -> askama::Result<String> {
        // The hook prepends this entry to the PATH list, which nushell joins with the
        // host's separator for external commands: refuse what would split it.
        if let Some(entry) = &t.path.prepend {
            quote::nu_path_element(entry).map_err(askama::Error::custom)?;
        }
        serde_json::to_string(t)
            .map(|json| json + "\n")
            .map_err(askama::Error::custom)
    }

    /// `deactivate` comes from the hook: nushell has no way to define it from output.
    fn activate(&self, t: &Transition, _exe: &str, env: &ShellEnv<'_>) -> askama::Result<String> {
        self.apply(t, env)
    }

    fn hook(&self, hook: &Hook<'_>) -> askama::Result<String> {
        HookScript {
            exe: hook.exe,
            auto: hook.auto,
        }
        .render()
    }

    fn bin_scripts(&self, plan: &StandalonePlan) -> Vec<(&'static str, askama::Result<String>)> {
        let script = StandaloneScript { on: &plan.on };
        vec![("activate.nu", script.render().map(|s| s + "\n"))]
    }

    fn rc_file(&self) -> Option<RcFile> {
        Some(RcFile::config("nushell/config.nu"))
    }

    /// nushell cannot evaluate text, but it sources every file in its autoload directory
    /// after config.nu: the line writes the hook there at each start, so it stays current.
    fn rc_line(&self, program: &str) -> Result<String, Unrepresentable> {
        Ok(format!(
            "mkdir ($nu.user-autoload-dirs | first); {} hook nu | save -f ($nu.user-autoload-dirs | first | path join venvsh.nu)",
            quote::nu_program(program)?
        ))
    }

    fn eval_line(&self, _: &str, _: &[&str]) -> Option<Result<String, Unrepresentable>> {
        None
    }

    fn completions(&self) -> Option<CompletionScript> {
        Some(completion_script)
    }
}
