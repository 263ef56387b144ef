//! XXH32 (seed 0 by default), the reference algorithm of Yann Collet's xxHash.

const P1: u32 = 2_654_435_761;
const P2: u32 = 2_246_822_519;
const P3: u32 = 3_266_489_917;
const P4: u32 = 668_265_263;
const P5: u32 = 374_761_393;

#[inline(always)]
fn word(b: &[u8]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

#[inline(always)]
fn round(acc: u32, input: u32) -> u32 {
    acc.wrapping_add(input.wrapping_mul(P2)).rotate_left(13).wrapping_mul(P1)
}

/// XXH32 of `data` with `seed`. Reads go through exact-size chunks so the compiler drops every
/// bounds check.
pub fn xxh32(data: &[u8], seed: u32) -> u32 {
    let n = data.len();
    let stripes = data.chunks_exact(16);
    let rest = stripes.remainder();
    let mut h = if n >= 16 {
        let mut v =
            [seed.wrapping_add(P1).wrapping_add(P2), seed.wrapping_add(P2), seed, seed.wrapping_sub(P1)];
        for s in stripes {
            v[0] = round(v[0], word(&s[0..4]));
            v[1] = round(v[1], word(&s[4..8]));
            v[2] = round(v[2], word(&s[8..12]));
            v[3] = round(v[3], word(&s[12..16]));
        }
        v[0].rotate_left(1)
            .wrapping_add(v[1].rotate_left(7))
            .wrapping_add(v[2].rotate_left(12))
            .wrapping_add(v[3].rotate_left(18))
    } else {
        seed.wrapping_add(P5)
    };
    // The length enters modulo 2^32, as in the reference.
    h = h.wrapping_add(n as u32);
    let words = rest.chunks_exact(4);
    let tail = words.remainder();
    for w in words {
        h = h.wrapping_add(word(w).wrapping_mul(P3)).rotate_left(17).wrapping_mul(P4);
    }
    for &b in tail {
        h = h.wrapping_add(u32::from(b).wrapping_mul(P5)).rotate_left(11).wrapping_mul(P1);
    }
    h ^= h >> 15;
    h = h.wrapping_mul(P2);
    h ^= h >> 13;
    h = h.wrapping_mul(P3);
    h ^ (h >> 16)
}

#[cfg(test)]
mod tests {
    use super::xxh32;

    #[test]
    fn published_vectors() {
        assert_eq!(xxh32(b"", 0), 0x02CC_5D05);
        assert_eq!(xxh32(b"a", 0), 0x550D_7456);
        assert_eq!(xxh32(b"abc", 0), 0x32D1_53FF);
        // Spans the 16-byte stripe loop and both tails.
        assert_eq!(xxh32(b"Nobody inspects the spammish repetition", 0), 0xE229_3B2F);
    }

    #[test]
    fn seeded() {
        assert_eq!(xxh32(b"", 1), 0x0B2C_B792);
    }
}
