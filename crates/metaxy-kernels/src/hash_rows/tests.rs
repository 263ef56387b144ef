//! The fast paths of `hash_rows` against row-by-row hashing of the concatenated bytes: pieces
//! copied as whole blocks up to the very end of exactly-sized buffers, strings, literals and null
//! replacements longer than a block, 64-bit offsets, mixed offset widths, chunk boundaries inside
//! batches, threads whose regions come out short (32-bit decimals), tiny truncations, and batches
//! of fixed-width columns whose widths change from one stretch of rows to the next.

use super::{hash_rows, HashRowsOptions, Part};
use crate::column::{Offsets, StrChunk, Validity};
use crate::hash::Algorithm;

/// A string column's buffers, values exactly as long as the strings (no padding to read into).
struct Col {
    cells: Vec<Option<Vec<u8>>>,
    off32: Vec<i32>,
    off64: Vec<i64>,
    values: Vec<u8>,
    bits: Vec<u8>,
}

impl Col {
    fn new(cells: Vec<Option<Vec<u8>>>) -> Col {
        let (mut off32, mut off64, mut values) = (vec![0i32], vec![0i64], Vec::new());
        let mut bits = vec![0u8; cells.len().div_ceil(8) + 1];
        for (i, c) in cells.iter().enumerate() {
            if let Some(c) = c {
                values.extend_from_slice(c);
                bits[(i + 3) >> 3] |= 1 << ((i + 3) & 7);
            }
            off32.push(values.len() as i32);
            off64.push(values.len() as i64);
        }
        values.shrink_to_fit();
        Col { cells, off32, off64, values, bits }
    }

    /// The column cut into chunks at `cuts`, with 64-bit offsets when `wide`; validity bit 0 sits
    /// at bit 3 of the bitmap.
    fn chunks(&self, cuts: &[usize], wide: bool) -> Vec<StrChunk<'_>> {
        let nullable = self.cells.iter().any(Option::is_none);
        let mut bounds = vec![0];
        bounds.extend(cuts.iter().copied().filter(|&c| c > 0 && c < self.cells.len()));
        bounds.push(self.cells.len());
        bounds
            .windows(2)
            .map(|w| {
                let (a, b) = (w[0], w[1]);
                let offsets =
                    if wide { Offsets::I64(&self.off64[a..=b]) } else { Offsets::I32(&self.off32[a..=b]) };
                let validity = nullable.then(|| Validity::new(&self.bits, a + 3, b - a).unwrap());
                StrChunk::new(b - a, offsets, &self.values, validity).unwrap()
            })
            .collect()
    }
}

/// Small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, max: usize) -> Vec<u8> {
        let n = (self.next() % (max as u64 + 1)) as usize;
        (0..n).map(|_| b'a' + (self.next() % 26) as u8).collect()
    }
}

/// Checks every row of `hash_rows` over `parts` against hashing the joined bytes.
fn check(parts: &[Part<'_>], rows: &[Option<Vec<u8>>], algorithm: Algorithm, truncation: Option<usize>) {
    for threads in [1, 2, 3] {
        let options = HashRowsOptions { algorithm, separator: b"|", truncation, threads };
        let out = hash_rows(parts, Some(rows.len()), options).unwrap();
        assert_eq!(out.offsets.len(), rows.len() + 1);
        assert_eq!(*out.offsets.last().unwrap() as usize, out.values.len());
        for (i, row) in rows.iter().enumerate() {
            let want = row.as_ref().map(|bytes| {
                let full = algorithm.hash_to_string(bytes);
                full[..truncation.unwrap_or(usize::MAX).min(full.len())].to_string()
            });
            assert_eq!(
                out.get(i),
                want.as_deref(),
                "{algorithm:?} {truncation:?} {threads} threads, row {i}"
            );
        }
        assert_eq!(out.null_count, rows.iter().filter(|r| r.is_none()).count());
    }
}

/// `lit0 | a | lit1 | b` rows, `b` replaced by `null_as` when null, a null `a` nulls the row.
fn expected(a: &Col, b: &Col, lit0: &[u8], lit1: &[u8], null_as: &[u8]) -> Vec<Option<Vec<u8>>> {
    a.cells
        .iter()
        .zip(&b.cells)
        .map(|(x, y)| {
            let x = x.as_ref()?;
            let y = y.as_deref().unwrap_or(null_as);
            Some([lit0, b"|", x, b"|", lit1, b"|", y].concat())
        })
        .collect()
}

#[test]
fn every_layout_matches_row_by_row_hashing() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let n = 40_000;
    let short = Col::new((0..n).map(|_| Some(rng.bytes(16))).collect());
    let long = Col::new((0..n).map(|_| Some(rng.bytes(40))).collect());
    let nulls = Col::new((0..n).map(|i| (i % 7 != 3).then(|| rng.bytes(20))).collect());
    let lit_long = b"a literal that is longer than sixteen bytes";
    let null_as = b"<null, replaced by a long placeholder>";
    let cuts = [1, 2, 255, 256, 257, 9_000, 20_001, 39_999];
    let cases: [(&Col, &Col, &[usize], bool, bool); 5] = [
        (&short, &short, &[], false, false),
        (&short, &long, &cuts, false, false),
        (&long, &nulls, &cuts, true, false),
        (&nulls, &short, &[300, 30_000], false, true),
        (&long, &long, &cuts[..4], true, true),
    ];
    for (a, b, cut, wide_a, wide_b) in cases {
        let (ca, cb) = (a.chunks(cut, wide_a), b.chunks(&cut[cut.len() / 2..], wide_b));
        let parts = [
            Part::Literal(b"v1"),
            Part::Column { chunks: ca, null_as: None },
            Part::Literal(lit_long),
            Part::Column { chunks: cb, null_as: Some(null_as) },
        ];
        let rows = expected(a, b, b"v1", lit_long, null_as);
        check(&parts, &rows, Algorithm::Xxhash64, Some(8));
        check(&parts, &rows, Algorithm::Xxhash32, Some(8));
    }
}

