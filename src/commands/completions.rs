//! `venvsh completions SHELL` and `venvsh man`: text generated from the clap definitions.
//!
//! The committed copies under `completions/` and `man/` are regenerated with
//! `VENVSH_REGENERATE=1 cargo test --test completions`; without the variable that
//! test fails when they are stale.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::CommandFactory;

use super::print;
use crate::cli::{Cli, CompletionShell, CompletionsArgs, ManArgs};

const BIN: &str = "venvsh";

pub fn completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    print(&render(args.shell)?)
}

/// The completion script for `shell`: clap_complete's, plus environment names from the
/// store where the shell allows a command to supply them.
pub fn render(shell: CompletionShell) -> anyhow::Result<String> {
    use clap_complete::Shell as C;
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    match shell {
        CompletionShell::Bash => clap_complete::generate(C::Bash, &mut cmd, BIN, &mut out),
        CompletionShell::Zsh => clap_complete::generate(C::Zsh, &mut cmd, BIN, &mut out),
        CompletionShell::Fish => clap_complete::generate(C::Fish, &mut cmd, BIN, &mut out),
        CompletionShell::Powershell => {
            clap_complete::generate(C::PowerShell, &mut cmd, BIN, &mut out);
        }
        CompletionShell::Elvish => clap_complete::generate(C::Elvish, &mut cmd, BIN, &mut out),
        CompletionShell::Nu => {
            clap_complete::generate(clap_complete_nushell::Nushell, &mut cmd, BIN, &mut out);
        }
    }
    let mut text = String::from_utf8(out).context("the completion script is not UTF-8")?;
    match shell {
        CompletionShell::Bash => text.push_str(BASH_ENVS),
        CompletionShell::Fish => text.push_str(FISH_ENVS),
        CompletionShell::Zsh => {
            // An environment argument completes store names as well as paths; `remove`
            // takes only names.
            text = text
                .lines()
                .map(|line| {
                    if line.starts_with("'::env -- ") {
                        line.replace(":_files' \\", ":_venvsh_env_or_path' \\")
                    } else if line.starts_with("':name -- The name of the environment in the store")
                    {
                        line.replace(":_default' \\", ":_venvsh_envs' \\")
                    } else {
                        line.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
                + "\n";
            let tail = "if [ \"$funcstack[1]\" = \"_venvsh\" ]; then";
            text = text.replacen(tail, &format!("{ZSH_ENVS}{tail}"), 1);
        }
        CompletionShell::Nu => {
            text = text.replace(
                "    env?: path ",
                "    env?: path@\"nu-complete venvsh envs\" ",
            );
            text = text.replacen(
                "module completions {\n",
                &format!("module completions {{\n{NU_ENVS}"),
                1,
            );
        }
        CompletionShell::Powershell => {
            // The same call with parentheses: PowerShell runs both alike, and this form is
            // one that parsers other than PowerShell's own (tree-sitter's) accept too.
            text = text.replace(
                "$completions.Where{ $_.CompletionText -like \"$wordToComplete*\" }",
                "$completions.Where({ $_.CompletionText -like \"$wordToComplete*\" })",
            );
            for command in ENV_COMMANDS {
                let case = format!("        'venvsh;{command}' {{\n");
                text = text.replacen(&case, &format!("{case}{POWERSHELL_ENVS}"), 1);
            }
        }
        CompletionShell::Elvish => {
            for command in ENV_COMMANDS {
                let case = format!("        &'venvsh;{command}'= {{\n");
                text = text.replacen(&case, &format!("{case}{ELVISH_ENVS}"), 1);
            }
        }
    }
    Ok(text)
}

/// The commands whose argument may name an environment in the store.
const ENV_COMMANDS: [&str; 5] = ["activate", "run", "shell", "which", "remove"];

const ZSH_ENVS: &str = r#"# venvsh: environment names from the store, besides paths.
(( $+functions[_venvsh_envs] )) ||
_venvsh_envs() {
    local -a names
    names=(${(f)"$(command venvsh __complete-envs 2>/dev/null)"})
    _describe -t envs 'stored environment' names
}
(( $+functions[_venvsh_env_or_path] )) ||
_venvsh_env_or_path() {
    _alternative 'envs:stored environment:_venvsh_envs' 'files:path:_files'
}

"#;

const NU_ENVS: &str = r#"  # venvsh: environment names from the store, besides paths.
  export def "nu-complete venvsh envs" [] {
    ^venvsh __complete-envs | lines
  }

"#;

const POWERSHELL_ENVS: &str = "            & venvsh __complete-envs 2>$null | ForEach-Object { [CompletionResult]::new($_, $_, [CompletionResultType]::ParameterValue, 'stored environment') }\n";

const ELVISH_ENVS: &str = "            try { venvsh __complete-envs 2>/dev/null | from-lines | each {|name| cand $name 'stored environment' } } catch { }\n";

/// Wraps clap's `_venvsh`: the first word after a command that takes an environment
/// also completes to the store's names.
const BASH_ENVS: &str = r#"
# venvsh: environment names from the store for the commands that take one.
_venvsh_with_envs() {
    _venvsh "$@"
    # clap lists the hidden commands too; they are for venvsh's scripts, not for people.
    if ((COMP_CWORD == 1)); then
        local kept=() word
        for word in "${COMPREPLY[@]}"; do
            [[ $word == __* ]] || kept+=("$word")
        done
        COMPREPLY=("${kept[@]}")
    fi
    local cur="${COMP_WORDS[COMP_CWORD]}" sub="" given=0 i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${COMP_WORDS[i]}" in
        --) return 0 ;;
        --shell | --prompt) ((i++)) ;;
        -*) ;;
        *) if [[ -z $sub ]]; then sub="${COMP_WORDS[i]}"; else given=1; fi ;;
        esac
    done
    [[ $given == 0 && $cur != -* ]] || return 0
    case "$sub" in
    activate | run | shell | which | remove)
        local name
        while IFS= read -r name; do
            [[ $name == "$cur"* ]] && COMPREPLY+=("$name")
        done < <(command venvsh __complete-envs 2>/dev/null)
        ;;
    esac
    return 0
}
complete -F _venvsh_with_envs -o bashdefault -o default venvsh
"#;

