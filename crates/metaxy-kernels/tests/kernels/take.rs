//! take over fixed-width, Boolean and string columns.

use crate::common::Strs;
use metaxy_kernels::{take_bits, take_fixed, take_strings, BitChunk, FixedChunk, TakeOffsets, Validity};

#[test]
fn fixed_width_across_chunks_with_nulls() {
    let a: Vec<u8> = [10i32, 11, 12].iter().flat_map(|v| v.to_le_bytes()).collect();
    let b: Vec<u8> = [20i32, 21].iter().flat_map(|v| v.to_le_bytes()).collect();
    let bits = [0b0000_0101u8]; // row 1 of the first chunk is null
    let chunks = [
        FixedChunk { len: 3, width: 4, bytes: &a, validity: Some(Validity::new(&bits, 0, 3).unwrap()) },
        FixedChunk { len: 2, width: 4, bytes: &b, validity: None },
    ];
    let out = take_fixed(&chunks, &[4, -1, 0, 1, 3]).unwrap();
    let vals: Vec<i32> = out.values.chunks(4).map(|c| i32::from_le_bytes(c.try_into().unwrap())).collect();
    assert_eq!(vals, vec![21, 0, 10, 0, 20]);
    assert_eq!(out.null_count, 2);
    assert_eq!(out.validity.unwrap()[0] & 0b11111, 0b10101);
    assert!(take_fixed(&chunks, &[5]).unwrap_err().0.contains("outside a column of 5 rows"));
    assert!(take_fixed(&chunks, &[-2]).is_err());
}

#[test]
fn booleans_honour_the_bit_offset() {
    let bits = [0b1010_0000u8, 0b0000_0001];
    let chunks = [BitChunk { len: 4, bits: &bits, bit_offset: 5, validity: None }];
    let out = take_bits(&chunks, &[0, 1, 2, 3, -1]).unwrap();
    assert_eq!(out.values[0] & 0b1111, 0b1101);
    assert_eq!(out.null_count, 1);
}

#[test]
fn strings_keep_their_bytes_and_offsets_width() {
    let s = Strs::new(&[Some("é"), None, Some(""), Some("xyz")]);
    let out = take_strings(&[s.chunk()], &[3, 1, -1, 0, 2, 3], false).unwrap();
    assert_eq!(out.offsets, TakeOffsets::I32(vec![0, 3, 3, 3, 5, 5, 8]));
    assert_eq!(out.values, "xyzéxyz".as_bytes());
    assert_eq!(out.null_count, 2);
    let large = take_strings(&[s.large_chunk()], &[0], true).unwrap();
    assert_eq!(large.offsets, TakeOffsets::I64(vec![0, 2]));
}
