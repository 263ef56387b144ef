//! Zstandard decompression against frames written by the reference `zstd` CLI (levels 1, 3, 19
//! and 22; with and without checksum and content size; raw, RLE and compressed blocks; several
//! blocks), concatenated and skippable frames, and corrupted input that must fail cleanly.
//! `tests/data/zstd/generate.py` wrote the fixtures from the same generator as [`plain`].

use metaxy_kernels::parquet::zstd::{decompress, decompress_into};

const WORDS: [&[u8]; 13] = [
    b"metaxy",
    b"feature",
    b"sample_uid",
    b"provenance",
    b"delta",
    b"parquet",
    b"the",
    b"of",
    b"and",
    b"version",
    b"0123456789",
    b"{\"a\": 1}",
    b"\n",
];

/// The fixtures' plain bytes: words, noise, runs, overlapping copies and skewed letters, from an LCG.
fn plain(n: usize, seed: u64, kinds: &[u64]) -> Vec<u8> {
    let mut st = seed;
    let mut next = || {
        st = st.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        st >> 33
    };
    let mut out: Vec<u8> = Vec::new();
    while out.len() < n {
        let kind = kinds[(next() % kinds.len() as u64) as usize];
        let seg = 1 + (next() % 4000) as usize;
        match kind {
            0 => {
                for _ in 0..seg / 6 {
                    out.extend_from_slice(WORDS[(next() % WORDS.len() as u64) as usize]);
                    out.push(b' ');
                }
            }
            1 => {
                for _ in 0..seg / 8 {
                    out.push((next() & 0xff) as u8);
                }
            }
            2 => {
                let b = (next() & 0xff) as u8;
                out.extend(std::iter::repeat_n(b, seg));
            }
            4 => {
                for _ in 0..seg / 2 {
                    let (a, b) = (next() % 50, next() % 50);
                    out.push((0x30 + a * b / 50) as u8);
                }
            }
            _ => {
                if !out.is_empty() {
                    let off = 1 + (next() % out.len().min(100000) as u64) as usize;
                    let start = out.len() - off;
                    for i in 0..seg {
                        out.push(out[start + i]);
                    }
                }
            }
        }
    }
    out.truncate(n);
    out
}

const ALL: &[u64] = &[0, 1, 2, 3];

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/zstd/{name}.zst", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every fixture with its plain bytes.
fn cases() -> Vec<(String, Vec<u8>, Vec<u8>)> {
    let mut out = Vec::new();
    for (name, n, seed) in [("small", 1000, 5), ("text", 40000, 2), ("multi", 300000, 3)] {
        let p = plain(n, seed, ALL);
        for level in [1, 3, 19, 22] {
            if name == "multi" && level == 3 {
                continue;
            }
            let f = format!("{name}-{level}");
            out.push((f.clone(), fixture(&f), p.clone()));
        }
    }
    let words = plain(150000, 6, &[0, 4, 4, 2]);
    out.push(("words-1".into(), fixture("words-1"), words.clone()));
    out.push(("words-19".into(), fixture("words-19"), words));
    out.push(("noise-3".into(), fixture("noise-3"), plain(3000, 4, &[1])));
    out.push(("rle-19".into(), fixture("rle-19"), vec![b'x'; 200000]));
    out
}

