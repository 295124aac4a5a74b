//! The only code in venvsh that escapes anything.
//!
//! One function per shell and per context:
//! - a *string literal*: a value the shell assigns verbatim;
//! - a *prompt literal*: text the shell re-expands each time it draws the prompt
//!   (csh `%`/`!`, cmd `$`), which is then written as a string literal;
//! - a *PATH element*: a directory that must survive being joined with the
//!   shell's PATH separator, which no quoting can protect.
//!
//! A value a shell cannot represent is refused with [`Unrepresentable`], which
//! names the character and the shell; venvsh never emits a script that would
//! parse differently from what it means.

use std::fmt;

use crate::error::Hint;
use crate::platform::paths::PATH_SEPARATOR as HOST_PATH_SEPARATOR;

/// A value that cannot be written safely for a shell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{what} {value:?} cannot be used in {shell}: it contains {}", describe(*.character))]
pub struct Unrepresentable {
    pub shell: &'static str,
    pub what: &'static str,
    pub value: String,
    pub character: char,
}

impl Hint for Unrepresentable {
    fn hint(&self) -> Option<String> {
        Some(match self.what {
            "PATH entry" => {
                "move or rename the environment to a path without that character".to_owned()
            }
            "PATH" => "remove that character from PATH, or activate in another shell".to_owned(),
            "word" => "give a path without that character (for venvsh itself: install it at \
                       one, e.g. with install.sh --bin-dir)"
                .to_owned(),
            _ => "use an environment path and prompt (--prompt) without that character".to_owned(),
        })
    }
}

/// A variable whose bytes are not UTF-8, where a shell's code can carry only text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the variable {variable} holds bytes that are not UTF-8, which venvsh cannot write for {shell}"
)]
pub struct NotUtf8 {
    pub shell: &'static str,
    pub variable: &'static str,
}

impl Hint for NotUtf8 {
    fn hint(&self) -> Option<String> {
        Some(format!(
            "remove what is not UTF-8 from {}, or activate in another shell",
            self.variable
        ))
    }
}

/// `value`, a variable's contents, as text for a shell that can carry only text.
pub fn utf8<'a>(
    value: &'a std::ffi::OsStr,
    shell: &'static str,
    variable: &'static str,
) -> Result<&'a str, NotUtf8> {
    value.to_str().ok_or(NotUtf8 { shell, variable })
}

fn describe(c: char) -> String {
    let kind = match c {
        '\0' => "a NUL byte",
        '\n' => "a newline",
        '\r' => "a carriage return",
        c if c.is_control() => "the control character",
        _ => "the character",
    };
    format!("{kind} {c:?} (U+{:04X})", c as u32)
}

type Quoted = Result<String, Unrepresentable>;

fn refuse(
    shell: &'static str,
    what: &'static str,
    value: &str,
    bad: &[char],
) -> Result<(), Unrepresentable> {
    match value.chars().find(|c| *c == '\0' || bad.contains(c)) {
        Some(character) => Err(Unrepresentable {
            shell,
            what,
            value: value.to_owned(),
            character,
        }),
        None => Ok(()),
    }
}

/// Environment variable names are never quoted, so they must be plain identifiers.
pub fn env_name(name: &str) -> Quoted {
    let mut chars = name.chars();
    let valid_start = chars
        .next()
        .is_some_and(|c| c == '_' || c.is_ascii_alphabetic());
    match name
        .chars()
        .find(|c| !(*c == '_' || c.is_ascii_alphanumeric()))
    {
        Some(character) => Err(Unrepresentable {
            shell: "any shell",
            what: "variable name",
            value: name.to_owned(),
            character,
        }),
        None if valid_start => Ok(name.to_owned()),
        None => Err(Unrepresentable {
            shell: "any shell",
            what: "variable name",
            value: name.to_owned(),
            character: name.chars().next().unwrap_or('\0'),
        }),
    }
}

/// A plain word (`[A-Za-z0-9_-]+`, such as a subcommand name), which every shell reads
/// literally; validated, never quoted.
pub fn word(value: &str) -> Quoted {
    match value
        .chars()
        .find(|c| !(*c == '_' || *c == '-' || c.is_ascii_alphanumeric()))
    {
        Some(character) => Err(Unrepresentable {
            shell: "any shell",
            what: "word",
            value: value.to_owned(),
            character,
        }),
        None if value.is_empty() => Err(Unrepresentable {
            shell: "any shell",
            what: "word",
            value: String::new(),
            character: '\0',
        }),
        None => Ok(value.to_owned()),
    }
}

