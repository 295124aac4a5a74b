//! PowerShell without a PowerShell (none can be installed here): every script venvsh
//! generates, for every corpus case, is parsed with tree-sitter-powershell. It must parse
//! cleanly, every string in it must be verbatim (`'…'`), and the values of `$Env:…` and
//! of the PATH entry, decoded from the parse tree, must be exactly the transition's.
//! `bin/Activate.ps1` must parse and be ASCII. The matrix's pwsh rows run the real probe
//! wherever `pwsh` is installed; snapshots.rs pins the scripts for one environment.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use tree_sitter::{Node, Parser, Tree};

use crate::common::harness::{Trial, plain_trial};
use crate::common::{Case, CorpusCase, expected_prompt_text, make_env, venvsh_stdout};
use crate::matrix::{Mode, Shell, assert_refused, bin_scripts};

fn parse(code: &str) -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_powershell::LANGUAGE.into())
        .expect("the PowerShell grammar loads");
    parser.parse(code, None).expect("the parser returns a tree")
}

/// Every node of the tree, parents before children.
fn all_nodes(root: Node<'_>) -> Vec<Node<'_>> {
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let node = out[i];
        let mut cursor = node.walk();
        out.extend(node.children(&mut cursor));
        i += 1;
    }
    out
}

fn text<'s>(node: Node<'_>, code: &'s str) -> &'s str {
    &code[node.byte_range()]
}

