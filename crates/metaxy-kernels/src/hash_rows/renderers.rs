//! The algorithms of `hashRows` as [`Render`]s: the hash of a pre-image and its text (decimal
//! for the 64- and 32-bit hashes, lowercase hex for the digests), with the vector renderer for
//! truncation 8 where the CPU has one.

use crate::hash::{md5, sha256, wyhash, xxh32, xxh64};
use crate::render::{decimal_prefix, hex_prefix};

use super::range::Render;
#[cfg(target_arch = "x86_64")]
use super::simd;

/// Eight truncated renderings of 64-bit decimal digests in one vector store, when possible.
///
/// # Safety
/// As [`Render::write8`].
#[inline(always)]
unsafe fn leading8(digests: &[u64; 8], out: *mut u8, simd: bool) -> bool {
    #[cfg(target_arch = "x86_64")]
    if simd {
        return simd::leading8_x8(digests, out);
    }
    let _ = (digests, out, simd);
    false
}

pub(super) struct Xxh32Decimal;
pub(super) struct Xxh64Decimal;
pub(super) struct WyhashDecimal;
pub(super) struct Md5Hex;
pub(super) struct Sha256Hex;

impl Render for Xxh32Decimal {
    type Digest = u64;
    #[inline(always)]
    fn hash(data: &[u8]) -> u64 {
        u64::from(xxh32(data, 0))
    }
    #[inline(always)]
    fn write(digest: &u64, limit: usize, out: &mut [u8; 64]) -> usize {
        decimal_prefix(*digest, limit, out)
    }
}
impl Render for Xxh64Decimal {
    type Digest = u64;
    #[inline(always)]
    fn hash(data: &[u8]) -> u64 {
        xxh64(data, 0)
    }
    #[inline(always)]
    fn write(digest: &u64, limit: usize, out: &mut [u8; 64]) -> usize {
        decimal_prefix(*digest, limit, out)
    }
    #[inline(always)]
    unsafe fn write8(digests: &[u64; 8], out: *mut u8, simd: bool) -> bool {
        leading8(digests, out, simd)
    }
}
impl Render for WyhashDecimal {
    type Digest = u64;
    #[inline(always)]
    fn hash(data: &[u8]) -> u64 {
        wyhash(data, 0)
    }
    #[inline(always)]
    fn write(digest: &u64, limit: usize, out: &mut [u8; 64]) -> usize {
        decimal_prefix(*digest, limit, out)
    }
    #[inline(always)]
    unsafe fn write8(digests: &[u64; 8], out: *mut u8, simd: bool) -> bool {
        leading8(digests, out, simd)
    }
}
impl Render for Md5Hex {
    type Digest = [u8; 16];
    #[inline(always)]
    fn hash(data: &[u8]) -> [u8; 16] {
        md5(data)
    }
    #[inline(always)]
    fn write(digest: &[u8; 16], limit: usize, out: &mut [u8; 64]) -> usize {
        hex_prefix(digest, limit, out)
    }
}
impl Render for Sha256Hex {
    type Digest = [u8; 32];
    #[inline(always)]
    fn hash(data: &[u8]) -> [u8; 32] {
        sha256(data)
    }
    #[inline(always)]
    fn write(digest: &[u8; 32], limit: usize, out: &mut [u8; 64]) -> usize {
        hex_prefix(digest, limit, out)
    }
}
