//! Renders hash values as text: unsigned decimal (xxhash, wyhash) and lowercase hex (md5, sha256).
//! The decimal writer emits two digits per table lookup in fixed 8-digit blocks, which is what keeps
//! `hashRows` at tens of millions of rows per second.

const HEX: &[u8; 16] = b"0123456789abcdef";
const E8: u64 = 100_000_000;
const E16: u64 = E8 * E8;

/// The eight decimal digits of `v < 10^8` (leading zeros kept) as ASCII bytes of a little-endian
/// word, most significant digit first in memory. Splits 8 → 2×4 → 4×2 → 8×1 digits with
/// multiply-shift divisions on all lanes at once; no lane overflows into its neighbour.
#[inline(always)]
fn ascii8(v: u32) -> u64 {
    let v = u64::from(v);
    let x = (v / 10_000) | ((v % 10_000) << 32);
    // x / 100 for each 32-bit lane (values < 10^4).
    let hundreds = ((x * 10_486) >> 20) & 0x0000_007f_0000_007f;
    let y = hundreds | ((x - hundreds * 100) << 16);
    // y / 10 for each 16-bit lane (values < 100).
    let tens = ((y * 103) >> 10) & 0x000f_000f_000f_000f;
    (tens | ((y - tens * 10) << 8)) | 0x3030_3030_3030_3030
}

/// Number of decimal digits of `v < 10^8` (1 for zero).
#[inline(always)]
fn digits8(v: u32) -> usize {
    1 + usize::from(v >= 10)
        + usize::from(v >= 100)
        + usize::from(v >= 1_000)
        + usize::from(v >= 10_000)
        + usize::from(v >= 100_000)
        + usize::from(v >= 1_000_000)
        + usize::from(v >= 10_000_000)
}

/// Writes `v < 10^8` without leading zeros as one 8-byte store (`out` needs 8 bytes of room);
/// returns the digit count.
#[inline(always)]
fn write_head(out: &mut [u8], v: u32) -> usize {
    let d = digits8(v);
    out[..8].copy_from_slice(&(ascii8(v) >> (8 * (8 - d))).to_le_bytes());
    d
}

/// Writes `v < 10^8` as exactly eight digits.
#[inline(always)]
fn write8(out: &mut [u8], v: u32) {
    out[..8].copy_from_slice(&ascii8(v).to_le_bytes());
}

/// Writes `v` in unsigned decimal (1–20 bytes) at the start of `out`, which needs 20 bytes of
/// room (whole words are stored); returns the length.
#[inline]
pub fn decimal_u64(v: u64, out: &mut [u8]) -> usize {
    if v < E8 {
        write_head(out, v as u32)
    } else if v < E16 {
        let d = write_head(out, (v / E8) as u32);
        write8(&mut out[d..], (v % E8) as u32);
        d + 8
    } else {
        let rest = v % E16;
        let d = write_head(out, (v / E16) as u32);
        write8(&mut out[d..], (rest / E8) as u32);
        write8(&mut out[d + 8..], (rest % E8) as u32);
        d + 16
    }
}

/// Writes the first `limit` digits of `v` in unsigned decimal (see [`decimal_u64`]); returns how
/// many were kept. With `limit ≤ 8` (Metaxy truncates to 8) and the usual hash magnitudes only the
/// leading eight digits are computed: one multiply-shift division picks them, one `ascii8` writes
/// them, and the choice between the two likeliest digit counts is a select, not a branch.
#[inline(always)]
pub fn decimal_prefix(v: u64, limit: usize, out: &mut [u8]) -> usize {
    const E9: u64 = 10 * E8;
    const E10: u64 = 100 * E8;
    const E18: u64 = 100 * E16;
    const E19: u64 = 1_000 * E16;
    if limit <= 8 {
        // 19 or 20 digits: 95 % of uniform 64-bit hashes.
        if v >= E18 {
            let head = if v >= E19 { v / 1_000_000_000_000 } else { v / 100_000_000_000 };
            write8(out, head as u32);
            return limit;
        }
        // 9 or 10 digits: 98 % of uniform 32-bit hashes.
        if (E8..E10).contains(&v) {
            let head = if v >= E9 { v / 100 } else { v / 10 };
            write8(out, head as u32);
            return limit;
        }
    }
    if limit <= 9 && v >= E16 {
        let d = write_head(out, (v / E16) as u32);
        write8(&mut out[d..], ((v / E8) % E8) as u32);
        return (d + 8).min(limit);
    }
    decimal_u64(v, out).min(limit)
}

/// Writes the first `limit` hex characters of `bytes` (lowercase) into `out`; returns the length.
#[inline]
pub fn hex_prefix(bytes: &[u8], limit: usize, out: &mut [u8]) -> usize {
    let n = limit.min(bytes.len() * 2);
    for (i, b) in bytes[..n.div_ceil(2)].iter().enumerate() {
        out[2 * i] = HEX[usize::from(b >> 4)];
        if 2 * i + 1 < n {
            out[2 * i + 1] = HEX[usize::from(b & 15)];
        }
    }
    n
}

/// Lowercase hex of `bytes` as a `String` (tests and diagnostics).
pub fn hex(bytes: &[u8]) -> String {
    let mut out = vec![0u8; bytes.len() * 2];
    hex_prefix(bytes, out.len(), &mut out);
    String::from_utf8(out).expect("hex digits are ASCII")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(v: u64) -> String {
        let mut out = [0u8; 20];
        let n = decimal_u64(v, &mut out);
        String::from_utf8(out[..n].to_vec()).unwrap()
    }

    #[test]
    fn decimal_matches_std_at_every_digit_boundary() {
        let mut cases = vec![0, 1, 9, u64::MAX, u64::MAX - 1, u64::from(u32::MAX)];
        let mut p = 1u64;
        for _ in 0..19 {
            p *= 10;
            cases.extend([p - 1, p, p + 1]);
        }
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..10_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            cases.extend([x, x >> (x % 64)]);
        }
        for v in cases {
            assert_eq!(dec(v), v.to_string());
        }
    }

    #[test]
    fn decimal_prefix_keeps_the_leading_digits() {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        for i in 0..20_000u64 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = if i % 3 == 0 { x >> (i % 64) } else { x };
            let full = v.to_string();
            for limit in [0, 1, 8, 9, 10, 20, 64] {
                let mut out = [0u8; 20];
                let n = decimal_prefix(v, limit, &mut out);
                assert_eq!(&out[..n], &full.as_bytes()[..limit.min(full.len())], "{v} limit {limit}");
            }
        }
    }

    #[test]
    fn hex_prefix_truncates_odd_lengths() {
        let mut out = [0u8; 8];
        assert_eq!(hex_prefix(&[0xab, 0xcd, 0xef], 3, &mut out), 3);
        assert_eq!(&out[..3], b"abc");
        assert_eq!(hex_prefix(&[0x01], 10, &mut out), 2);
        assert_eq!(&out[..2], b"01");
        assert_eq!(hex(&[0x00, 0xff]), "00ff");
    }
}
