//! The RLE / bit-packed hybrid encoding (levels, dictionary indices, RLE booleans) and bulk bit
//! unpacking (also used by DELTA_BINARY_PACKED miniblocks).

use crate::bail;
use crate::error::Result;

/// One run of a hybrid stream: `count` copies of `value`, or `count` values bit-packed in `bytes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run<'a> {
    Repeat { value: u64, count: usize },
    Packed { bytes: &'a [u8], count: usize },
}

/// A cursor over the runs of a hybrid stream of `width`-bit values.
pub struct Hybrid<'a> {
    data: &'a [u8],
    pos: usize,
    width: usize,
}

impl<'a> Hybrid<'a> {
    pub fn new(data: &'a [u8], width: usize) -> Result<Self> {
        if width > 32 {
            bail!("parquet: RLE bit width {width} is larger than 32");
        }
        Ok(Hybrid { data, pos: 0, width })
    }

    fn varint(&mut self) -> Result<u64> {
        let mut value = 0u64;
        for shift in (0..35).step_by(7) {
            let Some(&b) = self.data.get(self.pos) else {
                bail!("parquet: RLE run header truncated at byte {}", self.pos)
            };
            self.pos += 1;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        bail!("parquet: RLE run header at byte {} is longer than 5 bytes", self.pos)
    }

    /// The next run, or `None` when the data is exhausted. A bit-packed run cut short by the end
    /// of the data yields the whole values that remain (writers may drop trailing padding).
    pub fn next_run(&mut self) -> Result<Option<Run<'a>>> {
        if self.pos >= self.data.len() {
            return Ok(None);
        }
        let header = self.varint()?;
        let n = (header >> 1) as usize;
        if header & 1 == 0 {
            let nbytes = self.width.div_ceil(8);
            let Some(b) = self.data.get(self.pos..self.pos + nbytes) else {
                bail!("parquet: RLE run value truncated at byte {}", self.pos)
            };
            self.pos += nbytes;
            let value = b.iter().rev().fold(0u64, |a, &x| (a << 8) | u64::from(x));
            Ok(Some(Run::Repeat { value, count: n }))
        } else {
            let want = n.saturating_mul(self.width);
            let avail = self.data.len() - self.pos;
            let take = want.min(avail);
            let bytes = &self.data[self.pos..self.pos + take];
            self.pos += take;
            let count = (take * 8).checked_div(self.width).map_or(n.saturating_mul(8), |c| c.min(n * 8));
            Ok(Some(Run::Packed { bytes, count }))
        }
    }
}

/// Conversion of unpacked values to the element type of an output buffer.
pub trait Unpacked: Copy {
    fn from_u64(v: u64) -> Self;
}
impl Unpacked for u8 {
    #[inline(always)]
    fn from_u64(v: u64) -> Self {
        v as u8
    }
}
impl Unpacked for u32 {
    #[inline(always)]
    fn from_u64(v: u64) -> Self {
        v as u32
    }
}
impl Unpacked for u64 {
    #[inline(always)]
    fn from_u64(v: u64) -> Self {
        v
    }
}

/// Unpacks `out.len()` LSB-first values of `width` bits (0..=64) starting at bit `first * width`
/// of `bytes`; the caller guarantees the bytes hold them.
pub fn unpack<T: Unpacked>(bytes: &[u8], width: usize, first: usize, out: &mut [T]) {
    debug_assert!((first + out.len()) * width <= bytes.len() * 8);
    match width {
        0 => out.fill(T::from_u64(0)),
        1 => unpack_const::<T, 1>(bytes, first, out),
        2 => unpack_const::<T, 2>(bytes, first, out),
        3 => unpack_const::<T, 3>(bytes, first, out),
        4 => unpack_const::<T, 4>(bytes, first, out),
        8 => unpack_const::<T, 8>(bytes, first, out),
        16 => unpack_const::<T, 16>(bytes, first, out),
        _ => unpack_any(bytes, width, first, out),
    }
}

#[inline(always)]
fn unpack_const<T: Unpacked, const W: usize>(bytes: &[u8], first: usize, out: &mut [T]) {
    unpack_any(bytes, W, first, out)
}

#[inline(always)]
fn unpack_any<T: Unpacked>(bytes: &[u8], width: usize, first: usize, out: &mut [T]) {
    if width == 0 {
        out.fill(T::from_u64(0));
        return;
    }
    let mask = if width >= 64 { u64::MAX } else { (1u64 << width) - 1 };
    let mut bit = first * width;
    // Values whose 8-byte window lies inside `bytes` (and fits a u64 after the shift) are read
    // with one unaligned load; the rest bit by bit.
    let fast =
        if width <= 56 && bytes.len() >= 8 { ((bytes.len() - 8) * 8 + 1).saturating_sub(bit) } else { 0 };
    let fast_values = fast.div_ceil(width).min(out.len());
    let (head, tail) = out.split_at_mut(fast_values);
    for o in head {
        let byte = bit >> 3;
        let word = u64::from_le_bytes(bytes[byte..byte + 8].try_into().unwrap_or([0; 8]));
        *o = T::from_u64((word >> (bit & 7)) & mask);
        bit += width;
    }
    for o in tail {
        *o = T::from_u64(read_bits(bytes, bit, width) & mask);
        bit += width;
    }
}