const FISH_ENVS: &str = r#"
# venvsh: environment names from the store for the commands that take one.
complete -c venvsh -n "__fish_seen_subcommand_from activate run shell which" -a "(command venvsh __complete-envs 2>/dev/null)" -d "stored environment"
complete -c venvsh -n "__fish_seen_subcommand_from remove" -f -a "(command venvsh __complete-envs 2>/dev/null)" -d "stored environment"
"#;

pub fn man(args: &ManArgs) -> anyhow::Result<ExitCode> {
    let pages = man_pages()?;
    let Some(dir) = &args.out_dir else {
        return print(&pages[0].1);
    };
    std::fs::create_dir_all(dir).with_context(|| format!("could not create {}", dir.display()))?;
    let mut stdout = std::io::stdout().lock();
    for (name, text) in &pages {
        let path = dir.join(name);
        std::fs::write(&path, text)
            .with_context(|| format!("could not write {}", path.display()))?;
        writeln!(stdout, "{}", path.display())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `venvsh.1`, then `venvsh-COMMAND.1` for every command shown in `--help`.
pub fn man_pages() -> anyhow::Result<Vec<(String, String)>> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut pages = vec![(format!("{BIN}.1"), render_man(cmd.clone())?)];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        // clap keeps names as `&'static str`; these few live until the program ends.
        let name: &'static str = format!("{BIN}-{}", sub.get_name()).leak();
        let page = sub.clone().name(name).display_name(name).bin_name(name);
        pages.push((format!("{name}.1"), render_man(page)?));
    }
    Ok(pages)
}

fn render_man(cmd: clap::Command) -> anyhow::Result<String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut out)
        .context("could not render the man page")?;
    String::from_utf8(out).context("the man page is not UTF-8")
}
