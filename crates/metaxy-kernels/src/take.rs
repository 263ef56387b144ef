//! Gather rows by index across chunks; index `-1` gives null. Null output rows hold zero bytes.

use crate::bail;
use crate::column::{StrChunk, Validity};
use crate::error::Result;

/// One chunk of a fixed-width column: `len` values of `width` bytes from `bytes[0]`.
#[derive(Clone, Copy, Debug)]
pub struct FixedChunk<'a> {
    pub len: usize,
    pub width: usize,
    pub bytes: &'a [u8],
    pub validity: Option<Validity<'a>>,
}

/// One chunk of a bit-packed (Boolean) column: value of row i is bit `bit_offset + i`.
#[derive(Clone, Copy, Debug)]
pub struct BitChunk<'a> {
    pub len: usize,
    pub bits: &'a [u8],
    pub bit_offset: usize,
    pub validity: Option<Validity<'a>>,
}

/// Gathered values plus validity (`None` without nulls).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TakeOutput {
    pub values: Vec<u8>,
    pub validity: Option<Vec<u8>>,
    pub null_count: usize,
}

/// Gathered strings; offsets are 64-bit when `large` was asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TakeOffsets {
    I32(Vec<i32>),
    I64(Vec<i64>),
}

/// Gathered string column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TakeStrings {
    pub offsets: TakeOffsets,
    pub values: Vec<u8>,
    pub validity: Option<Vec<u8>>,
    pub null_count: usize,
}

/// Maps global row numbers to (chunk, row in chunk).
struct Locator {
    starts: Vec<usize>,
    total: usize,
}

impl Locator {
    fn new(lens: impl Iterator<Item = usize>) -> Self {
        let mut starts = Vec::new();
        let mut total = 0;
        for l in lens {
            starts.push(total);
            total += l;
        }
        Locator { starts, total }
    }

    /// `None` for index -1; an error for any other index outside the column.
    #[inline]
    fn locate(&self, index: i32) -> Result<Option<(usize, usize)>> {
        if index == -1 {
            return Ok(None);
        }
        if index < 0 || index as usize >= self.total {
            bail!("kernels: take index {index} is outside a column of {} rows", self.total);
        }
        let i = index as usize;
        let c = if self.starts.len() == 1 { 0 } else { self.starts.partition_point(|&s| s <= i) - 1 };
        Ok(Some((c, i - self.starts[c])))
    }
}

/// Output validity being built: starts all-valid, allocated lazily.
struct Nulls {
    bits: Option<Vec<u8>>,
    count: usize,
    n: usize,
}

impl Nulls {
    fn new(n: usize) -> Self {
        Nulls { bits: None, count: 0, n }
    }

    #[inline]
    fn set_null(&mut self, i: usize) {
        let n = self.n;
        let bits = self.bits.get_or_insert_with(|| vec![0xff; n.div_ceil(8)]);
        bits[i >> 3] &= !(1 << (i & 7));
        self.count += 1;
    }
}

#[inline]
fn is_valid(v: &Option<Validity<'_>>, i: usize) -> bool {
    v.as_ref().is_none_or(|v| v.is_valid(i))
}

/// Gathers a fixed-width column (every chunk of the same `width`).
pub fn take_fixed(chunks: &[FixedChunk<'_>], indices: &[i32]) -> Result<TakeOutput> {
    let width = chunks.first().map_or(1, |c| c.width);
    for c in chunks {
        if c.width != width || c.bytes.len() < c.len * width {
            bail!(
                "kernels: take over a fixed-width chunk of {} rows × {} bytes with a {}-byte buffer (first chunk width {width})",
                c.len,
                c.width,
                c.bytes.len()
            );
        }
    }
    let loc = Locator::new(chunks.iter().map(|c| c.len));
    let mut values = vec![0u8; indices.len() * width];
    let mut nulls = Nulls::new(indices.len());
    for (o, &index) in indices.iter().enumerate() {
        match loc.locate(index)? {
            None => nulls.set_null(o),
            Some((c, i)) => {
                let ch = &chunks[c];
                // Null rows stay zeroed, whatever bytes the source holds under its null.
                if is_valid(&ch.validity, i) {
                    values[o * width..(o + 1) * width].copy_from_slice(&ch.bytes[i * width..(i + 1) * width]);
                } else {
                    nulls.set_null(o);
                }
            }
        }
    }
    Ok(TakeOutput { values, validity: nulls.bits, null_count: nulls.count })
}

/// Gathers a bit-packed Boolean column.
pub fn take_bits(chunks: &[BitChunk<'_>], indices: &[i32]) -> Result<TakeOutput> {
    for c in chunks {
        if (c.bit_offset + c.len).div_ceil(8) > c.bits.len() {
            bail!("kernels: take over a Boolean chunk of {} rows with a {}-byte buffer", c.len, c.bits.len());
        }
    }
    let loc = Locator::new(chunks.iter().map(|c| c.len));
    let mut values = vec![0u8; indices.len().div_ceil(8)];
    let mut nulls = Nulls::new(indices.len());
    for (o, &index) in indices.iter().enumerate() {
        match loc.locate(index)? {
            None => nulls.set_null(o),
            Some((c, i)) => {
                let ch = &chunks[c];
                let bit = ch.bit_offset + i;
                if !is_valid(&ch.validity, i) {
                    nulls.set_null(o);
                } else if ch.bits[bit >> 3] & (1 << (bit & 7)) != 0 {
                    values[o >> 3] |= 1 << (o & 7);
                }
            }
        }
    }
    Ok(TakeOutput { values, validity: nulls.bits, null_count: nulls.count })
}

/// Gathers a string column into Utf8 (32-bit offsets) or, with `large`, LargeUtf8 layout.
pub fn take_strings(chunks: &[StrChunk<'_>], indices: &[i32], large: bool) -> Result<TakeStrings> {
    let loc = Locator::new(chunks.iter().map(StrChunk::len));
    let mut values = Vec::new();
    let mut ends: Vec<usize> = Vec::with_capacity(indices.len());
    let mut nulls = Nulls::new(indices.len());
    for (o, &index) in indices.iter().enumerate() {
        match loc.locate(index)? {
            None => nulls.set_null(o),
            Some((c, i)) => match chunks[c].get(i) {
                Some(b) => values.extend_from_slice(b),
                None => nulls.set_null(o),
            },
        }
        ends.push(values.len());
    }
    let offsets = if large {
        TakeOffsets::I64(std::iter::once(0).chain(ends.iter().map(|&e| e as i64)).collect())
    } else {
        if values.len() > i32::MAX as usize {
            bail!("kernels: take output of {} bytes exceeds the 2 GiB of a Utf8 column", values.len());
        }
        TakeOffsets::I32(std::iter::once(0).chain(ends.iter().map(|&e| e as i32)).collect())
    };
    Ok(TakeStrings { offsets, values, validity: nulls.bits, null_count: nulls.count })
}
