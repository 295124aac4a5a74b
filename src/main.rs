use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = venvsh::cli::Cli::parse();
    match venvsh::commands::run(cli) {
        Ok(code) => code,
        Err(error) => venvsh::commands::report(&error),
    }
}
