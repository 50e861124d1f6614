//! The link between a merged line and the line kept for it, as the duplicate stage
//! ([`super::near`]) emits it and the story and output stages read it.

use crate::model::LineRef;
use serde::{Deserialize, Serialize};

/// A merged line and the line it duplicates.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Link {
    pub from: LineRef,
    pub kept: LineRef,
    /// How the link was found (`exact`: equal after normalization; `near`, `truncated`,
    /// `paraphrase`: see [`super::near`]).
    pub method: String,
    /// The verifier's score for near links, in thousandths (an integer, so links compare and
    /// sort exactly).
    pub score_milli: Option<u16>,
}

pub const EXACT: &str = "exact";
