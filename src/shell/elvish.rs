//! elvish: venvsh writes its completion script only (no activation).

use askama::Template;

use super::completions::{self, Spec};

/// Inserted into the case of each command taking an environment.
#[derive(Template)]
#[template(path = "elvish/completions.elv", escape = "none")]
struct Completions;

pub fn completion_script(cli: &clap::Command) -> askama::Result<String> {
    let spec = Spec::of(cli);
    let text = completions::generated(clap_complete::Shell::Elvish, cli, &spec.bin);
    let names = Completions.render()? + "\n";
    completions::insert_after_cases(
        &text,
        &spec,
        |command| format!("        &'{};{command}'= {{\n", spec.bin),
        &names,
    )
}
