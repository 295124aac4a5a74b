//! The declared matrix: every shell × mode (× variant) × corpus case is one trial,
//! checked by one driver ([`check`]) that hands the shell-specific part, running the
//! shell's probe file, to [`crate::probes::run_probe`].
//!
//! Adding a shell: a [`Shell`] variant (the compiler then asks for its facts here and
//! its runner in `probes.rs`), its probe file in `tests/shells/probes/`, and its rows in
//! [`MATRIX`].

use std::fs;
use std::path::Path;

use crate::common::harness::{Trial, optional_trial, trial};
use crate::common::{Case, CorpusCase, expected_prompt_text, make_env, run, venvsh};

/// The shells the matrix runs, each as the program that is run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shell {
    Bash,
    Zsh,
    /// POSIX sh, as dash.
    Dash,
    Fish,
    Tcsh,
    Nu,
    /// PowerShell, as pwsh.
    Pwsh,
    /// cmd.exe, under wine.
    Cmd,
    Xonsh,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `venvsh activate ENV --shell X`'s output, applied as the README says.
    Eval,
    /// `venvsh hook X` loaded, then `venvsh activate ENV` and `deactivate`.
    Hook,
    /// The `bin/` script `venvsh create` writes for the environment, with no venvsh on PATH.
    Bin,
}

/// What else tells apart two rows of one shell and mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    Default,
    /// zsh with PROMPT_SUBST and KSH_ARRAYS set.
    PromptSubst,
    /// tcsh: the output saved to a file and `source`d.
    SourceFile,
    /// tcsh: ``eval "`venvsh activate --shell tcsh`"``, which finds the environment
    /// through a PEP 832 `.venv` file (so the command line holds no hostile text).
    Backtick,
    /// nushell: PROMPT_COMMAND before activation is a closure (as in nushell's
    /// default config), a plain string, or not set at all.
    PromptClosure,
    PromptText,
    PromptAbsent,
}

#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub shell: Shell,
    pub mode: Mode,
    pub variant: Variant,
}

const fn row(shell: Shell, mode: Mode, variant: Variant) -> Row {
    Row {
        shell,
        mode,
        variant,
    }
}

use Mode::{Bin, Eval, Hook};
use Shell::{Bash, Cmd, Dash, Fish, Nu, Pwsh, Tcsh, Xonsh, Zsh};
use Variant::{
    Backtick, Default, PromptAbsent, PromptClosure, PromptSubst, PromptText, SourceFile,
};

/// Every row runs over the whole corpus. nushell has no eval (the README's usage is the
/// hook), cmd.exe's hook is Clink's, which `clink.rs` drives, and xonsh has no `bin/`
/// script.
pub const MATRIX: &[Row] = &[
    row(Bash, Eval, Default),
    row(Bash, Hook, Default),
    row(Bash, Bin, Default),
    row(Zsh, Eval, Default),
    row(Zsh, Hook, PromptSubst),
    row(Zsh, Bin, Default),
    row(Zsh, Bin, PromptSubst),
    row(Dash, Eval, Default),
    row(Dash, Hook, Default),
    row(Dash, Bin, Default),
    row(Fish, Eval, Default),
    row(Fish, Hook, Default),
    row(Fish, Bin, Default),
    row(Tcsh, Eval, SourceFile),
    row(Tcsh, Eval, Backtick),
    row(Tcsh, Hook, Default),
    row(Tcsh, Bin, Default),
    row(Nu, Hook, PromptClosure),
    row(Nu, Hook, PromptText),
    row(Nu, Hook, PromptAbsent),
    row(Nu, Bin, PromptClosure),
    row(Pwsh, Eval, Default),
    row(Pwsh, Hook, Default),
    row(Pwsh, Bin, Default),
    row(Cmd, Eval, Default),
    row(Cmd, Bin, Default),
    row(Xonsh, Eval, Default),
    row(Xonsh, Hook, Default),
];

