//! Join semantics: every kind, duplicates, null keys, mixed integer types, strings, multi-column
//! keys, threads; plus a nested-loop reference on generated data.

use crate::common::{str_column, Ints, Rng, Strs};
use metaxy_kernels::{join, Column, JoinKind, JoinOutput};

fn pairs(out: &JoinOutput) -> Vec<(i32, i32)> {
    out.left.iter().copied().zip(out.right.iter().copied()).collect()
}

/// The contract, stated as nested loops.
fn reference(nl: usize, nr: usize, eq: impl Fn(usize, usize) -> bool, kind: JoinKind) -> JoinOutput {
    let mut out = JoinOutput::default();
    let mut matched = vec![false; nr];
    for l in 0..nl {
        let ms: Vec<usize> = (0..nr).filter(|&r| eq(l, r)).collect();
        match kind {
            JoinKind::Anti if ms.is_empty() => out.left.push(l as i32),
            JoinKind::Semi if !ms.is_empty() => out.left.push(l as i32),
            JoinKind::Inner | JoinKind::Left | JoinKind::Full => {
                for &r in &ms {
                    out.left.push(l as i32);
                    out.right.push(r as i32);
                    matched[r] = true;
                }
                if ms.is_empty() && kind != JoinKind::Inner {
                    out.left.push(l as i32);
                    out.right.push(-1);
                }
            }
            _ => {}
        }
    }
    if kind == JoinKind::Full {
        for (r, m) in matched.iter().enumerate() {
            if !m {
                out.left.push(-1);
                out.right.push(r as i32);
            }
        }
    }
    out
}

#[test]
fn every_kind_on_duplicates_and_nulls() {
    let l = Ints::<i64>::new(&[Some(1), Some(2), None, Some(2), Some(9)]);
    let r = Ints::<i64>::new(&[Some(2), None, Some(1), Some(2), Some(7)]);
    let run = |k| join(&[l.column()], &[r.column()], k, 1).unwrap();
    assert_eq!(pairs(&run(JoinKind::Inner)), vec![(0, 2), (1, 0), (1, 3), (3, 0), (3, 3)]);
    assert_eq!(pairs(&run(JoinKind::Left)), vec![(0, 2), (1, 0), (1, 3), (2, -1), (3, 0), (3, 3), (4, -1)]);
    assert_eq!(
        pairs(&run(JoinKind::Full)),
        vec![(0, 2), (1, 0), (1, 3), (2, -1), (3, 0), (3, 3), (4, -1), (-1, 1), (-1, 4)]
    );
    assert_eq!(run(JoinKind::Anti), JoinOutput { left: vec![2, 4], right: vec![] });
    assert_eq!(run(JoinKind::Semi), JoinOutput { left: vec![0, 1, 3], right: vec![] });
}

#[test]
fn integers_compare_by_value_across_widths_and_signedness() {
    let l = Ints::<i8>::new(&[Some(-1), Some(5), Some(127), Some(0)]);
    let r = Ints::<u64>::new(&[Some(u64::MAX), Some(5), Some(127), Some(1 << 63)]);
    // -1 must not meet u64::MAX (same bit pattern), and 2^63 must not meet anything.
    let out = join(&[l.column()], &[r.column()], JoinKind::Full, 1).unwrap();
    assert_eq!(pairs(&out), vec![(0, -1), (1, 1), (2, 2), (3, -1), (-1, 0), (-1, 3)]);

    let l = Ints::<i32>::new(&[Some(-5), Some(70_000)]);
    let r = Ints::<i64>::new(&[Some(70_000), Some(-5)]);
    assert_eq!(pairs(&join(&[l.column()], &[r.column()], JoinKind::Inner, 1).unwrap()), vec![(0, 1), (1, 0)]);

    let l = Ints::<u16>::new(&[Some(65_535), Some(3)]);
    let r = Ints::<i16>::new(&[Some(-1), Some(3)]);
    assert_eq!(pairs(&join(&[l.column()], &[r.column()], JoinKind::Inner, 1).unwrap()), vec![(1, 1)]);
}

#[test]
fn strings_compare_by_bytes_whatever_the_offsets_width() {
    let l = Strs::new(&[Some("a"), Some(""), None, Some("ü"), Some("a")]);
    let r = Strs::new(&[Some("ü"), Some("a"), Some(""), None]);
    let lc = Column::Str(vec![l.large_chunk()]);
    let out = join(&[lc], &[r.column()], JoinKind::Left, 1).unwrap();
    assert_eq!(pairs(&out), vec![(0, 1), (1, 2), (2, -1), (3, 0), (4, 1)]);
}

#[test]
fn multi_column_keys_need_every_column_equal() {
    let la = Strs::new(&[Some("x"), Some("x"), Some("y"), Some("y")]);
    let lb = Ints::<i32>::new(&[Some(1), Some(2), Some(1), None]);
    let ra = Strs::new(&[Some("y"), Some("x"), Some("y")]);
    let rb = Ints::<u8>::new(&[Some(1), Some(2), None]);
    let out = join(&[la.column(), lb.column()], &[ra.column(), rb.column()], JoinKind::Full, 1).unwrap();
    assert_eq!(pairs(&out), vec![(0, -1), (1, 1), (2, 0), (3, -1), (-1, 2)]);
}

