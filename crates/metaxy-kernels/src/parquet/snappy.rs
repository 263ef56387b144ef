//! Raw Snappy block decompression (the format Parquet's SNAPPY codec stores, not the framing
//! format): a varint of the uncompressed length, then literals and back-references. Every length
//! and offset is checked before it is used; the copy loops write up to 16 bytes past the current
//! position, into slack reserved beyond the expected length, so short copies need no tail loop.

use crate::bail;
use crate::error::Result;

/// Bytes reserved past the expected output, so wide copies may overshoot.
const SLACK: usize = 16;

/// The uncompressed length a block declares, and where its elements start.
fn header(src: &[u8]) -> Result<(usize, usize)> {
    let mut value = 0u64;
    for (i, &b) in src.iter().take(5).enumerate() {
        value |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            if value > u64::from(u32::MAX) {
                bail!("parquet: snappy length header overflows 32 bits");
            }
            return Ok((value as usize, i + 1));
        }
    }
    bail!("parquet: snappy length header is truncated or longer than 5 bytes")
}

/// Decompresses `src` into `out` (replacing its contents); the block must declare and produce
/// exactly `expected` bytes.
pub fn decompress(src: &[u8], expected: usize, out: &mut Vec<u8>) -> Result<()> {
    let (declared, mut ip) = header(src)?;
    if declared != expected {
        bail!("parquet: snappy block declares {declared} bytes but the page header says {expected}");
    }
    out.clear();
    out.reserve(expected + SLACK);
    let base = out.as_mut_ptr();
    let mut op = 0usize;
    while ip < src.len() {
        let tag = src[ip];
        ip += 1;
        if tag & 3 == 0 {
            let mut n = usize::from(tag >> 2) + 1;
            if n > 60 {
                let extra = n - 60;
                if extra > src.len() - ip {
                    bail!("parquet: snappy literal length truncated at byte {ip}");
                }
                n = src[ip..ip + extra].iter().rev().fold(0usize, |a, &b| (a << 8) | usize::from(b)) + 1;
                ip += extra;
            }
            if n > src.len() - ip {
                bail!("parquet: snappy literal of {n} bytes at byte {ip} runs past the block");
            }
            if n > expected - op {
                bail!("parquet: snappy output exceeds the declared {expected} bytes");
            }
            // SAFETY: ip + n <= src.len() and op + n <= expected < capacity; the 16-byte form is
            // taken only when 16 source bytes remain, and op + 16 <= expected + SLACK.
            unsafe {
                if n <= 16 && src.len() - ip >= 16 {
                    std::ptr::copy_nonoverlapping(src.as_ptr().add(ip), base.add(op), 16);
                } else {
                    std::ptr::copy_nonoverlapping(src.as_ptr().add(ip), base.add(op), n);
                }
            }
            ip += n;
            op += n;
            continue;
        }
        let (n, offset) = match tag & 3 {
            1 => {
                let Some(&b) = src.get(ip) else { bail!("parquet: snappy copy truncated at byte {ip}") };
                ip += 1;
                (4 + usize::from((tag >> 2) & 7), (usize::from(tag >> 5) << 8) | usize::from(b))
            }
            2 => {
                let Some(b) = src.get(ip..ip + 2) else {
                    bail!("parquet: snappy copy truncated at byte {ip}")
                };
                ip += 2;
                (usize::from(tag >> 2) + 1, usize::from(u16::from_le_bytes([b[0], b[1]])))
            }
            _ => {
                let Some(b) = src.get(ip..ip + 4) else {
                    bail!("parquet: snappy copy truncated at byte {ip}")
                };
                ip += 4;
                (usize::from(tag >> 2) + 1, u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            }
        };
        if offset == 0 || offset > op {
            bail!("parquet: snappy copy offset {offset} at output byte {op} is out of range");
        }
        if n > expected - op {
            bail!("parquet: snappy output exceeds the declared {expected} bytes");
        }
        // SAFETY: op - offset >= 0, op + n <= expected; the 8-byte steps write at most 7 bytes past
        // op + n (inside the slack) and, with offset >= 8, read only bytes already written.
        unsafe {
            let d = base.add(op);
            let s = d.sub(offset);
            if offset >= 8 {
                let mut k = 0;
                while k < n {
                    std::ptr::write_unaligned(
                        d.add(k).cast::<u64>(),
                        std::ptr::read_unaligned(s.add(k).cast::<u64>()),
                    );
                    k += 8;
                }
            } else {
                for k in 0..n {
                    *d.add(k) = *s.add(k);
                }
            }
        }
        op += n;
    }
    if op != expected {
        bail!("parquet: snappy block produced {op} bytes but declares {expected}");
    }
    // SAFETY: every byte below `expected` was written (op == expected, writes are contiguous).
    unsafe { out.set_len(expected) };
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &[u8], expected: usize) -> Result<Vec<u8>> {
        let mut out = vec![9; 3];
        decompress(src, expected, &mut out).map(|()| out)
    }

    #[test]
    fn literals_short_and_long() {
        assert_eq!(run(&[0], 0).unwrap(), b"");
        assert_eq!(run(&[5, 4 << 2, b'h', b'e', b'l', b'l', b'o'], 5).unwrap(), b"hello");
        // 100-byte literal with a 1-byte length (tag 60).
        let mut src = vec![100, 60 << 2, 99];
        src.extend((0..100u8).collect::<Vec<_>>());
        assert_eq!(run(&src, 100).unwrap(), (0..100u8).collect::<Vec<_>>());
        // 300-byte literal with a 2-byte length (tag 61).
        let body: Vec<u8> = (0..300u32).map(|i| (i * 7) as u8).collect();
        let mut src = vec![0xac, 0x02, 61 << 2, 0x2b, 0x01];
        src.extend(&body);
        assert_eq!(run(&src, 300).unwrap(), body);
    }

    #[test]
    fn copies_including_overlapping_runs() {
        // "abcd" then copy-1 (len 4+4=8, offset 4): overlapping pattern repeat.
        let src = [12, 3 << 2, b'a', b'b', b'c', b'd', 0x01 | (4 << 2), 4];
        assert_eq!(run(&src, 12).unwrap(), b"abcdabcdabcd");
        // "x" then copy-2 of 64 bytes at offset 1: a run of one byte.
        let src = [65, 0, b'x', 0x02 | (63 << 2), 1, 0];
        assert_eq!(run(&src, 65).unwrap(), vec![b'x'; 65]);
        // 10 distinct bytes then copy-4 of 20 at offset 10 (overlaps by 10) and copy-2 of 5 at offset 30.
        let mut src = vec![35, 9 << 2];
        src.extend(b"0123456789");
        src.extend([0x03 | (19 << 2), 10, 0, 0, 0, 0x02 | (4 << 2), 30, 0]);
        assert_eq!(run(&src, 35).unwrap(), b"01234567890123456789012345678901234");
        // Offset 9 with length 40: 8-byte steps over a pattern longer than a step.
        let mut src = vec![49, 8 << 2];
        src.extend(b"ABCDEFGHI");
        src.extend([0x02 | (39 << 2), 9, 0]);
        let want: Vec<u8> = (0..49).map(|i| b"ABCDEFGHI"[i % 9]).collect();
        assert_eq!(run(&src, 49).unwrap(), want);
    }

    #[test]
    fn rejects_malformed_blocks() {
        let err = |src: &[u8], n| run(src, n).unwrap_err().0;
        assert!(err(&[5, 4 << 2, b'h'], 5).contains("runs past the block"));
        assert!(
            err(&[3, 2 << 2, b'a', b'b', b'c'], 4).contains("declares 3 bytes but the page header says 4")
        );
        assert!(err(&[4, 0, b'a', 0x01, 2], 4).contains("offset 2 at output byte 1 is out of range"));
        assert!(err(&[4, 0, b'a', 0x02, 0, 0], 4).contains("offset 0"));
        assert!(err(&[2, 0, b'a', 0x01 | (4 << 2), 1], 2).contains("exceeds the declared 2 bytes"));
        assert!(err(&[3, 0, b'a'], 3).contains("produced 1 bytes but declares 3"));
        assert!(err(&[0x80, 0x80], 0).contains("truncated"));
        assert!(err(&[0xff, 0xff, 0xff, 0xff, 0x7f], 0).contains("overflows"));
        assert!(err(&[2, 61 << 2, 1], 2).contains("literal length truncated"));
        assert!(err(&[2, 0, b'a', 0x03], 2).contains("copy truncated"));
    }

    #[test]
    fn fuzzed_blocks_never_panic() {
        let mut src = vec![49, 8 << 2];
        src.extend(b"ABCDEFGHI");
        src.extend([0x02 | (39 << 2), 9, 0]);
        let mut out = Vec::new();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut s = src.clone();
            let i = (state as usize) % s.len();
            s[i] ^= (state >> 32) as u8 | 1;
            let cut = ((state >> 40) as usize) % (s.len() + 1);
            let _ = decompress(&s[..cut], 49, &mut out);
            let _ = decompress(&s, (state >> 50) as usize % 64, &mut out);
        }
    }
}
