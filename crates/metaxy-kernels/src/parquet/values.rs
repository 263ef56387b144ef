//! The dense value buffer of a chunk and the value encodings that fill it: PLAIN, dictionary
//! indices (PLAIN_DICTIONARY / RLE_DICTIONARY), RLE booleans and BYTE_STREAM_SPLIT. The DELTA_*
//! encodings are in `delta.rs`.

use super::levels::{decode_hybrid_u8, unpack, Hybrid, Run};
use super::Physical;
use crate::bail;
use crate::error::Result;

/// Dense non-null values: fixed-width bytes, a bitmap (Boolean), or bytes plus offsets (ByteArray).
pub struct Values {
    pub physical: Physical,
    pub data: Vec<u8>,
    /// ByteArray only: `count + 1` offsets into `data`.
    pub offsets: Vec<i32>,
    pub count: usize,
}

/// Dictionary indices are gathered in blocks of this many.
const BLOCK: usize = 1024;

impl Values {
    pub fn new(physical: Physical) -> Self {
        let offsets = if physical == Physical::ByteArray { vec![0] } else { Vec::new() };
        Values { physical, data: Vec::new(), offsets, count: 0 }
    }

    /// Bytes per value of fixed-width types; `None` for Boolean and ByteArray.
    pub fn width(&self) -> Option<usize> {
        self.physical.width()
    }

    /// Appends one byte array, keeping offsets within i32.
    #[inline]
    pub fn push_bytes(&mut self, b: &[u8]) -> Result<()> {
        self.data.extend_from_slice(b);
        self.end_value()
    }

    /// Records the end of a byte array whose bytes were just appended to `data`.
    #[inline]
    pub fn end_value(&mut self) -> Result<()> {
        if self.data.len() > i32::MAX as usize {
            bail!("parquet: byte array values exceed {} bytes", i32::MAX);
        }
        self.offsets.push(self.data.len() as i32);
        self.count += 1;
        Ok(())
    }

    fn push_bit(&mut self, bit: bool) {
        if self.count % 8 == 0 {
            self.data.push(0);
        }
        if bit {
            let last = self.data.len() - 1;
            self.data[last] |= 1 << (self.count % 8);
        }
        self.count += 1;
    }

    /// Appends `n` bits packed LSB-first from `src` (Boolean PLAIN).
    fn push_bits(&mut self, src: &[u8], n: usize) {
        if self.count % 8 == 0 {
            let nbytes = n.div_ceil(8);
            self.data.extend_from_slice(&src[..nbytes]);
            if n % 8 != 0 {
                let last = self.data.len() - 1;
                self.data[last] &= (1u8 << (n % 8)) - 1;
            }
            self.count += n;
        } else {
            for i in 0..n {
                self.push_bit(src[i >> 3] >> (i & 7) & 1 == 1);
            }
        }
    }

    /// PLAIN: `n` values from the start of `src`; returns the bytes consumed.
    pub fn plain(&mut self, src: &[u8], n: usize) -> Result<usize> {
        match self.physical {
            Physical::Boolean => {
                let nbytes = n.div_ceil(8);
                if src.len() < nbytes {
                    bail!("parquet: PLAIN Boolean page holds {} bytes, {n} values need {nbytes}", src.len());
                }
                self.push_bits(src, n);
                Ok(nbytes)
            }
            Physical::ByteArray => self.plain_byte_arrays(src, n),
            _ => {
                let w = self.width().unwrap_or(0);
                let need = n.checked_mul(w).filter(|&b| b <= src.len());
                let Some(need) = need else {
                    bail!(
                        "parquet: PLAIN {:?} page holds {} bytes, fewer than {n} values need",
                        self.physical,
                        src.len()
                    );
                };
                self.data.extend_from_slice(&src[..need]);
                self.count += n;
                Ok(need)
            }
        }
    }

