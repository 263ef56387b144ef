//! Row pre-image hashing: concatenation, nulls, truncation, chunking and threads.

use crate::common::{str_column, Rng, Strs};
use metaxy_kernels::{hash_rows, Algorithm, Column, HashRowsOptions, Part};

fn opts(algorithm: Algorithm, truncation: Option<usize>, threads: usize) -> HashRowsOptions<'static> {
    HashRowsOptions { algorithm, separator: b"|", truncation, threads }
}

fn col<'a>(c: Column<'a>, null_as: Option<&'a [u8]>) -> Part<'a> {
    let Column::Str(chunks) = c else { unreachable!() };
    Part::Column { chunks, null_as }
}

/// Python Metaxy's data-versioning snapshot pre-images, rebuilt from literals and columns.
#[test]
fn builds_the_golden_pre_images_from_parts() {
    let audio = Strs::new(&[Some("a1"), Some("a2"), Some("a3")]);
    let frames = Strs::new(&[Some("v1"), Some("v2"), Some("v3")]);
    let parts = [
        Part::Literal(b"default"),
        Part::Literal(b"1"),
        Part::Literal(b"video/audio"),
        col(audio.column(), None),
        Part::Literal(b"video/frames"),
        col(frames.column(), None),
    ];
    let expected: [(Algorithm, [&str; 3]); 5] = [
        (Algorithm::Xxhash64, ["10823186911388391974", "18274202742589849974", "10301923923001759408"]),
        (Algorithm::Xxhash32, ["4058237226", "1188157467", "2632372314"]),
        (Algorithm::Wyhash, ["13136332531082150110", "13387170137092530908", "3652911779766440235"]),
        (
            Algorithm::Md5,
            [
                "6adfd76497c9621a5a70cc6f0e5988c5",
                "af599634188a17615f28c1f7ac69ef3d",
                "8c4021310e97f146994c5dc176839a1c",
            ],
        ),
        (
            Algorithm::Sha256,
            [
                "2ef4ffd693f92e72447dc47a09ecdf25c1c6f18acf88715aeb5472937ae19419",
                "ba08ef288e228285b68179cd8bb18a3a1e0180c058232182c00b12e5e1e94cee",
                "dc371b4ee27230a953f1bd87bb895edfdb12f3cd79b7668de9eed57f81e349c2",
            ],
        ),
    ];
    for (algorithm, want) in expected {
        let full = hash_rows(&parts, None, opts(algorithm, None, 1)).unwrap();
        let cut = hash_rows(&parts, None, opts(algorithm, Some(8), 1)).unwrap();
        for (i, w) in want.iter().enumerate() {
            assert_eq!(full.get(i), Some(*w), "{algorithm:?} row {i}");
            assert_eq!(cut.get(i), Some(&w[..8]), "{algorithm:?} row {i} truncated");
        }
        assert_eq!(full.offsets.len(), 4);
        assert_eq!(full.validity, None);
    }
}

#[test]
fn a_null_part_gives_a_null_row_unless_replaced() {
    let a = Strs::new(&[Some("x"), None, Some(""), None]);
    let b = Strs::new(&[Some("y"), Some("y"), None, Some("é")]);
    let out =
        hash_rows(&[col(a.column(), None), col(b.column(), None)], None, opts(Algorithm::Xxhash64, None, 1))
            .unwrap();
    let h = |s: &str| Algorithm::Xxhash64.hash_to_string(s.as_bytes());
    assert_eq!(out.get(0), Some(h("x|y").as_str()));
    assert_eq!(out.get(1), None);
    assert_eq!(out.get(2), None);
    assert_eq!(out.get(3), None);
    assert_eq!(out.null_count, 3);
    // Null rows take no bytes.
    assert_eq!(out.offsets[1], out.offsets[4]);

    let out = hash_rows(
        &[col(a.column(), Some(b"")), col(b.column(), None)],
        None,
        opts(Algorithm::Xxhash64, None, 1),
    )
    .unwrap();
    assert_eq!(out.get(1), Some(h("|y").as_str()));
    assert_eq!(out.get(2), None);
    assert_eq!(out.get(3), Some(h("|é").as_str()));
    assert_eq!(out.null_count, 1);
}

#[test]
fn literals_only_need_a_length() {
    let parts = [Part::Literal(b"hello_world")];
    let out = hash_rows(&parts, Some(3), opts(Algorithm::Xxhash32, None, 1)).unwrap();
    assert_eq!((0..3).map(|i| out.get(i)).collect::<Vec<_>>(), vec![Some("1605956417"); 3]);
    let err = hash_rows(&parts, None, opts(Algorithm::Xxhash32, None, 1)).unwrap_err();
    assert!(err.0.contains("needs a length"), "{err}");
    let empty = hash_rows(&parts, Some(0), opts(Algorithm::Xxhash32, None, 1)).unwrap();
    assert_eq!(empty.offsets, vec![0]);
}

