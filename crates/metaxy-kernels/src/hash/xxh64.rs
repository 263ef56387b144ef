//! XXH64 (seed 0 by default), the reference algorithm of Yann Collet's xxHash.

const P1: u64 = 11_400_714_785_074_694_791;
const P2: u64 = 14_029_467_366_897_019_727;
const P3: u64 = 1_609_587_929_392_839_161;
const P4: u64 = 9_650_029_242_287_828_579;
const P5: u64 = 2_870_177_450_012_600_261;

/// The little-endian word at `p`.
///
/// # Safety
/// `p..p + 8` is readable.
#[inline(always)]
unsafe fn word(p: *const u8) -> u64 {
    u64::from_le(p.cast::<u64>().read_unaligned())
}

#[inline(always)]
fn round(acc: u64, input: u64) -> u64 {
    acc.wrapping_add(input.wrapping_mul(P2)).rotate_left(31).wrapping_mul(P1)
}

#[inline(always)]
fn merge(acc: u64, v: u64) -> u64 {
    (acc ^ round(0, v)).wrapping_mul(P1).wrapping_add(P4)
}

#[inline(always)]
fn mix_word(h: u64, w: u64) -> u64 {
    (h ^ round(0, w)).rotate_left(27).wrapping_mul(P1).wrapping_add(P4)
}

#[inline(always)]
fn mix_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b).wrapping_mul(P5)).rotate_left(11).wrapping_mul(P1)
}

/// XXH64 of `data` with `seed`. The tail (under 32 bytes) is straight-line code chosen by the bits
/// of its length rather than loops, since `hashRows` calls this once per short pre-image.
#[inline(always)]
pub fn xxh64(data: &[u8], seed: u64) -> u64 {
    let n = data.len();
    let p = data.as_ptr();
    let mut i = 0usize;
    // SAFETY: every read below stays inside `data`: stripes while 32 bytes remain, then the tail's
    // words, half word and bytes, each only when its bit of the remaining length is set.
    unsafe {
        let mut h = if n >= 32 {
            // The first stripe straight-line: pre-images of 32–63 bytes (the usual rows) need no loop.
            let mut v = [
                round(seed.wrapping_add(P1).wrapping_add(P2), word(p)),
                round(seed.wrapping_add(P2), word(p.add(8))),
                round(seed, word(p.add(16))),
                round(seed.wrapping_sub(P1), word(p.add(24))),
            ];
            i = 32;
            while i + 32 <= n {
                let s = p.add(i);
                v[0] = round(v[0], word(s));
                v[1] = round(v[1], word(s.add(8)));
                v[2] = round(v[2], word(s.add(16)));
                v[3] = round(v[3], word(s.add(24)));
                i += 32;
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
        let rest = n - i;
        let t = p.add(i);
        let mut at = 0usize;
        if rest & 16 != 0 {
            h = mix_word(mix_word(h, word(t)), word(t.add(8)));
            at = 16;
        }
        if rest & 8 != 0 {
            h = mix_word(h, word(t.add(at)));
            at += 8;
        }
        if rest & 4 != 0 {
            let q = u64::from(u32::from_le(t.add(at).cast::<u32>().read_unaligned()));
            h ^= q.wrapping_mul(P1);
            h = h.rotate_left(23).wrapping_mul(P2).wrapping_add(P3);
            at += 4;
        }
        if rest & 2 != 0 {
            h = mix_byte(mix_byte(h, *t.add(at)), *t.add(at + 1));
            at += 2;
        }
        if rest & 1 != 0 {
            h = mix_byte(h, *t.add(at));
        }
        h ^= h >> 33;
        h = h.wrapping_mul(P2);
        h ^= h >> 29;
        h = h.wrapping_mul(P3);
        h ^ (h >> 32)
    }
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
