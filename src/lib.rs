//! storysift: batch-clean folders of scraped articles.
//!
//! The stages, in pipeline order (each a module with one entry point):
//! - [`input`]: find, read and decode files, extract HTML ([`input::read`]);
//! - [`clean`]: mark junk lines and the headline ([`clean::apply`]);
//! - [`dedup`]: fingerprint paragraphs and link duplicates and paraphrases ([`dedup::near::find`]);
//! - [`stories`]: group documents and build canonical texts ([`stories::group`]);
//! - [`output`]: write the contract's files atomically ([`output::write`]).
//!
//! [`pipeline`] runs them in order; per-document stages are pure functions of (document, rules),
//! cross-document stages work on serializable fingerprints and links.

pub mod clean;
pub mod cli;
pub mod dedup;
pub mod error;
pub mod explain;
pub mod input;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod rules;
pub mod stories;