#[test]
fn mismatched_lengths_are_an_error() {
    let a = Strs::new(&[Some("x")]);
    let b = Strs::new(&[Some("x"), Some("y")]);
    let err = hash_rows(&[col(a.column(), None), col(b.column(), None)], None, opts(Algorithm::Md5, None, 1))
        .unwrap_err();
    assert!(err.0.contains("part 1 has 2 rows, expected 1"), "{err}");
}

#[test]
fn truncation_longer_than_the_rendering_keeps_it_whole_and_zero_keeps_nothing() {
    let a = Strs::new(&[Some("")]);
    let long = hash_rows(&[col(a.column(), None)], None, opts(Algorithm::Xxhash32, Some(64), 1)).unwrap();
    assert_eq!(long.get(0), Some("46947589"));
    let zero = hash_rows(&[col(a.column(), None)], None, opts(Algorithm::Sha256, Some(0), 1)).unwrap();
    assert_eq!(zero.get(0), Some(""));
}

/// Many rows over several chunks (Utf8 and LargeUtf8), 1 and 2 threads, every algorithm and
/// truncation, against hashing each row's concatenated string one by one.
#[test]
fn chunked_and_threaded_runs_match_row_by_row_hashing() {
    let mut rng = Rng(42);
    let words = ["", "a", "ü", "𝄞", "sample", "feature/key", "0123456789abcdef0123456789abcdef"];
    let mut rows_a: Vec<Option<String>> = Vec::new();
    let mut rows_b: Vec<Option<String>> = Vec::new();
    for _ in 0..40_000 {
        let pick = |rng: &mut Rng| {
            (rng.below(10) != 0).then(|| {
                (0..rng.below(4)).map(|_| words[rng.below(words.len() as u64) as usize]).collect::<String>()
            })
        };
        rows_a.push(pick(&mut rng));
        rows_b.push(pick(&mut rng));
    }
    let chunked = |rows: &[Option<String>]| -> Vec<Strs> {
        let refs: Vec<Option<&str>> = rows.iter().map(|r| r.as_deref()).collect();
        [0..1, 1..17_000, 17_000..17_000, 17_000..40_000]
            .into_iter()
            .map(|r| Strs::with_bit_offset(&refs[r.clone()], r.start % 8))
            .collect()
    };
    let (a, b) = (chunked(&rows_a), chunked(&rows_b));
    for algorithm in Algorithm::ALL {
        for truncation in [None, Some(8)] {
            let expected: Vec<Option<String>> = rows_a
                .iter()
                .zip(&rows_b)
                .map(|(x, y)| {
                    let x = x.clone()?;
                    let y = y.clone().unwrap_or_default();
                    let s = algorithm.hash_to_string(format!("lit|{x}|{y}").as_bytes());
                    Some(s[..truncation.unwrap_or(s.len()).min(s.len())].to_string())
                })
                .collect();
            for (threads, large) in [(1, false), (2, true), (3, false)] {
                let parts = [
                    Part::Literal(b"lit"),
                    col(str_column(&a, large), None),
                    col(str_column(&b, large), Some(b"")),
                ];
                let out = hash_rows(&parts, None, opts(algorithm, truncation, threads)).unwrap();
                assert_eq!(out.offsets.len(), rows_a.len() + 1);
                for (i, e) in expected.iter().enumerate() {
                    assert_eq!(
                        out.get(i),
                        e.as_deref(),
                        "{algorithm:?} {truncation:?} threads {threads} row {i}"
                    );
                }
                assert_eq!(out.null_count, expected.iter().filter(|e| e.is_none()).count());
                assert_eq!(out.values.len(), *out.offsets.last().unwrap() as usize);
            }
        }
    }
}

#[test]
fn malformed_chunks_are_rejected_up_front() {
    use metaxy_kernels::{Offsets, StrChunk, Validity};
    let values = b"hello";
    let err = StrChunk::new(2, Offsets::I32(&[0, 5, 2]), values, None).unwrap_err();
    assert!(err.0.contains("go backwards"), "{err}");
    let err = StrChunk::new(1, Offsets::I64(&[0, 6]), values, None).unwrap_err();
    assert!(err.0.contains("outside the 5-byte values buffer"), "{err}");
    let err = StrChunk::new(2, Offsets::I32(&[0, 1]), values, None).unwrap_err();
    assert!(err.0.contains("needs 3 offsets, got 2"), "{err}");
    assert!(Validity::new(&[0xff], 3, 6).is_err());
    let short = Validity::new(&[0xff], 0, 1).unwrap();
    let err = StrChunk::new(2, Offsets::I32(&[0, 1, 2]), values, Some(short)).unwrap_err();
    assert!(err.0.contains("covers 1 rows"), "{err}");
}
