//! The backward bit stream of Huffman and FSE payloads: read from the end towards the start, the
//! last byte's highest set bit marking where it begins. The stream is copied between 8 zero bytes
//! on either side, so every read is one unaligned 64-bit load and reads past the start yield zeros
//! (as the format defines) without a branch.

use crate::bail;
use crate::error::Result;

const PAD: usize = 8;

/// A backward bit reader over a padded copy of one stream.
pub struct RevBits<'a> {
    buf: &'a [u8],
    /// Unread bits plus the 64 bits of leading zero padding.
    pos: usize,
}

impl<'a> RevBits<'a> {
    /// Copies `src` into `scratch` (padded) and positions the reader after the end marker.
    pub fn new(src: &[u8], scratch: &'a mut Vec<u8>) -> Result<RevBits<'a>> {
        let Some(&last) = src.last() else {
            bail!("parquet: zstd bitstream is empty");
        };
        if last == 0 {
            bail!("parquet: zstd bitstream of {} bytes lacks its end marker", src.len());
        }
        scratch.clear();
        scratch.resize(PAD, 0);
        scratch.extend_from_slice(src);
        scratch.resize(scratch.len() + PAD, 0);
        let bits = src.len() * 8 - (last.leading_zeros() as usize + 1);
        Ok(RevBits { buf: scratch, pos: bits + PAD * 8 })
    }

    #[inline(always)]
    fn word(&self, at: usize) -> u64 {
        let i = at >> 3;
        let b: [u8; 8] = match self.buf.get(i..i + 8) {
            Some(s) => s.try_into().unwrap_or([0; 8]),
            None => [0; 8],
        };
        u64::from_le_bytes(b) >> (at & 7)
    }

    /// The next `n` (at most 56) bits without consuming them.
    #[inline(always)]
    pub fn peek(&self, n: u32) -> u64 {
        self.word(self.pos.saturating_sub(n as usize)) & ((1u64 << n) - 1)
    }

    /// Consumes `n` bits (the reader stops at the padding's start: a corrupt stream then fails
    /// the final [`RevBits::done`] check rather than reading out of bounds).
    #[inline(always)]
    pub fn skip(&mut self, n: u32) {
        self.pos = self.pos.saturating_sub(n as usize);
    }

    /// Reads `n` (at most 56) bits.
    #[inline(always)]
    pub fn read(&mut self, n: u32) -> u64 {
        let v = self.peek(n);
        self.skip(n);
        v
    }

    /// The next 56 bits (in the low bits; the rest is garbage), when that many remain before
    /// the padding: lets a caller decode several short codes from one load.
    #[inline(always)]
    pub fn window56(&self) -> Option<u64> {
        (self.pos >= 56 + PAD * 8).then(|| self.word(self.pos - 56))
    }

    /// Whether every bit was consumed, exactly.
    pub fn done(&self) -> bool {
        self.pos == PAD * 8
    }

    /// Whether more bits were consumed than the stream holds.
    pub fn overflowed(&self) -> bool {
        self.pos < PAD * 8
    }
}
