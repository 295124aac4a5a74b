//! Writing to the user: code and answers on stdout, errors on stderr.
//!
//! `error:`, `warning:` and `hint:` are coloured as clap colours its own messages
//! (`error:` red and bold, tips green), when stderr is a terminal and the environment
//! allows colour (`NO_COLOR`, `CLICOLOR`, `CLICOLOR_FORCE`, `TERM=dumb`; the same rules
//! clap follows); never otherwise.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;

use crate::error::{Hint, SilentExit};
use crate::shell::quote::{visible_line, visible_text};

/// Write `text` to stdout. Code meant for `eval` is built whole before this is called,
/// so a failure leaves stdout empty.
pub fn print(text: &str) -> anyhow::Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`venvsh hook bash | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("could not write to stdout"),
    }
}

/// Write text for a person to stdout (`which`, `status`, `list`): its lines as they are,
/// any other control character shown as an escape.
pub fn print_human(text: &str) -> anyhow::Result<ExitCode> {
    print(&visible_text(text))
}

/// A line for the person at the terminal, on stderr (stdout is for what they asked for):
/// progress, notices, confirmations. Control characters are shown as escapes.
pub fn say(line: impl std::fmt::Display) {
    let _ = writeln!(
        std::io::stderr().lock(),
        "{}",
        visible_line(&line.to_string())
    );
}

/// `-q` or the config's `quiet`: informational lines are left out.
static QUIET: AtomicBool = AtomicBool::new(false);

/// Leave out informational lines from now on (`-q`, or `quiet` in the config).
pub fn set_quiet() {
    QUIET.store(true, Ordering::Relaxed);
}

pub fn is_quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// A line saying what was done (created, removed, allowed), unless quiet.
pub fn inform(line: impl std::fmt::Display) {
    if !QUIET.load(Ordering::Relaxed) {
        say(line);
    }
}

/// Whether stdout is a terminal, where no shell reads what venvsh prints.
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// The label of a message line, as clap styles its own.
#[derive(Clone, Copy)]
enum Label {
    Error,
    Warning,
    Hint,
}

impl Label {
    fn text(self) -> &'static str {
        match self {
            Self::Error => "error:",
            Self::Warning => "warning:",
            Self::Hint => "hint:",
        }
    }

    /// clap's `error` style, its `valid` style (which its `tip:` uses), and yellow for
    /// warnings, clap's `invalid` colour, in bold as for errors.
    fn style(self) -> anstyle::Style {
        use anstyle::{AnsiColor, Style};
        match self {
            Self::Error => Style::new().fg_color(Some(AnsiColor::Red.into())).bold(),
            Self::Warning => Style::new().fg_color(Some(AnsiColor::Yellow.into())).bold(),
            Self::Hint => Style::new().fg_color(Some(AnsiColor::Green.into())),
        }
    }

    /// The label, coloured when stderr takes colour.
    fn shown(self) -> String {
        let colour = anstream::AutoStream::choice(&std::io::stderr());
        if colour == anstream::ColorChoice::Never {
            return self.text().to_owned();
        }
        let style = self.style();
        format!("{style}{}{style:#}", self.text())
    }
}

/// `label text` on stderr, as one line: any newline in it is shown as `\n`.
fn labelled(label: Label, text: &str) {
    let _ = writeln!(
        std::io::stderr().lock(),
        "{} {}",
        label.shown(),
        visible_line(text)
    );
}

/// A hint on stderr; its lines after the first are indented under the first. Hints put
/// values in through [`crate::shell::quote::ForHumans`], which escapes their newlines,
/// so every newline left is the hint's own.
fn hint_lines(text: &str) {
    let label = Label::Hint;
    let indent = " ".repeat(label.text().len() + 1);
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i == 0 {
            out.push_str(&format!("{} {}\n", label.shown(), visible_line(line)));
        } else {
            out.push_str(&format!("{indent}{}\n", visible_line(line)));
        }
    }
    let _ = std::io::stderr().lock().write_all(out.as_bytes());
}

/// `warning: …` on stderr.
pub fn warn(line: impl std::fmt::Display) {
    labelled(Label::Warning, &line.to_string());
}

/// A question on stderr, the answer to come on the same line.
pub fn ask(question: impl std::fmt::Display) {
    let mut stderr = std::io::stderr().lock();
    let _ = write!(stderr, "{}", visible_line(&question.to_string()));
    let _ = stderr.flush();
}

/// Print `error`, its causes and any hint to stderr; never to stdout, which `eval` reads.
/// Messages carry paths a repository chose, so each line goes through [`visible_line`].
pub fn report(error: &anyhow::Error) -> ExitCode {
    if let Some(silent) = error.downcast_ref::<SilentExit>() {
        return ExitCode::from(silent.code);
    }
    // Whoever read our output stopped (`venvsh list | head`): not worth a message, as
    // in ripgrep, wherever in venvsh the write failed.
    let broken_pipe = error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    });
    if broken_pipe {
        return ExitCode::SUCCESS;
    }
    labelled(Label::Error, &error.to_string());
    for cause in error.chain().skip(1) {
        say(format_args!("  caused by: {cause}"));
    }
    if let Some(hint) = find_hint(error) {
        hint_lines(&hint);
    }
    ExitCode::FAILURE
}

/// The first hint any error in the chain carries.
fn find_hint(error: &anyhow::Error) -> Option<String> {
    fn hint_of<E: Hint + std::error::Error + 'static>(
        cause: &(dyn std::error::Error + 'static),
    ) -> Option<String> {
        cause.downcast_ref::<E>().and_then(Hint::hint)
    }
    error.chain().find_map(|cause| {
        hint_of::<crate::project::environment::Error>(cause)
            .or_else(|| hint_of::<crate::shell::quote::Unrepresentable>(cause))
            .or_else(|| hint_of::<crate::shell::RenderError>(cause))
            .or_else(|| hint_of::<super::detect::DetectError>(cause))
            .or_else(|| hint_of::<crate::venv::Error>(cause))
            .or_else(|| hint_of::<crate::project::store::Error>(cause))
            .or_else(|| hint_of::<crate::project::config::Error>(cause))
            .or_else(|| hint_of::<crate::decide::trust::Error>(cause))
            .or_else(|| hint_of::<super::context::VarNotUtf8>(cause))
            .or_else(|| hint_of::<crate::project::read::Error>(cause))
            .or_else(|| hint_of::<super::setup::NotRun>(cause))
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every line venvsh writes goes through this module, which escapes what a terminal
    /// would hide: no printing macro anywhere else.
    #[test]
    fn nothing_else_prints() {
        let mut offenders = Vec::new();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut dirs = vec![src];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                if path.ends_with("commands/output.rs")
                    || path.extension().is_none_or(|e| e != "rs")
                {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for (n, line) in text.lines().enumerate() {
                    let code = line.trim_start();
                    if code.starts_with("//") {
                        continue;
                    }
                    let printing = ["println!(", "print!(", "stdout()", "stderr()"];
                    // Handing our stderr to a child (pip's own output) prints nothing here.
                    let to_child = code.contains(".stdout(std::io::stderr())");
                    if printing.iter().any(|p| code.contains(p)) && !to_child {
                        offenders.push(format!("{}:{}: {code}", path.display(), n + 1));
                    }
                }
            }
        }
        assert!(
            offenders.is_empty(),
            "printing outside commands/output.rs:\n{}",
            offenders.join("\n")
        );
    }
}