#[test]
fn mismatched_key_columns_are_errors() {
    let s = Strs::new(&[Some("x")]);
    let i = Ints::<i32>::new(&[Some(1)]);
    let err = join(&[s.column()], &[i.column()], JoinKind::Inner, 1).unwrap_err();
    assert!(err.0.contains("pair 0 mixes string and integer columns"), "{err}");
    let err = join(&[s.column()], &[s.column(), i.column()], JoinKind::Inner, 1).unwrap_err();
    assert!(err.0.contains("same non-zero number of key columns"), "{err}");
}

#[test]
fn empty_sides() {
    let e = Ints::<i64>::new(&[]);
    let r = Ints::<i64>::new(&[Some(1), None]);
    assert_eq!(
        pairs(&join(&[e.column()], &[r.column()], JoinKind::Full, 2).unwrap()),
        vec![(-1, 0), (-1, 1)]
    );
    assert_eq!(join(&[r.column()], &[e.column()], JoinKind::Anti, 2).unwrap().left, vec![0, 1]);
}

/// Generated keys with many duplicates and nulls, on the 64-bit fast path (with and without
/// signed values), on the tuple path (strings, two columns, 65-bit integer ranges), chunked, with
/// one and two threads: all equal the nested-loop reference.
#[test]
fn generated_joins_match_the_reference() {
    let mut rng = Rng(7);
    for round in 0..6 {
        let (nl, nr) = (150_000usize / 1000 + round * 37, 130 + round * 11);
        let gen_i = |rng: &mut Rng, n: usize| -> Vec<Option<i64>> {
            (0..n).map(|_| (rng.below(8) != 0).then(|| rng.below(40) as i64 - 10)).collect()
        };
        let li = gen_i(&mut rng, nl);
        let ri = gen_i(&mut rng, nr);
        let ls: Vec<Option<String>> = li.iter().map(|v| v.map(|v| format!("k{}", v.rem_euclid(7)))).collect();
        let rs: Vec<Option<String>> = ri.iter().map(|v| v.map(|v| format!("k{}", v.rem_euclid(7)))).collect();
        let l64 = Ints::new(&li);
        let r64 = Ints::new(&ri);
        let lu: Vec<Option<u64>> = li.iter().map(|v| v.map(|v| v.unsigned_abs())).collect();
        let ru: Vec<Option<u64>> = ri
            .iter()
            .map(|v| v.map(|v| if v > 25 { u64::MAX - v as u64 } else { v.unsigned_abs() }))
            .collect();
        let lu64 = Ints::new(&lu);
        let ru64 = Ints::new(&ru);
        let split = |v: &[Option<String>]| -> Vec<Strs> {
            let refs: Vec<Option<&str>> = v.iter().map(|s| s.as_deref()).collect();
            let mid = v.len() / 3;
            vec![Strs::new(&refs[..mid]), Strs::with_bit_offset(&refs[mid..], 1)]
        };
        let (lss, rss) = (split(&ls), split(&rs));
        for kind in JoinKind::ALL {
            for threads in [1, 2] {
                // Signed 64-bit fast path.
                let got = join(&[l64.column()], &[r64.column()], kind, threads).unwrap();
                let want = reference(nl, nr, |a, b| li[a].is_some() && li[a] == ri[b], kind);
                assert_eq!(got, want, "i64 {kind:?}");
                // Unsigned values ≥ 2^63 against signed ones: the tuple path.
                let got = join(&[lu64.column()], &[r64.column()], kind, threads).unwrap();
                let eq = |a: usize, b: usize| match (lu[a], ri[b]) {
                    (Some(x), Some(y)) => i128::from(x) == i128::from(y),
                    _ => false,
                };
                assert_eq!(got, reference(nl, nr, eq, kind), "u64/i64 {kind:?}");
                let got = join(&[l64.column()], &[ru64.column()], kind, threads).unwrap();
                let eq = |a: usize, b: usize| match (li[a], ru[b]) {
                    (Some(x), Some(y)) => i128::from(x) == i128::from(y),
                    _ => false,
                };
                assert_eq!(got, reference(nl, nr, eq, kind), "i64/u64 {kind:?}");
                // Chunked strings plus an integer column.
                let got = join(
                    &[str_column(&lss, false), l64.column()],
                    &[str_column(&rss, true), r64.column()],
                    kind,
                    threads,
                )
                .unwrap();
                let eq = |a: usize, b: usize| {
                    ls[a].is_some() && ls[a] == rs[b] && li[a].is_some() && li[a] == ri[b]
                };
                assert_eq!(got, reference(nl, nr, eq, kind), "tuple {kind:?}");
            }
        }
    }
}

/// Enough rows for the probe to split over two threads.
#[test]
fn threaded_probe_keeps_the_order() {
    let n = 300_000;
    let l: Vec<Option<u64>> = (0..n).map(|i| (i % 11 != 0).then_some((i * 7 % 1000) as u64)).collect();
    let r: Vec<Option<u64>> = (0..2000).map(|i| (i % 13 != 0).then_some((i % 1500) as u64)).collect();
    let (lc, rc) = (Ints::new(&l), Ints::new(&r));
    for kind in JoinKind::ALL {
        let one = join(&[lc.column()], &[rc.column()], kind, 1).unwrap();
        let two = join(&[lc.column()], &[rc.column()], kind, 2).unwrap();
        assert_eq!(one, two, "{kind:?}");
        assert!(one.left.windows(2).all(|w| w[0] <= w[1] || w[1] == -1), "{kind:?} left ascending");
    }
}
