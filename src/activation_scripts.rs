//! The activation scripts `venvsh create` writes into `bin/`, for people without venvsh.
//!
//! `activate` (bash, zsh, dash, ksh), `activate.fish`, `activate.csh`, `Activate.ps1`,
//! `activate.nu`, `activate.bat` and `deactivate.bat` carry all their logic: nothing in
//! them runs venvsh. They are rendered from the same templates as `venvsh activate`
//! (`shells/<shell>/changes.*` and `prompt.*`, included by `shells/<shell>/standalone.*`)
//! and quoted by the same module, [`crate::shell::quote`].
//!
//! What the scripts do, in every shell (CPython's `activate` semantics, made surgical):
//! - Activation first runs `deactivate nondestructive` (or its equivalent), which undoes
//!   the activation in force, whichever environment it belongs to.
//! - It saves `PYTHONHOME`, if set, in the shell-local `_OLD_VIRTUAL_PYTHONHOME`, unsets
//!   it, sets `VIRTUAL_ENV` and `VIRTUAL_ENV_PROMPT`, and puts `bin` first on PATH.
//! - The prompt gets `(name) ` unless `VIRTUAL_ENV_DISABLE_PROMPT` is set to anything but
//!   empty, `0` or `false` (checked when the script runs, since it is written once).
//! - `deactivate` removes the first occurrence of `$VIRTUAL_ENV/bin` from PATH (so PATH
//!   edits made while active survive, and switching from another environment's script
//!   drops that one's entry), restores `PYTHONHOME`, unsets the variables, puts the prompt
//!   back, and removes itself. It also unsets `VENVSH_STATE`, which the scripts never set:
//!   sourcing one over a `venvsh activate` leaves no stale state behind.
//!
//! A script whose values its shell cannot represent (for instance `activate.bat` for a
//! non-ASCII path) is not written: it is returned in [`Standalone::omitted`] with the
//! reason, and `venvsh create` prints a warning. No broken or placeholder script is
//! ever written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use askama::Template;

use crate::environment::Environment;
use crate::shell::Shell;
use crate::shell::quote::Unrepresentable;
use crate::state::{Origin, STATE_VAR};
use crate::templates::{View, filters};
use crate::transition::{
    self, PYTHONHOME, PathChange, PromptChange, Request, Transition, VIRTUAL_ENV,
    VIRTUAL_ENV_PROMPT,
};

/// The scripts for one environment: those written, and those left out with the reason.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standalone {
    /// `(file name in bin/, contents)`.
    pub scripts: Vec<(String, String)>,
    pub omitted: Vec<Omitted>,
}

/// A script that is not written, because its shell cannot represent a value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file} not written: {reason}")]
pub struct Omitted {
    pub file: &'static str,
    pub reason: Unrepresentable,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("the path {} is not valid UTF-8", .0.display())]
    NotUtf8(PathBuf),
    /// A template failed for a reason other than a value: a bug in venvsh.
    #[error("could not render {file}: {message}")]
    Render { file: &'static str, message: String },
}

/// The activation scripts of the environment at `env_root` (its final location), whose
/// scripts directory is `bin_dir`, showing `prompt`.
pub fn standalone(env_root: &Path, bin_dir: &Path, prompt: &str) -> Result<Standalone, Error> {
    let utf8 = |p: &Path| {
        p.to_str()
            .map(str::to_owned)
            .ok_or_else(|| Error::NotUtf8(p.to_owned()))
    };
    let env = Environment {
        root: utf8(env_root)?,
        bin: utf8(bin_dir)?,
        prompt: prompt.to_owned(),
    };
    let bin_name = bin_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "bin".to_owned());
    let (on, off) = transitions(env);
    let parts = Parts {
        on: &on,
        off: &off,
        bin_name: &bin_name,
    };

    let mut result = Standalone::default();
    let renderers: [(&'static str, Renderer); 7] = [
        ("activate", render_sh),
        ("activate.fish", render_fish),
        ("activate.csh", render_csh),
        ("Activate.ps1", render_powershell),
        ("activate.nu", render_nu),
        ("activate.bat", render_activate_bat),
        ("deactivate.bat", render_deactivate_bat),
    ];
    for (file, render) in renderers {
        match render(&parts) {
            Ok(text) => result.scripts.push((file.to_owned(), text)),
            Err(askama::Error::Custom(inner)) => match inner.downcast::<Unrepresentable>() {
                Ok(reason) => result.omitted.push(Omitted {
                    file,
                    reason: *reason,
                }),
                Err(other) => {
                    return Err(Error::Render {
                        file,
                        message: other.to_string(),
                    });
                }
            },
            Err(other) => {
                return Err(Error::Render {
                    file,
                    message: other.to_string(),
                });
            }
        }
    }
    Ok(result)
}

