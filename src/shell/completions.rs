//! Completion scripts: clap_complete's, plus what each shell's templates add so that an
//! environment argument also completes to the store's names.
//!
//! Where a dialect edits clap's script, it names the exact line it expects; a line that
//! is not found (clap changed its output) is an error, never a silently weaker script.

use clap_complete::Generator;

/// What the additions need to know about the command line, read from its definition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spec {
    /// The program name completed (`venvsh`).
    pub bin: String,
    /// Commands whose first argument is an environment: a path or a store name (with
    /// their aliases).
    pub env_commands: Vec<String>,
    /// Commands whose argument is only a store name (with their aliases).
    pub name_commands: Vec<String>,
    /// The aliases among them, for generators that write no case for an alias.
    pub aliases: Vec<String>,
}

/// The positional argument ids that name an environment, by what they accept.
const ENV_ARG: &str = "env";
const NAME_ARG: &str = "name";

impl Spec {
    /// Read the commands that take an environment from `cli`.
    pub fn of(cli: &clap::Command) -> Self {
        let mut spec = Spec {
            bin: cli.get_name().to_owned(),
            ..Spec::default()
        };
        for sub in cli.get_subcommands().filter(|s| !s.is_hide_set()) {
            let first = sub.get_positionals().next().map(|a| a.get_id().as_str());
            // clap's scripts have a case for each alias too (`workon`, `rm`).
            let names = sub
                .get_name_and_visible_aliases()
                .into_iter()
                .map(str::to_owned);
            if matches!(first, Some(ENV_ARG | NAME_ARG)) {
                spec.aliases
                    .extend(sub.get_visible_aliases().map(str::to_owned));
            }
            match first {
                Some(ENV_ARG) => spec.env_commands.extend(names),
                Some(NAME_ARG) => spec.name_commands.extend(names),
                _ => {}
            }
        }
        spec
    }

    /// Every command taking an environment, in the order clap lists them.
    pub fn all_commands(&self) -> impl Iterator<Item = &String> {
        self.env_commands.iter().chain(&self.name_commands)
    }
}

/// clap_complete's script for `cli`.
pub fn generated(generator: impl Generator, cli: &clap::Command, bin: &str) -> String {
    let mut cli = cli.clone();
    let mut out = Vec::new();
    clap_complete::generate(generator, &mut cli, bin, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// `text` with each occurrence of `anchor` replaced, failing unless there are `expected`.
pub fn replace_exactly(
    text: &str,
    anchor: &str,
    replacement: &str,
    expected: usize,
) -> askama::Result<String> {
    let found = text.matches(anchor).count();
    if found != expected {
        return Err(askama::Error::custom(format!(
            "clap's completion script has {found} occurrences of {anchor:?} where {expected} were expected"
        )));
    }
    Ok(text.replace(anchor, replacement))
}

/// `text` with `insertion` put right after each case header of clap's script for a
/// command taking an environment (`case` formats a command name into the header).
pub fn insert_after_cases(
    text: &str,
    spec: &Spec,
    case: impl Fn(&str) -> String,
    insertion: &str,
) -> askama::Result<String> {
    let mut text = text.to_owned();
    for command in spec.all_commands() {
        let header = case(command);
        text = replace_exactly(&text, &header, &format!("{header}{insertion}"), 1)?;
    }
    Ok(text)
}
