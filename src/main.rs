//! The `storysift` binary: parse the command line, run, turn the outcome into an exit code.

use clap::Parser;
use storysift::cli::Cli;

fn main() {
    // Panics are bugs. A panic on one input is caught and reported with its path by the pipeline;
    // this hook keeps Rust's default "thread panicked at" text (which asks for RUST_BACKTRACE) off
    // the user's terminal, and says what happened in our own words for any other panic.
    std::panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("storysift: internal error{location} (a bug; please report it)");
    }));
    let cli = Cli::parse();
    let status = storysift::pipeline::run(cli);
    std::process::exit(status.code());
}
