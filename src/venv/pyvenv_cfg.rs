//! `pyvenv.cfg`: the keys venv writes, in venv's order, plus PEP 838's `python-version`.
//!
//! site.py, getpath and other tools read the file line by line, so a value holding a line
//! break would add keys of its own (`include-system-site-packages = true` through a
//! prompt or a path; issue 8, item 13). Every value therefore goes through
//! [`Lines::push`], which refuses one that holds any line break a reader may split on,
//! and the values that can hold arbitrary text are written so that they cannot: the
//! prompt as Python's `repr`, paths in `command` quoted for sh with `$'\n'`.

use std::fmt::Write;
use std::path::Path;

use super::Error;
use super::interpreter::Interpreter;
use super::options::Options;
use crate::shell::quote;

/// Characters some reader of `pyvenv.cfg` ends a line at: Python's universal newlines
/// (`\n`, `\r`) and the rest of what `str.splitlines` splits on (virtualenv uses it).
pub fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// The file's lines, each `key = value`; the only way text gets into `pyvenv.cfg`.
/// venv writes it in text mode, so its lines end in CRLF on Windows.
struct Lines {
    text: String,
    end: &'static str,
}

impl Lines {
    fn new(windows: bool) -> Self {
        Self {
            text: String::new(),
            end: if windows { "\r\n" } else { "\n" },
        }
    }

    fn push(&mut self, key: &'static str, value: &str) -> Result<(), Error> {
        if value.chars().any(is_line_break) {
            return Err(Error::CfgValue {
                key,
                value: value.to_owned(),
            });
        }
        let _ = write!(self.text, "{key} = {value}{}", self.end);
        Ok(())
    }
}

/// Whether the interpreter is a Windows one, whose venv writes Windows' conventions.
fn is_windows(interpreter: &Interpreter) -> bool {
    interpreter.facts.platform == "win32"
}

/// The file's text for an environment at `env_dir` (its final location). A base
/// interpreter whose path holds a line break is refused here, before anything is written.
pub fn render(
    env_dir: &Path,
    interpreter: &Interpreter,
    options: &Options,
) -> Result<String, Error> {
    let facts = &interpreter.facts;
    let home = facts
        .base_executable
        .parent()
        .unwrap_or_else(|| Path::new("/"));
    let (major, minor) = facts.major_minor();
    let mut lines = Lines::new(is_windows(interpreter));
    lines.push("home", &home.to_string_lossy())?;
    // Always written: site.py enables system site-packages when the key is absent.
    let system = if options.system_site_packages {
        "true"
    } else {
        "false"
    };
    lines.push("include-system-site-packages", system)?;
    lines.push("version", &facts.version_string())?;
    if let Some(prompt) = &options.prompt {
        lines.push("prompt", &python_repr(&resolve_prompt(prompt)))?;
    }
    // `os.path.realpath`, which gives no `\\?\` prefix on Windows.
    let executable = std::fs::canonicalize(&facts.executable)
        .map(crate::platform::paths::without_verbatim_prefix)
        .unwrap_or(facts.executable.clone());
    lines.push("executable", &executable.to_string_lossy())?;
    lines.push("command", &venv_command(env_dir, interpreter, options)?)?;
    lines.push("python-version", &format!("{major}.{minor}"))?;
    lines.push("venvsh", env!("CARGO_PKG_VERSION"))?;
    Ok(lines.text)
}

/// `--prompt .` means the current directory's name, as in venv.
pub fn resolve_prompt(prompt: &str) -> String {
    if prompt != "." {
        return prompt.to_owned();
    }
    std::env::current_dir()
        .ok()
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| ".".into())
}