    fn plain_byte_arrays(&mut self, src: &[u8], n: usize) -> Result<usize> {
        // The values take at most the page's bytes; WIDE more let short values be copied with one
        // fixed-size move each instead of a memcpy call.
        const WIDE: usize = 32;
        self.data.reserve(src.len() + WIDE);
        // Each value takes at least its 4-byte length: bound the reservation by the page.
        self.offsets.reserve(n.min(src.len() / 4));
        let dst = self.data.as_mut_ptr();
        let mut out = self.data.len();
        let mut p = 0usize;
        for i in 0..n {
            let Some(len) = src.get(p..p + 4) else {
                bail!("parquet: PLAIN ByteArray page ends inside the length of value {i} of {n}")
            };
            let len = u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize;
            p += 4;
            if len > src.len() - p {
                bail!("parquet: PLAIN ByteArray value {i} of {len} bytes runs past its page");
            }
            // SAFETY: p + len <= src.len(); the values copied so far plus this one total at most
            // src.len() bytes past the initial length, so out + max(len, WIDE) is within the
            // reserved capacity; the WIDE move reads only when WIDE source bytes remain.
            unsafe {
                if len <= WIDE && src.len() - p >= WIDE {
                    std::ptr::copy_nonoverlapping(src.as_ptr().add(p), dst.add(out), WIDE);
                } else {
                    std::ptr::copy_nonoverlapping(src.as_ptr().add(p), dst.add(out), len);
                }
            }
            out += len;
            p += len;
            if out > i32::MAX as usize {
                bail!("parquet: byte array values exceed {} bytes", i32::MAX);
            }
            self.offsets.push(out as i32);
        }
        // SAFETY: every byte up to `out` was written above.
        unsafe { self.data.set_len(out) };
        self.count += n;
        Ok(p)
    }

    /// RLE booleans: a 4-byte length, then a width-1 hybrid stream.
    pub fn rle_booleans(&mut self, src: &[u8], n: usize) -> Result<()> {
        let Some(len) = src.get(..4) else { bail!("parquet: RLE Boolean page lacks its 4-byte length") };
        let len = u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize;
        let Some(body) = src.get(4..4usize.saturating_add(len)) else {
            bail!("parquet: RLE Boolean data of {len} bytes runs past its page")
        };
        let mut bits = vec![0u8; n];
        decode_hybrid_u8(body, 1, &mut bits)?;
        for b in bits {
            self.push_bit(b != 0);
        }
        Ok(())
    }

    /// Dictionary indices (1-byte bit width, then a hybrid stream): `n` values from `dict`.
    pub fn dictionary(&mut self, dict: &Values, src: &[u8], n: usize) -> Result<()> {
        if n == 0 {
            return Ok(());
        }
        let Some((&width, body)) = src.split_first() else {
            bail!("parquet: dictionary index page is empty")
        };
        let mut h = Hybrid::new(body, usize::from(width))?;
        let mut indices = [0u32; BLOCK];
        let mut done = 0;
        while done < n {
            let Some(run) = h.next_run()? else {
                bail!("parquet: dictionary indices end after {done} of {n} values")
            };
            match run {
                Run::Repeat { value, count } => {
                    let k = count.min(n - done);
                    if value >= dict.count as u64 {
                        bail!("parquet: dictionary index {value} out of range for {} entries", dict.count);
                    }
                    self.repeat(dict, value as usize, k)?;
                    done += k;
                }
                Run::Packed { bytes, count } => {
                    let k = count.min(n - done);
                    let mut first = 0;
                    while first < k {
                        let m = (k - first).min(BLOCK);
                        unpack(bytes, usize::from(width), first, &mut indices[..m]);
                        self.gather(dict, &indices[..m])?;
                        first += m;
                    }
                    done += k;
                }
            }
        }
        Ok(())
    }

    /// Appends dictionary entry `i` `k` times (`i` already checked).
    fn repeat(&mut self, dict: &Values, i: usize, k: usize) -> Result<()> {
        match self.physical {
            Physical::Boolean => {
                let bit = dict.data[i >> 3] >> (i & 7) & 1 == 1;
                (0..k).for_each(|_| self.push_bit(bit));
            }
            Physical::ByteArray => {
                let s = &dict.data[dict.offsets[i] as usize..dict.offsets[i + 1] as usize];
                let total = s.len().checked_mul(k).and_then(|b| b.checked_add(self.data.len()));
                if total.is_none_or(|t| t > i32::MAX as usize) {
                    bail!("parquet: byte array values exceed {} bytes", i32::MAX);
                }
                self.data.reserve(s.len() * k);
                self.offsets.reserve(k);
                for _ in 0..k {
                    self.push_bytes(s)?;
                }
            }
            _ => {
                let w = self.width().unwrap_or(0);
                let s = &dict.data[i * w..i * w + w];
                self.data.reserve(w * k);
                for _ in 0..k {
                    self.data.extend_from_slice(s);
                }
                self.count += k;
            }
        }
        Ok(())
    }

