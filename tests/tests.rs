//! Integration tests: one binary (as ripgrep does), one module per area.

// Running the binary in a temp dir and comparing outputs.
mod util;

// Exit codes, messages and refusals of the `clean` command.
mod cli;
// Decoding of files in many encodings, binary files, HTML and JSONL inputs.
mod input;
// Whole runs on fixtures compared byte for byte with tests/fixtures/<case>/expected/.
mod golden;
// Determinism: --jobs 1 vs --jobs N, run after run.
mod determinism;
// Each junk detector on its fixture (tests/fixtures/clean/): junk and look-alike content lines.
mod detectors;
// Near-duplicate and paraphrase links: copies link to the original, look-alikes never do.
mod dedup;
