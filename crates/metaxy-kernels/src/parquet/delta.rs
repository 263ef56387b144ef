//! The DELTA_* encodings: DELTA_BINARY_PACKED integers, DELTA_LENGTH_BYTE_ARRAY (lengths, then
//! the concatenated bytes) and DELTA_BYTE_ARRAY (prefix lengths, then DELTA_LENGTH suffixes).

use super::levels::unpack;
use super::thrift::zigzag;
use super::values::Values;
use super::Physical;
use crate::bail;
use crate::error::Result;

/// Values per miniblock beyond this are refused (writers use 32 to 128), bounding scratch space.
const MAX_MINIBLOCK: u64 = 1 << 16;

fn uleb(src: &[u8], p: &mut usize) -> Result<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let Some(&b) = src.get(*p) else {
            bail!("parquet: DELTA_BINARY_PACKED header truncated at byte {p}")
        };
        *p += 1;
        value |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Ok(value);
        }
    }
    bail!("parquet: DELTA_BINARY_PACKED varint at byte {p} is longer than 10 bytes")
}

/// Decodes a DELTA_BINARY_PACKED stream that must hold exactly `n` values into `out` (replacing
/// its contents, wrapping arithmetic); returns the bytes consumed.
pub fn binary_packed(src: &[u8], n: usize, out: &mut Vec<i64>) -> Result<usize> {
    let mut p = 0;
    let block = uleb(src, &mut p)?;
    let minis = uleb(src, &mut p)?;
    let total = uleb(src, &mut p)?;
    let first = zigzag(uleb(src, &mut p)?);
    if block == 0 || block % 128 != 0 || minis == 0 || block % minis != 0 {
        bail!("parquet: DELTA_BINARY_PACKED block of {block} values in {minis} miniblocks is invalid");
    }
    let per = block / minis;
    if per % 32 != 0 || per > MAX_MINIBLOCK {
        bail!("parquet: DELTA_BINARY_PACKED miniblocks of {per} values are not supported");
    }
    if total != n as u64 {
        bail!("parquet: DELTA_BINARY_PACKED holds {total} values, the page needs {n}");
    }
    let (per, minis) = (per as usize, minis as usize);
    out.clear();
    out.reserve(n);
    if n == 0 {
        return Ok(p);
    }
    out.push(first);
    let mut last = first;
    let mut remaining = n - 1;
    let mut deltas = vec![0u64; per.min(remaining)];
    while remaining > 0 {
        let min_delta = zigzag(uleb(src, &mut p)?);
        let Some(widths) = src.get(p..p + minis) else {
            bail!("parquet: DELTA_BINARY_PACKED miniblock widths truncated at byte {p}")
        };
        p += minis;
        for &w in widths {
            if remaining == 0 {
                break;
            }
            let w = usize::from(w);
            if w > 64 {
                bail!("parquet: DELTA_BINARY_PACKED miniblock bit width {w} is larger than 64");
            }
            let k = per.min(remaining);
            let full = per * w / 8;
            // The last miniblock should be padded to full size; accept it cut to the values it holds.
            let take = if src.len() - p >= full { full } else { (k * w).div_ceil(8) };
            if src.len() - p < take {
                bail!("parquet: DELTA_BINARY_PACKED miniblock truncated at byte {p}");
            }
            unpack(&src[p..p + take], w, 0, &mut deltas[..k]);
            for &d in &deltas[..k] {
                last = last.wrapping_add(min_delta).wrapping_add(d as i64);
                out.push(last);
            }
            p += take;
            remaining -= k;
        }
    }
    Ok(p)
}

/// DELTA_BINARY_PACKED Int32 or Int64 values.
pub fn integers(values: &mut Values, src: &[u8], n: usize, scratch: &mut Vec<i64>) -> Result<()> {
    binary_packed(src, n, scratch)?;
    match values.physical {
        Physical::Int32 => {
            values.data.reserve(4 * n);
            scratch.iter().for_each(|&v| values.data.extend_from_slice(&(v as i32).to_le_bytes()));
        }
        Physical::Int64 => {
            values.data.reserve(8 * n);
            scratch.iter().for_each(|&v| values.data.extend_from_slice(&v.to_le_bytes()));
        }
        other => bail!("parquet: unsupported value encoding 5 for {other:?}"),
    }
    values.count += n;
    Ok(())
}

