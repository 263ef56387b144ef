//! Hash join returning row-index pairs. The right side is built into a table of distinct key
//! tuples (dense group ids, each with its rows chained in ascending order); left rows probe it in
//! ascending order, optionally split over threads, so the output order is the contract's: left rows
//! ascending, each with its matches ascending, then (full join) unmatched right rows ascending.
//! A row with a null in any key column matches nothing.

use crate::bail;
use crate::column::Column;
use crate::error::Result;
use crate::join_index::{build_int, build_tuple, Built, Lookup};
use crate::keys::{check_pairs, EMPTY};

/// Join kinds over key columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinKind {
    Inner,
    Left,
    Full,
    Anti,
    Semi,
}

impl JoinKind {
    /// Every kind, in a fixed order (the binding's numeric codes index this list).
    pub const ALL: [JoinKind; 5] =
        [JoinKind::Inner, JoinKind::Left, JoinKind::Full, JoinKind::Anti, JoinKind::Semi];

    /// Parses `"inner"`, `"left"`, `"full"`, `"anti"` or `"semi"`.
    pub fn parse(name: &str) -> Option<JoinKind> {
        Some(match name {
            "inner" => JoinKind::Inner,
            "left" => JoinKind::Left,
            "full" => JoinKind::Full,
            "anti" => JoinKind::Anti,
            "semi" => JoinKind::Semi,
            _ => return None,
        })
    }
}

/// Row-index pairs; `-1` marks the missing side of an outer row. `right` is empty for anti/semi.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JoinOutput {
    pub left: Vec<i32>,
    pub right: Vec<i32>,
}

/// Joins `left` against `right` on their key columns; see the module docs for the order.
pub fn join(left: &[Column<'_>], right: &[Column<'_>], kind: JoinKind, threads: usize) -> Result<JoinOutput> {
    check_pairs(left, right)?;
    let nl = left[0].len();
    let nr = right[0].len();
    if nl > i32::MAX as usize || nr > i32::MAX as usize {
        bail!("kernels: join sides of {nl} and {nr} rows exceed the Int32 row indices");
    }
    let grouped = matches!(kind, JoinKind::Inner | JoinKind::Left | JoinKind::Full);
    if left.len() == 1 {
        if let Some((index, built)) = build_int(&left[0], &right[0], grouped) {
            return Ok(assemble(&index, &built, nl, kind, threads));
        }
    }
    let (index, built) = build_tuple(left, right)?;
    Ok(assemble(&index, &built, nl, kind, threads))
}

/// Rows per thread below which probing stays on one thread.
const MIN_PROBE_ROWS: usize = 65_536;

fn assemble(index: &impl Lookup, built: &Built, nl: usize, kind: JoinKind, threads: usize) -> JoinOutput {
    // Chains of right rows per group, ascending: prepend while walking right rows backwards.
    let chained = matches!(kind, JoinKind::Inner | JoinKind::Left | JoinKind::Full);
    let (head, next) = if chained {
        let mut head = vec![EMPTY; built.groups];
        let mut next = vec![EMPTY; built.group_of.len()];
        for r in (0..built.group_of.len()).rev() {
            let g = built.group_of[r];
            if g != EMPTY {
                next[r] = head[g as usize];
                head[g as usize] = r as u32;
            }
        }
        (head, next)
    } else {
        (Vec::new(), Vec::new())
    };

    let threads = threads.clamp(1, 64).min(nl.div_ceil(MIN_PROBE_ROWS)).max(1);
    let per = nl.div_ceil(threads);
    let ranges: Vec<(usize, usize)> = (0..threads).map(|t| (t * per, ((t + 1) * per).min(nl))).collect();
    let probe = |(a, b): (usize, usize)| probe_range(index, &head, &next, built.groups, kind, a, b);
    let parts: Vec<Probed> = if ranges.len() == 1 {
        ranges.into_iter().map(probe).collect()
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = ranges.into_iter().map(|r| s.spawn(move || probe(r))).collect();
            handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
        })
    };

    let total: usize = parts.iter().map(|p| p.left.len()).sum();
    let mut out = JoinOutput { left: Vec::with_capacity(total), right: Vec::with_capacity(total) };
    let mut matched = if kind == JoinKind::Full { vec![false; built.groups] } else { Vec::new() };
    for p in parts {
        out.left.extend_from_slice(&p.left);
        out.right.extend_from_slice(&p.right);
        for (m, pm) in matched.iter_mut().zip(&p.matched) {
            *m |= *pm;
        }
    }
    if kind == JoinKind::Full {
        for (r, &g) in built.group_of.iter().enumerate() {
            if g == EMPTY || !matched[g as usize] {
                out.left.push(-1);
                out.right.push(r as i32);
            }
        }
    }
    out
}

struct Probed {
    left: Vec<i32>,
    right: Vec<i32>,
    matched: Vec<bool>,
}

fn probe_range(
    index: &impl Lookup,
    head: &[u32],
    next: &[u32],
    groups: usize,
    kind: JoinKind,
    a: usize,
    b: usize,
) -> Probed {
    let mut out = Probed {
        left: Vec::new(),
        right: Vec::new(),
        matched: if kind == JoinKind::Full { vec![false; groups] } else { Vec::new() },
    };
    let mut found = [0u32; 1024];
    let mut block = a;
    while block < b {
        let count = found.len().min(b - block);
        index.lookup_many(block, &mut found[..count]);
        emit(&mut out, &found[..count], block, head, next, kind);
        block += count;
    }
    out
}

/// Appends the output rows of left rows `first..` whose groups are `found`.
fn emit(out: &mut Probed, found: &[u32], first: usize, head: &[u32], next: &[u32], kind: JoinKind) {
    match kind {
        JoinKind::Anti | JoinKind::Semi => {
            let want = kind == JoinKind::Semi;
            for (k, &g) in found.iter().enumerate() {
                if (g != EMPTY) == want {
                    out.left.push((first + k) as i32);
                }
            }
        }
        JoinKind::Inner | JoinKind::Left | JoinKind::Full => {
            out.left.reserve(found.len());
            out.right.reserve(found.len());
            let outer = kind != JoinKind::Inner;
            for (k, &g) in found.iter().enumerate() {
                let l = first + k;
                if g == EMPTY {
                    if outer {
                        out.left.push(l as i32);
                        out.right.push(-1);
                    }
                    continue;
                }
                if kind == JoinKind::Full {
                    out.matched[g as usize] = true;
                }
                let mut r = head[g as usize];
                while r != EMPTY {
                    out.left.push(l as i32);
                    out.right.push(r as i32);
                    r = next[r as usize];
                }
            }
        }
    }
}