    /// Appends the dictionary entries at `indices`, checking each.
    fn gather(&mut self, dict: &Values, indices: &[u32]) -> Result<()> {
        let size = dict.count;
        if let Some(&bad) = indices.iter().find(|&&i| i as usize >= size) {
            bail!("parquet: dictionary index {bad} out of range for {size} entries");
        }
        match self.physical {
            Physical::Boolean => {
                for &i in indices {
                    let i = i as usize;
                    self.push_bit(dict.data[i >> 3] >> (i & 7) & 1 == 1);
                }
            }
            Physical::ByteArray => {
                self.offsets.reserve(indices.len());
                for &i in indices {
                    let i = i as usize;
                    self.push_bytes(&dict.data[dict.offsets[i] as usize..dict.offsets[i + 1] as usize])?;
                }
            }
            _ => {
                let w = self.width().unwrap_or(0);
                match w {
                    4 => gather_fixed::<4>(&mut self.data, &dict.data, indices),
                    8 => gather_fixed::<8>(&mut self.data, &dict.data, indices),
                    12 => gather_fixed::<12>(&mut self.data, &dict.data, indices),
                    _ => {
                        self.data.reserve(w * indices.len());
                        for &i in indices {
                            let i = i as usize;
                            self.data.extend_from_slice(&dict.data[i * w..i * w + w]);
                        }
                    }
                }
                self.count += indices.len();
            }
        }
        Ok(())
    }

    /// BYTE_STREAM_SPLIT: byte k of value i is at `src[k * n + i]`.
    pub fn byte_stream_split(&mut self, src: &[u8], n: usize) -> Result<()> {
        let w = match self.physical {
            Physical::Float
            | Physical::Double
            | Physical::Int32
            | Physical::Int64
            | Physical::FixedLenByteArray(_) => self.width().unwrap_or(0),
            other => bail!("parquet: unsupported value encoding 9 for {other:?}"),
        };
        if n.checked_mul(w).is_none_or(|b| b > src.len()) {
            bail!("parquet: BYTE_STREAM_SPLIT page holds {} bytes, fewer than {n} values need", src.len());
        }
        let start = self.data.len();
        self.data.resize(start + n * w, 0);
        let out = &mut self.data[start..];
        for k in 0..w {
            let stream = &src[k * n..k * n + n];
            for (i, &b) in stream.iter().enumerate() {
                out[i * w + k] = b;
            }
        }
        self.count += n;
        Ok(())
    }
}