/// Up to 64 bits starting at bit `bit`, assembled byte by byte (bytes past the end read as 0).
fn read_bits(bytes: &[u8], bit: usize, width: usize) -> u64 {
    let first = bit >> 3;
    let last = (bit + width).div_ceil(8).min(bytes.len());
    let mut v = 0u128;
    for (k, i) in (first..last).enumerate() {
        v |= u128::from(bytes[i]) << (8 * k);
    }
    (v >> (bit & 7)) as u64
}

/// Decodes exactly `out.len()` values of a hybrid stream into bytes (levels, booleans).
pub fn decode_hybrid_u8(data: &[u8], width: usize, out: &mut [u8]) -> Result<()> {
    if width > 8 {
        bail!("parquet: RLE bit width {width} is too wide for levels");
    }
    let mut h = Hybrid::new(data, width)?;
    let mut done = 0;
    while done < out.len() {
        let Some(run) = h.next_run()? else {
            bail!("parquet: RLE data ends after {done} of {} values", out.len())
        };
        match run {
            Run::Repeat { value, count } => {
                let n = count.min(out.len() - done);
                if value > 255 {
                    bail!("parquet: RLE run value {value} does not fit {width} bits");
                }
                out[done..done + n].fill(value as u8);
                done += n;
            }
            Run::Packed { bytes, count } => {
                let n = count.min(out.len() - done);
                unpack(bytes, width, 0, &mut out[done..done + n]);
                done += n;
            }
        }
    }
    Ok(())
}

/// Decodes exactly `out.len()` levels of at most `max`; returns how many equal `max` (the slots
/// that hold a value). Runs are counted as a whole, so pages without nulls cost one fill.
pub fn decode_levels(data: &[u8], max: u8, out: &mut [u8], what: &str) -> Result<usize> {
    let width = level_width(max);
    let mut h = Hybrid::new(data, width)?;
    let (mut done, mut at_max) = (0, 0);
    while done < out.len() {
        let Some(run) = h.next_run()? else {
            bail!("parquet: {what} levels end after {done} of {} values", out.len())
        };
        match run {
            Run::Repeat { value, count } => {
                let n = count.min(out.len() - done);
                if value > u64::from(max) {
                    bail!("parquet: {what} level {value} exceeds the maximum {max}");
                }
                out[done..done + n].fill(value as u8);
                if value == u64::from(max) {
                    at_max += n;
                }
                done += n;
            }
            Run::Packed { bytes, count } => {
                let n = count.min(out.len() - done);
                let new = &mut out[done..done + n];
                unpack(bytes, width, 0, new);
                let (mut hits, mut top) = (0usize, 0u8);
                for &l in new.iter() {
                    hits += usize::from(l == max);
                    top = top.max(l);
                }
                if top > max {
                    bail!("parquet: {what} level {top} exceeds the maximum {max}");
                }
                at_max += hits;
                done += n;
            }
        }
    }
    Ok(at_max)
}

