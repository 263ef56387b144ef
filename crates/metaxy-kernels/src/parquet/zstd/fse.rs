//! Finite State Entropy tables: the normalized-count header, the decoding table built from it,
//! the RLE and predefined tables of the sequence codes.

use std::sync::OnceLock;

use crate::bail;
use crate::error::Result;

/// One state of a decoding table: the symbol it emits and how to reach the next state.
#[derive(Debug, Clone, Copy, Default)]
pub struct Entry {
    pub symbol: u8,
    pub nb: u8,
    pub base: u16,
}

/// A decoding table of `1 << log` states.
#[derive(Debug, Clone)]
pub struct FseTable {
    pub log: u32,
    pub entries: Vec<Entry>,
}

/// Forward (LSB-first) bit reader of the count header; bits past the end read as zero and are
/// caught by the final length check.
struct Fwd<'a> {
    src: &'a [u8],
    bit: usize,
}

impl Fwd<'_> {
    fn peek(&self, n: u32) -> u32 {
        let mut v = 0u64;
        let first = self.bit >> 3;
        for k in 0..5 {
            v |= u64::from(self.src.get(first + k).copied().unwrap_or(0)) << (8 * k);
        }
        ((v >> (self.bit & 7)) & ((1u64 << n) - 1)) as u32
    }
    fn read(&mut self, n: u32) -> u32 {
        let v = self.peek(n);
        self.bit += n as usize;
        v
    }
}

/// Reads a normalized-count header; returns the counts (-1 for "less than one"), the accuracy
/// log and the bytes consumed.
pub fn read_counts(src: &[u8], max_log: u32, max_symbol: usize) -> Result<(Vec<i16>, u32, usize)> {
    let mut r = Fwd { src, bit: 0 };
    let log = r.read(4) + 5;
    if log > max_log {
        bail!("parquet: zstd FSE accuracy log {log} exceeds {max_log}");
    }
    let size = 1i32 << log;
    let (mut remaining, mut threshold, mut nbits) = (size + 1, size, log + 1);
    let mut counts: Vec<i16> = Vec::with_capacity(max_symbol + 1);
    while remaining > 1 {
        if counts.len() > max_symbol {
            bail!("parquet: zstd FSE counts run past symbol {max_symbol}");
        }
        let max = 2 * threshold - 1 - remaining;
        let low = r.peek(nbits - 1) as i32;
        let count = if low < max {
            r.bit += nbits as usize - 1;
            low
        } else {
            let v = r.read(nbits) as i32;
            if v >= threshold {
                v - max
            } else {
                v
            }
        } - 1;
        remaining -= count.abs();
        if remaining < 1 {
            bail!("parquet: zstd FSE counts exceed the table size {size}");
        }
        counts.push(count as i16);
        if count == 0 {
            loop {
                let repeat = r.read(2);
                for _ in 0..repeat {
                    if counts.len() > max_symbol {
                        bail!("parquet: zstd FSE zero run passes symbol {max_symbol}");
                    }
                    counts.push(0);
                }
                if repeat != 3 {
                    break;
                }
            }
        }
        while remaining < threshold {
            nbits -= 1;
            threshold >>= 1;
        }
    }
    let used = r.bit.div_ceil(8);
    if used > src.len() {
        bail!("parquet: zstd FSE header needs {used} bytes, {} remain", src.len());
    }
    Ok((counts, log, used))
}

/// Builds the decoding table of `counts` (whose magnitudes sum to `1 << log`).
pub fn build(counts: &[i16], log: u32) -> Result<FseTable> {
    let size = 1usize << log;
    let mut entries = vec![Entry::default(); size];
    let mut next = vec![0u32; counts.len()];
    let mut high = size;
    for (s, &c) in counts.iter().enumerate() {
        if c == -1 {
            if high == 0 {
                bail!("parquet: zstd FSE table overfull");
            }
            high -= 1;
            entries[high].symbol = s as u8;
            next[s] = 1;
        } else {
            next[s] = c.max(0) as u32;
        }
    }
    let step = (size >> 1) + (size >> 3) + 3;
    let mask = size - 1;
    let mut pos = 0usize;
    for (s, &c) in counts.iter().enumerate() {
        for _ in 0..c.max(0) {
            if high == 0 {
                bail!("parquet: zstd FSE table overfull");
            }
            entries[pos].symbol = s as u8;
            loop {
                pos = (pos + step) & mask;
                if pos < high {
                    break;
                }
            }
        }
    }
    if pos != 0 {
        bail!("parquet: zstd FSE counts do not fill the table");
    }
    for e in entries.iter_mut() {
        let n = &mut next[usize::from(e.symbol)];
        let state = *n;
        *n += 1;
        if state == 0 {
            bail!("parquet: zstd FSE table is inconsistent");
        }
        let nb = log - (31 - state.leading_zeros());
        e.nb = nb as u8;
        e.base = ((state << nb) as usize - size) as u16;
    }
    Ok(FseTable { log, entries })
}

impl FseTable {
    /// The one-state table of RLE mode.
    pub fn rle(symbol: u8) -> FseTable {
        FseTable { log: 0, entries: vec![Entry { symbol, nb: 0, base: 0 }] }
    }
}

const LL_DEFAULT: [i16; 36] = [
    4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1, -1, -1,
    -1, -1,
];
const ML_DEFAULT: [i16; 53] = [
    1, 4, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1,
];
const OF_DEFAULT: [i16; 29] =
    [1, 1, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1];

/// The predefined tables of literal lengths, match lengths and offsets (RFC 8878 3.1.1.3.2.2).
pub fn predefined() -> &'static [FseTable; 3] {
    static TABLES: OnceLock<[FseTable; 3]> = OnceLock::new();
    TABLES.get_or_init(|| {
        let b =
            |c: &[i16], log| build(c, log).unwrap_or(FseTable { log: 0, entries: vec![Entry::default()] });
        [b(&LL_DEFAULT, 6), b(&OF_DEFAULT, 5), b(&ML_DEFAULT, 6)]
    })
}
