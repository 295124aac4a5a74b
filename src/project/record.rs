//! Installers' records of what they put in an environment: the `RECORD` file of each
//! `*.dist-info` directory (PEP 376, PEP 627), written by pip, uv and venvsh itself, and
//! listing every installed file with the sha256 of its contents.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::paths::normalize;
use super::read;

/// The most a RECORD file may hold; large distributions list thousands of files.
const RECORD_LIMIT: u64 = 32 * 1024 * 1024;

/// `urlsafe_b64encode(sha256(data)).rstrip("=")`, RECORD's hash format.
pub fn hash(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let digest = Sha256::digest(data);
    let mut out = String::with_capacity(43);
    for chunk in digest.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// One RECORD line, `path,sha256=hash,size`, the path CSV-quoted when it needs it.
pub fn line(path: &str, hash: &str, size: usize) -> String {
    let path = if path.contains(',') || path.contains('"') {
        format!("\"{}\"", path.replace('"', "\"\""))
    } else {
        path.to_owned()
    };
    format!("{path},sha256={hash},{size}")
}

/// `path → hash` of a RECORD's lines that carry a sha256 (CSV; a quoted path may hold
/// commas).
pub fn parse(text: &str) -> BTreeMap<String, String> {
    text.lines()
        .filter_map(|line| {
            let mut fields = line.rsplitn(3, ',');
            let _size = fields.next()?;
            let hash = fields.next()?.strip_prefix("sha256=")?;
            let path = fields.next()?;
            let path = match path.strip_prefix('"').and_then(|p| p.strip_suffix('"')) {
                Some(quoted) => quoted.replace("\"\"", "\""),
                None => path.to_owned(),
            };
            Some((path, hash.to_owned()))
        })
        .collect()
}

/// Every file some installer recorded in the environment at `root`, by absolute path
/// (spelled from `root`), with the hash it recorded.
pub fn installed_files(root: &Path) -> BTreeMap<PathBuf, String> {
    let mut files = BTreeMap::new();
    for site_packages in site_packages_dirs(root) {
        let Ok(entries) = fs::read_dir(&site_packages) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            if !name.to_string_lossy().ends_with(".dist-info") {
                continue;
            }
            let Ok(text) = read::bounded_text(&entry.path().join("RECORD"), RECORD_LIMIT) else {
                continue;
            };
            for (path, hash) in parse(&text) {
                files.insert(normalize(&site_packages.join(path)), hash);
            }
        }
    }
    files
}

/// `lib/pythonX.Y/site-packages` (and `lib64/…`, free-threaded `python3.13t`), or
/// Windows' `Lib\site-packages`.
fn site_packages_dirs(root: &Path) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    for lib in ["lib", "lib64"] {
        if let Ok(entries) = fs::read_dir(root.join(lib)) {
            for entry in entries.flatten() {
                if entry.file_name().to_string_lossy().starts_with("python") {
                    dirs.push(entry.path().join("site-packages"));
                }
            }
        }
    }
    dirs.push(root.join("Lib").join("site-packages"));
    dirs.sort();
    dirs.dedup();
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_urlsafe_base64_without_padding() {
        // python3 -c 'import hashlib,base64;print(base64.urlsafe_b64encode(hashlib.sha256(b"abc").digest()).rstrip(b"="))'
        assert_eq!(hash(b"abc"), "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
        // pip's RECORD line for an empty REQUESTED file.
        assert_eq!(hash(b""), "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
        assert_eq!(
            hash(b"pip\n"),
            "zuuue4knoyJ-UwPPXg8fezS7VCrXJQrAP7zeNuwvFQg"
        );
    }

    #[test]
    fn lines_read_back_as_written() {
        for path in [
            "pip/__init__.py",
            "a,b.py",
            "say \"hi\".py",
            "../../Scripts/pip.exe",
        ] {
            let written = line(path, &hash(b"x"), 1);
            assert_eq!(parse(&written)[path], hash(b"x"), "{written}");
        }
        assert_eq!(line("a,\"b", "H", 2), "\"a,\"\"b\",sha256=H,2");
    }

    #[test]
    fn records_map_paths_to_hashes() {
        let parsed = parse(
            "pip/__init__.py,sha256=AAA,10\n../../../bin/pip,sha256=BBB,200\n\"a,b.py\",sha256=CCC,1\npip-24.dist-info/RECORD,,\n",
        );
        assert_eq!(parsed["../../../bin/pip"], "BBB");
        assert_eq!(parsed["a,b.py"], "CCC");
        assert_eq!(parsed.len(), 3);
    }

    #[test]
    fn installed_files_are_found_from_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let info = dir
            .path()
            .join("lib/python3.12/site-packages/x-1.dist-info");
        fs::create_dir_all(&info).unwrap();
        fs::write(info.join("RECORD"), "../../../bin/x,sha256=H,3\n").unwrap();
        let files = installed_files(dir.path());
        assert_eq!(files[&dir.path().join("bin/x")], "H");
    }
}
