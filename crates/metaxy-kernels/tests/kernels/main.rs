//! Integration tests of metaxy-kernels, in one binary so `cargo test --release` links (with LTO)
//! once instead of once per file.

mod common;
mod grouping;
mod hash_rows;
mod hash_vectors;
mod join;
mod parquet;
mod take;
mod zstd;
