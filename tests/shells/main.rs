//! Generated code runs in the real shells, over the hostile corpus.
//!
//! `cargo test` skips a shell that is not installed and says so on stderr; the README's
//! test command sets VENVSH_REQUIRE_SHELLS=1, and then a missing shell fails.

mod auto;
mod clink;
mod cmd;
mod fish;
mod nu;
mod posix;
mod powershell;
#[path = "../common/require.rs"]
mod require;
mod scenarios;
mod standalone;
mod support;
mod tcsh;
