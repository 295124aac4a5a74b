//! Talking to clink_mock.lua, the mock of Clink's API run by `lua5.4` (its header says
//! what it mocks): one command per line, every argument hex-encoded so that any name
//! travels intact. Shared by tests/shells/clink.rs (venvsh on Linux) and
//! tests/windows/clink.rs (venvsh.exe under wine), which start the process differently.

// Each binary uses the part it needs.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

/// The mock; each test writes it beside the hook script it loads.
pub const MOCK: &str = include_str!("clink_mock.lua");

pub fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(s: &str) -> String {
    let bytes: Vec<u8> = (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect();
    String::from_utf8(bytes).unwrap()
}

/// One running mock.
pub struct Mock {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Mock {
    /// Start `command` (lua5.4 running the mock) with its standard streams piped.
    pub fn spawn(mut command: Command) -> Mock {
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("lua5.4 runs");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Mock {
            child,
            stdin,
            stdout,
        }
    }

    pub fn say(&mut self, line: &str) -> String {
        writeln!(self.stdin, "{line}").unwrap();
        self.stdin.flush().unwrap();
        let mut reply = String::new();
        self.stdout.read_line(&mut reply).unwrap();
        assert!(
            reply.ends_with('\n'),
            "the mock stopped after {line:?}: {reply:?}"
        );
        reply.trim_end_matches('\n').to_owned()
    }

    /// Set a variable of the environment the mock stands for.
    pub fn set(&mut self, name: &str, value: &str) {
        assert_eq!(self.say(&format!("set {} {}", hex(name), hex(value))), "ok");
    }

    pub fn unset(&mut self, name: &str) {
        assert_eq!(self.say(&format!("unset {}", hex(name))), "ok");
    }

    pub fn get(&mut self, name: &str) -> Option<String> {
        match self.say(&format!("get {}", hex(name))).as_str() {
            "-" => None,
            value => Some(unhex(value)),
        }
    }

    /// The whole environment table, sorted.
    pub fn dump(&mut self) -> Vec<String> {
        let all = unhex(&self.say("dump"));
        all.split_terminator('\0').map(str::to_owned).collect()
    }

    /// Load a script (again): "ok", then how many onbeginedit functions and prompt
    /// filters are registered.
    pub fn load_file(&mut self, path: &str) -> String {
        self.say(&format!("load {}", hex(path)))
    }

    /// Make `dir` (as `os.getcwd` reports it) the current directory.
    pub fn cd_to(&mut self, dir: &str) {
        assert_eq!(self.say(&format!("cd {}", hex(dir))), "ok");
    }

    /// One input line with cmd's prompt `text`: how many times io.popen ran, and the
    /// prompt the filters drew.
    pub fn prompt_from(&mut self, text: &str) -> (usize, String) {
        let reply = self.say(&format!("prompt {}", hex(text)));
        let (count, drawn) = reply.split_once(' ').unwrap();
        (count.parse().unwrap(), unhex(drawn))
    }

    /// Close stdin and return what the script wrote on stderr (venvsh's notices).
    pub fn finish(self) -> String {
        drop(self.stdin);
        let output = self.child.wait_with_output().unwrap();
        assert!(output.status.success(), "lua failed: {output:?}");
        String::from_utf8_lossy(&output.stderr).into_owned()
    }
}