/// Lengths as `usize`, each checked non-negative, and their sum.
fn lengths(raw: &[i64]) -> Result<(Vec<usize>, usize)> {
    let mut sum = 0usize;
    let mut out = Vec::with_capacity(raw.len());
    for &l in raw {
        if l < 0 || l > i64::from(i32::MAX) {
            bail!("parquet: DELTA byte array length {l} is invalid");
        }
        sum = sum.saturating_add(l as usize);
        out.push(l as usize);
    }
    Ok((out, sum))
}

/// DELTA_LENGTH_BYTE_ARRAY: `n` lengths, then the values' bytes back to back; returns the bytes
/// consumed.
fn length_byte_arrays(values: &mut Values, src: &[u8], n: usize, scratch: &mut Vec<i64>) -> Result<usize> {
    let p = binary_packed(src, n, scratch)?;
    let (lens, total) = lengths(scratch)?;
    let data = &src[p..];
    if total > data.len() {
        bail!("parquet: DELTA_LENGTH_BYTE_ARRAY values need {total} bytes, the page holds {}", data.len());
    }
    values.data.extend_from_slice(&data[..total]);
    let base = values.data.len() - total;
    if values.data.len() > i32::MAX as usize {
        bail!("parquet: byte array values exceed {} bytes", i32::MAX);
    }
    values.offsets.reserve(n);
    let mut end = base;
    for l in lens {
        end += l;
        values.offsets.push(end as i32);
    }
    values.count += n;
    Ok(p + total)
}

/// DELTA_LENGTH_BYTE_ARRAY for a ByteArray column.
pub fn length_byte_array_page(
    values: &mut Values,
    src: &[u8],
    n: usize,
    scratch: &mut Vec<i64>,
) -> Result<()> {
    if values.physical != Physical::ByteArray {
        bail!("parquet: unsupported value encoding 6 for {:?}", values.physical);
    }
    length_byte_arrays(values, src, n, scratch).map(|_| ())
}

/// DELTA_BYTE_ARRAY: each value is a prefix of the previous one plus a suffix.
pub fn byte_array_page(values: &mut Values, src: &[u8], n: usize, scratch: &mut Vec<i64>) -> Result<()> {
    let width = match values.physical {
        Physical::ByteArray => None,
        Physical::FixedLenByteArray(w) => Some(w),
        other => bail!("parquet: unsupported value encoding 7 for {other:?}"),
    };
    let p = binary_packed(src, n, scratch)?;
    let (prefixes, _) = lengths(scratch)?;
    let mut suffixes = Values::new(Physical::ByteArray);
    length_byte_arrays(&mut suffixes, &src[p..], n, scratch)?;
    let mut prev = (values.data.len(), 0usize);
    for (i, &prefix) in prefixes.iter().enumerate() {
        if prefix > prev.1 {
            bail!(
                "parquet: DELTA_BYTE_ARRAY prefix of {prefix} bytes is longer than the previous value ({})",
                prev.1
            );
        }
        let start = values.data.len();
        values.data.extend_from_within(prev.0..prev.0 + prefix);
        let (s, e) = (suffixes.offsets[i] as usize, suffixes.offsets[i + 1] as usize);
        values.data.extend_from_slice(&suffixes.data[s..e]);
        let len = values.data.len() - start;
        match width {
            None => values.end_value()?,
            Some(w) => {
                if len != w {
                    bail!(
                        "parquet: DELTA_BYTE_ARRAY value of {len} bytes in a FixedLenByteArray({w}) column"
                    );
                }
                values.count += 1;
            }
        }
        prev = (start, len);
    }
    Ok(())
}

#[cfg(test)]
pub mod tests {
    use super::*;