type Renderer = fn(&Parts<'_>) -> askama::Result<String>;

struct Parts<'a> {
    on: &'a Transition,
    off: &'a Transition,
    /// The scripts directory's name (`bin`), appended to `$VIRTUAL_ENV` by `deactivate`.
    bin_name: &'a str,
}

/// The activation, as `venvsh activate` plans it in a shell where nothing is active, less
/// `VENVSH_STATE`; and the static part of deactivation (PATH and PYTHONHOME are done at
/// run time, from `$VIRTUAL_ENV` and `_OLD_VIRTUAL_PYTHONHOME`).
fn transitions(env: Environment) -> (Transition, Transition) {
    let request = Request::Activate {
        env,
        prompt: None,
        origin: Origin::Manual,
    };
    let mut on = transition::plan(&request, &|_| None).expect("activation always plans");
    on.set.remove(STATE_VAR);
    // Shown or not is decided when the script runs.
    on.prompt.show = true;
    let off = Transition {
        version: on.version,
        action: transition::Action::Deactivate,
        env: None,
        unset: vec![
            VIRTUAL_ENV.to_owned(),
            VIRTUAL_ENV_PROMPT.to_owned(),
            STATE_VAR.to_owned(),
        ],
        set: BTreeMap::new(),
        path: PathChange::default(),
        prompt: PromptChange {
            show: false,
            text: None,
        },
    };
    debug_assert!(on.unset.iter().any(|n| n == PYTHONHOME));
    (on, off)
}

fn view(shell: Shell) -> View<'static> {
    View {
        shell,
        exe: "",
        transition: None,
        define_functions: false,
        hook: false,
        auto: false,
        path_after: None,
    }
}

// ---- bash, zsh, dash, ksh ----------------------------------------------------------

#[derive(Template)]
#[template(path = "sh/standalone.sh", escape = "none")]
struct ShScript<'a> {
    view: &'a View<'a>,
    on: &'a Transition,
    off: &'a Transition,
    bin_name: &'a str,
    zsh_on: String,
    zsh_off: String,
}

#[derive(Template)]
#[template(path = "sh/standalone_on.sh", escape = "none")]
struct ShOn<'a> {
    view: &'a View<'a>,
    t: &'a Transition,
}

#[derive(Template)]
#[template(path = "sh/standalone_off.sh", escape = "none")]
struct ShOff<'a> {
    view: &'a View<'a>,
    t: &'a Transition,
    bin_name: &'a str,
}

fn render_sh(parts: &Parts<'_>) -> askama::Result<String> {
    let zsh = view(Shell::Zsh);
    let zsh_on = ShOn {
        view: &zsh,
        t: parts.on,
    }
    .render()?;
    let zsh_off = ShOff {
        view: &zsh,
        t: parts.off,
        bin_name: parts.bin_name,
    }
    .render()?;
    ShScript {
        view: &view(Shell::Sh),
        on: parts.on,
        off: parts.off,
        bin_name: parts.bin_name,
        zsh_on: zsh_on.trim_start().to_owned() + "\n",
        zsh_off: zsh_off.trim_start().to_owned() + "\n",
    }
    .render()
    .map(|s| s + "\n")
}

