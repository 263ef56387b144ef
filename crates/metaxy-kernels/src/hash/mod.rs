//! The five record-level hash algorithms of Python Metaxy and their text renderings.

mod md5;
mod sha256;
mod wyhash;
mod xxh32;
mod xxh64;

pub use md5::md5;
pub use sha256::sha256;
pub use wyhash::{mum, wyhash};
pub use xxh32::xxh32;
pub use xxh64::xxh64;

use crate::render::{decimal_u64, hex_prefix};

/// Record-level hash algorithm, named as Python Metaxy's `HashAlgorithm` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    Xxhash32,
    Xxhash64,
    Wyhash,
    Md5,
    Sha256,
}

impl Algorithm {
    /// Every algorithm, in a fixed order (the binding's numeric codes index this list).
    pub const ALL: [Algorithm; 5] =
        [Algorithm::Xxhash32, Algorithm::Xxhash64, Algorithm::Wyhash, Algorithm::Md5, Algorithm::Sha256];

    /// Parses Python's enum value (`"xxhash64"` …).
    pub fn parse(name: &str) -> Option<Algorithm> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// Python's enum value.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Xxhash32 => "xxhash32",
            Algorithm::Xxhash64 => "xxhash64",
            Algorithm::Wyhash => "wyhash",
            Algorithm::Md5 => "md5",
            Algorithm::Sha256 => "sha256",
        }
    }

    /// Longest rendering in bytes (decimal digits or hex characters).
    pub fn max_rendered_len(self) -> usize {
        match self {
            Algorithm::Xxhash32 => 10,
            Algorithm::Xxhash64 | Algorithm::Wyhash => 20,
            Algorithm::Md5 => 32,
            Algorithm::Sha256 => 64,
        }
    }

    /// The full rendering of the hash of `data` (unsigned decimal or lowercase hex).
    pub fn hash_to_string(self, data: &[u8]) -> String {
        let mut out = [0u8; 64];
        let n = render(self, data, 64, &mut out);
        String::from_utf8(out[..n].to_vec()).expect("renderings are ASCII")
    }
}

/// Hashes `data` and writes at most `limit` leading characters of its rendering into `out`
/// (which needs room for the full rendering of a decimal algorithm, 20 bytes, or `limit` bytes of
/// hex); returns the number of characters kept.
#[inline(always)]
pub fn render(algorithm: Algorithm, data: &[u8], limit: usize, out: &mut [u8]) -> usize {
    match algorithm {
        Algorithm::Xxhash32 => decimal_u64(u64::from(xxh32(data, 0)), out).min(limit),
        Algorithm::Xxhash64 => decimal_u64(xxh64(data, 0), out).min(limit),
        Algorithm::Wyhash => decimal_u64(wyhash(data, 0), out).min(limit),
        Algorithm::Md5 => hex_prefix(&md5(data), limit, out),
        Algorithm::Sha256 => hex_prefix(&sha256(data), limit, out),
    }
}
