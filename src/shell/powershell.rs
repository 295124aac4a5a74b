//! PowerShell (Windows PowerShell 5.1 and pwsh 7): verbatim strings, ASCII-only code,
//! and a `prompt` function wrapper installed once.

use askama::Template;

use super::completions::{self, Spec};
use super::quote::{self, Unrepresentable, filters};
use super::{CompletionScript, Dialect, Hook, RcBase, RcFile, ShellEnv};
use crate::decide::transition::{StandalonePlan, Transition};

pub struct PowerShell;

#[derive(Template)]
#[template(path = "powershell/apply.ps1", escape = "none")]
struct ApplyScript<'a> {
    t: &'a Transition,
}

#[derive(Template)]
#[template(path = "powershell/activate.ps1", escape = "none")]
struct ActivateScript<'a> {
    t: &'a Transition,
    exe: &'a str,
}

#[derive(Template)]
#[template(path = "powershell/hook.ps1", escape = "none")]
struct HookScript<'a> {
    resume: Option<&'a Transition>,
    exe: &'a str,
    auto: bool,
}

/// `bin/Activate.ps1`.
#[derive(Template)]
#[template(path = "powershell/standalone.ps1", escape = "none")]
struct StandaloneScript<'a> {
    on: &'a Transition,
    off: &'a Transition,
    bin_name: &'a str,
}

/// Inserted into the case of each command taking an environment.
#[derive(Template)]
#[template(path = "powershell/completions.ps1", escape = "none")]
struct Completions;

fn completion_script(cli: &clap::Command, spec: &Spec) -> askama::Result<String> {
    let text = completions::generated(clap_complete::Shell::PowerShell, cli, &spec.bin);
    // The same call with parentheses: PowerShell runs both alike, and this form is one
    // that parsers other than PowerShell's own (tree-sitter's) accept too.
    let text = completions::replace_exactly(
        &text,
        "$completions.Where{ $_.CompletionText -like \"$wordToComplete*\" }",
        "$completions.Where({ $_.CompletionText -like \"$wordToComplete*\" })",
        1,
    )?;
    let names = Completions.render()? + "\n";
    completions::insert_after_cases(
        &text,
        spec,
        |command| format!("        '{};{command}' {{\n", spec.bin),
        &names,
    )
}

impl Dialect for PowerShell {
    fn process_names(&self) -> &'static [&'static str] {
        &["pwsh", "powershell"]
    }

    fn program(&self) -> &'static str {
        "pwsh"
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
        let script = StandaloneScript {
            on: &plan.on,
            off: &plan.off,
            bin_name: &plan.bin_name,
        };
        vec![("Activate.ps1", script.render().map(|s| s + "\n"))]
    }

    /// `$PROFILE` of PowerShell 7: under the config directory on Linux and macOS, under
    /// Documents on Windows (Windows PowerShell 5.1 reads `WindowsPowerShell\` there).
    fn rc_file(&self) -> Option<RcFile> {
        Some(if cfg!(windows) {
            RcFile {
                base: RcBase::Documents,
                path: "PowerShell/Microsoft.PowerShell_profile.ps1",
                named_by: None,
            }
        } else {
            RcFile::config("powershell/Microsoft.PowerShell_profile.ps1")
        })
    }

    fn rc_line(&self, program: &str) -> Result<String, Unrepresentable> {
        Ok(format!(
            "{} hook powershell | Out-String | Invoke-Expression",
            quote::powershell_program(program)?
        ))
    }

    fn eval_line(&self, program: &str, args: &[&str]) -> Option<Result<String, Unrepresentable>> {
        let line = || -> Result<String, Unrepresentable> {
            let mut words = vec![quote::powershell_program(program)?];
            for arg in args {
                words.push(quote::powershell_word(arg)?);
            }
            Ok(format!(
                "{} | Out-String | Invoke-Expression",
                words.join(" ")
            ))
        };
        Some(line())
    }

    fn completions(&self) -> Option<CompletionScript> {
        Some(completion_script)
    }
}