// ---- POSIX sh, bash, zsh, dash, ksh --------------------------------------------

/// `'…'`, with `'` written as `'\''`. Everything else is literal inside single quotes.
pub fn posix(value: &str) -> Quoted {
    refuse("sh", "value", value, &[])?;
    Ok(format!("'{}'", value.replace('\'', r"'\''")))
}

/// A directory for a colon-separated PATH.
pub fn posix_path_element(value: &str) -> Quoted {
    refuse("sh", "PATH entry", value, &[':'])?;
    posix(value)
}

// ---- fish --------------------------------------------------------------------------

/// fish single quotes treat `\\` and `\'` as escapes, so POSIX quoting is wrong here.
pub fn fish(value: &str) -> Quoted {
    refuse("fish", "value", value, &[])?;
    Ok(format!(
        "'{}'",
        value.replace('\\', r"\\").replace('\'', r"\'")
    ))
}

pub fn fish_path_element(value: &str) -> Quoted {
    refuse("fish", "PATH entry", value, &[':'])?;
    fish(value)
}

// ---- csh, tcsh ---------------------------------------------------------------------

/// csh expands `!` even inside single quotes (history), so it is written `\!`.
/// Output is read through `eval "`…`"`, which joins lines, so a newline cannot be carried.
pub fn csh(value: &str) -> Quoted {
    refuse("tcsh", "value", value, &['\n', '\r'])?;
    Ok(format!(
        "'{}'",
        value.replace('\'', r"'\''").replace('!', r"\!")
    ))
}

pub fn csh_path_element(value: &str) -> Quoted {
    refuse("tcsh", "PATH entry", value, &[':', '\n', '\r'])?;
    csh(value)
}

/// tcsh redraws `prompt` expanding `%x`, `!`, `^X` and backslash escapes: store `%%`,
/// `\!`, `\^` and `\\` for literal text (virtualenv #3263 found the first two).
pub fn csh_prompt(text: &str) -> Quoted {
    let literal = text
        .replace('\\', r"\\")
        .replace('^', r"\^")
        .replace('%', "%%")
        .replace('!', r"\!");
    csh(&literal)
}

// ---- PowerShell --------------------------------------------------------------------

/// A verbatim string expression: `'…'` with `'` doubled. Non-ASCII text is spelled with
/// `[char]`, so the code is ASCII and no console code page can garble it; that also keeps
/// the typographic quotes U+2018..U+201B, which PowerShell reads as `'`, out of literals.
pub fn powershell(value: &str) -> Quoted {
    refuse("PowerShell", "value", value, &[])?;
    let mut parts: Vec<String> = Vec::new();
    let mut literal = String::new();
    for c in value.chars() {
        if c.is_ascii() && !c.is_ascii_control() {
            literal.push(c);
            if c == '\'' {
                literal.push('\'');
            }
        } else {
            if !literal.is_empty() {
                parts.push(format!("'{}'", std::mem::take(&mut literal)));
            }
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                parts.push(format!("[char]0x{unit:04X}"));
            }
        }
    }
    if !literal.is_empty() || parts.is_empty() {
        parts.push(format!("'{literal}'"));
    }
    if parts.len() == 1 && parts[0].starts_with('\'') {
        return Ok(parts.remove(0));
    }
    // Start from '' so `+` is string concatenation even when the first part is a char.
    Ok(format!("(''+{})", parts.join("+")))
}

/// The PATH separator is `;` on Windows and `:` elsewhere; refuse the one of this platform.
pub fn powershell_path_element(value: &str) -> Quoted {
    refuse("PowerShell", "PATH entry", value, &[HOST_PATH_SEPARATOR])?;
    powershell(value)
}

// ---- nushell -----------------------------------------------------------------------

/// A raw string `r#'…'#` with one more `#` than the longest run of `#` after a `'`,
/// the opening one included: nu 0.115 misreads `r#'#x'#` but reads `r##'#x'##`.
/// nushell has no escapes in single quotes and does not join adjacent literals.
pub fn nu(value: &str) -> Quoted {
    refuse("nushell", "value", value, &[])?;
    let mut longest = 0;
    let quoted = format!("'{value}");
    for (i, _) in quoted.match_indices('\'') {
        let run = quoted[i + 1..].chars().take_while(|c| *c == '#').count();
        longest = longest.max(run);
    }
    let hashes = "#".repeat(longest + 1);
    Ok(format!("r{hashes}'{value}'{hashes}"))
}