fn gather_fixed<const W: usize>(out: &mut Vec<u8>, dict: &[u8], indices: &[u32]) {
    out.reserve(W * indices.len());
    for &i in indices {
        let i = i as usize;
        let v: [u8; W] = dict[i * W..i * W + W].try_into().unwrap_or([0; W]);
        out.extend_from_slice(&v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict_of(physical: Physical, plain: &[u8], n: usize) -> Values {
        let mut d = Values::new(physical);
        d.plain(plain, n).unwrap();
        d
    }

    #[test]
    fn plain_fixed_bool_and_byte_arrays() {
        let mut v = Values::new(Physical::Int32);
        assert_eq!(v.plain(&[1, 0, 0, 0, 2, 0, 0, 0, 9], 2).unwrap(), 8);
        assert_eq!((v.data.len(), v.count), (8, 2));
        assert!(v.plain(&[1, 0, 0], 1).unwrap_err().0.starts_with("parquet: PLAIN Int32 page holds 3 bytes"));

        let mut b = Values::new(Physical::Boolean);
        b.plain(&[0b101], 3).unwrap();
        b.plain(&[0xff, 0x01], 9).unwrap();
        assert_eq!((b.count, b.data.clone()), (12, vec![0b1111_1101, 0b0000_1111]));
        b.plain(&[0b10], 2).unwrap();
        assert_eq!(b.data, vec![0b1111_1101, 0b0010_1111]);

        let mut s = Values::new(Physical::ByteArray);
        let src = [2, 0, 0, 0, b'h', b'i', 0, 0, 0, 0, 3, 0, 0, 0, b'a', b'b', b'c'];
        assert_eq!(s.plain(&src, 3).unwrap(), src.len());
        assert_eq!((s.data.as_slice(), s.offsets.as_slice(), s.count), (&b"hiabc"[..], &[0, 2, 2, 5][..], 3));
        assert!(s.plain(&src[..15], 3).unwrap_err().0.contains("value 2 of 3 bytes runs past"));
        assert!(s.plain(&src[..2], 1).unwrap_err().0.contains("inside the length of value 0"));
    }

    #[test]
    fn dictionary_gathers_and_checks_indices() {
        let dict = dict_of(Physical::ByteArray, &[1, 0, 0, 0, b'x', 2, 0, 0, 0, b'y', b'z'], 2);
        let mut v = Values::new(Physical::ByteArray);
        // width 1: repeat index 1 three times, then packed [0, 1, 0, 0, 0, 0, 0, 0].
        v.dictionary(&dict, &[1, 6, 1, 3, 0b10], 5).unwrap();
        assert_eq!(v.data, b"yzyzyzxyz");
        assert_eq!(v.offsets, [0, 2, 4, 6, 7, 9]);
        let mut v = Values::new(Physical::ByteArray);
        assert!(v
            .dictionary(&dict, &[2, 6, 2], 3)
            .unwrap_err()
            .0
            .contains("index 2 out of range for 2 entries"));
        assert!(v.dictionary(&dict, &[2, 3, 0b1100], 2).unwrap_err().0.contains("index 3 out of range"));
        assert!(v.dictionary(&dict, &[1, 2, 1], 3).unwrap_err().0.contains("end after 1 of 3"));
        assert!(v.dictionary(&dict, &[33, 2, 1], 1).is_err());

        let dict =
            dict_of(Physical::Int64, &(0..3i64).flat_map(|i| (i * 10).to_le_bytes()).collect::<Vec<_>>(), 3);
        let mut v = Values::new(Physical::Int64);
        v.dictionary(&dict, &[2, 3, 0b00_10_01_00, 0], 4).unwrap();
        let got: Vec<i64> = v.data.chunks(8).map(|c| i64::from_le_bytes(c.try_into().unwrap())).collect();
        assert_eq!(got, [0, 10, 20, 0]);

        let dict = dict_of(Physical::Boolean, &[0b10], 2);
        let mut v = Values::new(Physical::Boolean);
        v.dictionary(&dict, &[1, 4, 1, 3, 0b0110], 4).unwrap();
        assert_eq!((v.count, v.data.clone()), (4, vec![0b1011]));
    }

    #[test]
    fn rle_booleans_and_byte_stream_split() {
        let mut b = Values::new(Physical::Boolean);
        b.rle_booleans(&[2, 0, 0, 0, 10, 1], 5).unwrap();
        assert_eq!((b.count, b.data.clone()), (5, vec![0b11111]));
        assert!(b.rle_booleans(&[9, 0, 0, 0, 10, 1], 5).unwrap_err().0.contains("runs past"));

        let vals = [1.5f32, -2.25, 3.0];
        let bytes: Vec<u8> = vals.iter().flat_map(|f| f.to_le_bytes()).collect();
        let split: Vec<u8> =
            (0..4).flat_map(|k| (0..3).map(move |i| (k, i))).map(|(k, i)| bytes[i * 4 + k]).collect();
        let mut f = Values::new(Physical::Float);
        f.byte_stream_split(&split, 3).unwrap();
        assert_eq!(f.data, bytes);
        assert!(f.byte_stream_split(&split[..11], 3).is_err());
        assert!(Values::new(Physical::ByteArray)
            .byte_stream_split(&split, 3)
            .unwrap_err()
            .0
            .contains("encoding 9 for ByteArray"));
    }
}
