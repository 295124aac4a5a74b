//! Where things go inside an environment, for one interpreter version: venv's rules,
//! in one place, on POSIX and on Windows.
//!
//! Paths are relative to the environment root, so one layout serves both the
//! staging directory being written and the final location the files refer to. The
//! inputs are the interpreter's facts from the one query (on Windows they include the
//! names of the files in the installation's folder), so nothing here reads the disk.

use std::path::{Path, PathBuf};

use super::interpreter::Facts;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// `bin`; `Scripts` on Windows.
    pub scripts: PathBuf,
    /// `include/python3.11` up to 3.13.0, `include` after (from the sysconfig venv
    /// scheme); `Include` on Windows.
    pub include: PathBuf,
    /// `lib/python3.11/site-packages` (`python3.13t` on free-threaded builds);
    /// `Lib\site-packages` on Windows.
    pub purelib: PathBuf,
    pub platlib: PathBuf,
    /// venv links `lib64 -> lib` on 64-bit POSIX except macOS, up to 3.14.
    pub lib64_link: bool,
    /// The environment's interpreter in `scripts`: `bin/<base name>`, the absolute link
    /// on POSIX; `Scripts\python.exe` on Windows.
    pub exe_name: String,
    /// POSIX: the other names in `bin/`, each a relative link to `exe_name`.
    pub aliases: Vec<String>,
    /// Windows: what venv puts in `Scripts\` in place of links. `None` on POSIX.
    pub windows: Option<WindowsPython>,
}

/// The interpreter files of a Windows environment, as the interpreter's own venv makes
/// them. Without `--symlinks` (venv's default there) each of `copies` is copied into
/// `Scripts\`; with it each of `links` is linked, and where Windows refuses a link
/// ([`Fallback`]) copies are made instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WindowsPython {
    /// (name in `Scripts\`, absolute path of the file copied there).
    pub copies: Vec<(String, PathBuf)>,
    /// (name in `Scripts\`, absolute path the link points at).
    pub links: Vec<(String, PathBuf)>,
    pub fallback: Fallback,
    /// 3.6 to 3.7.1 also copy Tcl's `init.tcl` to `Lib\<its folder's name>\init.tcl`, so
    /// that tkinter finds Tcl: (source, destination relative to the environment).
    pub init_tcl: Option<(PathBuf, PathBuf)>,
}

/// What a refused link turns into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fallback {
    /// Up to 3.12: that one file is copied instead: the entry of the same name in
    /// `copies` (venv's launcher for `python.exe`), else the file the link would name.
    EachFile,
    /// 3.13 and later: every link made so far is removed and `copies` are made.
    AllCopies,
}

impl WindowsPython {
    /// What a refused link to `name` is replaced with ([`Fallback::EachFile`]).
    pub fn copy_for(&self, name: &str) -> Option<&Path> {
        self.copies
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .or_else(|| {
                self.links
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(name))
            })
            .map(|(_, source)| source.as_path())
    }
}

impl Layout {
    pub fn for_interpreter(facts: &Facts) -> Self {
        if facts.platform == "win32" {
            return Self::windows(facts);
        }
        let (major, minor) = facts.major_minor();
        let exe_name = file_name(&facts.base_executable, "python");
        let mut names = vec![
            "python".to_owned(),
            format!("python{major}"),
            format!("python{major}.{minor}"),
        ];
        if facts.gil_disabled {
            // venv gets this name because the free-threaded base executable has it.
            names.push(format!("python{major}.{minor}t"));
        }
        if (major, minor) == (3, 14) {
            // 3.14's venv adds this one name, and only there.
            names.push("\u{1d70b}thon".to_owned());
        }
        let aliases = names.into_iter().filter(|n| *n != exe_name).collect();
        Self {
            scripts: facts.paths.scripts.clone(),
            include: facts.paths.include.clone(),
            purelib: facts.paths.purelib.clone(),
            platlib: facts.paths.platlib.clone(),
            lib64_link: facts.platform != "darwin"
                && facts.pointer_bits == 64
                && (major, minor) <= (3, 14),
            exe_name,
            aliases,
            windows: None,
        }
    }