#[test]
fn every_algorithm_and_truncation_matches_row_by_row_hashing() {
    let mut rng = Rng(0x0bad_cafe_f00d_1234);
    let n = 20_000;
    let a = Col::new((0..n).map(|i| (i % 11 != 5).then(|| rng.bytes(70))).collect());
    let b = Col::new((0..n).map(|_| Some(rng.bytes(3))).collect());
    let parts = [
        Part::Column { chunks: a.chunks(&[9_000], false), null_as: None },
        Part::Literal(b""),
        Part::Column { chunks: b.chunks(&[], true), null_as: None },
    ];
    let rows: Vec<_> = a
        .cells
        .iter()
        .zip(&b.cells)
        .map(|(x, y)| Some([x.as_deref()?, b"||", y.as_deref().unwrap()].concat()))
        .collect();
    for algorithm in Algorithm::ALL {
        for truncation in [None, Some(0), Some(1), Some(7), Some(8), Some(9), Some(12), Some(20), Some(33)] {
            check(&parts, &rows, algorithm, truncation);
        }
    }
}

#[test]
fn fixed_width_stretches_match_row_by_row_hashing() {
    let mut rng = Rng(0x7777_aaaa_5555_3333);
    let n = 20_000;
    // Widths hold for stretches of rows (so batches are uniform, mixed, or change widths),
    // covering every copy size class: 0, 1–3, 4–7, 8–16, 17–32 and longer.
    let widths = [0usize, 2, 5, 8, 14, 16, 23, 32, 40, 77];
    let stretch = |rng: &mut Rng| {
        let mut cells = Vec::with_capacity(n);
        while cells.len() < n {
            let w = widths[(rng.next() % widths.len() as u64) as usize];
            // Stretches on batch boundaries first (a uniform batch right after one of other
            // widths), then anywhere.
            let run = if cells.len() < n / 2 {
                256 * (1 + (rng.next() % 3) as usize)
            } else {
                1 + (rng.next() % 700) as usize
            };
            for _ in 0..run.min(n - cells.len()) {
                cells.push(Some((0..w).map(|_| b'0' + (rng.next() % 10) as u8).collect::<Vec<u8>>()));
            }
        }
        Col::new(cells)
    };
    let (a, b) = (stretch(&mut rng), stretch(&mut rng));
    let c = Col::new(
        (0..n).map(|i| Some(format!("{:08x}", i * 2_654_435_761 % (1 << 32)).into_bytes())).collect(),
    );
    let long_literal = b"a literal of more than thirty-two bytes, copied by memcpy";
    for cuts in [&[][..], &[100, 5_000, 5_100, 12_345][..]] {
        let parts = [
            Part::Literal(b"1f2e3d4c"),
            Part::Column { chunks: a.chunks(cuts, false), null_as: None },
            Part::Column { chunks: c.chunks(&[], false), null_as: None },
            Part::Literal(long_literal),
            Part::Column { chunks: b.chunks(&cuts[cuts.len() / 2..], false), null_as: None },
            Part::Literal(b"x"),
        ];
        let rows: Vec<_> = (0..n)
            .map(|i| {
                let cell = |col: &Col| col.cells[i].clone().unwrap();
                Some(
                    [
                        &b"1f2e3d4c|"[..],
                        &cell(&a),
                        b"|",
                        &cell(&c),
                        b"|",
                        long_literal,
                        b"|",
                        &cell(&b),
                        b"|x",
                    ]
                    .concat(),
                )
            })
            .collect();
        check(&parts, &rows, Algorithm::Xxhash64, Some(8));
        check(&parts, &rows, Algorithm::Wyhash, None);
    }
}

#[test]
fn rows_of_one_length_including_empty_ones_match_row_by_row_hashing() {
    for width in [0usize, 1, 41, 64, 100] {
        let col = Col::new((0..3_000).map(|i| Some(vec![b'a' + (i % 26) as u8; width])).collect());
        let parts = [Part::Column { chunks: col.chunks(&[1_000], false), null_as: None }];
        let rows = col.cells.clone();
        check(&parts, &rows, Algorithm::Xxhash64, Some(8));
        check(&parts, &rows, Algorithm::Md5, None);
    }
}
