//! An exclusive lock on a directory, so that creators in one place take turns.
//!
//! Unix: `flock` on the directory itself. Windows locks byte ranges of files only
//! (`LockFileEx` on a directory handle is refused), and a lock file would be left in
//! the user's directory; so the lock is a named mutex whose name is the directory's
//! identity (volume and file index, which survive renames and differ per volume).
//! Like `flock`, it is released when the holder dies: a mutex is then "abandoned", and
//! the next waiter gets it.

use std::io;
use std::path::Path;

/// Held until dropped.
pub struct DirLock {
    _inner: imp::Inner,
}

impl DirLock {
    /// Wait for the exclusive lock on `dir`. `Ok(None)` where the file system cannot
    /// lock (some network mounts): callers go on without taking turns.
    pub fn acquire(dir: &Path) -> io::Result<Option<Self>> {
        Ok(imp::acquire(dir)?.map(|inner| Self { _inner: inner }))
    }
}

#[cfg(unix)]
mod imp {
    use std::fs::File;
    use std::io;
    use std::os::fd::AsRawFd;
    use std::path::Path;

    /// The lock is released when the descriptor closes.
    pub struct Inner(#[allow(dead_code)] File);

    pub fn acquire(dir: &Path) -> io::Result<Option<Inner>> {
        let file = File::open(dir)?;
        loop {
            // SAFETY: flock on a descriptor we own.
            if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
                return Ok(Some(Inner(file)));
            }
            let err = io::Error::last_os_error();
            match err.raw_os_error() {
                Some(libc::EINTR) => continue,
                Some(libc::EOPNOTSUPP | libc::ENOLCK) => return Ok(None),
                _ => return Err(err),
            }
        }
    }
}

#[cfg(windows)]
mod imp {
    use std::io;
    use std::marker::PhantomData;
    use std::path::Path;

    use windows_sys::Win32::Foundation::{
        CloseHandle, ERROR_ACCESS_DENIED, HANDLE, WAIT_ABANDONED, WAIT_OBJECT_0,
    };
    use windows_sys::Win32::System::Threading::{
        CreateMutexW, INFINITE, ReleaseMutex, WaitForSingleObject,
    };

    use super::super::identity::FileId;
    use super::super::wide::wide;

    /// A mutex belongs to the thread that took it, so the guard must not move to
    /// another thread (`*const ()` makes it neither `Send` nor `Sync`).
    pub struct Inner {
        mutex: HANDLE,
        _thread_bound: PhantomData<*const ()>,
    }

    impl Drop for Inner {
        fn drop(&mut self) {
            // SAFETY: this thread owns the mutex, and the handle is ours.
            unsafe {
                ReleaseMutex(self.mutex);
                CloseHandle(self.mutex);
            }
        }
    }

    pub fn acquire(dir: &Path) -> io::Result<Option<Inner>> {
        let id = FileId::of(dir)?;
        let name = format!("venvsh-dir-{:x}-{:x}", id.volume, id.index);
        // Global\ reaches every session (a service, ssh, the desktop); where creating
        // global objects is not allowed, the session's own namespace still serializes
        // this user's shells.
        let mutex = match create(&format!("Global\\{name}")) {
            Err(e) if e.raw_os_error() == Some(ERROR_ACCESS_DENIED as i32) => {
                create(&format!("Local\\{name}"))?
            }
            other => other?,
        };
        // SAFETY: a valid mutex handle.
        let waited = unsafe { WaitForSingleObject(mutex, INFINITE) };
        if waited == WAIT_OBJECT_0 || waited == WAIT_ABANDONED {
            return Ok(Some(Inner {
                mutex,
                _thread_bound: PhantomData,
            }));
        }
        let err = io::Error::last_os_error();
        // SAFETY: the handle is ours.
        unsafe { CloseHandle(mutex) };
        Err(err)
    }

    fn create(name: &str) -> io::Result<HANDLE> {
        let name = wide(name.as_ref())?;
        // SAFETY: a NUL-terminated name; default security; not owned until waited for.
        let mutex = unsafe { CreateMutexW(std::ptr::null(), 0, name.as_ptr()) };
        if mutex.is_null() {
            Err(io::Error::last_os_error())
        } else {
            Ok(mutex)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_second_holder_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let first = DirLock::acquire(dir.path()).unwrap().expect("locks here");
        let (tx, rx) = mpsc::channel();
        let path = dir.path().to_owned();
        let waiter = std::thread::spawn(move || {
            let _second = DirLock::acquire(&path).unwrap();
            tx.send(()).unwrap();
        });
        assert!(rx.recv_timeout(Duration::from_millis(200)).is_err());
        drop(first);
        rx.recv_timeout(Duration::from_secs(10))
            .expect("the waiter gets the lock once it is released");
        waiter.join().unwrap();
    }
}
