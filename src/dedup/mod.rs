//! Duplicate stage: fingerprint the kept lines of each document ([`fingerprint`]) and link each
//! repeated paragraph to its first occurrence ([`index`]).
//!
//! Entry points: [`fingerprint`] (per document, pure) and [`find`] (across documents, over
//! fingerprints only). Fingerprints and links are plain serializable values, so the cross-document
//! step can run where the documents are not.
//!
//! This first version merges exact duplicates after normalization; near-duplicates and paraphrases
//! come later through the same [`Link`] type.

pub mod features;
pub mod fingerprint;
pub mod index;
pub mod near;

pub use fingerprint::{fingerprint, normalize, DocPrint, ParaPrint};
pub use index::{find, Link};