    /// `Lib/venv/__init__.py`'s `setup_python` for `sys.platform == 'win32'`, by version.
    fn windows(facts: &Facts) -> Self {
        let (major, minor, micro) = (facts.version.0, facts.version.1, facts.version.2);
        let version = (major, minor, micro);
        let base_name = file_name(&facts.base_executable, "python.exe");
        let home = facts
            .base_executable
            .parent()
            .map_or_else(PathBuf::new, Path::to_owned);
        // A debug build's executables end in `_d`, and so do the launchers venv copies.
        let stem = base_name
            .rsplit_once('.')
            .map_or(base_name.as_str(), |(s, _)| s);
        let d = if stem.to_ascii_lowercase().ends_with("_d") {
            "_d"
        } else {
            ""
        };
        let has = |name: &str| {
            facts
                .home_files
                .iter()
                .any(|f| f.eq_ignore_ascii_case(name))
        };
        let ext_is = |name: &str, exts: &[&str]| {
            name.rsplit_once('.')
                .is_some_and(|(_, e)| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
        };
        let from_home = |name: &str| (name.to_owned(), home.join(name));
        let launchers = facts.stdlib.join("venv").join("scripts").join("nt");

        let (exe_name, python) = if version < (3, 7, 2) {
            // Copies (or links) of the interpreter itself, with every DLL and extension
            // module beside it, and Tcl's init.tcl (venv before bpo-34977).
            let binary = |name: &str| {
                ext_is(name, &["pyd", "dll"])
                    || (name.to_ascii_lowercase().starts_with("python") && ext_is(name, &["exe"]))
            };
            let mut files = vec![from_home(&base_name)];
            for name in facts.home_files.iter().filter(|n| binary(n)) {
                if !name.eq_ignore_ascii_case(&base_name) {
                    files.push(from_home(name));
                }
            }
            for name in facts.dll_files.iter().filter(|n| binary(n)) {
                files.push((name.clone(), home.join("DLLs").join(name)));
            }
            let init_tcl = facts.init_tcl_dir.as_ref().and_then(|dir| {
                let folder = dir.file_name()?;
                Some((
                    dir.join("init.tcl"),
                    Path::new("Lib").join(folder).join("init.tcl"),
                ))
            });
            let python = WindowsPython {
                copies: files.clone(),
                links: files,
                fallback: Fallback::EachFile,
                init_tcl,
            };
            (base_name.clone(), python)
        } else if (major, minor) <= (3, 12) {
            // The redirector `Lib\venv\scripts\nt\python.exe` (and `pythonw.exe`) copied
            // under each name the installation has (bpo-34977, 3.7.2).
            let mut names: Vec<String> =
                ["python.exe", "python_d.exe", "pythonw.exe", "pythonw_d.exe"]
                    .iter()
                    .map(|n| (*n).to_owned())
                    .collect();
            if (major, minor) >= (3, 9) && !names.iter().any(|n| n.eq_ignore_ascii_case(&base_name))
            {
                names.push(base_name.clone());
            }
            // A name the redirector is not shipped under (a renamed base executable):
            // venv's copier falls back to the installation's own file of that name.
            let standard = |n: &str| {
                ["python", "python_d", "pythonw", "pythonw_d"]
                    .iter()
                    .any(|s| n.eq_ignore_ascii_case(&format!("{s}.exe")))
            };
            let copies = names
                .into_iter()
                .filter(|n| has(n))
                .map(|n| {
                    let source = if standard(&n) {
                        launchers.join(&n)
                    } else {
                        home.join(&n)
                    };
                    (n, source)
                })
                .collect();
            let links = facts
                .home_files
                .iter()
                .filter(|n| ext_is(n, &["exe", "dll"]))
                .map(|n| from_home(n))
                .collect();
            let python = WindowsPython {
                copies,
                links,
                fallback: Fallback::EachFile,
                init_tcl: None,
            };
            (base_name.clone(), python)
        } else {
            // `venvlauncher.exe`/`venvwlauncher.exe` (free-threaded: `venvlaunchert.exe`
            // and `venvwlaunchert.exe`) copied as `python.exe`/`pythonw.exe` (cpython#112984);
            // links are all or nothing.
            let t = if facts.gil_disabled {
                format!("{major}.{minor}t")
            } else {
                String::new()
            };
            let suffix = if facts.gil_disabled { "t" } else { "" };
            let mut copies = Vec::new();
            let mut links = Vec::new();
            for (kind, launcher) in [("python", "venvlauncher"), ("pythonw", "venvwlauncher")] {
                let copy = launchers.join(format!("{launcher}{suffix}{d}.exe"));
                let target = home.join(format!("{kind}{t}{d}.exe"));
                let mut names = vec![format!("{kind}.exe"), format!("{kind}{d}.exe")];
                if facts.gil_disabled {
                    names.push(format!("{kind}{t}.exe"));
                    names.push(format!("{kind}{t}{d}.exe"));
                }
                names.dedup();
                for name in names {
                    if !copies.iter().any(|(n, _)| *n == name) {
                        copies.push((name.clone(), copy.clone()));
                        links.push((name, target.clone()));
                    }
                }
            }
            // For links, the DLLs must be beside the executables.
            for name in &facts.home_files {
                let lower = name.to_ascii_lowercase();
                if (lower.starts_with("python") || lower.starts_with("vcruntime"))
                    && ext_is(name, &["dll"])
                {
                    links.push(from_home(name));
                }
            }
            let python = WindowsPython {
                copies,
                links,
                fallback: Fallback::AllCopies,
                init_tcl: None,
            };
            (format!("python{d}.exe"), python)
        };
        Self {
            scripts: facts.paths.scripts.clone(),
            include: facts.paths.include.clone(),
            purelib: facts.paths.purelib.clone(),
            platlib: facts.paths.platlib.clone(),
            lib64_link: false,
            exe_name,
            aliases: Vec::new(),
            windows: Some(python),
        }
    }

    /// The files in `scripts` that stand for the interpreter (links or copies of it, or
    /// venv's launcher), which `--upgrade` replaces.
    pub fn interpreter_files(&self) -> Vec<String> {
        let mut names = vec![self.exe_name.clone()];
        names.extend(self.aliases.iter().cloned());
        if let Some(windows) = &self.windows {
            for (name, _) in windows.copies.iter().chain(&windows.links) {
                if !names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                    names.push(name.clone());
                }
            }
        }
        names
    }

