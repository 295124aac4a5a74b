//! cmd.exe: output is a `.bat` (CRLF, `@` on every line so the caller's echo state is
//! kept); values live only inside `set "NAME=value"`, where `&|<>()^` are literal.

crate::templates::shell_templates!("cmd/transition.bat", "cmd/hook.cmd");

/// cmd requires CRLF line endings in batch files.
pub fn crlf(script: &str) -> String {
    script.replace("\r\n", "\n").replace('\n', "\r\n")
}