/// A directory for PATH. nushell keeps PATH as a list, but joins it with the host's
/// separator for every external command it starts, so that separator cannot be carried.
pub fn nu_path_element(value: &str) -> Quoted {
    refuse("nushell", "PATH entry", value, &[HOST_PATH_SEPARATOR])?;
    nu(value)
}

// ---- cmd.exe -----------------------------------------------------------------------

/// The value part of `set "NAME=value"` in a `.bat` file. Inside the quotes `&|<>()^`
/// are literal; `%` must be doubled; `"` would end the quoting and cannot be escaped.
///
/// Non-ASCII text is refused too: cmd decodes a batch file in the console code page,
/// and the `chcp 65001` remedy could not be verified here (wine's chcp has no UTF-8).
pub fn cmd(value: &str) -> Quoted {
    cmd_text(value, "value")
}

fn cmd_text(value: &str, what: &'static str) -> Quoted {
    refuse("cmd.exe", what, value, &['"'])?;
    if let Some(character) = value
        .chars()
        .find(|c| !c.is_ascii() || c.is_ascii_control())
    {
        return Err(Unrepresentable {
            shell: "cmd.exe",
            what,
            value: value.to_owned(),
            character,
        });
    }
    Ok(value.replace('%', "%%"))
}

/// The environment's own directory in a PATH that venvsh computes and writes whole
/// ([`cmd_path`]): only `;` more than any value, which would split it in two.
pub fn cmd_path_entry(value: &str) -> Quoted {
    refuse("cmd.exe", "PATH entry", value, &[';'])?;
    cmd_text(value, "PATH entry")
}

/// PATH written whole as `set "PATH=value"` (issue 12): a value like any other, so `%`,
/// `!` and `=` are carried.
pub fn cmd_path(value: &str) -> Quoted {
    cmd_text(value, "PATH")
}

/// A directory for PATH, also used as the search text of `%PATH:;dir;=;%`, where
/// `%` and `=` end the expression and `!` is eaten by delayed expansion. Only for what
/// edits PATH in cmd itself: `bin\activate.bat`/`deactivate.bat`, which run without
/// venvsh, and activation when cmd's PATH cannot be written whole ([`cmd_path`]).
pub fn cmd_path_element(value: &str) -> Quoted {
    refuse(
        "cmd.exe",
        "PATH entry",
        value,
        &[';', '%', '=', '!', '"', '\n', '\r'],
    )?;
    cmd(value)
}

/// cmd draws `PROMPT` expanding `$x` codes, so a literal `$` is `$$`.
pub fn cmd_prompt(text: &str) -> Quoted {
    cmd(&text.replace('$', "$$"))
}

/// A command-line argument for a batch line: a double-quoted word.
pub fn cmd_argument(value: &str) -> Quoted {
    refuse("cmd.exe", "argument", value, &['"', '%', '!', '\n', '\r'])?;
    Ok(format!("\"{value}\""))
}

// ---- Command lines for people: hints, `doctor`, rc-file lines ----------------------

/// Whether every shell reads `value` as one literal word: ASCII letters, digits and
/// `_./:+-` (`extra` adds a dialect's own, such as `\` for Windows paths).
fn plain_word(value: &str, extra: &str) -> bool {
    !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_./:+-".contains(c) || extra.contains(c))
}

/// A word on a POSIX command line: bare when plain, else [`posix`].
pub fn posix_word(value: &str) -> Quoted {
    if plain_word(value, "") {
        return Ok(value.to_owned());
    }
    posix(value)
}

/// A word on a fish command line: bare when plain, else [`fish`].
pub fn fish_word(value: &str) -> Quoted {
    if plain_word(value, "") {
        return Ok(value.to_owned());
    }
    fish(value)
}

/// A word inside ``eval "`…`"``, the form csh runs output with. The double quotes
/// around the backquotes still expand `$`, history `!` and a nested `` ` `` or `"`,
/// which no quoting inside can stop: those are refused.
pub fn csh_backquoted_word(value: &str) -> Quoted {
    if plain_word(value, "") {
        return Ok(value.to_owned());
    }
    refuse("tcsh", "word", value, &['$', '`', '"', '!', '\n', '\r'])?;
    Ok(format!("'{}'", value.replace('\'', r"'\''")))
}

