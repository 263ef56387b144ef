//! Metaxy's vectorised kernels over borrowed Arrow buffers, in pure Rust with no dependencies and
//! no knowledge of Node: record pre-image hashing (xxhash32/64, wyhash v1, md5, sha256 rendered as
//! Python Metaxy renders them), hash joins returning index pairs, keep-latest, ordered group
//! concatenation, take, and Parquet column-chunk decoding. The `native/` crate exposes these to
//! JavaScript.

pub mod column;
pub mod error;
pub mod group_concat;
pub mod hash;
pub mod hash_rows;
pub mod join;
mod join_index;
pub mod keep_latest;
pub mod keys;
mod memory;
pub mod parquet;
pub mod render;
pub mod take;

pub use column::{Column, IntChunk, IntValues, Offsets, StrChunk, Validity};
pub use error::{KernelError, Result};
pub use group_concat::group_concat;
pub use hash::Algorithm;
pub use hash_rows::{hash_rows, HashRowsOptions, Part, Utf8Output};
pub use join::{join, JoinKind, JoinOutput};
pub use keep_latest::keep_latest;
pub use parquet::{decode_chunk, decode_chunks, ChunkSpec, Codec, DecodedChunk, Physical};
pub use take::{
    take_bits, take_fixed, take_strings, BitChunk, FixedChunk, TakeOffsets, TakeOutput, TakeStrings,
};