fn last_child(node: Node<'_>) -> Node<'_> {
    node.children(&mut node.walk()).last().expect("a child")
}

fn at(node: Node<'_>) -> String {
    let p = node.start_position();
    format!("{}:{}", p.row + 1, p.column + 1)
}

/// ERROR and MISSING nodes: where the parser had to give up or invent a token.
fn syntax_errors(tree: &Tree, code: &str) -> Vec<String> {
    let errors: Vec<String> = all_nodes(tree.root_node())
        .into_iter()
        .filter(|n| n.is_error() || n.is_missing())
        .map(|n| {
            let what = if n.is_missing() { "MISSING" } else { "ERROR" };
            format!("{what} {} at {}: {:?}", n.kind(), at(n), text(n, code))
        })
        .collect();
    assert_eq!(
        errors.is_empty(),
        !tree.root_node().has_error(),
        "the walk and tree-sitter disagree"
    );
    errors
}

/// Strings that are not verbatim `'…'`: expandable `"…"` and here-strings of either kind.
fn non_verbatim_strings(tree: &Tree, code: &str) -> Vec<String> {
    all_nodes(tree.root_node())
        .into_iter()
        .filter(|n| n.kind() == "string_literal")
        .filter(|n| {
            n.child_count() != 1 || n.child(0).unwrap().kind() != "verbatim_string_characters"
        })
        .map(|n| format!("{} at {}", text(n, code), at(n)))
        .collect()
}

/// Nodes that only wrap one child without changing its value.
const WRAPPERS: &[&str] = &[
    "pipeline",
    "pipeline_chain",
    "logical_expression",
    "bitwise_expression",
    "comparison_expression",
    "additive_expression",
    "multiplicative_expression",
    "format_expression",
    "range_expression",
    "array_literal_expression",
    "unary_expression",
    "expression_with_unary_operator",
    "argument_expression",
    "logical_argument_expression",
    "bitwise_argument_expression",
    "comparison_argument_expression",
    "additive_argument_expression",
    "multiplicative_argument_expression",
    "format_argument_expression",
    "range_argument_expression",
];

/// Strip wrappers down to the node that carries meaning.
fn strip_wrappers(mut node: Node<'_>) -> Node<'_> {
    while WRAPPERS.contains(&node.kind()) && node.child_count() == 1 {
        node = node.child(0).unwrap();
    }
    node
}

/// The string a value expression evaluates to, accepting only what `quote::powershell`
/// may write: a verbatim literal, or `(` a `+` chain of verbatim literals and
/// `[char]0xNNNN` that starts with a literal `)`, so `+` joins strings.
fn decode(node: Node<'_>, code: &str) -> Result<String, String> {
    let mut node = strip_wrappers(node);
    if node.kind() == "parenthesized_expression" {
        if node.child_count() != 3 {
            return Err(format!("unexpected parentheses: {}", text(node, code)));
        }
        node = strip_wrappers(node.child(1).unwrap());
        if !is_concatenation(node) {
            return Err(format!("not a concatenation: {}", text(node, code)));
        }
    }
    let mut units = Vec::new();
    if is_concatenation(node) && !leftmost_is_literal(node) {
        return Err(format!("`+` would not join strings: {}", text(node, code)));
    }
    collect_units(node, code, &mut units)?;
    String::from_utf16(&units).map_err(|e| format!("{e}: {}", text(node, code)))
}

fn is_concatenation(node: Node<'_>) -> bool {
    matches!(
        node.kind(),
        "additive_expression" | "additive_argument_expression"
    ) && node.child_count() == 3
}

fn leftmost_is_literal(node: Node<'_>) -> bool {
    let node = strip_wrappers(node);
    if is_concatenation(node) {
        leftmost_is_literal(node.child(0).unwrap())
    } else {
        node.kind() == "string_literal"
    }
}

fn collect_units(node: Node<'_>, code: &str, units: &mut Vec<u16>) -> Result<(), String> {
    let node = strip_wrappers(node);
    match node.kind() {
        _ if is_concatenation(node) => {
            let operator = node.child(1).unwrap();
            if text(operator, code) != "+" {
                return Err(format!("operator {:?}", text(operator, code)));
            }
            collect_units(node.child(0).unwrap(), code, units)?;
            collect_units(node.child(2).unwrap(), code, units)
        }
        "string_literal" => {
            let inner = node.child(0).unwrap();
            if node.child_count() != 1 || inner.kind() != "verbatim_string_characters" {
                return Err(format!("not a verbatim string: {}", text(node, code)));
            }
            let literal = text(inner, code);
            let body = &literal[1..literal.len() - 1];
            units.extend(body.replace("''", "'").encode_utf16());
            Ok(())
        }
        "cast_expression" => {
            let (kind, operand) = (
                node.child(0).unwrap(),
                strip_wrappers(node.child(1).unwrap()),
            );
            let digits = text(operand, code).strip_prefix("0x");
            match (text(kind, code), operand.kind(), digits) {
                ("[char]", "integer_literal", Some(hex)) if hex.len() == 4 => {
                    units.push(u16::from_str_radix(hex, 16).map_err(|e| e.to_string())?);
                    Ok(())
                }
                _ => Err(format!("not a [char]0xNNNN: {}", text(node, code))),
            }
        }
        other => Err(format!("{other} in a value: {}", text(node, code))),
    }
}

/// What a script does with values, read from its parse tree.
#[derive(Debug, Default)]
struct Effects {
    /// `$Env:NAME = value`, decoded.
    set: BTreeMap<String, String>,
    /// `Microsoft.PowerShell.Management\Remove-Item -LiteralPath Env:NAME`.
    removed: Vec<String>,
    /// `$__venvsh_path.Insert(0, entry)` and `.Remove(entry)`, decoded.
    prepend: Option<String>,
    remove: Option<String>,
    /// The script with every value expression replaced by `<value>`.
    skeleton: String,
}

fn effects(code: &str) -> Effects {
    let tree = parse(code);
    let errors = syntax_errors(&tree, code);
    assert!(errors.is_empty(), "syntax errors: {errors:#?}\n{code}");
    let strings = non_verbatim_strings(&tree, code);
    assert!(strings.is_empty(), "strings that expand: {strings:#?}");
    let mut found = Effects::default();
    let mut values = Vec::new();
    for node in all_nodes(tree.root_node()) {
        match node.kind() {
            "assignment_expression" => {
                let target = text(node.child(0).unwrap(), code);
                let value = last_child(node);
                if target == "$Env:PATH" {
                    // PATH is computed in the script from the list it edits.
                    assert_eq!(
                        text(last_child(node), code),
                        "$__venvsh_path -join [IO.Path]::PathSeparator"
                    );
                } else if let Some(name) = target.strip_prefix("$Env:") {
                    let decoded = decode(value, code).unwrap_or_else(|e| panic!("{target}: {e}"));
                    assert!(
                        found.set.insert(name.to_owned(), decoded).is_none(),
                        "{name} set twice"
                    );
                    values.push(value.byte_range());
                }
            }
            "invokation_expression" => {
                let member = node
                    .children(&mut node.walk())
                    .find(|c| c.kind() == "member_name")
                    .map(|m| text(m, code));
                let receiver = text(node.child(0).unwrap(), code);
                if receiver != "$__venvsh_path" || !matches!(member, Some("Insert" | "Remove")) {
                    continue;
                }
                let arguments = last_child(node);
                let list = arguments.named_child(0).expect("arguments");
                let value = list.named_children(&mut list.walk()).last().unwrap();
                let decoded = decode(value, code).unwrap_or_else(|e| panic!("{receiver}: {e}"));
                let slot = if member == Some("Insert") {
                    assert_eq!(text(list.named_child(0).unwrap(), code), "0", "Insert at 0");
                    &mut found.prepend
                } else {
                    &mut found.remove
                };
                assert!(slot.replace(decoded).is_none(), "PATH edited twice");
                values.push(value.byte_range());
            }
            "command" => {
                let name = node.child(0).map(|n| text(n, code));
                // Module-qualified, past a user's alias of the name (issue 11, item 3).
                if name == Some("Microsoft.PowerShell.Management\\Remove-Item") {
                    let mut cursor = node.walk();
                    let elements = node.children(&mut cursor).nth(1).unwrap();
                    let mut cursor = elements.walk();
                    for token in elements.children(&mut cursor) {
                        if let Some(var) = text(token, code).strip_prefix("Env:") {
                            found.removed.push(var.to_owned());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    values.sort_by_key(|r| r.start);
    let mut skeleton = String::new();
    let mut end = 0;
    for range in values {
        assert!(range.start >= end, "nested values");
        skeleton.push_str(&code[end..range.start]);
        skeleton.push_str("<value>");
        end = range.end;
    }
    skeleton.push_str(&code[end..]);
    found.skeleton = skeleton;
    found
}

fn json(text: &str) -> (BTreeMap<String, String>, Vec<String>) {
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    let set = value["set"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
        .collect();
    let unset = value["unset"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    (set, unset)
}

/// The scripts for one environment: activation (with PYTHONHOME set), deactivation in
/// the session activation made, the hook, and the hook in that session (resuming).
struct Scripts {
    activate: String,
    deactivate: String,
    hook: String,
    hook_resumed: String,
    on: (BTreeMap<String, String>, Vec<String>),
    off: (BTreeMap<String, String>, Vec<String>),
}

fn render(env: &Path, cwd: &Path) -> Scripts {
    let env = env.to_str().unwrap();
    let session = [("PYTHONHOME", "/original/home")];
    let activate = venvsh_stdout(&["activate", env, "--shell", "powershell"], cwd, &session);
    let on = json(&venvsh_stdout(&["activate", env, "--json"], cwd, &session));
    let active: Vec<(&str, &str)> = on.0.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let deactivate = venvsh_stdout(&["deactivate", "--shell", "powershell"], cwd, &active);
    let off = json(&venvsh_stdout(&["deactivate", "--json"], cwd, &active));
    Scripts {
        activate,
        deactivate,
        hook: venvsh_stdout(&["hook", "powershell"], cwd, &[]),
        hook_resumed: venvsh_stdout(&["hook", "powershell"], cwd, &active),
        on,
        off,
    }
}

pub fn trials() -> Vec<Trial> {
    let mut trials = vec![plain_trial(
        "powershell::the_parser_checks_reject_what_they_must",
        the_parser_checks_reject_what_they_must,
    )];
    for case in CorpusCase::all() {
        trials.push(plain_trial(
            format!("powershell::parse::{}", case.label()),
            move || output_parses_and_carries_values_verbatim(case),
        ));
        trials.push(plain_trial(
            format!("powershell::parse::bin::{}", case.label()),
            move || activate_ps1_parses(case),
        ));
    }
    trials
}

/// The skeletons (scripts outside their values) of activate, deactivate, hook and hook
/// resumed for the corpus's first case: every case's must be the same.
fn reference_skeletons() -> &'static [String; 4] {
    static SKELETONS: OnceLock<[String; 4]> = OnceLock::new();
    SKELETONS.get_or_init(|| {
        let case = Case::new();
        let env = make_env(case.root(), crate::common::CORPUS[0], None);
        let scripts = render(&env, case.root());
        skeletons(&scripts).expect("the reference case renders cleanly")
    })
}

fn skeletons(scripts: &Scripts) -> Option<[String; 4]> {
    let hook = effects(&scripts.hook);
    let resumed = effects(&scripts.hook_resumed);
    if !(hook.set.is_empty() && resumed.set.is_empty()) {
        return None;
    }
    Some([
        effects(&scripts.activate).skeleton,
        effects(&scripts.deactivate).skeleton,
        hook.skeleton,
        resumed.skeleton,
    ])
}

fn output_parses_and_carries_values_verbatim(spec: CorpusCase) {
    let case = Case::new();
    let (dir, prompt) = spec.dir_and_prompt("env");
    let env = make_env(case.root(), dir, prompt);
    let context = format!("powershell: {}", spec.describe("env"));
    let refused = Shell::Pwsh.refusals(Mode::Eval, dir, prompt);
    if !refused.is_empty() {
        assert_refused(&env, Shell::Pwsh, &refused, case.root());
        return;
    }
    let scripts = render(&env, case.root());
    let env_str = env.to_str().unwrap();
    let bin = format!("{env_str}/bin");
    for (name, code) in [
        ("activate", &scripts.activate),
        ("deactivate", &scripts.deactivate),
        ("hook", &scripts.hook),
        ("hook resumed", &scripts.hook_resumed),
    ] {
        // ASCII code cannot be garbled by a console code page, and holds none of the
        // typographic quotes PowerShell reads as `'`.
        assert!(code.is_ascii(), "{context}: {name} is not ASCII:\n{code}");
    }

    let on = effects(&scripts.activate);
    assert_eq!(on.set, scripts.on.0, "{context}: activation's $Env: values");
    assert_eq!(on.set["VIRTUAL_ENV"], env_str, "{context}: VIRTUAL_ENV");
    assert_eq!(
        on.set["VIRTUAL_ENV_PROMPT"],
        expected_prompt_text(&env),
        "{context}: VIRTUAL_ENV_PROMPT"
    );
    assert_eq!(on.removed, scripts.on.1, "{context}: activation's removals");
    assert_eq!(on.removed, ["PYTHONHOME"], "{context}");
    assert_eq!(on.prepend.as_deref(), Some(bin.as_str()), "{context}: PATH");
    assert_eq!(on.remove, None, "{context}: PATH");

    let off = effects(&scripts.deactivate);
    assert_eq!(off.set, scripts.off.0, "{context}: deactivation's values");
    assert_eq!(
        off.set,
        BTreeMap::from([("PYTHONHOME".to_owned(), "/original/home".to_owned())]),
        "{context}"
    );
    assert_eq!(
        off.removed, scripts.off.1,
        "{context}: deactivation's removals"
    );
    assert_eq!(off.remove.as_deref(), Some(bin.as_str()), "{context}: PATH");
    assert_eq!(off.prepend, None, "{context}: PATH");

    // Outside the decoded values, every script is the same for every name.
    let these = skeletons(&scripts).unwrap_or_else(|| panic!("{context}: the hook sets values"));
    let reference = reference_skeletons();
    for (i, kind) in ["activate", "deactivate", "hook", "hook resumed"]
        .iter()
        .enumerate()
    {
        assert_eq!(
            these[i], reference[i],
            "{context}: the {kind} script changed outside its values"
        );
    }
    case.assert_nothing_ran(&context);
}

/// No PowerShell here: Activate.ps1 must parse cleanly with tree-sitter-powershell and
/// be ASCII, for every case the corpus accepts.
fn activate_ps1_parses(spec: CorpusCase) {
    let case = Case::new();
    let (dir, prompt) = spec.dir_and_prompt("env");
    let env = make_env(case.root(), dir, prompt);
    let context = format!("powershell bin: {}", spec.describe("env"));
    let scripts = bin_scripts(&env);
    let omitted = scripts.omitted.iter().find(|(f, _)| f == "Activate.ps1");
    let refused = Shell::Pwsh.refusals(Mode::Bin, dir, prompt);
    if !refused.is_empty() {
        let (_, character) =
            omitted.unwrap_or_else(|| panic!("{context}: Activate.ps1 should be left out"));
        assert!(refused.contains(character), "{context}: {character:?}");
        return;
    }
    assert!(omitted.is_none(), "{context}: {omitted:?}");
    let code = &scripts
        .written
        .iter()
        .find(|(f, _)| f == "Activate.ps1")
        .expect("Activate.ps1 written")
        .1;
    assert!(code.is_ascii(), "{context}: not ASCII");
    let tree = parse(code);
    assert!(
        !tree.root_node().has_error(),
        "{context}: parse error in\n{code}\n{}",
        tree.root_node().to_sexp()
    );
}

fn the_parser_checks_reject_what_they_must() {
    for broken in ["$x = 'unterminated\n", "if ($x {\n  1\n}\n", "if (\n"] {
        let tree = parse(broken);
        assert!(
            !syntax_errors(&tree, broken).is_empty(),
            "{broken:?} was accepted"
        );
    }
    let expanding = "$a = \"$x\"\n$b = @'\nhere\n'@\n$c = @\"\n$(y)\n\"@\n$d = 'fine'\n";
    let tree = parse(expanding);
    assert!(syntax_errors(&tree, expanding).is_empty());
    assert_eq!(
        non_verbatim_strings(&tree, expanding).len(),
        3,
        "{expanding}"
    );

    let value = |expression: &str| {
        let code = format!("$Env:X = {expression}\n");
        let tree = parse(&code);
        assert!(syntax_errors(&tree, &code).is_empty(), "{code}");
        let assignment = all_nodes(tree.root_node())
            .into_iter()
            .find(|n| n.kind() == "assignment_expression")
            .unwrap();
        decode(last_child(assignment), &code)
    };
    assert_eq!(value("'it''s'"), Ok("it's".to_owned()));
    assert_eq!(
        value("(''+'John'+[char]0x2019+'s')"),
        Ok("John\u{2019}s".to_owned())
    );
    assert_eq!(
        value("(''+[char]0xD83D+[char]0xDE92)"),
        Ok("\u{1F692}".to_owned())
    );
    for rejected in [
        "\"$HOME\"",
        "'a'+$x",
        "('a'+$(touch PWNED))",
        "([char]0x41+'b')",
        "[char]0x41",
        "(''+[char]0xD83D)",
        "(''-'a')",
        "(''+[int]0x41)",
        "@'\nx\n'@",
    ] {
        assert!(value(rejected).is_err(), "{rejected:?} was decoded");
    }
}
