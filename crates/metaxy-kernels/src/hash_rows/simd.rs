//! The AVX2 path of `hashRows`, chosen at run time: the leading eight decimal digits of eight
//! 64-bit hashes (truncation 8, the usual case) computed in vector lanes and written with two
//! 32-byte stores, exactly as the scalar code renders them (a test compares them lane by lane).
//! (Hashing eight pre-images at once in AVX-512 lanes was measured too and lost to the scalar
//! hash: `vpmullq`'s 15-cycle latency makes xxh64's chain of multiplications slower than
//! three-cycle scalar `imul`s that overlap.)

use std::arch::x86_64::*;

use crate::render::decimal_prefix;

/// True when this CPU runs the AVX2 path (and BMI2, which the loop around it is compiled for).
pub(super) fn available() -> bool {
    is_x86_feature_detected!("avx2") && is_x86_feature_detected!("bmi1") && is_x86_feature_detected!("bmi2")
}

const SIGN: i64 = i64::MIN;
const E11: u64 = 100_000_000_000;
const E12: u64 = 1_000_000_000_000;

// The helpers are `unsafe fn`s: safe functions with `target_feature` need Rust 1.86, the crate
// builds with 1.82.
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn splat(v: u64) -> __m256i {
    _mm256_set1_epi64x(v as i64)
}

/// Lanes where the unsigned `v` is at least `c` (AVX2 compares only signed 64-bit lanes).
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn at_least(v: __m256i, c: u64) -> __m256i {
    let flip = _mm256_set1_epi64x(SIGN);
    _mm256_cmpgt_epi64(_mm256_xor_si256(v, flip), _mm256_xor_si256(splat(c - 1), flip))
}

/// `b` in the lanes of `mask`, `a` elsewhere.
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn pick(mask: __m256i, a: u64, b: u64) -> __m256i {
    _mm256_blendv_epi8(splat(a), splat(b), mask)
}

/// The eight leading digits of four hashes of 19 or 20 digits, as ASCII in each 64-bit lane.
#[inline]
#[target_feature(enable = "avx2")]
unsafe fn leading8_x4(v: __m256i) -> __m256i {
    // v / 10^12 (20 digits) or v / 10^11 (19 digits). The estimate from the top 32 bits times
    // ⌈2^64 / divisor⌉ is off by at most one either way; the exact remainder corrects it. The
    // divisor's product is formed from its two 32-bit halves (lanes only multiply 32 × 32 bits).
    let twenty = at_least(v, 10 * E18);
    let divisor = pick(twenty, E11, E12);
    let inverse =
        pick(twenty, (1u128 << 64).div_ceil(E11.into()) as u64, (1u128 << 64).div_ceil(E12.into()) as u64);
    let mut q = _mm256_srli_epi64::<32>(_mm256_mul_epu32(_mm256_srli_epi64::<32>(v), inverse));
    let product = _mm256_add_epi64(
        _mm256_mul_epu32(q, pick(twenty, E11 & 0xffff_ffff, E12 & 0xffff_ffff)),
        _mm256_slli_epi64::<32>(_mm256_mul_epu32(q, pick(twenty, E11 >> 32, E12 >> 32))),
    );
    let r = _mm256_sub_epi64(v, product);
    // Compare masks are -1 where true: adding one subtracts it.
    q = _mm256_add_epi64(q, _mm256_cmpgt_epi64(_mm256_setzero_si256(), r));
    q = _mm256_sub_epi64(q, _mm256_cmpgt_epi64(r, _mm256_sub_epi64(divisor, splat(1))));

    // Eight digits per lane, as the scalar `ascii8`: 8 → 2×4 (32-bit halves) → 4×2 (16-bit
    // quarters) → 8×1 (bytes), most significant digit first in memory.
    let high = _mm256_srli_epi64::<45>(_mm256_mul_epu32(q, splat(0xD1B7_1759)));
    let low = _mm256_sub_epi64(q, _mm256_mul_epu32(high, splat(10_000)));
    let x = _mm256_or_si256(high, _mm256_slli_epi64::<32>(low));
    let hundreds = _mm256_srli_epi32::<20>(_mm256_mullo_epi32(x, _mm256_set1_epi32(10_486)));
    let y = _mm256_or_si256(
        hundreds,
        _mm256_slli_epi32::<16>(_mm256_sub_epi32(x, _mm256_mullo_epi32(hundreds, _mm256_set1_epi32(100)))),
    );
    let tens = _mm256_srli_epi16::<10>(_mm256_mullo_epi16(y, _mm256_set1_epi16(103)));
    let digits = _mm256_or_si256(
        tens,
        _mm256_slli_epi16::<8>(_mm256_sub_epi16(y, _mm256_mullo_epi16(tens, _mm256_set1_epi16(10)))),
    );
    _mm256_or_si256(digits, _mm256_set1_epi8(0x30))
}