/// Bit width of levels up to `max`: ceil(log2(max + 1)).
pub fn level_width(max: u8) -> usize {
    (u8::BITS - max.leading_zeros()) as usize
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// Packs `values` LSB-first at `width` bits, padded to whole groups of 8.
    pub fn pack(values: &[u64], width: usize) -> Vec<u8> {
        let groups = values.len().div_ceil(8);
        let mut out = vec![0u8; groups * width];
        for (i, &v) in values.iter().enumerate() {
            for b in 0..width {
                if v >> b & 1 == 1 {
                    let bit = i * width + b;
                    out[bit / 8] |= 1 << (bit % 8);
                }
            }
        }
        out
    }

    fn hybrid(runs: &[(bool, Vec<u64>)], width: usize) -> Vec<u8> {
        let mut out = Vec::new();
        for (packed, values) in runs {
            let header = if *packed { (values.len().div_ceil(8) << 1) | 1 } else { values.len() << 1 };
            let mut h = header;
            loop {
                let b = (h & 0x7f) as u8;
                h >>= 7;
                out.push(if h > 0 { b | 0x80 } else { b });
                if h == 0 {
                    break;
                }
            }
            if *packed {
                out.extend(pack(values, width));
            } else {
                out.extend(&values[0].to_le_bytes()[..width.div_ceil(8)]);
            }
        }
        out
    }

    #[test]
    fn widths() {
        assert_eq!([0, 1, 2, 3, 4, 7, 8, 255].map(level_width), [0, 1, 2, 2, 3, 3, 4, 8]);
    }

    #[test]
    fn unpack_every_width_and_offset() {
        let mut state = 88172645463325252u64;
        for width in 0..=64usize {
            let mask = if width == 64 { u64::MAX } else { (1u64 << width) - 1 };
            let values: Vec<u64> = (0..77)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state & mask
                })
                .collect();
            let bytes = pack(&values, width);
            for first in [0, 1, 5, 8, 30] {
                let mut out = vec![0u64; values.len() - first];
                unpack(&bytes, width, first, &mut out);
                assert_eq!(out, values[first..], "width {width} first {first}");
            }
            if width <= 32 {
                let mut out = vec![0u32; values.len()];
                unpack(&bytes, width, 0, &mut out);
                assert!(out.iter().zip(&values).all(|(&a, &b)| u64::from(a) == b));
            }
        }
    }

    #[test]
    fn hybrid_runs_of_all_level_widths() {
        for width in 1..=8usize {
            let max = (1u64 << width) - 1;
            let a: Vec<u64> = (0..1000).map(|i| (i * 7 + 3) % (max + 1)).collect();
            let b = vec![max; 300];
            let c: Vec<u64> = (0..13).map(|i| i % (max + 1)).collect();
            let runs =
                vec![(true, a.clone()), (false, b.clone()), (true, c.clone()), (false, vec![0; 70_000])];
            let data = hybrid(&runs, width);
            let total = a.len() + b.len() + c.len() + 70_000;
            let mut out = vec![9u8; total];
            decode_hybrid_u8(&data, width, &mut out).unwrap();
            let want: Vec<u8> = a
                .iter()
                .chain(&b)
                .chain(&c)
                .map(|&v| v as u8)
                .chain(std::iter::repeat_n(0, 70_000))
                .collect();
            assert_eq!(out, want, "width {width}");
            let mut more = vec![0u8; total + 9];
            assert!(decode_hybrid_u8(&data, width, &mut more).unwrap_err().0.contains("ends after"));
            for cut in 0..data.len().min(400) {
                let _ = decode_hybrid_u8(&data[..cut], width, &mut out);
            }
        }
    }

    #[test]
    fn levels_are_counted_and_checked() {
        let data =
            hybrid(&[(false, vec![2; 5]), (true, vec![0, 1, 2, 2, 1, 0, 2, 2, 2]), (false, vec![1; 3])], 2);
        let mut out = vec![0u8; 17];
        assert_eq!(decode_levels(&data, 2, &mut out, "definition").unwrap(), 5 + 5);
        assert_eq!(out, [2, 2, 2, 2, 2, 0, 1, 2, 2, 1, 0, 2, 2, 2, 0, 0, 0]);
        let mut out = vec![0u8; 20];
        assert_eq!(decode_levels(&data, 2, &mut out, "definition").unwrap(), 10);
        let over = hybrid(&[(false, vec![3; 2])], 2);
        let e = decode_levels(&over, 2, &mut [0u8; 2], "definition").unwrap_err().0;
        assert_eq!(e, "parquet: definition level 3 exceeds the maximum 2");
        let over = hybrid(&[(true, vec![1, 3])], 2);
        let e = decode_levels(&over, 2, &mut [0u8; 2], "repetition").unwrap_err().0;
        assert_eq!(e, "parquet: repetition level 3 exceeds the maximum 2");
        let e = decode_levels(&data, 2, &mut [0u8; 30], "definition").unwrap_err().0;
        assert_eq!(e, "parquet: definition levels end after 24 of 30 values");
    }

    #[test]
    fn wide_runs_and_truncated_packed_runs() {
        // A 20-bit repeat and a packed run cut after 3 whole values.
        let runs = vec![(false, vec![0xabcde; 5]), (true, vec![1, 2, 3, 4, 5, 6, 7, 8])];
        let mut data = hybrid(&runs, 20);
        data.truncate(data.len() - 12);
        let mut h = Hybrid::new(&data, 20).unwrap();
        assert_eq!(h.next_run().unwrap(), Some(Run::Repeat { value: 0xabcde, count: 5 }));
        let Some(Run::Packed { bytes, count }) = h.next_run().unwrap() else { panic!() };
        assert_eq!(count, 3);
        let mut out = [0u32; 3];
        unpack(bytes, 20, 0, &mut out);
        assert_eq!(out, [1, 2, 3]);
        assert_eq!(h.next_run().unwrap(), None);
        assert!(Hybrid::new(&[], 33).is_err());
        assert!(Hybrid::new(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x01], 1).unwrap().next_run().is_err());
        assert!(Hybrid::new(&[0x02], 9).unwrap().next_run().unwrap_err().0.contains("value truncated"));
    }
}
