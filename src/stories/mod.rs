//! Story stage: group documents into stories ([`cluster`]) and write each story's canonical text
//! ([`canonical`]).
//!
//! Entry point: [`group`], over fingerprints and links (no document text), then
//! [`canonical::build`] per story, which reads the kept lines of the story's documents.

pub mod canonical;
pub mod cluster;
pub mod similarity;

pub use cluster::group;