/// A word on a PowerShell command line: bare when plain, else [`powershell`].
pub fn powershell_word(value: &str) -> Quoted {
    if plain_word(value, "\\") {
        return Ok(value.to_owned());
    }
    powershell(value)
}

/// The program of a PowerShell command line: a quoted one needs the call operator `&`.
pub fn powershell_program(value: &str) -> Quoted {
    if plain_word(value, "\\") {
        return Ok(value.to_owned());
    }
    Ok(format!("& {}", powershell(value)?))
}

/// A word on a nushell command line: bare when plain, else [`nu`].
pub fn nu_word(value: &str) -> Quoted {
    if plain_word(value, "") {
        return Ok(value.to_owned());
    }
    nu(value)
}

/// An external program on a nushell command line: `^` keeps a `venvsh` command defined
/// in nushell (the hook's) from being called instead.
pub fn nu_program(value: &str) -> Quoted {
    Ok(format!("^{}", nu_word(value)?))
}

/// A word in xonsh's subprocess mode (`$(venvsh …)`): bare when plain, else a Python
/// literal ([`xonsh`]), whose escapes xonsh reads there too; but xonsh expands `$NAME`
/// even inside quotes there, so a `$` is refused.
pub fn xonsh_word(value: &str) -> Quoted {
    if plain_word(value, "") {
        return Ok(value.to_owned());
    }
    refuse("xonsh", "word", value, &['$'])?;
    xonsh(value)
}

/// A word on a cmd.exe command line: bare when plain, else [`cmd_argument`].
pub fn cmd_word(value: &str) -> Quoted {
    if plain_word(value, "\\") {
        return Ok(value.to_owned());
    }
    cmd_argument(value)
}

// ---- Lua (Clink in cmd.exe) --------------------------------------------------------

/// A Lua string literal: `"…"` with every byte outside `[A-Za-z0-9 ._,:/+=@#%~-]`
/// written as a three-digit decimal escape `\ddd` (Lua 5.1 to 5.4). The literal is ASCII
/// whatever the value, and no byte of the value can end the string or start an escape.
/// NUL is carried too (`\000`): Lua strings hold it, and the values written come from
/// environment variables and paths, which cannot contain it.
pub fn lua(value: &str) -> Quoted {
    lua_bytes(value.as_bytes())
}

/// [`lua`] for bytes that need not be UTF-8 (a PATH entry on Unix): each is escaped.
pub fn lua_bytes(value: &[u8]) -> Quoted {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for &byte in value {
        if byte.is_ascii_alphanumeric() || b" ._,:/+=@#%~-".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("\\{byte:03}"));
        }
    }
    out.push('"');
    Ok(out)
}

/// A directory for PATH as the binary computes it for Clink: the host's separator
/// (`;` on Windows, where Clink runs) cannot be carried.
pub fn lua_path_element(value: &str) -> Quoted {
    refuse("Clink", "PATH entry", value, &[HOST_PATH_SEPARATOR])?;
    lua(value)
}

/// A program for the command line Lua's `io.popen` hands to `cmd.exe /c`: a
/// double-quoted word ([`cmd_argument`]), written as a Lua string literal.
pub fn lua_cmd_argument(value: &str) -> Quoted {
    lua(&cmd_argument(value)?)
}

// ---- xonsh -------------------------------------------------------------------------

/// A Python string literal `'…'`, for the Python code xonsh runs: `\` and `'` escaped,
/// and every character outside printable ASCII written as `\xNN`, `\uNNNN` or
/// `\UNNNNNNNN`. The code is ASCII, and no value can end the literal or reach xonsh's
/// subprocess syntax (`$NAME`, `@(…)`, `$(…)` are expanded in command words and in
/// `p`/`f` strings, never in a plain literal assigned through `__xonsh__.env`).
pub fn xonsh(value: &str) -> Quoted {
    refuse("xonsh", "value", value, &[])?;
    let mut out = String::with_capacity(value.len() + 2);
    out.push('\'');
    for c in value.chars() {
        match c {
            '\\' => out.push_str(r"\\"),
            '\'' => out.push_str(r"\'"),
            ' '..='~' => out.push(c),
            c if u32::from(c) <= 0xff => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c if u32::from(c) <= 0xffff => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push_str(&format!("\\U{:08x}", u32::from(c))),
        }
    }
    out.push('\'');
    Ok(out)
}