const E18: u64 = 1_000_000 * E12;
const E7: u64 = 10_000_000;

/// Writes the leading eight decimal digits of each of eight hashes, lane after lane, as 64 bytes
/// at `out`, when every hash has at least eight digits; otherwise writes nothing and returns false.
/// Lanes of 19 or 20 digits (95 % of 64-bit hashes) come from the vector code, the others are
/// written over by the scalar renderer.
///
/// # Safety
/// `out..out + 64` is writable; the CPU has AVX2.
#[inline]
#[target_feature(enable = "avx2")]
pub(super) unsafe fn leading8_x8(hashes: &[u64; 8], out: *mut u8) -> bool {
    if hashes.iter().any(|&h| h < E7) {
        return false;
    }
    let a = _mm256_loadu_si256(hashes.as_ptr().cast());
    let b = _mm256_loadu_si256(hashes.as_ptr().add(4).cast());
    _mm256_storeu_si256(out.cast(), leading8_x4(a));
    _mm256_storeu_si256(out.add(32).cast(), leading8_x4(b));
    let long = _mm256_and_si256(at_least(a, E18), at_least(b, E18));
    if _mm256_movemask_epi8(long) != -1 {
        for (i, &h) in hashes.iter().enumerate().filter(|&(_, &h)| h < E18) {
            let mut digits = [0u8; 24];
            decimal_prefix(h, 8, &mut digits);
            std::ptr::copy_nonoverlapping(digits.as_ptr(), out.add(8 * i), 8);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rng(x: &mut u64) -> u64 {
        *x ^= *x << 13;
        *x ^= *x >> 7;
        *x ^= *x << 17;
        *x
    }

    #[test]
    fn eight_digit_heads_render_as_the_scalar_code() {
        if !available() {
            eprintln!("skipped: this CPU has no AVX2");
            return;
        }
        let mut x = 0x0dd5_eed5_u64;
        let mut cases: Vec<u64> = vec![u64::MAX, 10_000_000_000_000_000_000, 9_999_999_999_999_999_999];
        cases.extend([1_000_000_000_000_000_000, 1_000_000_000_000_000_001, 18_446_744_000_000_000_000]);
        // Around multiples of the divisors, where the quotient estimate is off by one.
        for _ in 0..20_000 {
            let (q, d) = match rng(&mut x) % 2 {
                0 => (10_000_000 + rng(&mut x) % 90_000_000, 100_000_000_000u64),
                _ => (10_000_000 + rng(&mut x) % 8_446_744, 1_000_000_000_000u64),
            };
            let m = q * d;
            cases.extend([m - 1, m, m + 1]);
        }
        // Full-size hashes, then shorter ones (scalar lanes; under 8 digits refuses the group).
        cases.extend((0..200_000).map(|_| rng(&mut x)));
        cases.extend([999_999_999_999_999_999, 10_000_000, 9_999_999].into_iter().cycle().take(24));
        cases.extend((0..40_000).map(|_| rng(&mut x) >> (rng(&mut x) % 40)));
        let (mut refused, mut mixed) = (0, 0);
        for lanes in cases.chunks(8).filter(|c| c.len() == 8) {
            let hashes: [u64; 8] = lanes.try_into().unwrap();
            let mut got = [0u8; 64];
            if !unsafe { leading8_x8(&hashes, got.as_mut_ptr()) } {
                assert!(hashes.iter().any(|&h| h < E7));
                refused += 1;
                continue;
            }
            mixed += usize::from(hashes.iter().any(|&h| h < E18));
            for (i, &h) in hashes.iter().enumerate() {
                let mut want = [0u8; 64];
                assert_eq!(decimal_prefix(h, 8, &mut want), 8);
                assert_eq!(&got[8 * i..8 * i + 8], &want[..8], "{h}");
            }
        }
        assert!(refused > 0 && mixed > 1000, "{refused} groups refused, {mixed} mixed");
    }
}