/// The `python -m venv` command that makes the same environment, so the key keeps its
/// meaning for tools and people who only have Python. Plain words are written as venv
/// writes them; others are quoted for sh, on one line.
fn venv_command(
    env_dir: &Path,
    interpreter: &Interpreter,
    options: &Options,
) -> Result<String, Error> {
    let windows = is_windows(interpreter);
    let word = |what, text: &str| {
        if windows {
            windows_word(what, text)
        } else {
            sh_word(what, text)
        }
    };
    let executable = interpreter.facts.executable.to_string_lossy();
    let mut args = vec![word("executable", &executable)?, "-m venv".to_owned()];
    // venv names the option that differs from its platform's default.
    let links = if windows {
        (options.symlinks, "--symlinks")
    } else {
        (!options.symlinks, "--copies")
    };
    let flags = [
        links,
        (!options.with_pip, "--without-pip"),
        (options.system_site_packages, "--system-site-packages"),
        (options.clear, "--clear"),
        (options.upgrade, "--upgrade"),
        (options.upgrade_deps, "--upgrade-deps"),
    ];
    args.extend(flags.iter().filter(|f| f.0).map(|f| f.1.to_owned()));
    if let Some(prompt) = &options.prompt {
        // venv writes `--prompt="…"`; that stays where double quotes keep the text as is.
        let double_quotable = !prompt
            .chars()
            .any(|c| "\"$`\\!".contains(c) || c.is_control() || is_line_break(c));
        args.push(if double_quotable {
            format!("--prompt=\"{prompt}\"")
        } else {
            format!("--prompt={}", word("prompt", prompt)?)
        });
    }
    // The flag exists from 3.13, the first venv that writes `.gitignore`.
    if !options.scm_ignore_files && interpreter.facts.major_minor() >= (3, 13) {
        args.push("--without-scm-ignore-files".into());
    }
    args.push(word("environment path", &env_dir.to_string_lossy())?);
    Ok(args.join(" "))
}

/// `text` as one word of a Windows command line (as `CommandLineToArgvW` and Python
/// split it): as is when it holds no blank or `"`, else in double quotes with `"`
/// written `\"` and the backslashes before a quote doubled. A line break, which no
/// Windows command line carries, takes the sh form.
fn windows_word(what: &'static str, text: &str) -> Result<String, Error> {
    if text.chars().any(is_line_break) {
        return sh_word(what, text);
    }
    if !text.is_empty() && !text.chars().any(|c| c == '"' || c.is_whitespace()) {
        return Ok(text.to_owned());
    }
    let mut out = String::from('"');
    let mut backslashes = 0;
    for c in text.chars() {
        match c {
            '\\' => backslashes += 1,
            '"' => {
                out.push_str(&"\\".repeat(backslashes * 2 + 1));
                out.push('"');
                backslashes = 0;
                continue;
            }
            _ => {}
        }
        if c != '\\' {
            out.push_str(&"\\".repeat(backslashes));
            backslashes = 0;
            out.push(c);
        }
    }
    out.push_str(&"\\".repeat(backslashes * 2));
    out.push('"');
    Ok(out)
}

/// `text` as one sh word on one line: as is when nothing in it is special to sh, else
/// single-quoted runs with each line break written `$'\n'` (`$'\xHH'` bytes for the
/// rarer ones) in between.
fn sh_word(what: &'static str, text: &str) -> Result<String, Error> {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "/._-+,:@%".contains(c));
    if plain {
        return Ok(text.to_owned());
    }
    let refused = |_| Error::CfgValue {
        key: what,
        value: text.to_owned(),
    };
    let mut out = String::new();
    let mut run = String::new();
    for c in text.chars() {
        if !is_line_break(c) {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            out.push_str(&quote::posix(&run).map_err(refused)?);
            run.clear();
        }
        match c {
            '\n' => out.push_str("$'\\n'"),
            '\r' => out.push_str("$'\\r'"),
            c => {
                let mut bytes = [0; 4];
                out.push_str("$'");
                for b in c.encode_utf8(&mut bytes).bytes() {
                    let _ = write!(out, "\\x{b:02x}");
                }
                out.push('\'');
            }
        }
    }
    if !run.is_empty() || out.is_empty() {
        out.push_str(&quote::posix(&run).map_err(refused)?);
    }
    Ok(out)
}