impl Shell {
    /// The name in trial names.
    pub fn name(self) -> &'static str {
        match self {
            Bash => "bash",
            Zsh => "zsh",
            Dash => "dash",
            Fish => "fish",
            Tcsh => "tcsh",
            Nu => "nu",
            Pwsh => "pwsh",
            Cmd => "cmd",
            Xonsh => "xonsh",
        }
    }

    /// The program the trials run (and need).
    pub fn program(self) -> &'static str {
        match self {
            Bash => "bash",
            Zsh => "zsh",
            Dash => "dash",
            Fish => "fish",
            Tcsh => "tcsh",
            Nu => "nu",
            Pwsh => "pwsh",
            Cmd => "wine",
            Xonsh => "xonsh",
        }
    }

    /// A program no test command can install, with what checks its output without it.
    pub fn optional(self) -> Option<&'static str> {
        match self {
            Pwsh => Some("tree-sitter checks its output in powershell::parse"),
            Bash | Zsh | Dash | Fish | Tcsh | Nu | Cmd | Xonsh => None,
        }
    }

    /// The value of `--shell` (and of `venvsh hook`).
    pub fn flag(self) -> &'static str {
        match self {
            Bash => "bash",
            Zsh => "zsh",
            Dash => "sh",
            Fish => "fish",
            Tcsh => "tcsh",
            Nu => "nu",
            Pwsh => "powershell",
            Cmd => "cmd",
            Xonsh => "xonsh",
        }
    }

    /// How venvsh's messages name the shell.
    pub fn message_name(self) -> &'static str {
        match self {
            Bash | Zsh | Dash => "sh",
            Fish => "fish",
            Tcsh => "tcsh",
            Nu => "nushell",
            Pwsh => "PowerShell",
            Cmd => "cmd.exe",
            Xonsh => "xonsh",
        }
    }

    /// The activation script `venvsh create` writes into `bin/` for this shell; a
    /// shell without one has no bin row.
    pub fn bin_script(self) -> Option<&'static str> {
        Some(match self {
            Xonsh => return None,
            Bash | Zsh | Dash => "activate",
            Fish => "activate.fish",
            Tcsh => "activate.csh",
            Nu => "activate.nu",
            Pwsh => "Activate.ps1",
            Cmd => "activate.bat",
        })
    }

    /// The probe file, in `tests/shells/probes/`.
    pub fn probe(self) -> &'static str {
        match self {
            Bash | Zsh | Dash => "posix.sh",
            Fish => "fish.fish",
            Tcsh => "tcsh.csh",
            Nu => "nu.nu",
            Pwsh => "powershell.ps1",
            Cmd => "cmd.bat",
            Xonsh => "xonsh.xsh",
        }
    }

    /// The characters venvsh refuses in an environment path (besides NUL), in `mode`.
    /// cmd.exe's `bin\` scripts search PATH for the entry (`%PATH:;entry;=;%`), which
    /// `%`, `=` and `!` break; venvsh writes PATH whole for cmd (issue 12), where only
    /// `;`, which splits the entry, is refused beyond what any value refuses.
    pub fn refused_in_path(self, mode: Mode) -> &'static [char] {
        match self {
            Tcsh => &[':', '\n', '\r'],
            Cmd if mode == Bin => &[';', '%', '=', '!', '"', '\n', '\r', '\t'],
            Cmd => &[';', '"', '\n', '\r', '\t'],
            Bash | Zsh | Dash | Fish | Nu | Pwsh | Xonsh => &[':'],
        }
    }

    /// Characters refused in any value, prompts included (control characters in
    /// prompts are replaced before they get here).
    pub fn refused_anywhere(self, c: char) -> bool {
        match self {
            Cmd => c == '"' || !c.is_ascii(),
            Bash | Zsh | Dash | Fish | Tcsh | Nu | Pwsh | Xonsh => false,
        }
    }

    /// The characters venvsh must refuse in this environment: it names one of them
    /// (which one depends on the order it writes values in).
    pub fn refusals(self, mode: Mode, dir: &str, prompt: Option<&str>) -> Vec<char> {
        // cmd.exe carries no control character in a value; a prompt's are replaced
        // with `?` before they get there.
        let in_dir = dir.chars().filter(|c| {
            self.refused_in_path(mode).contains(c)
                || self.refused_anywhere(*c)
                || (self == Cmd && c.is_ascii_control())
        });
        let in_prompt = prompt
            .into_iter()
            .flat_map(str::chars)
            .filter(|c| !c.is_control() && self.refused_anywhere(*c));
        // xonsh expands `$NAME`, `${'NAME'}` and `=~` in PATH entries, whatever quoting.
        let expanded = (self == Xonsh).then(|| xonsh_expands(dir)).flatten();
        in_dir.chain(expanded).chain(in_prompt).collect()
    }
}

/// What xonsh 0.25 expands in a PATH entry whenever it reads PATH: `$NAME` and
/// `${'NAME'}` (not `${NAME}`, nor a `$` before anything else), and `~` after `=`.
fn xonsh_expands(dir: &str) -> Option<char> {
    let chars: Vec<char> = dir.chars().collect();
    chars.iter().enumerate().find_map(|(i, c)| {
        let next = chars.get(i + 1).copied();
        let after = chars.get(i + 2).copied();
        match (c, next, after) {
            ('$', Some(n), _) if n == '_' || n.is_alphanumeric() => Some('$'),
            ('$', Some('{'), Some('\'' | '"')) => Some('$'),
            ('=', Some('~'), _) => Some('~'),
            _ => None,
        }
    })
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Eval => "eval",
            Hook => "hook",
            Bin => "bin",
        }
    }
}

impl Variant {
    /// The name in trial names and in the probe's VENVSH_TEST_VARIANT.
    pub fn name(self) -> &'static str {
        match self {
            Default => "default",
            PromptSubst => "prompt_subst",
            SourceFile => "file",
            Backtick => "backtick",
            PromptClosure => "closure",
            PromptText => "text",
            PromptAbsent => "absent",
        }
    }
}

impl Row {
    /// `shell::mode` or `shell::mode+variant`.
    pub fn label(&self) -> String {
        let mut label = format!("{}::{}", self.shell.name(), self.mode.name());
        if self.variant != Default {
            label = format!("{label}+{}", self.variant.name());
        }
        label
    }
}

