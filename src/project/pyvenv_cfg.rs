//! Reading `pyvenv.cfg`, the file that makes a directory a virtual environment, as
//! written by venv, virtualenv, uv and venvsh.

use std::path::PathBuf;

/// The file's name inside an environment.
pub const FILE_NAME: &str = "pyvenv.cfg";

/// The value of `key` (`key = value`, keys compared as venv's `site.py` does).
pub fn value(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim().eq_ignore_ascii_case(key)).then(|| v.trim().to_owned())
    })
}

/// The prompt the environment asks for, if any.
pub fn prompt(text: &str) -> Option<String> {
    value(text, "prompt").map(|raw| unquote_prompt(&raw))
}

/// The Python version recorded: `version` (venv), else `version_info` (virtualenv, uv).
pub fn version(text: &str) -> Option<String> {
    value(text, "version")
        .or_else(|| value(text, "version_info"))
        .filter(|v| !v.is_empty())
}

/// The base interpreter: `executable` when recorded, else `home`, a directory.
pub fn base_interpreter(text: &str) -> Option<PathBuf> {
    value(text, "executable")
        .or_else(|| value(text, "home"))
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// venv writes the prompt as a Python `repr` (`'name'`); virtualenv and uv write it bare.
pub fn unquote_prompt(raw: &str) -> String {
    let quoted = raw.len() >= 2
        && ((raw.starts_with('\'') && raw.ends_with('\''))
            || (raw.starts_with('"') && raw.ends_with('"')));
    if !quoted {
        return raw.to_owned();
    }
    let inner = &raw[1..raw.len() - 1];
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('x') => push_code(&mut out, &mut chars, 2),
            Some('u') => push_code(&mut out, &mut chars, 4),
            Some('U') => push_code(&mut out, &mut chars, 8),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

fn push_code(out: &mut String, chars: &mut std::str::Chars<'_>, digits: usize) {
    let hex: String = chars.by_ref().take(digits).collect();
    if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompt_forms_of_venv_virtualenv_and_uv() {
        assert_eq!(unquote_prompt("'my env'"), "my env");
        assert_eq!(unquote_prompt(r#""it's""#), "it's");
        assert_eq!(unquote_prompt(r"'back\\slash'"), r"back\slash");
        assert_eq!(unquote_prompt(r"'caf\xe9'"), "café");
        assert_eq!(unquote_prompt("bare name"), "bare name");
        assert_eq!(
            value("home = /usr\nprompt = 'x'\n", "prompt").as_deref(),
            Some("'x'")
        );
        assert_eq!(prompt("prompt = 'x y'\n").as_deref(), Some("x y"));
    }

    #[test]
    fn version_and_base_of_each_writer() {
        assert_eq!(version("version = 3.12.1\n").as_deref(), Some("3.12.1"));
        assert_eq!(
            version("version_info = 3.9.2.final.0\n").as_deref(),
            Some("3.9.2.final.0")
        );
        assert_eq!(
            base_interpreter("home = /h\nexecutable = /h/python3\n"),
            Some(PathBuf::from("/h/python3"))
        );
        assert_eq!(base_interpreter("home = /h\n"), Some(PathBuf::from("/h")));
    }
}