/// Python's `repr()` of a string, which is how venv writes `prompt`: control, format,
/// separator and private-use characters are escaped, so the result is one line.
pub fn python_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !is_printable(c) => {
                let _ = match c as u32 {
                    n if n <= 0xff => write!(out, "\\x{n:02x}"),
                    n if n <= 0xffff => write!(out, "\\u{n:04x}"),
                    n => write!(out, "\\U{n:08x}"),
                };
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable()` as far as it matters here: Python escapes control (Cc), format
/// (Cf), separator (Zl, Zp, Zs but the space) and private-use (Co) characters in `repr`.
fn is_printable(c: char) -> bool {
    let n = c as u32;
    let format = matches!(
        n,
        0xad | 0x600..=0x605
            | 0x61c
            | 0x6dd
            | 0x70f
            | 0x8e2
            | 0x180e
            | 0x200b..=0x200f
            | 0x202a..=0x202e
            | 0x2060..=0x2064
            | 0x2066..=0x206f
            | 0xfeff
            | 0xfff9..=0xfffb
            | 0x110bd
            | 0x110cd
            | 0x13430..=0x1343f
            | 0x1bca0..=0x1bca3
            | 0x1d173..=0x1d17a
            | 0xe0001
            | 0xe0020..=0xe007f
    );
    let private = matches!(n, 0xe000..=0xf8ff | 0xf0000..=0xffffd | 0x100000..=0x10fffd);
    let separator = c != ' ' && c.is_whitespace();
    !(c.is_control() || format || private || separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_python() {
        assert_eq!(python_repr("env"), "'env'");
        assert_eq!(python_repr("it's"), "\"it's\"");
        assert_eq!(python_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(python_repr("back\\slash"), "'back\\\\slash'");
        assert_eq!(python_repr("tab\there\n"), "'tab\\there\\n'");
        assert_eq!(python_repr("\u{1b}[0m"), "'\\x1b[0m'");
        assert_eq!(python_repr("naïve ✓"), "'naïve ✓'");
        assert_eq!(python_repr("a\u{2028}b\u{85}c"), "'a\\u2028b\\x85c'");
        assert_eq!(python_repr("\u{202e}x\u{a0}"), "'\\u202ex\\xa0'");
    }

    #[test]
    fn command_words_stay_on_one_line() {
        assert_eq!(sh_word("p", "/plain/path-1.2").unwrap(), "/plain/path-1.2");
        assert_eq!(sh_word("p", "/sp ace").unwrap(), "'/sp ace'");
        assert_eq!(
            sh_word("p", "/a\ninclude-system-site-packages = true").unwrap(),
            "'/a'$'\\n''include-system-site-packages = true'"
        );
        assert_eq!(sh_word("p", "\r").unwrap(), "$'\\r'");
        assert_eq!(sh_word("p", "x\u{2028}").unwrap(), "'x'$'\\xe2\\x80\\xa8'");
        assert_eq!(sh_word("p", "it's").unwrap(), "'it'\\''s'");
        assert_eq!(sh_word("p", "").unwrap(), "''");
        for word in ["/a\nb", "x\u{2028}y\rz\u{85}"] {
            assert!(!sh_word("p", word).unwrap().chars().any(is_line_break));
        }
    }

    #[test]
    fn windows_words_split_back_as_written() {
        assert_eq!(
            windows_word("p", r"C:\Python313\python.exe").unwrap(),
            r"C:\Python313\python.exe"
        );
        assert_eq!(
            windows_word("p", r"C:\sp ace\env").unwrap(),
            r#""C:\sp ace\env""#
        );
        assert_eq!(
            windows_word("p", r"C:\sp ace\").unwrap(),
            r#""C:\sp ace\\""#
        );
        assert_eq!(windows_word("p", r#"a"b"#).unwrap(), r#""a\"b""#);
        assert_eq!(windows_word("p", r#"a\"b"#).unwrap(), r#""a\\\"b""#);
        assert_eq!(windows_word("p", "").unwrap(), r#""""#);
        assert_eq!(windows_word("p", "a\nb").unwrap(), "'a'$'\\n''b'");
    }

    #[test]
    fn a_line_break_never_reaches_the_file() {
        let mut lines = Lines::new(false);
        assert!(lines.push("home", "/usr/bin").is_ok());
        for bad in ["/a\nb", "/a\rb", "x\u{2028}", "x\x0c"] {
            assert!(matches!(
                lines.push("home", bad),
                Err(Error::CfgValue { key: "home", .. })
            ));
        }
        assert_eq!(lines.text, "home = /usr/bin\n");
        let mut crlf = Lines::new(true);
        crlf.push("home", r"C:\Python313").unwrap();
        assert_eq!(crlf.text, "home = C:\\Python313\r\n");
    }
}
