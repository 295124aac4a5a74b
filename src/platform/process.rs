//! Handing the process over to a command, for `venvsh run` and `venvsh shell`.
//!
//! On Unix venvsh replaces itself (`exec`): exit status, death by signal, terminal and
//! job control are the command's own. Windows has no `exec`, so venvsh starts the
//! command, waits, and exits with its exit code (all 32 bits). The command shares the
//! console, so Ctrl-C and Ctrl-Break reach it directly; venvsh only has to survive them
//! and wait, as CPython's `py.exe` launcher does. A job object ends the command if
//! venvsh itself is killed; processes the command starts are not in it.

use std::io;
use std::process::Command;

/// Become `command`. Returns only when it could not be started; otherwise the process
/// ends with the command's exit status.
pub fn replace_with(command: &mut Command) -> io::Error {
    imp::replace_with(command)
}

#[cfg(unix)]
mod imp {
    use std::io;
    use std::os::unix::process::CommandExt;
    use std::process::Command;

    pub fn replace_with(command: &mut Command) -> io::Error {
        // The child starts with default signal dispositions (std resets the SIGPIPE
        // that Rust programs ignore).
        command.exec()
    }
}

#[cfg(windows)]
mod imp {
    use std::io;
    use std::os::windows::io::AsRawHandle;
    use std::process::Command;

    use windows_sys::Win32::Foundation::{CloseHandle, HANDLE};
    use windows_sys::Win32::System::Console::{
        CTRL_BREAK_EVENT, CTRL_C_EVENT, SetConsoleCtrlHandler,
    };
    use windows_sys::Win32::System::JobObjects::{
        AssignProcessToJobObject, CreateJobObjectW, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
        JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK, JOBOBJECT_EXTENDED_LIMIT_INFORMATION,
        JobObjectExtendedLimitInformation, SetInformationJobObject,
    };
    use windows_sys::core::BOOL;

    /// Ctrl-C and Ctrl-Break are the command's to handle; venvsh keeps waiting. A
    /// handler, not `SetConsoleCtrlHandler(NULL, TRUE)`: that setting is inherited and
    /// would make the command ignore Ctrl-C too.
    unsafe extern "system" fn ignore_interrupts(event: u32) -> BOOL {
        BOOL::from(event == CTRL_C_EVENT || event == CTRL_BREAK_EVENT)
    }

    pub fn replace_with(command: &mut Command) -> io::Error {
        // SAFETY: registers a handler that touches nothing; it lives for the process.
        unsafe { SetConsoleCtrlHandler(Some(ignore_interrupts), 1) };
        let job = kill_on_close_job();
        let mut child = match command.spawn() {
            Ok(child) => child,
            Err(e) => return e,
        };
        if let Some(job) = job {
            // SAFETY: both handles are valid and open; a failure only loses the clean-up.
            unsafe { AssignProcessToJobObject(job, child.as_raw_handle() as HANDLE) };
        }
        match child.wait() {
            // `code()` is the whole 32-bit exit code, as i32; exit hands it back as u32.
            Ok(status) => std::process::exit(status.code().unwrap_or(1)),
            Err(e) => e,
        }
    }

    /// A job that kills its processes when its last handle closes, that is when venvsh
    /// ends; the command's own children break away silently, as under `exec`.
    fn kill_on_close_job() -> Option<HANDLE> {
        // SAFETY: plain calls with valid arguments; the structure is zeroed, then filled.
        unsafe {
            let job = CreateJobObjectW(std::ptr::null(), std::ptr::null());
            if job.is_null() {
                return None;
            }
            let mut limits: JOBOBJECT_EXTENDED_LIMIT_INFORMATION = std::mem::zeroed();
            limits.BasicLimitInformation.LimitFlags =
                JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE | JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK;
            let ok = SetInformationJobObject(
                job,
                JobObjectExtendedLimitInformation,
                (&raw const limits).cast(),
                size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32,
            );
            if ok == 0 {
                CloseHandle(job);
                return None;
            }
            Some(job)
        }
    }
}
