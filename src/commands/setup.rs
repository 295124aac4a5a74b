//! Pointers to the hook, for people: the line that loads it and the file it goes in,
//! for their shell. The lines come from each shell's dialect (`Dialect::rc_line`).

use super::context;
use crate::error::Hint;
use crate::shell::Shell;

/// Where the line that loads the hook goes, and the line, for `shell`, calling venvsh
/// as a person does ([`context::program`]).
pub struct HookLine {
    /// The rc file, as shown to people (`~/.bashrc`); `None` for a shell whose hook is a
    /// file of its own (cmd.exe, Clink), whose line is run once instead.
    pub rc_file: Option<String>,
    pub line: String,
}

pub fn hook_line(shell: Shell) -> anyhow::Result<HookLine> {
    let program = context::program()?;
    let dialect = shell.dialect();
    let line = dialect.rc_line(&program)?;
    let rc_file = dialect
        .rc_file()
        .and_then(|rc| context::rc_path(&rc))
        .map(|path| context::shown_path(&path));
    Ok(HookLine { rc_file, line })
}

impl HookLine {
    /// "add this line to ~/.bashrc: …", or "run once: …".
    pub fn advice(&self) -> String {
        match &self.rc_file {
            Some(file) => format!("add this line to {file}: {}", self.line),
            None => format!("run once: {}", self.line),
        }
    }
}

/// The line that runs `venvsh args…`'s code once in `shell`, without the hook.
pub fn eval_line(shell: Shell, args: &[&str]) -> anyhow::Result<Option<String>> {
    let program = context::program()?;
    Ok(shell.dialect().eval_line(&program, args).transpose()?)
}

/// `venvsh activate` or `deactivate` on a terminal: what it prints is code for a shell
/// to run, and nothing would run it (issue 11, item 7). Like `conda activate` before
/// `conda init`, it fails rather than print code no one runs.
#[derive(Debug, thiserror::Error)]
#[error("`venvsh {verb}` cannot change this shell: venvsh's hook is not loaded here")]
pub struct NotRun {
    pub verb: String,
    /// How to load the hook, or run the code, in the shell found.
    pub how: String,
}

impl Hint for NotRun {
    fn hint(&self) -> Option<String> {
        Some(self.how.clone())
    }
}

/// [`NotRun`] for `verb`, in `shell` when it is known, the command line being `typed`.
pub fn not_run(verb: &str, shell: Option<Shell>, typed: Option<&[String]>) -> NotRun {
    let how = shell
        .and_then(|shell| {
            let hook = hook_line(shell).ok()?;
            let load = match &hook.rc_file {
                Some(file) => {
                    format!("to load it, add this line to {file} and open a new shell:")
                }
                None => "to load it, run this once and open a new shell:".to_owned(),
            };
            let mut how = format!("{load}\n  {}", hook.line);
            let args: Option<Vec<&str>> = typed.map(|t| t.iter().map(String::as_str).collect());
            if let Some(Ok(Some(once))) = args.map(|args| eval_line(shell, &args)) {
                how.push_str(&format!("\nor, for this shell only: {once}"));
            }
            Some(how)
        })
        .unwrap_or_else(|| {
            "load the hook from your shell's rc file: `venvsh hook --help` has the line for \
             every shell"
                .to_owned()
        });
    NotRun {
        verb: verb.to_owned(),
        how,
    }
}
