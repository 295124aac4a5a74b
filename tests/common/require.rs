//! Whether a program a test needs must be present: the README's test command sets
//! VENVSH_REQUIRE_SHELLS=1, and then a missing one fails the run. Plain `cargo test`
//! skips it and says so on stderr.

use std::process::{Command, Stdio};

pub fn require(program: &str) -> bool {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {program}"))
        .stdout(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if found {
        return true;
    }
    if std::env::var("VENVSH_REQUIRE_SHELLS").is_ok_and(|v| v == "1") {
        panic!("{program} is required (VENVSH_REQUIRE_SHELLS=1) but is not installed");
    }
    eprintln!(
        "SKIPPED: {program} is not installed; these tests did not run (set VENVSH_REQUIRE_SHELLS=1 to fail instead)"
    );
    false
}
