//! Command-line interface (clap derive). The doc comments are the `--help` text.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Batch-clean folders of scraped articles: strip junk, merge duplicate paragraphs, group the
/// documents into stories and write one clean text per story.
#[derive(Debug, Parser)]
#[command(name = "storysift", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clean scraped documents and write docs/, stories/, stories.jsonl, decisions.jsonl and
    /// summary.json into the output directory.
    ///
    /// Example: storysift clean scraped/ --out cleaned/
    #[command(
        after_help = "Exit codes: 0 all inputs processed; 1 some inputs could not be read \
                            (reported on stderr, the rest written); 2 usage, rules or output \
                            error (nothing written)."
    )]
    Clean(CleanArgs),

    /// Show every line of one document with the decision on it and the rule or detector that
    /// made it, to see at once why a line went.
    ///
    /// Example: storysift explain scraped/site/article.txt --rules my-rules.toml
    ///
    /// The cross-document detectors (site boilerplate, duplicates) need the whole folder and are
    /// not applied here; `decisions.jsonl` of a `clean` run has them.
    Explain(ExplainArgs),

    /// Show or check rules files.
    #[command(subcommand)]
    Rules(RulesCommand),
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A text, HTML or JSONL file (every document of a JSONL file is shown).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Rules file to use instead of the built-in rules.toml.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// Colour: auto (on a terminal), always or never.
    #[arg(long, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Print the effective rules as TOML: the built-in rules, or FILE after its `extends`.
    Print {
        /// Rules file (default: the built-in rules).
        #[arg(long, value_name = "FILE")]
        rules: Option<PathBuf>,
    },
    /// Check a rules file: exit 0 and a summary when it is valid, else the error and exit 2.
    Check {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
pub struct CleanArgs {
    /// Files or directories to read (directories recursively, in sorted order). `-` reads JSONL
    /// documents from standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Output directory. Written to a temporary directory beside it and renamed into place at the
    /// end; an existing one is replaced only if it is empty or a previous storysift output.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// Rules file that replaces the built-in rules.toml.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,

    /// Worker threads (default: the number of CPUs). Output is identical for any value.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn jobs_must_be_positive() {
        assert!(
            Cli::try_parse_from(["storysift", "clean", "in", "--out", "o", "--jobs", "0"]).is_err()
        );
        assert!(Cli::try_parse_from(["storysift", "clean", "in", "--out", "o", "-j", "3"]).is_ok());
    }
}
