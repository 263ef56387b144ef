//! The literals section of a compressed block: raw, RLE, Huffman-coded with a new tree, or
//! Huffman-coded with the previous block's tree ("treeless"); one stream or four.

use super::huffman::{self, HufTable};
use super::BLOCK_MAX;
use crate::bail;
use crate::error::Result;

fn le(src: &[u8], n: usize) -> Result<u64> {
    match src.get(..n) {
        Some(b) => Ok(b.iter().rev().fold(0u64, |a, &x| (a << 8) | u64::from(x))),
        None => bail!("parquet: zstd literals header truncated"),
    }
}

/// Decodes the literals section at the start of `src` into `lits` (replacing its contents);
/// returns the bytes the section used. `huf` is the frame's last Huffman table.
pub fn decode(
    src: &[u8],
    huf: &mut Option<HufTable>,
    lits: &mut Vec<u8>,
    scratch: &mut Vec<u8>,
) -> Result<usize> {
    let b0 = *src.first().unwrap_or(&0);
    if src.is_empty() {
        bail!("parquet: zstd compressed block is empty");
    }
    let kind = b0 & 3;
    let format = (b0 >> 2) & 3;
    lits.clear();
    if kind < 2 {
        let (regen, hl) = match format {
            0 | 2 => (usize::from(b0 >> 3), 1),
            1 => ((le(src, 2)? >> 4) as usize, 2),
            _ => ((le(src, 3)? >> 4) as usize, 3),
        };
        if regen > BLOCK_MAX {
            bail!("parquet: zstd literals of {regen} bytes exceed the block maximum");
        }
        if kind == 0 {
            let Some(raw) = src.get(hl..hl + regen) else {
                bail!("parquet: zstd raw literals of {regen} bytes run past the block");
            };
            lits.extend_from_slice(raw);
            return Ok(hl + regen);
        }
        let Some(&byte) = src.get(hl) else {
            bail!("parquet: zstd RLE literals truncated");
        };
        lits.resize(regen, byte);
        return Ok(hl + 1);
    }
    let (regen, comp, hl, streams) = match format {
        0 | 1 => {
            let h = le(src, 3)?;
            ((h >> 4) & 0x3ff, (h >> 14) & 0x3ff, 3, if format == 0 { 1 } else { 4 })
        }
        2 => {
            let h = le(src, 4)?;
            ((h >> 4) & 0x3fff, (h >> 18) & 0x3fff, 4, 4)
        }
        _ => {
            let h = le(src, 5)?;
            ((h >> 4) & 0x3ffff, (h >> 22) & 0x3ffff, 5, 4)
        }
    };
    let (regen, comp) = (regen as usize, comp as usize);
    if regen > BLOCK_MAX {
        bail!("parquet: zstd literals of {regen} bytes exceed the block maximum");
    }
    let Some(body) = src.get(hl..hl + comp) else {
        bail!("parquet: zstd compressed literals of {comp} bytes run past the block");
    };
    let mut start = 0;
    if kind == 2 {
        let (table, used) = huffman::read_table(body, scratch)?;
        *huf = Some(table);
        start = used;
    }
    let Some(table) = huf.as_ref() else {
        bail!("parquet: zstd treeless literals without a previous Huffman table");
    };
    let data = &body[start..];
    lits.resize(regen, 0);
    if streams == 1 {
        huffman::decode_stream(table, data, lits, scratch)?;
    } else {
        if data.len() < 6 {
            bail!("parquet: zstd 4-stream literals lack their jump table");
        }
        let s = |i: usize| usize::from(u16::from_le_bytes([data[i], data[i + 1]]));
        let (s1, s2, s3) = (s(0), s(2), s(4));
        let rest = data.len() - 6;
        if s1 + s2 + s3 > rest {
            bail!("parquet: zstd literal stream sizes exceed the section");
        }
        let seg = regen.div_ceil(4);
        if 3 * seg > regen {
            bail!("parquet: zstd 4-stream literals of only {regen} bytes");
        }
        let mut at = 6;
        for (k, len) in [s1, s2, s3, rest - s1 - s2 - s3].into_iter().enumerate() {
            let end = if k == 3 { regen } else { (k + 1) * seg };
            huffman::decode_stream(table, &data[at..at + len], &mut lits[k * seg..end], scratch)?;
            at += len;
        }
    }
    Ok(hl + comp)
}
