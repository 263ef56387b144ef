//! A Zstandard frame: header (window, dictionary ID, content size), blocks, optional checksum.

use super::sequences::Sink;
use super::{block, FrameState, BLOCK_MAX};
use crate::bail;
use crate::error::Result;
use crate::hash::xxh64;

fn le(src: &[u8], at: usize, n: usize) -> Result<u64> {
    match src.get(at..at + n) {
        Some(b) => Ok(b.iter().rev().fold(0u64, |a, &x| (a << 8) | u64::from(x))),
        None => bail!("parquet: zstd frame truncated at byte {at}"),
    }
}

/// Decodes the frame whose header starts at `ip` (after the magic number) into the sink;
/// returns where the next frame starts.
pub fn decode(input: &[u8], mut ip: usize, sink: &mut Sink, st: &mut FrameState) -> Result<usize> {
    let fhd = le(input, ip, 1)? as u8;
    ip += 1;
    if fhd & 8 != 0 {
        bail!("parquet: zstd frame header sets its reserved bit");
    }
    let single = fhd & 0x20 != 0;
    let mut window = 0u64;
    if !single {
        let wd = le(input, ip, 1)?;
        ip += 1;
        let base = 1u64 << (10 + (wd >> 3));
        window = base + (base >> 3) * (wd & 7);
    }
    let dict_len = [0, 1, 2, 4][usize::from(fhd & 3)];
    let dict = le(input, ip, dict_len)?;
    ip += dict_len;
    if dict != 0 {
        bail!("parquet: zstd dictionary {dict} not supported (Parquet writes no dictionaries)");
    }
    let fcs_len = match fhd >> 6 {
        0 => usize::from(single),
        1 => 2,
        2 => 4,
        _ => 8,
    };
    let mut content = None;
    if fcs_len > 0 {
        let v = le(input, ip, fcs_len)?;
        ip += fcs_len;
        content = Some(if fcs_len == 2 { v + 256 } else { v });
    }
    if single {
        window = content.unwrap_or(0);
    }
    let room = (sink.out.len() - sink.op) as u64;
    if let Some(c) = content.filter(|&c| c > room) {
        bail!("parquet: zstd frame declares {c} bytes but only {room} are expected");
    }
    let block_max = window.min(BLOCK_MAX as u64) as usize;
    sink.frame_start = sink.op;
    st.reset();
    loop {
        let h = le(input, ip, 3)? as usize;
        ip += 3;
        let (last, kind, size) = (h & 1 != 0, (h >> 1) & 3, h >> 3);
        let room = sink.out.len() - sink.op;
        match kind {
            0 | 1 if size > block_max => bail!("parquet: zstd block of {size} bytes exceeds {block_max}"),
            _ if size > room && kind != 2 => {
                bail!("parquet: zstd output exceeds the expected {} bytes", sink.out.len())
            }
            0 => {
                let Some(raw) = input.get(ip..ip + size) else {
                    bail!("parquet: zstd raw block of {size} bytes runs past the input");
                };
                sink.out[sink.op..sink.op + size].copy_from_slice(raw);
                sink.op += size;
                ip += size;
            }
            1 => {
                let Some(&b) = input.get(ip) else {
                    bail!("parquet: zstd RLE block truncated");
                };
                sink.out[sink.op..sink.op + size].fill(b);
                sink.op += size;
                ip += 1;
            }
            2 => {
                if size > block_max {
                    bail!("parquet: zstd compressed block of {size} bytes exceeds {block_max}");
                }
                let Some(src) = input.get(ip..ip + size) else {
                    bail!("parquet: zstd compressed block of {size} bytes runs past the input");
                };
                let before = sink.op;
                block::decode(src, st, sink)?;
                if sink.op - before > block_max {
                    bail!("parquet: zstd block decodes to more than {block_max} bytes");
                }
                ip += size;
            }
            _ => bail!("parquet: zstd reserved block type 3"),
        }
        if last {
            break;
        }
    }
    let produced = (sink.op - sink.frame_start) as u64;
    if let Some(c) = content.filter(|&c| c != produced) {
        bail!("parquet: zstd frame declares {c} bytes but decodes to {produced}");
    }
    if fhd & 4 != 0 {
        let want = le(input, ip, 4)? as u32;
        ip += 4;
        let got = xxh64(&sink.out[sink.frame_start..sink.op], 0) as u32;
        if got != want {
            bail!("parquet: zstd frame checksum {got:#010x} does not match {want:#010x}");
        }
    }
    Ok(ip)
}
