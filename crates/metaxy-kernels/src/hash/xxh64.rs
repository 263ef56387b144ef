//! XXH64 (seed 0 by default), the reference algorithm of Yann Collet's xxHash.

const P1: u64 = 11_400_714_785_074_694_791;
const P2: u64 = 14_029_467_366_897_019_727;
const P3: u64 = 1_609_587_929_392_839_161;
const P4: u64 = 9_650_029_242_287_828_579;
const P5: u64 = 2_870_177_450_012_600_261;

#[inline(always)]
fn word(b: &[u8]) -> u64 {
    u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
}

#[inline(always)]
fn round(acc: u64, input: u64) -> u64 {
    acc.wrapping_add(input.wrapping_mul(P2)).rotate_left(31).wrapping_mul(P1)
}

#[inline(always)]
fn merge(acc: u64, v: u64) -> u64 {
    (acc ^ round(0, v)).wrapping_mul(P1).wrapping_add(P4)
}

/// XXH64 of `data` with `seed`. Reads go through exact-size chunks so the compiler drops every
/// bounds check (this runs once per row in `hashRows`).
#[inline]
pub fn xxh64(data: &[u8], seed: u64) -> u64 {
    let n = data.len();
    let stripes = data.chunks_exact(32);
    let rest = stripes.remainder();
    let mut h = if n >= 32 {
        let mut v =
            [seed.wrapping_add(P1).wrapping_add(P2), seed.wrapping_add(P2), seed, seed.wrapping_sub(P1)];
        for s in stripes {
            v[0] = round(v[0], word(&s[0..8]));
            v[1] = round(v[1], word(&s[8..16]));
            v[2] = round(v[2], word(&s[16..24]));
            v[3] = round(v[3], word(&s[24..32]));
        }
        let h = v[0]
            .rotate_left(1)
            .wrapping_add(v[1].rotate_left(7))
            .wrapping_add(v[2].rotate_left(12))
            .wrapping_add(v[3].rotate_left(18));
        merge(merge(merge(merge(h, v[0]), v[1]), v[2]), v[3])
    } else {
        seed.wrapping_add(P5)
    };
    h = h.wrapping_add(n as u64);
    let words = rest.chunks_exact(8);
    let tail = words.remainder();
    for w in words {
        h ^= round(0, word(w));
        h = h.rotate_left(27).wrapping_mul(P1).wrapping_add(P4);
    }
    let bytes = if tail.len() >= 4 {
        let q = u64::from(u32::from_le_bytes([tail[0], tail[1], tail[2], tail[3]]));
        h ^= q.wrapping_mul(P1);
        h = h.rotate_left(23).wrapping_mul(P2).wrapping_add(P3);
        &tail[4..]
    } else {
        tail
    };
    for &b in bytes {
        h ^= u64::from(b).wrapping_mul(P5);
        h = h.rotate_left(11).wrapping_mul(P1);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(P2);
    h ^= h >> 29;
    h = h.wrapping_mul(P3);
    h ^ (h >> 32)
}

#[cfg(test)]
mod tests {
    use super::xxh64;

    #[test]
    fn published_vectors() {
        assert_eq!(xxh64(b"", 0), 0xEF46_DB37_51D8_E999);
        assert_eq!(xxh64(b"a", 0), 0xD24E_C4F1_A98C_6E5B);
        assert_eq!(xxh64(b"abc", 0), 0x44BC_2CF5_AD77_0999);
        assert_eq!(xxh64(b"Nobody inspects the spammish repetition", 0), 0xFBCE_A83C_8A37_8BF1);
    }

    #[test]
    fn seeded() {
        assert_eq!(xxh64(b"", 1), 0xD5AF_BA13_36A3_BE4B);
    }
}
