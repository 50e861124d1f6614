//! Duplicate stage: fingerprint the kept lines of each document ([`fingerprint`], with the
//! [`features`] of each paragraph) and link every copy, edit, cut copy and restatement to the
//! paragraph kept for its group ([`near`], on candidate pairs from [`index`]).
//!
//! Entry points: [`fingerprint`] (per document, pure) and [`near::find`] (across documents, over
//! fingerprints only). Fingerprints and links are plain serializable values, so the
//! cross-document step can run where the documents are not.

pub mod features;
pub mod fingerprint;
pub mod index;
pub mod near;

pub use fingerprint::{fingerprint, normalize, DocPrint, ParaPrint};
pub use index::Link;