    fn uleb_push(out: &mut Vec<u8>, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                out.push(b);
                return;
            }
            out.push(b | 0x80);
        }
    }

    /// A DELTA_BINARY_PACKED encoder (block 128, 4 miniblocks of 32, last miniblock padded).
    pub fn encode(values: &[i64]) -> Vec<u8> {
        let mut out = Vec::new();
        uleb_push(&mut out, 128);
        uleb_push(&mut out, 4);
        uleb_push(&mut out, values.len() as u64);
        let zz = |v: i64| ((v << 1) ^ (v >> 63)) as u64;
        uleb_push(&mut out, zz(*values.first().unwrap_or(&0)));
        let deltas: Vec<i64> = values.windows(2).map(|w| w[1].wrapping_sub(w[0])).collect();
        for block in deltas.chunks(128) {
            let min = *block.iter().min().unwrap();
            uleb_push(&mut out, zz(min));
            let minis: Vec<Vec<u64>> =
                block.chunks(32).map(|m| m.iter().map(|&d| d.wrapping_sub(min) as u64).collect()).collect();
            let widths: Vec<usize> =
                minis.iter().map(|m| 64 - m.iter().max().unwrap().leading_zeros() as usize).collect();
            for i in 0..4 {
                out.push(*widths.get(i).unwrap_or(&0) as u8);
            }
            for (m, &w) in minis.iter().zip(&widths) {
                let mut padded = m.clone();
                padded.resize(32, 0);
                out.extend(crate::parquet::levels::tests::pack(&padded, w));
            }
        }
        out
    }

    #[test]
    fn binary_packed_round_trips() {
        let cases: Vec<Vec<i64>> = vec![
            vec![],
            vec![7],
            (0..1000).map(|i| i * 3 - 500).collect(),
            (0..300).map(|i| if i % 2 == 0 { i64::MAX - i } else { i64::MIN + i }).collect(),
            (0..129).map(|i| (i * i) % 17).collect(),
        ];
        let mut out = Vec::new();
        for c in cases {
            let enc = encode(&c);
            assert_eq!(binary_packed(&enc, c.len(), &mut out).unwrap(), enc.len());
            assert_eq!(out, c);
            if !c.is_empty() {
                assert!(binary_packed(&enc, c.len() + 1, &mut out).unwrap_err().0.contains("needs"));
            }
            for cut in 0..enc.len() {
                let _ = binary_packed(&enc[..cut], c.len(), &mut out);
            }
        }
        let mut bad = Vec::new();
        uleb_push(&mut bad, 100);
        bad.extend([4, 1, 0]);
        assert!(binary_packed(&bad, 1, &mut out).unwrap_err().0.contains("invalid"));
    }

    #[test]
    fn int32_wraps() {
        let vals = [i32::MAX as i64, i32::MIN as i64, 5];
        let mut v = Values::new(Physical::Int32);
        integers(&mut v, &encode(&vals), 3, &mut Vec::new()).unwrap();
        let got: Vec<i32> = v.data.chunks(4).map(|c| i32::from_le_bytes(c.try_into().unwrap())).collect();
        assert_eq!(got, [i32::MAX, i32::MIN, 5]);
    }

    #[test]
    fn byte_array_encodings() {
        let words = ["apple", "apply", "ape", "", "banana"];
        let mut src = encode(&words.iter().map(|w| w.len() as i64).collect::<Vec<_>>());
        src.extend(words.concat().as_bytes());
        let mut v = Values::new(Physical::ByteArray);
        length_byte_array_page(&mut v, &src, 5, &mut Vec::new()).unwrap();
        assert_eq!(v.data, words.concat().as_bytes());
        assert_eq!(v.offsets, [0, 5, 10, 13, 13, 19]);
        assert!(length_byte_array_page(&mut v, &src[..src.len() - 1], 5, &mut Vec::new()).is_err());

        let prefixes = [0i64, 4, 2, 0, 0];
        let suffixes = ["apple", "y", "e", "", "banana"];
        let mut src = encode(&prefixes);
        src.extend(encode(&suffixes.iter().map(|w| w.len() as i64).collect::<Vec<_>>()));
        src.extend(suffixes.concat().as_bytes());
        let mut v = Values::new(Physical::ByteArray);
        byte_array_page(&mut v, &src, 5, &mut Vec::new()).unwrap();
        assert_eq!(v.data, words.concat().as_bytes());
        assert_eq!(v.offsets, [0, 5, 10, 13, 13, 19]);

        let mut src = encode(&[0, 6]);
        src.extend(encode(&[1, 1]));
        src.extend(b"ab");
        assert!(byte_array_page(&mut Values::new(Physical::ByteArray), &src, 2, &mut Vec::new())
            .unwrap_err()
            .0
            .contains("prefix of 6 bytes"));
        let mut src = encode(&[0, 1]);
        src.extend(encode(&[2, 1]));
        src.extend(b"abc");
        let mut f = Values::new(Physical::FixedLenByteArray(2));
        byte_array_page(&mut f, &src, 2, &mut Vec::new()).unwrap();
        assert_eq!((f.data.as_slice(), f.count), (&b"abac"[..], 2));
        assert!(byte_array_page(&mut Values::new(Physical::FixedLenByteArray(3)), &src, 2, &mut Vec::new())
            .is_err());
        assert!(byte_array_page(&mut Values::new(Physical::Int32), &src, 2, &mut Vec::new())
            .unwrap_err()
            .0
            .contains("encoding 7 for Int32"));
    }
}