// ---- fish --------------------------------------------------------------------------

#[derive(Template)]
#[template(path = "fish/standalone.fish", escape = "none")]
struct FishScript<'a> {
    on: &'a Transition,
    off: &'a Transition,
    bin_name: &'a str,
}

fn render_fish(parts: &Parts<'_>) -> askama::Result<String> {
    FishScript {
        on: parts.on,
        off: parts.off,
        bin_name: parts.bin_name,
    }
    .render()
    .map(|s| s + "\n")
}

// ---- tcsh, csh ---------------------------------------------------------------------

#[derive(Template)]
#[template(path = "csh/standalone.csh", escape = "none")]
struct CshScript<'a> {
    view: &'a View<'a>,
    on: &'a Transition,
    bin: &'a str,
    /// The body of the `deactivate` alias: one line of csh.
    deactivate: String,
}

#[derive(Template)]
#[template(path = "csh/standalone_off.csh", escape = "none")]
struct CshOff<'a> {
    view: &'a View<'a>,
    t: &'a Transition,
    bin_name: &'a str,
}

fn render_csh(parts: &Parts<'_>) -> askama::Result<String> {
    let csh = view(Shell::Tcsh);
    let off = CshOff {
        view: &csh,
        t: parts.off,
        bin_name: parts.bin_name,
    }
    .render()?;
    // Every statement ends in `;`, so the lines join into one alias body.
    let deactivate = off
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let bin = parts.on.path.prepend.as_deref().unwrap_or_default();
    CshScript {
        view: &csh,
        on: parts.on,
        bin,
        deactivate,
    }
    .render()
    .map(|s| s + "\n")
}

// ---- PowerShell --------------------------------------------------------------------

#[derive(Template)]
#[template(path = "powershell/standalone.ps1", escape = "none")]
struct PowershellScript<'a> {
    on: &'a Transition,
    off: &'a Transition,
    bin_name: &'a str,
}

fn render_powershell(parts: &Parts<'_>) -> askama::Result<String> {
    PowershellScript {
        on: parts.on,
        off: parts.off,
        bin_name: parts.bin_name,
    }
    .render()
    .map(|s| s + "\n")
}

// ---- nushell -----------------------------------------------------------------------

#[derive(Template)]
#[template(path = "nu/standalone.nu", escape = "none")]
struct NuScript<'a> {
    on: &'a Transition,
}

fn render_nu(parts: &Parts<'_>) -> askama::Result<String> {
    NuScript { on: parts.on }.render().map(|s| s + "\n")
}

// ---- cmd.exe -----------------------------------------------------------------------

#[derive(Template)]
#[template(path = "cmd/standalone_activate.bat", escape = "none")]
struct ActivateBat<'a> {
    on: &'a Transition,
}

#[derive(Template)]
#[template(path = "cmd/standalone_deactivate.bat", escape = "none")]
struct DeactivateBat<'a> {
    off: &'a Transition,
}

fn render_activate_bat(parts: &Parts<'_>) -> askama::Result<String> {
    // deactivate.bat is called first, so activate.bat is only useful with it.
    render_deactivate_bat(parts)?;
    ActivateBat { on: parts.on }
        .render()
        .map(|s| crate::shell::cmd::crlf(&(s + "\n")))
}

/// cmd cannot safely look for a PATH entry read at run time (`%PATH:x=y%` with `x` from a
/// variable re-parses it), so deactivate.bat removes this environment's own entry.
fn render_deactivate_bat(parts: &Parts<'_>) -> askama::Result<String> {
    let mut off = parts.off.clone();
    off.path.remove = parts.on.path.prepend.clone();
    DeactivateBat { off: &off }
        .render()
        .map(|s| crate::shell::cmd::crlf(&(s + "\n")))
}
