//! One compressed block: its literals section, then its sequences section executed against them.

use super::sequences::{self, Sink};
use super::{literals, FrameState};
use crate::error::Result;

/// Bytes past the literals, so short literal copies may be one 16-byte move.
const SLACK: usize = 16;

/// Decodes the compressed block `src` into the sink.
pub fn decode(src: &[u8], st: &mut FrameState, sink: &mut Sink) -> Result<()> {
    let mut lits = std::mem::take(&mut st.lits);
    let mut scratch = std::mem::take(&mut st.scratch);
    let result = literals::decode(src, &mut st.huf, &mut lits, &mut scratch).and_then(|used| {
        lits.resize(lits.len() + SLACK, 0);
        sequences::execute(&src[used..], st, &lits, sink, &mut scratch)
    });
    st.lits = lits;
    st.scratch = scratch;
    result
}
