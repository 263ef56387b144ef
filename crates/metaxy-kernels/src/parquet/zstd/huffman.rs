//! Huffman literal coding: the tree description (direct or FSE-compressed weights) and stream
//! decoding by table lookup on the next `max_bits` bits.

use super::bits::RevBits;
use super::fse;
use crate::bail;
use crate::error::Result;

const MAX_BITS: u32 = 11;

/// A decoding table: for each `max_bits`-bit window, the symbol and its code length.
#[derive(Debug, Clone)]
pub struct HufTable {
    pub max_bits: u32,
    /// `(symbol, bits)` per window, `1 << max_bits` entries.
    pub entries: Vec<(u8, u8)>,
}

/// Reads the tree description at the start of `src`; returns the table and the bytes it used.
pub fn read_table(src: &[u8], scratch: &mut Vec<u8>) -> Result<(HufTable, usize)> {
    let Some(&h) = src.first() else {
        bail!("parquet: zstd Huffman tree description is missing");
    };
    let mut weights: Vec<u8> = Vec::with_capacity(256);
    let used;
    if h >= 128 {
        let n = usize::from(h - 127);
        used = 1 + n.div_ceil(2);
        let Some(packed) = src.get(1..used) else {
            bail!("parquet: zstd Huffman weights truncated");
        };
        weights.extend((0..n).map(|i| if i % 2 == 0 { packed[i / 2] >> 4 } else { packed[i / 2] & 15 }));
    } else {
        used = 1 + usize::from(h);
        let Some(body) = src.get(1..used) else {
            bail!("parquet: zstd Huffman weights truncated");
        };
        let (counts, log, n) = fse::read_counts(body, 6, 255)?;
        let table = fse::build(&counts, log)?;
        let mut bits = RevBits::new(&body[n..], scratch)?;
        let e = &table.entries;
        let mut s1 = bits.read(log) as usize;
        let mut s2 = bits.read(log) as usize;
        // Two interleaved states, until a state update runs past the start of the stream.
        loop {
            if weights.len() > 253 {
                bail!("parquet: zstd Huffman description has more than 255 weights");
            }
            weights.push(e[s1].symbol);
            s1 = usize::from(e[s1].base) + bits.read(u32::from(e[s1].nb)) as usize;
            if bits.overflowed() {
                weights.push(e[s2].symbol);
                break;
            }
            weights.push(e[s2].symbol);
            s2 = usize::from(e[s2].base) + bits.read(u32::from(e[s2].nb)) as usize;
            if bits.overflowed() {
                weights.push(e[s1].symbol);
                break;
            }
        }
    }
    Ok((from_weights(&mut weights)?, used))
}

/// Completes the weights with the implied last one and builds the table.
fn from_weights(weights: &mut Vec<u8>) -> Result<HufTable> {
    if weights.len() > 255 {
        bail!("parquet: zstd Huffman description has {} weights", weights.len());
    }
    let mut sum = 0u32;
    for &w in weights.iter() {
        if u32::from(w) > MAX_BITS {
            bail!("parquet: zstd Huffman weight {w} exceeds {MAX_BITS}");
        }
        sum += (1u32 << w) >> 1;
    }
    if sum == 0 {
        bail!("parquet: zstd Huffman weights are all zero");
    }
    let max_bits = 32 - sum.leading_zeros();
    if max_bits > MAX_BITS {
        bail!("parquet: zstd Huffman code length {max_bits} exceeds {MAX_BITS}");
    }
    let left = (1u32 << max_bits) - sum;
    if !left.is_power_of_two() {
        bail!("parquet: zstd Huffman weights do not complete a tree");
    }
    weights.push((32 - left.leading_zeros()) as u8);
    let mut rank_count = [0u32; MAX_BITS as usize + 2];
    let bits_of = |w: u8| if w == 0 { 0 } else { max_bits + 1 - u32::from(w) };
    for &w in weights.iter() {
        rank_count[bits_of(w) as usize] += 1;
    }
    let size = 1usize << max_bits;
    let mut entries = vec![(0u8, 0u8); size];
    // Longest codes first: rank_start[b] is where the codes of b bits begin.
    let mut rank_start = [0usize; MAX_BITS as usize + 2];
    let mut at = 0usize;
    for b in (1..=max_bits).rev() {
        rank_start[b as usize] = at;
        at += rank_count[b as usize] as usize * (1usize << (max_bits - b));
    }
    if at != size {
        bail!("parquet: zstd Huffman weights do not fill the table");
    }
    for (s, &w) in weights.iter().enumerate() {
        let b = bits_of(w);
        if b == 0 {
            continue;
        }
        let len = 1usize << (max_bits - b);
        let start = rank_start[b as usize];
        entries[start..start + len].fill((s as u8, b as u8));
        rank_start[b as usize] += len;
    }
    Ok(HufTable { max_bits, entries })
}

/// Decodes one stream into exactly `out.len()` symbols; the stream must be consumed exactly.
pub fn decode_stream(table: &HufTable, src: &[u8], out: &mut [u8], scratch: &mut Vec<u8>) -> Result<()> {
    let mut bits = RevBits::new(src, scratch)?;
    let (n, mask) = (table.max_bits, table.entries.len() - 1);
    let e = &table.entries[..];
    // Several codes per load while 56 bits remain: at most `per` codes of up to `n` bits each.
    let per = (56 / n) as usize;
    let mut done = 0;
    while out.len() - done >= per {
        let Some(w) = bits.window56() else { break };
        let mut avail = 56u32;
        for o in &mut out[done..done + per] {
            let (s, b) = e[(w >> (avail - n)) as usize & mask];
            *o = s;
            avail -= u32::from(b);
        }
        bits.skip(56 - avail);
        done += per;
    }
    for o in out[done..].iter_mut() {
        let (s, b) = e[bits.peek(n) as usize & mask];
        *o = s;
        bits.skip(u32::from(b));
    }
    if !bits.done() {
        bail!("parquet: zstd Huffman stream of {} bytes does not decode to {} symbols", src.len(), out.len());
    }
    Ok(())
}
