//! `pyvenv.cfg`: the keys venv writes, in venv's order, plus PEP 838's `python-version`.

use std::fmt::Write;
use std::path::Path;

use super::builder::Options;
use super::interpreter::Interpreter;

/// The file's text for an environment at `env_dir` (its final location).
pub fn render(env_dir: &Path, interpreter: &Interpreter, options: &Options) -> String {
    let facts = &interpreter.facts;
    let home = facts
        .base_executable
        .parent()
        .unwrap_or_else(|| Path::new("/"));
    let (major, minor) = facts.major_minor();
    let mut out = String::new();
    let mut line = |key: &str, value: &str| {
        let _ = writeln!(out, "{key} = {value}");
    };
    line("home", &home.to_string_lossy());
    // Always written: site.py enables system site-packages when the key is absent.
    line(
        "include-system-site-packages",
        if options.system_site_packages {
            "true"
        } else {
            "false"
        },
    );
    line("version", &facts.version_string());
    if let Some(prompt) = &options.prompt {
        line("prompt", &python_repr(&resolve_prompt(prompt)));
    }
    let executable = std::fs::canonicalize(&facts.executable).unwrap_or(facts.executable.clone());
    line("executable", &executable.to_string_lossy());
    line("command", &venv_command(env_dir, interpreter, options));
    line("python-version", &format!("{major}.{minor}"));
    line("venvsh", env!("CARGO_PKG_VERSION"));
    out
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

/// The `python -m venv` command that makes the same environment, so the key
/// keeps its meaning for tools and people who only have Python.
fn venv_command(env_dir: &Path, interpreter: &Interpreter, options: &Options) -> String {
    let mut args = vec![format!(
        "{} -m venv",
        interpreter.facts.executable.display()
    )];
    let flags = [
        (!options.symlinks, "--copies"),
        (!options.with_pip, "--without-pip"),
        (options.system_site_packages, "--system-site-packages"),
        (options.clear, "--clear"),
        (options.upgrade, "--upgrade"),
        (options.upgrade_deps, "--upgrade-deps"),
    ];
    args.extend(flags.iter().filter(|f| f.0).map(|f| f.1.to_owned()));
    if let Some(prompt) = &options.prompt {
        args.push(format!("--prompt=\"{prompt}\""));
    }
    // The flag exists from 3.13, the first venv that writes `.gitignore`.
    if !options.scm_ignore_files && interpreter.facts.major_minor() >= (3, 13) {
        args.push("--without-scm-ignore-files".into());
    }
    args.push(env_dir.display().to_string());
    args.join(" ")
}

/// Python's `repr()` of a string, which is how venv writes `prompt`.
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
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_control() => {
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

#[cfg(test)]
mod tests {
    use super::python_repr;

    #[test]
    fn repr_matches_python() {
        assert_eq!(python_repr("env"), "'env'");
        assert_eq!(python_repr("it's"), "\"it's\"");
        assert_eq!(python_repr("a'b\"c"), "'a\\'b\"c'");
        assert_eq!(python_repr("back\\slash"), "'back\\\\slash'");
        assert_eq!(python_repr("tab\there\n"), "'tab\\there\\n'");
        assert_eq!(python_repr("\u{1b}[0m"), "'\\x1b[0m'");
        assert_eq!(python_repr("naïve ✓"), "'naïve ✓'");
    }
}
