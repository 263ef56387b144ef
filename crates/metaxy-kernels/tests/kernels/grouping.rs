//! keep-latest and group concat semantics.

use crate::common::{Ints, Strs};
use metaxy_kernels::{group_concat, keep_latest, Column};

#[test]
fn keep_latest_takes_the_greatest_order_and_the_later_row_on_ties() {
    let ids = Strs::new(&[Some("a"), Some("b"), Some("a"), Some("a"), Some("b"), None, None]);
    let ts = Ints::<i64>::new(&[Some(5), Some(1), Some(9), Some(9), None, Some(3), Some(2)]);
    // a: rows 0,2,3 → 9 at rows 2 and 3, tie → 3. b: rows 1 (1), 4 (null first) → 1. null: 5 (3) > 6 (2).
    assert_eq!(keep_latest(&[ids.column()], &ts.column()).unwrap(), vec![1, 3, 5]);
}

#[test]
fn keep_latest_orders_nulls_first_and_groups_multi_column_keys() {
    let a = Ints::<i32>::new(&[Some(1), Some(1), Some(1), Some(2)]);
    let b = Ints::<u8>::new(&[Some(1), Some(1), None, Some(1)]);
    let ts = Ints::<i64>::new(&[Some(i64::MIN), None, None, None]);
    assert_eq!(keep_latest(&[a.column(), b.column()], &ts.column()).unwrap(), vec![0, 2, 3]);
    let s = Strs::new(&[Some("x")]);
    assert!(keep_latest(&[a.column()], &s.column()).unwrap_err().0.contains("integer or timestamp"));
}

#[test]
fn group_concat_orders_within_groups_and_skips_null_values() {
    let g = Strs::new(&[Some("p"), Some("q"), Some("p"), None, Some("p"), None, Some("r")]);
    let o = Ints::<i64>::new(&[Some(3), Some(1), None, Some(2), Some(3), Some(1), Some(0)]);
    let v = Strs::new(&[Some("c"), Some("x"), Some("a"), Some("n2"), Some("d"), Some("n1"), None]);
    let out = group_concat(&[g.column()], &[o.column()], &v.column(), b",").unwrap();
    // p: rows 2 (null order first), 0 (3), 4 (3, later) → a,c,d. q → x. null group: 5 (1), 3 (2).
    let got: Vec<_> = (0..7).map(|i| out.get(i).unwrap().to_string()).collect();
    assert_eq!(got, vec!["a,c,d", "x", "a,c,d", "n1,n2", "a,c,d", "n1,n2", ""]);
    assert_eq!(out.null_count, 0);
}

#[test]
fn group_concat_orders_strings_by_bytes_and_falls_back_to_row_order() {
    let g = Ints::<u64>::new(&[Some(1), Some(1), Some(1), Some(1)]);
    let o = Strs::new(&[Some("b"), Some("é"), Some("B"), Some("b")]);
    let v = Strs::new(&[Some("1"), Some("2"), Some("3"), Some("4")]);
    let out = group_concat(&[g.column()], &[o.column()], &v.column(), b"|").unwrap();
    assert_eq!(out.get(0), Some("3|1|4|2"));
    let none: [Column<'_>; 0] = [];
    let out = group_concat(&[g.column()], &none, &v.column(), b"").unwrap();
    assert_eq!(out.get(3), Some("1234"));
    let out = group_concat(&none, &none, &v.column(), b"-").unwrap();
    assert_eq!(out.get(0), Some("1-2-3-4"));
}
