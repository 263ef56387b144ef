//! wyhash v1, exactly as the Rust `wyhash` crate's `v1` module computes it (the version Polars'
//! polars-hash uses, hence Python Metaxy). Its tail reads bytes in an unusual order
//! (`read_rest`, `read64_swapped`); that order is part of the output and is kept as is.

const P0: u64 = 0xa076_1d64_78bd_642f;
const P1: u64 = 0xe703_7ed1_a0b4_28db;
const P2: u64 = 0x8ebc_6af0_9c88_c6e3;
const P3: u64 = 0x5899_65cc_7537_4cc3;
const P4: u64 = 0x1d8e_4e27_c47d_124f;
const P5: u64 = 0xeb44_acca_b455_d165;

/// The 64×64→128 multiply folded back to 64 bits.
#[inline(always)]
pub fn mum(a: u64, b: u64) -> u64 {
    let r = u128::from(a) * u128::from(b);
    ((r >> 64) as u64) ^ (r as u64)
}

#[inline(always)]
fn read64(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[..8]);
    u64::from_le_bytes(w)
}

#[inline(always)]
fn read32(b: &[u8]) -> u64 {
    u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

#[inline(always)]
fn read64_swapped(b: &[u8]) -> u64 {
    (read32(b) << 32) | read32(&b[4..])
}

/// The crate's `read_rest`: 1–8 trailing bytes in its own order.
#[inline(always)]
fn read_rest(b: &[u8]) -> u64 {
    let d = |i: usize| u64::from(b[i]);
    match b.len() {
        1 => d(0),
        2 => (d(1) << 8) | d(0),
        3 => (d(1) << 16) | (d(0) << 8) | d(2),
        4 => read32(b),
        5 => (read32(b) << 8) | d(4),
        6 => (read32(b) << 16) | (d(5) << 8) | d(4),
        7 => (read32(b) << 24) | (d(5) << 16) | (d(4) << 8) | d(6),
        _ => read64_swapped(b),
    }
}

/// wyhash v1 of `data` with `seed`.
#[inline]
pub fn wyhash(data: &[u8], mut seed: u64) -> u64 {
    let n = data.len();
    let whole = n & !31;
    let mut c = 0;
    while c < whole {
        let b = &data[c..c + 32];
        seed = mum(
            seed ^ P0,
            mum(read64(b) ^ P1, read64(&b[8..]) ^ P2) ^ mum(read64(&b[16..]) ^ P3, read64(&b[24..]) ^ P4),
        );
        c += 32;
    }
    seed ^= P0;
    if n & 31 != 0 {
        let t = &data[whole..];
        seed = match ((n - 1) & 31) / 8 {
            0 => mum(seed, read_rest(t) ^ P1),
            1 => mum(read64_swapped(t) ^ seed, read_rest(&t[8..]) ^ P2),
            2 => {
                mum(read64_swapped(t) ^ seed, read64_swapped(&t[8..]) ^ P2)
                    ^ mum(seed, read_rest(&t[16..]) ^ P3)
            }
            _ => {
                mum(read64_swapped(t) ^ seed, read64_swapped(&t[8..]) ^ P2)
                    ^ mum(read64_swapped(&t[16..]) ^ seed, read_rest(&t[24..]) ^ P4)
            }
        };
    }
    mum(seed, (n as u64) ^ P5)
}

#[cfg(test)]
mod tests {
    use super::wyhash;

    #[test]
    fn crate_doc_vector() {
        assert_eq!(wyhash(&[0, 1, 2], 3), 0xb0f9_4152_0b1a_d95d);
    }

    #[test]
    fn polars_hash_vectors() {
        assert_eq!(wyhash(b"hello_world", 0), 16_737_367_591_072_095_403);
        assert_eq!(wyhash(b"my_bytes", 0), 5_112_362_246_832_359_110);
    }
}
