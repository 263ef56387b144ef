//! Ordered group concatenation (the window behind aggregation lineage).

use std::cmp::Ordering;

use crate::bail;
use crate::column::{flatten_strings, Column};
use crate::error::Result;
use crate::hash_rows::Utf8Output;
use crate::keys::{flatten_columns, group_ids, FlatCol};

/// For every row: the non-null `values` of its group (rows sharing all `group_keys`, null being a
/// key value), ascending by `order_keys` (integers numerically, strings by bytes, nulls first, ties
/// by row position), joined with `separator`. A group without non-null values gives `""`.
pub fn group_concat(
    group_keys: &[Column<'_>],
    order_keys: &[Column<'_>],
    values: &Column<'_>,
    separator: &[u8],
) -> Result<Utf8Output> {
    let Column::Str(value_chunks) = values else {
        bail!("kernels: groupConcat concatenates a string column, got an integer column");
    };
    let n = values.len();
    let (groups, count) = group_ids(group_keys, n, "groupConcat group")?;
    let (order_len, order, order_valid) = flatten_columns(order_keys, "groupConcat order")?;
    if !order_keys.is_empty() && order_len != n {
        bail!("kernels: groupConcat order keys have {order_len} rows, values have {n}");
    }
    let (vals, vals_valid) = flatten_strings(value_chunks);

    let compare = |a: usize, b: usize| -> Ordering {
        for (col, valid) in order.iter().zip(&order_valid) {
            let (va, vb) = valid.as_ref().map_or((true, true), |v| (v[a], v[b]));
            let o = match (va, vb) {
                (false, false) => Ordering::Equal,
                (false, true) => Ordering::Less,
                (true, false) => Ordering::Greater,
                (true, true) => match col {
                    FlatCol::Int(x) => x[a].cmp(&x[b]),
                    FlatCol::Str(x) => x[a].cmp(x[b]),
                },
            };
            if o != Ordering::Equal {
                return o;
            }
        }
        a.cmp(&b)
    };
    let mut rows: Vec<u32> = (0..n as u32).collect();
    rows.sort_unstable_by(|&a, &b| {
        groups[a as usize].cmp(&groups[b as usize]).then_with(|| compare(a as usize, b as usize))
    });

    // One concatenation per group, then one copy per row.
    let mut joined: Vec<u8> = Vec::new();
    let mut span = vec![(0usize, 0usize); count];
    let mut i = 0;
    while i < n {
        let g = groups[rows[i] as usize];
        let start = joined.len();
        let mut first = true;
        while i < n && groups[rows[i] as usize] == g {
            let r = rows[i] as usize;
            if vals_valid[r] {
                if !first {
                    joined.extend_from_slice(separator);
                }
                joined.extend_from_slice(vals[r]);
                first = false;
            }
            i += 1;
        }
        span[g as usize] = (start, joined.len());
    }
    let total: u128 = groups.iter().map(|&g| (span[g as usize].1 - span[g as usize].0) as u128).sum();
    if total > i32::MAX as u128 {
        bail!("kernels: groupConcat output of {total} bytes exceeds the 2 GiB of a Utf8 column");
    }
    let mut out = Vec::with_capacity(total as usize);
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0i32);
    for &g in &groups {
        let (a, b) = span[g as usize];
        out.extend_from_slice(&joined[a..b]);
        offsets.push(out.len() as i32);
    }
    Ok(Utf8Output { offsets, values: out, validity: None, null_count: 0 })
}
