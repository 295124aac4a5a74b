//! PowerShell (Windows PowerShell 5.1 and pwsh 7): verbatim strings, ASCII-only code,
//! and a `prompt` function wrapper installed once.

crate::templates::shell_templates!("powershell/transition.ps1", "powershell/hook.ps1");