/// A directory for xonsh's PATH, a list (`EnvPath`) joined with the host's separator for
/// every command. xonsh expands each entry whenever it reads it (xonsh 0.25,
/// `$EXPAND_ENV_VARS`, on by default): `$NAME` and `${'NAME'}` become the variable's
/// value, and `~` right after an `=` the home directory. No quoting can stop that, so an
/// entry holding either is refused (`${NAME}` and a `$` before anything else stay as
/// they are).
pub fn xonsh_path_element(value: &str) -> Quoted {
    refuse("xonsh", "PATH entry", value, &[HOST_PATH_SEPARATOR])?;
    let expanded = value.char_indices().find_map(|(i, c)| {
        let next = value[i + c.len_utf8()..].chars().next();
        let after_next = value[i + c.len_utf8()..].chars().nth(1);
        match (c, next) {
            ('$', Some(n)) if n == '_' || n.is_alphanumeric() => Some('$'),
            ('$', Some('{')) if matches!(after_next, Some('\'' | '"')) => Some('$'),
            ('=', Some('~')) => Some('~'),
            _ => None,
        }
    });
    if let Some(character) = expanded {
        return Err(Unrepresentable {
            shell: "xonsh",
            what: "PATH entry",
            value: value.to_owned(),
            character,
        });
    }
    xonsh(value)
}

/// Whether `c` is hidden or rearranges text on a terminal: C0 and C1 control
/// characters, DEL, and the bidirectional controls that reorder what follows them.
/// Printed raw, a path holding them can set the clipboard (OSC 52), retitle the window,
/// clear the screen, or show text other than what is there (issue 8, item 6).
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `c` as an escape anyone can read: `\n`, `\t`, `\r`, `\x1b`, `\u202e`.
fn escape_hidden(c: char, out: &mut String) {
    match c {
        '\n' => out.push_str("\\n"),
        '\t' => out.push_str("\\t"),
        '\r' => out.push_str("\\r"),
        c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
        c => out.push_str(&format!("\\u{:04x}", c as u32)),
    }
}

/// Text for a terminal, one line: every hidden character (newlines included) escaped.
pub fn visible_line(text: &str) -> String {
    visible(text, false)
}

/// Text for a terminal, several lines: every hidden character but `\n` escaped.
pub fn visible_text(text: &str) -> String {
    visible(text, true)
}

fn visible(text: &str, keep_newlines: bool) -> String {
    if !text.chars().any(is_hidden) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden(c) && !(keep_newlines && c == '\n') {
            escape_hidden(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

/// A value (a path, a name) in a message for humans. Plain values are shown as they are,
/// others quoted for POSIX shells so they can be pasted; one holding hidden characters
/// is shown as bash's `$'…'`, with those characters as escapes.
pub struct ForHumans<'a>(pub &'a str);

/// Characters shown bare; on Windows a path's `\` and drive colon are ordinary.
const HUMAN_SAFE: &str = if cfg!(windows) {
    "/._-+,@\\:"
} else {
    "/._-+,@"
};

impl fmt::Display for ForHumans<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        if value.chars().any(is_hidden) {
            let mut out = String::from("$'");
            for c in value.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\'' => out.push_str("\\'"),
                    c if is_hidden(c) => escape_hidden(c, &mut out),
                    c => out.push(c),
                }
            }
            out.push('\'');
            return f.write_str(&out);
        }
        match posix(value) {
            Ok(q)
                if value
                    .chars()
                    .any(|c| !(c.is_ascii_alphanumeric() || HUMAN_SAFE.contains(c))) =>
            {
                f.write_str(&q)
            }
            _ => f.write_str(value),
        }
    }
}

/// How a table of `filter => quoting function` becomes askama filters: the templates'
/// only way to print a value.
/// Wrap a quoting result as a template error that keeps the [`Unrepresentable`] inside.
///
/// [`Unrepresentable`]: Unrepresentable
pub fn quoted(result: Result<String, Unrepresentable>) -> askama::Result<String> {
    result.map_err(askama::Error::custom)
}

