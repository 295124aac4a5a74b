//! What an environment already at the target says about itself: which interpreter made
//! it, with which options, and which distributions are installed. A re-run compares
//! this with what it would build (issue 10: re-runs succeed, different interpreters and
//! conflicting options are refused with a hint).

use std::fs;
use std::path::{Component, Path, PathBuf};

use super::interpreter::Facts;
use super::layout::Layout;
use crate::project::pyvenv_cfg::{unquote_prompt, value as cfg_value};

/// The `pyvenv.cfg` of an existing environment, as far as a re-run cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExistingEnv {
    pub home: Option<String>,
    /// `X.Y` from `version` (venv) or `version_info` (virtualenv, uv).
    pub major_minor: Option<(u32, u32)>,
    pub system_site_packages: Option<bool>,
    pub prompt: Option<String>,
}

impl ExistingEnv {
    /// Read `<root>/pyvenv.cfg` (bounded: it may come from anywhere).
    pub fn read(root: &Path) -> Self {
        use std::io::Read;
        let mut bytes = Vec::new();
        let _ = fs::File::open(root.join("pyvenv.cfg"))
            .and_then(|f| f.take(64 * 1024).read_to_end(&mut bytes));
        let text = String::from_utf8_lossy(&bytes);
        let version = cfg_value(&text, "version").or_else(|| cfg_value(&text, "version_info"));
        let major_minor = version.and_then(|v| {
            let mut parts = v.split('.').map(|p| p.parse::<u32>().ok());
            Some((parts.next()??, parts.next()??))
        });
        Self {
            home: cfg_value(&text, "home"),
            major_minor,
            system_site_packages: cfg_value(&text, "include-system-site-packages")
                .map(|v| v.eq_ignore_ascii_case("true")),
            prompt: cfg_value(&text, "prompt").map(|p| unquote_prompt(&p)),
        }
    }

    /// Whether `facts` is the interpreter this environment was made with: the same
    /// `home` and the same `X.Y` (`/usr/bin` holds several versions).
    pub fn made_by(&self, facts: &Facts) -> bool {
        let home = facts
            .base_executable
            .parent()
            .map(|h| h.to_string_lossy().into_owned());
        let same_home = self.home.as_deref().map(|h| h.trim_end_matches('/'))
            == home.as_deref().map(|h| h.trim_end_matches('/'));
        same_home && self.major_minor.is_none_or(|v| v == facts.major_minor())
    }

    /// "CPython 3.11 from /usr/bin", for messages.
    pub fn describe(&self) -> String {
        let version = self
            .major_minor
            .map_or_else(|| "Python".to_owned(), |(a, b)| format!("Python {a}.{b}"));
        match &self.home {
            Some(home) => format!("{version} from {home}"),
            None => format!("{version} (pyvenv.cfg names no home)"),
        }
    }
}

/// An installed distribution: its `.dist-info` directory name and version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Installed {
    pub dist_info: String,
    pub version: Vec<u64>,
}

/// `dist` as installed in the environment at `root`, if it is.
pub fn installed(root: &Path, layout: &Layout, dist: &str) -> Option<Installed> {
    let prefix = format!("{dist}-");
    fs::read_dir(root.join(&layout.purelib))
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let version = name.strip_prefix(&prefix)?.strip_suffix(".dist-info")?;
            Some(Installed {
                version: parse_version(version),
                dist_info: name,
            })
        })
        .max_by(|a, b| a.version.cmp(&b.version))
}

/// `23.2.1` → [23, 2, 1]; a part that is not a number counts as 0.
pub fn parse_version(text: &str) -> Vec<u64> {
    text.split('.')
        .map(|p| {
            let digits: String = p.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().unwrap_or(0)
        })
        .collect()
}

/// The top-level paths (relative to the environment root) that `installed` put there,
/// from its RECORD: entries of site-packages and console scripts in `bin/`, plus the
/// `.dist-info` itself. A RECORD line that leads anywhere else is ignored, since the
/// environment may not be venvsh's (a repository can ship one).
pub fn installed_paths(root: &Path, layout: &Layout, installed: &Installed) -> Vec<PathBuf> {
    let site = &layout.purelib;
    let mut out = vec![site.join(&installed.dist_info)];
    let record = fs::read_to_string(root.join(site).join(&installed.dist_info).join("RECORD"));
    for line in record.unwrap_or_default().lines() {
        let path = record_path(line);
        let Some(relative) = fold(&site.join(path)) else {
            continue;
        };
        let top = if let Ok(inside) = relative.strip_prefix(site) {
            inside.components().next().map(|c| site.join(c))
        } else if relative.parent() == Some(layout.scripts.as_path()) {
            Some(relative.clone())
        } else {
            None
        };
        if let Some(top) = top
            && !out.contains(&top)
        {
            out.push(top);
        }
    }
    out
}

/// The path field of a RECORD line (CSV: quoted when it holds a comma or a quote).
fn record_path(line: &str) -> String {
    if let Some(rest) = line.strip_prefix('"') {
        let mut out = String::new();
        let mut chars = rest.chars();
        while let Some(c) = chars.next() {
            if c == '"' {
                if chars.next() == Some('"') {
                    out.push('"');
                    continue;
                }
                break;
            }
            out.push(c);
        }
        return out;
    }
    line.rsplitn(3, ',').last().unwrap_or_default().to_owned()
}

/// `path` with `..` folded, if it stays relative and inside the root.
fn fold(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!out.as_os_str().is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_paths_stay_inside_the_environment() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout {
            scripts: "bin".into(),
            include: "include".into(),
            purelib: "lib/python3.12/site-packages".into(),
            platlib: "lib/python3.12/site-packages".into(),
            lib64_link: false,
            exe_name: "python3.12".into(),
            aliases: vec![],
            windows: None,
        };
        let info = dir.path().join(&layout.purelib).join("pip-1.0.dist-info");
        fs::create_dir_all(&info).unwrap();
        fs::write(
            info.join("RECORD"),
            "pip/__init__.py,sha256=x,1\n\
             pip/_vendor/a.py,sha256=x,1\n\
             \"odd,name.py\",sha256=x,1\n\
             ../../../bin/pip,sha256=x,1\n\
             ../../../bin/../../../../etc/passwd,,\n\
             ../../../../outside,,\n\
             ../../../lib/other,,\n\
             /etc/shadow,,\n\
             pip-1.0.dist-info/RECORD,,\n",
        )
        .unwrap();
        let found = installed(dir.path(), &layout, "pip").unwrap();
        assert_eq!(found.version, [1, 0]);
        let paths = installed_paths(dir.path(), &layout, &found);
        let site = Path::new("lib/python3.12/site-packages");
        assert_eq!(
            paths,
            [
                site.join("pip-1.0.dist-info"),
                site.join("pip"),
                site.join("odd,name.py"),
                PathBuf::from("bin/pip"),
            ]
        );
    }

    #[test]
    fn versions_compare_numerically() {
        assert!(parse_version("23.2.1") < parse_version("24.0"));
        assert!(parse_version("9.0.3") < parse_version("10.0"));
        assert_eq!(parse_version("24.1b1"), [24, 1]);
    }
}