/// One case, ready for its shell's probe.
pub struct Probe<'a> {
    pub row: Row,
    pub case: &'a Case,
    pub env: &'a Path,
    /// The environment's directory name.
    pub dir: &'a str,
    /// The prompt text it must show.
    pub text: String,
    pub context: String,
}

impl Probe<'_> {
    /// The variables every probe reads.
    pub fn vars(&self) -> Vec<(&'static str, String)> {
        let mut vars = vec![
            (
                "VENVSH_TEST_OUT",
                self.case.out.to_str().unwrap().to_owned(),
            ),
            ("VENVSH_TEST_ENV", self.env.to_str().unwrap().to_owned()),
            ("VENVSH_TEST_MODE", self.row.mode.name().to_owned()),
            ("VENVSH_TEST_VARIANT", self.row.variant.name().to_owned()),
            ("VENVSH_TEST_SHELL", self.row.shell.flag().to_owned()),
        ];
        if self.row.mode == Bin {
            // The scripts must not need venvsh.
            vars.push(("PATH", crate::common::SYSTEM_PATH.to_owned()));
        }
        vars
    }
}

pub fn trials() -> Vec<Trial> {
    let mut trials = Vec::new();
    for &row in MATRIX {
        for case in CorpusCase::all() {
            let name = format!("{}::{}", row.label(), case.label());
            let body = move || check(row, case);
            trials.push(match row.shell.optional() {
                Some(why) => optional_trial(name, row.shell.program(), why, body),
                None => trial(name, &[row.shell.program()], body),
            });
        }
    }
    trials
}

/// The one driver: make the environment, check a refusal as a refusal, else write the
/// `bin/` scripts (bin mode), run the shell's probe and check what it recorded.
pub fn check(row: Row, spec: CorpusCase) {
    let case = Case::new();
    let (dir, prompt) = spec.dir_and_prompt("env");
    let env = make_env(case.root(), dir, prompt);
    let context = format!("{}: {}", row.label(), spec.describe("env"));
    let scripts = (row.mode == Bin).then(|| {
        let file = row
            .shell
            .bin_script()
            .unwrap_or_else(|| panic!("{context}: a bin row for a shell without a bin/ script"));
        (file, bin_scripts(&env))
    });
    let omitted = scripts
        .as_ref()
        .and_then(|(file, s)| s.omitted.iter().find(|(f, _)| f == file));
    let refused = row.shell.refusals(row.mode, dir, prompt);
    match (!refused.is_empty(), &scripts) {
        (true, Some((ours, scripts))) => {
            let (file, character) =
                omitted.unwrap_or_else(|| panic!("{context}: {ours} should be left out"));
            assert!(
                refused.contains(character),
                "{context}: {file} left out for {character:?}, not one of {refused:?}"
            );
            assert!(
                !scripts.written.iter().any(|(f, _)| f == file),
                "{context}: {file} written though left out"
            );
            return;
        }
        (true, None) => {
            assert_refused(&env, row.shell, &refused, case.root());
            return;
        }
        (false, Some((_, scripts))) => {
            assert!(omitted.is_none(), "{context}: left out: {omitted:?}");
            for (name, text) in &scripts.written {
                fs::write(env.join("bin").join(name), text).unwrap();
            }
        }
        (false, None) => {}
    }
    let probe = Probe {
        row,
        case: &case,
        env: &env,
        dir,
        text: expected_prompt_text(&env),
        context: context.clone(),
    };
    crate::probes::run_probe(&probe);
    case.assert_nothing_ran(&context);
}

/// The scripts `venvsh create` writes into `bin/`, and those it leaves out (file, the
/// character its shell cannot carry).
pub struct BinScripts {
    pub written: Vec<(String, String)>,
    pub omitted: Vec<(String, char)>,
}

/// The one place the tests render `bin/` scripts through the library (a fake
/// environment has no interpreter for `venvsh create` to use).
pub fn bin_scripts(env: &Path) -> BinScripts {
    let rendered =
        venvsh::venv::scripts::standalone(env, &env.join("bin"), &expected_prompt_text(env))
            .expect("scripts render");
    BinScripts {
        written: rendered.scripts,
        omitted: rendered
            .omitted
            .into_iter()
            .map(|o| (o.file.to_owned(), o.reason.character))
            .collect(),
    }
}

/// Activation must be refused: non-zero exit, nothing on stdout, and a message naming
/// the shell and one of the `refused` characters.
#[track_caller]
pub fn assert_refused(env: &Path, shell: Shell, refused: &[char], cwd: &Path) {
    let flag = shell.flag();
    let output = run(
        venvsh().to_str().unwrap(),
        &["activate", env.to_str().unwrap(), "--shell", flag],
        cwd,
        &[],
        None,
    );
    let stderr = crate::common::assert_refusal(&output, &format!("{flag}: {env:?}"));
    assert!(
        stderr.contains(shell.message_name()),
        "{flag}: the message should name the shell: {stderr}"
    );
    assert!(
        refused.iter().any(|c| stderr.contains(&format!("{c:?}"))),
        "{flag}: the message should name one of {refused:?}: {stderr}"
    );
}