macro_rules! quoting_filters {
    (
        text { $($(#[$doc:meta])* $filter:ident => $function:path;)* }
        bytes { $($(#[$bdoc:meta])* $bfilter:ident => $bfunction:path;)* }
    ) => {
        $(
            $(#[$doc])*
            #[askama::filter_fn]
            pub fn $filter(value: impl ToString, _env: &dyn askama::Values) -> askama::Result<String> {
                $crate::shell::quote::quoted($function(&value.to_string()))
            }
        )*
        $(
            $(#[$bdoc])*
            #[askama::filter_fn]
            pub fn $bfilter(value: &[u8], _env: &dyn askama::Values) -> askama::Result<String> {
                $crate::shell::quote::quoted($bfunction(value))
            }
        )*

        /// Every filter above: the only ones an interpolation may end in.
        #[cfg(test)]
        pub const QUOTING_FILTERS: &[&str] = &[$(stringify!($filter),)* $(stringify!($bfilter)),*];
    };
}

/// The askama filters of every function above, which templates use as
/// `{{ value|posix }}`; a shell's quoting functions and their filters are added together.
pub mod filters {
    quoting_filters! {
        text {
            /// An environment variable name (validated, never quoted).
            name => super::env_name;
            /// A plain word such as a subcommand name (validated, never quoted).
            word => super::word;
            posix => super::posix;
            posix_path => super::posix_path_element;
            fish => super::fish;
            fish_path => super::fish_path_element;
            csh => super::csh;
            csh_path => super::csh_path_element;
            csh_prompt => super::csh_prompt;
            pwsh => super::powershell;
            pwsh_path => super::powershell_path_element;
            nu => super::nu;
            nu_path => super::nu_path_element;
            cmd => super::cmd;
            cmd_path => super::cmd_path;
            cmd_path_element => super::cmd_path_element;
            cmd_prompt => super::cmd_prompt;
            cmd_arg => super::cmd_argument;
            lua => super::lua;
            lua_path => super::lua_path_element;
            lua_cmd_arg => super::lua_cmd_argument;
            xonsh => super::xonsh;
            xonsh_path => super::xonsh_path_element;
        }
        // Values that need not be text (PATH on Unix).
        bytes {
            lua_bytes => super::lua_bytes;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_single_quotes_everything() {
        assert_eq!(posix("it's").unwrap(), r"'it'\''s'");
        assert_eq!(posix("$(x) `y` \\ !").unwrap(), "'$(x) `y` \\ !'");
        assert_eq!(posix("-dash").unwrap(), "'-dash'");
        assert_eq!(posix("").unwrap(), "''");
    }

    #[test]
    fn fish_escapes_backslash_and_quote() {
        assert_eq!(fish(r"trail\").unwrap(), r"'trail\\'");
        assert_eq!(fish(r"\\server\share").unwrap(), r"'\\\\server\\share'");
        assert_eq!(fish("it's").unwrap(), r"'it\'s'");
    }

    #[test]
    fn csh_escapes_bang_and_refuses_newline() {
        assert_eq!(csh("a!b").unwrap(), r"'a\!b'");
        assert_eq!(csh("it's").unwrap(), r"'it'\''s'");
        assert_eq!(csh("a\nb").unwrap_err().character, '\n');
        assert_eq!(csh_prompt("a!b%p").unwrap(), r"'a\\!b%%p'");
        assert_eq!(csh_prompt(r"back\slash").unwrap(), r"'back\\slash'");
    }

    #[test]
    fn powershell_doubles_every_single_quote_and_spells_non_ascii() {
        assert_eq!(powershell("it's").unwrap(), "'it''s'");
        assert_eq!(powershell("$x `y`").unwrap(), "'$x `y`'");
        assert_eq!(
            powershell("John\u{2019}s").unwrap(),
            "(''+'John'+[char]0x2019+'s')"
        );
        assert_eq!(
            powershell("\u{1F692}").unwrap(),
            "(''+[char]0xD83D+[char]0xDE92)"
        );
        assert_eq!(powershell("").unwrap(), "''");
    }

    #[test]
    fn nu_raw_string_outgrows_hash_runs() {
        assert_eq!(nu("a'b").unwrap(), "r#'a'b'#");
        assert_eq!(nu("a'#b").unwrap(), "r##'a'#b'##");
        assert_eq!(nu("#x").unwrap(), "r##'#x'##");
        assert_eq!(nu("a#").unwrap(), "r#'a#'#");
        assert_eq!(nu_path_element("/e/bin").unwrap(), "r#'/e/bin'#");
        let separator = if cfg!(windows) { "a;b" } else { "/col:on/bin" };
        assert_eq!(
            nu_path_element(separator).unwrap_err().character,
            HOST_PATH_SEPARATOR
        );
        assert_eq!(nu_path_element("a\0b").unwrap_err().character, '\0');
    }

    #[test]
    fn cmd_doubles_percent_and_refuses_quote() {
        assert_eq!(cmd("100%").unwrap(), "100%%");
        assert_eq!(cmd("a&b^c").unwrap(), "a&b^c");
        assert_eq!(cmd("x\" & calc & \"").unwrap_err().character, '"');
        assert_eq!(cmd_prompt("e-$ x").unwrap(), "e-$$ x");
        assert_eq!(cmd_path_element(r"C:\100%\v").unwrap_err().character, '%');
    }

    #[test]
    fn cmd_path_written_whole_carries_percent_bang_and_equals() {
        assert_eq!(
            cmd_path(r"C:\p%c!d=e\bin;C:\odd%x%").unwrap(),
            r"C:\p%%c!d=e\bin;C:\odd%%x%%"
        );
        assert_eq!(cmd_path_entry(r"C:\a!b=c%").unwrap(), r"C:\a!b=c%%");
        assert_eq!(cmd_path_entry("a;b").unwrap_err().character, ';');
        assert_eq!(cmd_path(r#"C:\x;"C:\q""#).unwrap_err().character, '"');
        assert_eq!(cmd_path("C:\\J\u{fc}rgen").unwrap_err().character, '\u{fc}');
        assert_eq!(cmd_path("a\nb").unwrap_err().character, '\n');
    }

    #[test]
    fn path_separator_is_refused() {
        let error = posix_path_element("/tmp/col:on/bin").unwrap_err();
        assert_eq!(error.character, ':');
        assert!(error.to_string().contains("':'"), "{error}");
        assert_eq!(cmd_path_element("a;b").unwrap_err().character, ';');
    }

    #[test]
    fn nul_is_refused_everywhere() {
        for quote in [posix, fish, csh, powershell, nu, cmd, xonsh] {
            assert_eq!(quote("a\0b").unwrap_err().character, '\0');
        }
    }

    #[test]
    fn lua_escapes_every_unsafe_byte_in_decimal() {
        assert_eq!(lua("plain/dir-1.x").unwrap(), "\"plain/dir-1.x\"");
        assert_eq!(lua("a\"b").unwrap(), r#""a\034b""#);
        assert_eq!(lua(r"C:\v").unwrap(), r#""C:\092v""#);
        assert_eq!(lua("n\n]]").unwrap(), r#""n\010\093\093""#);
        // Three digits always, so a digit after an escape stays a digit.
        assert_eq!(lua("\u{1}2").unwrap(), r#""\0012""#);
        assert_eq!(lua("é").unwrap(), r#""\195\169""#);
        assert_eq!(lua("a\0b").unwrap(), r#""a\000b""#);
        assert_eq!(lua("").unwrap(), "\"\"");
        let separator = if cfg!(windows) { "a;b" } else { "/col:on/bin" };
        assert_eq!(
            lua_path_element(separator).unwrap_err().character,
            HOST_PATH_SEPARATOR
        );
        assert_eq!(
            lua_cmd_argument(r"C:\v sh\venvsh.exe").unwrap(),
            r#""\034C:\092v sh\092venvsh.exe\034""#
        );
        assert_eq!(lua_cmd_argument("a%b").unwrap_err().character, '%');
    }

    #[test]
    fn command_line_words_are_bare_only_when_plain() {
        assert_eq!(posix_word("venvsh").unwrap(), "venvsh");
        assert_eq!(
            posix_word("/home/u/.local/bin/venvsh").unwrap(),
            "/home/u/.local/bin/venvsh"
        );
        assert_eq!(posix_word("--prompt").unwrap(), "--prompt");
        assert_eq!(posix_word("/a b/venvsh").unwrap(), "'/a b/venvsh'");
        assert_eq!(posix_word("$(x)").unwrap(), "'$(x)'");
        assert_eq!(posix_word("~root").unwrap(), "'~root'");
        assert_eq!(posix_word("").unwrap(), "''");
        assert_eq!(fish_word(r"a\b").unwrap(), r"'a\\b'");
        assert_eq!(csh_backquoted_word("/a b/it's").unwrap(), r"'/a b/it'\''s'");
        for bad in ["a$b", "a`b", "a\"b", "a!b"] {
            assert!(csh_backquoted_word(bad).is_err(), "{bad}");
        }
        assert_eq!(
            powershell_program(r"C:\bin\venvsh.exe").unwrap(),
            r"C:\bin\venvsh.exe"
        );
        assert_eq!(
            powershell_program("/a b/venvsh").unwrap(),
            "& '/a b/venvsh'"
        );
        assert_eq!(xonsh_word("/a b/it's").unwrap(), r"'/a b/it\'s'");
        assert_eq!(xonsh_word("/a/$HOME/v").unwrap_err().character, '$');
        assert_eq!(nu_program("venvsh").unwrap(), "^venvsh");
        assert_eq!(nu_program("/a b/venvsh").unwrap(), "^r#'/a b/venvsh'#");
        assert_eq!(
            cmd_word(r"C:\x y\venvsh.exe").unwrap(),
            r#""C:\x y\venvsh.exe""#
        );
    }

    #[test]
    fn xonsh_writes_ascii_python_literals() {
        assert_eq!(xonsh("plain/dir").unwrap(), "'plain/dir'");
        assert_eq!(xonsh(r"it's \x").unwrap(), r"'it\'s \\x'");
        assert_eq!(xonsh("$(x) @(y) {z}").unwrap(), "'$(x) @(y) {z}'");
        assert_eq!(xonsh("a\nb\tc\u{7f}").unwrap(), r"'a\x0ab\x09c\x7f'");
        assert_eq!(xonsh("é\u{202e}🚒").unwrap(), r"'\xe9\u202e\U0001f692'");
        assert_eq!(xonsh("").unwrap(), "''");
        assert_eq!(xonsh("a\0b").unwrap_err().character, '\0');
    }

    #[test]
    fn xonsh_path_refuses_what_xonsh_expands() {
        assert_eq!(xonsh_path_element("/e/bin").unwrap(), "'/e/bin'");
        for kept in [
            "/a/${HOME}/bin",
            "/a/e-$ x/bin",
            "/a/$(x)/bin",
            "/a/$/bin",
            "/a=b/bin",
        ] {
            assert!(xonsh_path_element(kept).is_ok(), "{kept}");
        }
        for (refused, character) in [
            ("/a/$HOME/bin", '$'),
            ("/a/x$_/bin", '$'),
            ("/a/$é/bin", '$'),
            ("/a/${'HOME'}/bin", '$'),
            ("/a/${\"HOME\"}/bin", '$'),
            ("/a=~/bin", '~'),
        ] {
            assert_eq!(
                xonsh_path_element(refused).unwrap_err().character,
                character,
                "{refused}"
            );
        }
        let separator = format!("/a/b{HOST_PATH_SEPARATOR}c/bin");
        assert_eq!(
            xonsh_path_element(&separator).unwrap_err().character,
            HOST_PATH_SEPARATOR
        );
    }

    #[test]
    fn words_are_plain() {
        assert_eq!(word("hook-env").unwrap(), "hook-env");
        assert_eq!(word("a b").unwrap_err().character, ' ');
        assert!(word("").is_err());
    }

    #[test]
    fn text_for_humans_shows_what_terminals_would_hide() {
        assert_eq!(visible_line("plain é"), "plain é");
        assert_eq!(
            visible_line("a\u{1b}]52;c;eA==\u{7}b\nc"),
            "a\\x1b]52;c;eA==\\x07b\\nc"
        );
        assert_eq!(visible_text("one\ntwo\u{9b}"), "one\ntwo\\u009b");
        assert_eq!(visible_line("x\u{202e}y\u{2066}"), "x\\u202ey\\u2066");
        assert_eq!(ForHumans("/p/it's").to_string(), "'/p/it'\\''s'");
        assert_eq!(
            ForHumans("/p/\u{1b}[2Jit's\\").to_string(),
            "$'/p/\\x1b[2Jit\\'s\\\\'"
        );
        assert_eq!(ForHumans("/plain/path").to_string(), "/plain/path");
    }

    #[test]
    fn env_names_are_identifiers() {
        assert!(env_name("VIRTUAL_ENV").is_ok());
        assert!(env_name("1X").is_err());
        assert!(env_name("A-B").is_err());
    }
}
