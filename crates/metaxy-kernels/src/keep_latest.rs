//! Keep-latest: one row per distinct key tuple, the one with the greatest order value.

use crate::bail;
use crate::column::{int_validity, Column};
use crate::error::Result;
use crate::keys::{group_ids, EMPTY};

/// Ascending indices of the row kept per key tuple: greatest `order_by` (nulls order first), ties
/// to the later row. Null key values form their own group.
pub fn keep_latest(keys: &[Column<'_>], order_by: &Column<'_>) -> Result<Vec<i32>> {
    let Column::Int(chunks) = order_by else {
        bail!("kernels: keepLatest orders by an integer or timestamp column, got a string column");
    };
    let n = order_by.len();
    if n > i32::MAX as usize {
        bail!("kernels: keepLatest over {n} rows exceeds the Int32 row indices");
    }
    let mut order = Vec::with_capacity(n);
    chunks.iter().for_each(|c| c.extend_i128(&mut order));
    let valid = int_validity(chunks);
    let (groups, count) = group_ids(keys, n, "keepLatest")?;
    let rank = |r: usize| (valid[r], if valid[r] { order[r] } else { 0 });
    let mut best = vec![EMPTY; count];
    for (r, &g) in groups.iter().enumerate() {
        let b = &mut best[g as usize];
        if *b == EMPTY || rank(r) >= rank(*b as usize) {
            *b = r as u32;
        }
    }
    let mut keep = vec![false; n];
    best.iter().for_each(|&r| keep[r as usize] = true);
    Ok((0..n).filter(|&r| keep[r]).map(|r| r as i32).collect())
}
