//! Whether a file belongs to the user running venvsh.
//!
//! Unix: the file's uid is the effective uid. Windows: the owner SID in the file's
//! security descriptor is the process token's user, or the token's default owner for
//! new objects: an elevated administrator's files are owned by the Administrators
//! group, not by the user's own SID.

use std::io;
use std::path::Path;

/// Whether `path` itself (a link is not followed on Unix) is owned by this user.
pub fn owned_by_current_user(path: &Path) -> io::Result<bool> {
    imp::owned_by_current_user(path)
}

#[cfg(unix)]
mod imp {
    use std::io;
    use std::os::unix::fs::MetadataExt;
    use std::path::Path;

    pub fn owned_by_current_user(path: &Path) -> io::Result<bool> {
        let meta = std::fs::symlink_metadata(path)?;
        // SAFETY: geteuid cannot fail and touches no memory.
        Ok(meta.uid() == unsafe { libc::geteuid() })
    }
}

#[cfg(windows)]
mod imp {
    use std::fs::OpenOptions;
    use std::io;
    use std::os::windows::fs::OpenOptionsExt;
    use std::os::windows::io::AsRawHandle;
    use std::path::Path;

    use windows_sys::Win32::Foundation::{CloseHandle, HANDLE, LocalFree};
    use windows_sys::Win32::Security::Authorization::{GetSecurityInfo, SE_FILE_OBJECT};
    use windows_sys::Win32::Security::{
        EqualSid, GetTokenInformation, OWNER_SECURITY_INFORMATION, PSECURITY_DESCRIPTOR, PSID,
        TOKEN_OWNER, TOKEN_QUERY, TOKEN_USER, TokenOwner, TokenUser,
    };
    use windows_sys::Win32::Storage::FileSystem::{
        FILE_FLAG_BACKUP_SEMANTICS, FILE_FLAG_OPEN_REPARSE_POINT, FILE_SHARE_DELETE,
        FILE_SHARE_READ, FILE_SHARE_WRITE, READ_CONTROL,
    };
    use windows_sys::Win32::System::Threading::{GetCurrentProcess, OpenProcessToken};

    pub fn owned_by_current_user(path: &Path) -> io::Result<bool> {
        let file = OpenOptions::new()
            .access_mode(READ_CONTROL)
            .share_mode(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)
            .custom_flags(FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OPEN_REPARSE_POINT)
            .open(path)?;
        let mut owner: PSID = std::ptr::null_mut();
        let mut descriptor: PSECURITY_DESCRIPTOR = std::ptr::null_mut();
        // SAFETY: a valid handle; `owner` points into `descriptor`, freed below.
        let status = unsafe {
            GetSecurityInfo(
                file.as_raw_handle() as HANDLE,
                SE_FILE_OBJECT,
                OWNER_SECURITY_INFORMATION,
                &mut owner,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                &mut descriptor,
            )
        };
        if status != 0 {
            return Err(io::Error::from_raw_os_error(status as i32));
        }
        let result = token_sids_match(owner);
        // SAFETY: allocated by GetSecurityInfo for us to free.
        unsafe { LocalFree(descriptor) };
        result
    }

    /// Whether `owner` is the token's user or its default owner.
    fn token_sids_match(owner: PSID) -> io::Result<bool> {
        let mut token: HANDLE = std::ptr::null_mut();
        // SAFETY: the pseudo-handle of this process; the token handle is closed below.
        if unsafe { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &mut token) } == 0 {
            return Err(io::Error::last_os_error());
        }
        let result = (|| {
            let user = token_info(token, TokenUser)?;
            let default_owner = token_info(token, TokenOwner)?;
            // SAFETY: the buffers hold a TOKEN_USER and a TOKEN_OWNER, whose SIDs point
            // into the buffers themselves (u64 storage keeps them aligned).
            unsafe {
                let user_sid = (*user.as_ptr().cast::<TOKEN_USER>()).User.Sid;
                let owner_sid = (*default_owner.as_ptr().cast::<TOKEN_OWNER>()).Owner;
                Ok(EqualSid(owner, user_sid) != 0 || EqualSid(owner, owner_sid) != 0)
            }
        })();
        // SAFETY: ours to close.
        unsafe { CloseHandle(token) };
        result
    }

    fn token_info(token: HANDLE, class: i32) -> io::Result<Vec<u64>> {
        let mut needed = 0u32;
        // SAFETY: asks for the size only.
        unsafe { GetTokenInformation(token, class, std::ptr::null_mut(), 0, &mut needed) };
        let mut buffer = vec![0u64; (needed as usize).div_ceil(8).max(1)];
        let size = (buffer.len() * 8) as u32;
        // SAFETY: a buffer of `size` bytes.
        let ok = unsafe {
            GetTokenInformation(token, class, buffer.as_mut_ptr().cast(), size, &mut needed)
        };
        if ok == 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(buffer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_this_user_makes_is_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, "x").unwrap();
        assert!(owned_by_current_user(&file).unwrap());
        assert!(owned_by_current_user(dir.path()).unwrap());
        assert!(owned_by_current_user(&dir.path().join("missing")).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_file_of_another_user_is_not() {
        // SAFETY: geteuid cannot fail.
        if unsafe { libc::geteuid() } != 0 {
            // `/` belongs to root.
            assert!(!owned_by_current_user(Path::new("/")).unwrap());
            return;
        }
        // As root: give a file to `nobody`.
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("theirs");
        std::fs::write(&file, "x").unwrap();
        let c = std::ffi::CString::new(file.as_os_str().as_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::chown(c.as_ptr(), 65534, 65534) }, 0);
        assert!(!owned_by_current_user(&file).unwrap());
    }
}
