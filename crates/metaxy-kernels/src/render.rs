//! Renders hash values as text: unsigned decimal (xxhash, wyhash) and lowercase hex (md5, sha256).
//! The decimal writer emits two digits per table lookup in fixed 8-digit blocks, which is what keeps
//! `hashRows` at tens of millions of rows per second.

const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Writes `v < 10^4` as exactly four digits.
#[inline(always)]
fn write4(out: &mut [u8], v: u32) {
    let (a, b) = ((v / 100) as usize, (v % 100) as usize);
    out[0] = PAIRS[2 * a];
    out[1] = PAIRS[2 * a + 1];
    out[2] = PAIRS[2 * b];
    out[3] = PAIRS[2 * b + 1];
}

/// Writes `v < 10^8` as exactly eight digits (leading zeros kept).
#[inline(always)]
fn write8(out: &mut [u8], v: u32) {
    write4(out, v / 10_000);
    write4(&mut out[4..], v % 10_000);
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

/// Writes `v < 10^8` without leading zeros; returns the digit count.
#[inline(always)]
fn write_head(out: &mut [u8], v: u32) -> usize {
    let mut tmp = [0u8; 8];
    write8(&mut tmp, v);
    let d = digits8(v);
    out[..d].copy_from_slice(&tmp[8 - d..]);
    d
}

/// Writes `v` in unsigned decimal (1–20 bytes) at the start of `out`; returns the length.
#[inline]
pub fn decimal_u64(v: u64, out: &mut [u8]) -> usize {
    const E8: u64 = 100_000_000;
    if v < E8 {
        write_head(out, v as u32)
    } else if v < E8 * E8 {
        let d = write_head(out, (v / E8) as u32);
        write8(&mut out[d..], (v % E8) as u32);
        d + 8
    } else {
        let top = v / (E8 * E8);
        let rest = v % (E8 * E8);
        let d = write_head(out, top as u32);
        write8(&mut out[d..], (rest / E8) as u32);
        write8(&mut out[d + 8..], (rest % E8) as u32);
        d + 16
    }
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
    fn hex_prefix_truncates_odd_lengths() {
        let mut out = [0u8; 8];
        assert_eq!(hex_prefix(&[0xab, 0xcd, 0xef], 3, &mut out), 3);
        assert_eq!(&out[..3], b"abc");
        assert_eq!(hex_prefix(&[0x01], 10, &mut out), 2);
        assert_eq!(&out[..2], b"01");
        assert_eq!(hex(&[0x00, 0xff]), "00ff");
    }
}
