use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = venvsh::cli::parse();
    match venvsh::commands::run(cli) {
        Ok(code) => code,
        Err(error) => venvsh::commands::report(&error),
    }
}