#[test]
fn decodes_reference_frames_exactly() {
    for (name, frame, want) in cases() {
        let got = decompress(&frame, want.len()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(got == want, "{name}: decoded bytes differ");
    }
}

#[test]
fn decodes_concatenated_and_skippable_frames() {
    let (a, b) = (fixture("small-1"), fixture("text-3"));
    let mut input = a.clone();
    input.extend_from_slice(&[0x5a, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 9, 9, 9]);
    input.extend_from_slice(&b);
    input.extend_from_slice(&[0x50, 0x2a, 0x4d, 0x18, 0, 0, 0, 0]);
    let mut want = plain(1000, 5, ALL);
    want.extend(plain(40000, 2, ALL));
    let mut out = vec![1, 2, 3];
    decompress_into(&input, want.len(), &mut out).unwrap();
    assert!(out == want);
    // Matches may not reach into the previous frame: each frame decodes alone.
    assert_eq!(decompress(&b, 40000).unwrap(), plain(40000, 2, ALL));
}

#[test]
fn small_hand_built_frames() {
    // Single segment, one RLE block; and a raw block with a 2-byte content size (+256).
    assert_eq!(
        decompress(&[0x28, 0xb5, 0x2f, 0xfd, 0x20, 0x05, 0x2b, 0x00, 0x00, b'a'], 5).unwrap(),
        b"aaaaa"
    );
    let mut raw = vec![0x28, 0xb5, 0x2f, 0xfd, 0x60, 0x2c, 0x00];
    raw.extend_from_slice(&[((300 << 3) | 1) as u8, (300 >> 5) as u8, 0]);
    raw.extend((0..300).map(|i| (i * 7) as u8));
    assert_eq!(decompress(&raw, 300).unwrap(), (0..300).map(|i| (i * 7) as u8).collect::<Vec<_>>());
    // An empty frame.
    assert_eq!(decompress(&[0x28, 0xb5, 0x2f, 0xfd, 0x20, 0x00, 0x01, 0x00, 0x00], 0).unwrap(), b"");
}

#[test]
fn refuses_dictionaries_sizes_and_garbage() {
    // Dictionary ID 7 (1 byte).
    let dict = [0x28, 0xb5, 0x2f, 0xfd, 0x21, 0x07, 0x05, 0x2b, 0x00, 0x00, b'a'];
    assert_eq!(
        decompress(&dict, 5).unwrap_err().0,
        "parquet: zstd dictionary 7 not supported (Parquet writes no dictionaries)"
    );
    let rle = [0x28, 0xb5, 0x2f, 0xfd, 0x20, 0x05, 0x2b, 0x00, 0x00, b'a'];
    assert_eq!(
        decompress(&rle, 4).unwrap_err().0,
        "parquet: zstd frame declares 5 bytes but only 4 are expected"
    );
    assert_eq!(decompress(&rle, 6).unwrap_err().0, "parquet: zstd input decodes to 5 bytes, expected 6");
    assert_eq!(
        decompress(b"PAR1xxxx", 6).unwrap_err().0,
        "parquet: zstd bad magic number 0x31524150 at byte 0"
    );
    let frame = fixture("text-1");
    let mut bad = frame.clone();
    let n = bad.len();
    bad[n - 1] ^= 1;
    assert!(decompress(&bad, 40000).unwrap_err().0.starts_with("parquet: zstd frame checksum"));
}

#[test]
fn truncated_and_corrupted_frames_fail_cleanly() {
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let mut rand = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    for (name, frame, want) in cases() {
        // Every cut and 600 flips of the small frames; a sample of the large ones.
        let (stride, flips) = if frame.len() > 5000 { (97, 60) } else { (1, 600) };
        for cut in (0..frame.len()).step_by(stride) {
            assert!(decompress(&frame[..cut], want.len()).is_err(), "{name} cut at {cut}");
        }
        for _ in 0..flips {
            let mut bad = frame.clone();
            for _ in 0..1 + rand() % 3 {
                let bit = (rand() % (bad.len() as u64 * 8)) as usize;
                bad[bit / 8] ^= 1 << (bit % 8);
            }
            // Any outcome but a panic, a hang or an oversized buffer is acceptable: a flip in
            // unchecked bits may still decode.
            if let Ok(out) = decompress(&bad, want.len()) {
                assert_eq!(out.len(), want.len());
            }
        }
    }
}

/// A frame of three compressed blocks without sequences: Huffman literals with a directly
/// stored tree ('a' 1 bit, 'b' and 'c' 2 bits), the same literals treeless, then RLE literals.
fn literal_blocks(with_first: bool) -> Vec<u8> {
    let mut tree = vec![226u8];
    tree.extend([0u8; 50]);
    tree[1 + 48] = 0x02;
    tree[1 + 49] = 0x10;
    // "abca": 1 00 01 1 under the end marker.
    let stream = 0x63u8;
    let header = |kind: u32, comp: u32| {
        let h = kind | (4 << 4) | (comp << 14);
        [h as u8, (h >> 8) as u8, (h >> 16) as u8]
    };
    let mut b1 = header(2, 52).to_vec();
    b1.extend(&tree);
    b1.extend([stream, 0]);
    let mut b2 = header(3, 1).to_vec();
    b2.extend([stream, 0]);
    let b3 = vec![(5 << 3) | 1, b'z', 0];
    let mut out = vec![0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x00];
    let blocks = if with_first { vec![b1, b2, b3] } else { vec![b2, b3] };
    for (i, b) in blocks.iter().enumerate() {
        let h = (b.len() << 3) | (2 << 1) | usize::from(i + 1 == blocks.len());
        out.extend([h as u8, (h >> 8) as u8, (h >> 16) as u8]);
        out.extend(b);
    }
    out
}

#[test]
fn direct_tree_treeless_and_rle_literals() {
    assert_eq!(decompress(&literal_blocks(true), 13).unwrap(), b"abcaabcazzzzz");
    assert_eq!(
        decompress(&literal_blocks(false), 9).unwrap_err().0,
        "parquet: zstd treeless literals without a previous Huffman table"
    );
}

/// A frame of hand-built blocks (a 1 KiB window, no content size).
fn frame_of(blocks: &[&[u8]]) -> Vec<u8> {
    let mut out = vec![0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x00];
    for (i, b) in blocks.iter().enumerate() {
        let h = (b.len() << 3) | (2 << 1) | usize::from(i + 1 == blocks.len());
        out.extend([h as u8, (h >> 8) as u8, (h >> 16) as u8]);
        out.extend(*b);
    }
    out
}

#[test]
fn rle_and_repeated_sequence_tables_with_overlapping_matches() {
    // Raw literals "abcd", one sequence in RLE mode for all three codes: 4 literals, offset
    // code 2 with extra bits 0b11 (offset 7 - 3 = 4), match length code 5 (8 bytes).
    let first: &[u8] = &[0x20, b'a', b'b', b'c', b'd', 0x01, 0x54, 4, 2, 5, 0x07];
    // The same tables repeated (mode 3) over new literals.
    let second: &[u8] = &[0x20, b'w', b'x', b'y', b'z', 0x01, 0xfc, 0x07];
    assert_eq!(decompress(&frame_of(&[first, second]), 24).unwrap(), b"abcdabcdabcdwxyzwxyzwxyz");
    assert_eq!(
        decompress(&frame_of(&[second]), 12).unwrap_err().0,
        "parquet: zstd repeated literal length table without a previous one"
    );
    // Offset code 3 with extra bits 0b000: offset 5, before the frame's first byte.
    let far: &[u8] = &[0x20, b'a', b'b', b'c', b'd', 0x01, 0x54, 4, 3, 5, 0x08];
    assert_eq!(
        decompress(&frame_of(&[far]), 12).unwrap_err().0,
        "parquet: zstd match offset 5 reaches before the frame"
    );
}