    /// Every directory the layout needs, parents first.
    pub fn directories(&self) -> Vec<PathBuf> {
        let mut dirs = vec![
            self.scripts.clone(),
            self.include.clone(),
            self.purelib.clone(),
        ];
        if self.platlib != self.purelib && !(self.lib64_link && self.platlib.starts_with("lib64")) {
            dirs.push(self.platlib.clone());
        }
        dirs
    }
}

/// The last component of `path`, or `default`.
fn file_name(path: &Path, default: &str) -> String {
    path.file_name()
        .map_or_else(|| default.into(), |n| n.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::venv::interpreter::SchemePaths;

    /// A Windows CPython `version` installed in `C:/Py` (the separator does not matter
    /// here: the layout only joins), with `home_files` beside its python.exe.
    fn windows_facts(version: (u32, u32, u32), base: &str, home_files: &[&str]) -> Facts {
        let home = PathBuf::from("C:/Py");
        Facts {
            implementation: "cpython".into(),
            version: (version.0, version.1, version.2, "final".into(), 0),
            executable: home.join(base),
            base_executable: home.join(base),
            base_prefix: home.clone(),
            stdlib: home.join("Lib"),
            paths: SchemePaths {
                scripts: "Scripts".into(),
                include: "Include".into(),
                purelib: "Lib/site-packages".into(),
                platlib: "Lib/site-packages".into(),
            },
            platform: "win32".into(),
            pointer_bits: 64,
            gil_disabled: false,
            shared: false,
            libdir: PathBuf::new(),
            library: String::new(),
            framework: String::new(),
            wheel_pkg_dir: PathBuf::new(),
            platform_tag: "win-amd64".into(),
            home_files: home_files.iter().map(|s| (*s).to_owned()).collect(),
            dll_files: vec!["_ctypes.pyd".into(), "libffi-8.dll".into()],
            init_tcl_dir: None,
        }
    }

    fn names(files: &[(String, PathBuf)]) -> Vec<(&str, String)> {
        files
            .iter()
            .map(|(n, p)| (n.as_str(), p.to_string_lossy().replace('\\', "/")))
            .collect()
    }

    const HOME_313: &[&str] = &[
        "LICENSE.txt",
        "python.exe",
        "python3.dll",
        "python313.dll",
        "pythonw.exe",
        "vcruntime140.dll",
        "vcruntime140_1.dll",
    ];

    #[test]
    fn windows_313_copies_venvs_launchers_or_links_everything_it_needs() {
        let layout = Layout::for_interpreter(&windows_facts((3, 13, 2), "python.exe", HOME_313));
        assert_eq!(layout.exe_name, "python.exe");
        assert!(layout.aliases.is_empty() && !layout.lib64_link);
        let python = layout.windows.as_ref().unwrap();
        assert_eq!(python.fallback, Fallback::AllCopies);
        assert_eq!(
            names(&python.copies),
            [
                (
                    "python.exe",
                    "C:/Py/Lib/venv/scripts/nt/venvlauncher.exe".into()
                ),
                (
                    "pythonw.exe",
                    "C:/Py/Lib/venv/scripts/nt/venvwlauncher.exe".into()
                ),
            ]
        );
        assert_eq!(
            names(&python.links),
            [
                ("python.exe", "C:/Py/python.exe".to_owned()),
                ("pythonw.exe", "C:/Py/pythonw.exe".into()),
                ("python3.dll", "C:/Py/python3.dll".into()),
                ("python313.dll", "C:/Py/python313.dll".into()),
                ("vcruntime140.dll", "C:/Py/vcruntime140.dll".into()),
                ("vcruntime140_1.dll", "C:/Py/vcruntime140_1.dll".into()),
            ]
        );
        assert_eq!(
            layout.interpreter_files(),
            [
                "python.exe",
                "pythonw.exe",
                "python3.dll",
                "python313.dll",
                "vcruntime140.dll",
                "vcruntime140_1.dll"
            ]
        );
    }

    #[test]
    fn windows_313_debug_and_free_threaded_builds_get_their_own_launchers() {
        let debug = Layout::for_interpreter(&windows_facts((3, 13, 2), "python_d.exe", &[]));
        assert_eq!(debug.exe_name, "python_d.exe");
        let copies = names(&debug.windows.as_ref().unwrap().copies);
        assert_eq!(
            copies.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            ["python.exe", "python_d.exe", "pythonw.exe", "pythonw_d.exe"]
        );
        assert!(copies[1].1.ends_with("/venvlauncher_d.exe"));
        assert!(copies[3].1.ends_with("/venvwlauncher_d.exe"));

        let mut facts = windows_facts((3, 13, 2), "python3.13t.exe", &[]);
        facts.gil_disabled = true;
        let free = Layout::for_interpreter(&facts);
        assert_eq!(free.exe_name, "python.exe");
        let python = free.windows.as_ref().unwrap();
        assert_eq!(
            names(&python.copies),
            [
                (
                    "python.exe",
                    "C:/Py/Lib/venv/scripts/nt/venvlaunchert.exe".into()
                ),
                (
                    "python3.13t.exe",
                    "C:/Py/Lib/venv/scripts/nt/venvlaunchert.exe".into()
                ),
                (
                    "pythonw.exe",
                    "C:/Py/Lib/venv/scripts/nt/venvwlaunchert.exe".into()
                ),
                (
                    "pythonw3.13t.exe",
                    "C:/Py/Lib/venv/scripts/nt/venvwlaunchert.exe".into()
                ),
            ]
        );
        assert!(
            python
                .links
                .iter()
                .all(|(_, p)| p.ends_with("python3.13t.exe") || p.ends_with("pythonw3.13t.exe"))
        );
    }

    #[test]
    fn windows_37_to_312_copy_the_redirector_under_the_names_the_installation_has() {
        let home = ["python.exe", "pythonw.exe", "python312.dll", "py.ico"];
        let layout = Layout::for_interpreter(&windows_facts((3, 12, 1), "python.exe", &home));
        let python = layout.windows.as_ref().unwrap();
        assert_eq!(python.fallback, Fallback::EachFile);
        assert_eq!(
            names(&python.copies),
            [
                ("python.exe", "C:/Py/Lib/venv/scripts/nt/python.exe".into()),
                (
                    "pythonw.exe",
                    "C:/Py/Lib/venv/scripts/nt/pythonw.exe".into()
                ),
            ]
        );
        // With --symlinks every .exe and .dll of the installation is linked.
        assert_eq!(
            python
                .links
                .iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>(),
            ["python.exe", "pythonw.exe", "python312.dll"]
        );
        // A refused link to python.exe becomes a copy of the redirector.
        assert_eq!(
            python.copy_for("python.exe"),
            Some(Path::new("C:/Py/Lib/venv/scripts/nt/python.exe"))
        );

        // A renamed base executable is copied as itself beside the redirectors.
        let home = ["python.exe", "pythonw.exe", "mypy3.exe"];
        let layout = Layout::for_interpreter(&windows_facts((3, 12, 1), "mypy3.exe", &home));
        assert_eq!(layout.exe_name, "mypy3.exe");
        assert_eq!(
            names(&layout.windows.as_ref().unwrap().copies),
            [
                ("python.exe", "C:/Py/Lib/venv/scripts/nt/python.exe".into()),
                (
                    "pythonw.exe",
                    "C:/Py/Lib/venv/scripts/nt/pythonw.exe".into()
                ),
                ("mypy3.exe", "C:/Py/mypy3.exe".into()),
            ]
        );
    }

    #[test]
    fn windows_before_372_copies_the_interpreter_and_its_binaries() {
        let home = [
            "python.exe",
            "pythonw.exe",
            "python36.dll",
            "vcruntime140.dll",
        ];
        let mut facts = windows_facts((3, 6, 8), "python.exe", &home);
        facts.init_tcl_dir = Some(PathBuf::from("C:/Py/tcl/tcl8.6"));
        let layout = Layout::for_interpreter(&facts);
        let python = layout.windows.as_ref().unwrap();
        assert_eq!(
            python
                .copies
                .iter()
                .map(|(n, _)| n.as_str())
                .collect::<Vec<_>>(),
            [
                "python.exe",
                "pythonw.exe",
                "python36.dll",
                "vcruntime140.dll",
                "_ctypes.pyd",
                "libffi-8.dll"
            ]
        );
        assert_eq!(python.copies, python.links);
        assert_eq!(
            python.init_tcl,
            Some((
                PathBuf::from("C:/Py/tcl/tcl8.6/init.tcl"),
                PathBuf::from("Lib/tcl8.6/init.tcl")
            ))
        );
    }
}
