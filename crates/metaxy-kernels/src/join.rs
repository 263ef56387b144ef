//! Hash join returning row-index pairs. The right side is built into a table of distinct key
//! tuples (dense group ids, each with its rows chained in ascending order); left rows probe it in
//! ascending order, optionally split over threads, so the output order is the contract's: left rows
//! ascending, each with its matches ascending, then (full join) unmatched right rows ascending.
//! A row with a null in any key column matches nothing.

use crate::bail;
use crate::column::{int_all_valid, int_validity, Column};
use crate::error::Result;
use crate::keys::{check_pairs, hash_u64, IdTable, KeyRows, EMPTY};

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

/// Finds the right-side group of a left row (`EMPTY` when null or absent).
trait Lookup: Sync {
    fn lookup(&self, l: usize) -> u32;
}

/// The right side after the build: a group id per right row (`EMPTY` for null keys).
struct Built {
    group_of: Vec<u32>,
    groups: usize,
}

/// Single integer key whose values fit 64 bits without collisions: the table stores the keys.
struct IntIndex {
    mask: usize,
    slots: Vec<(u64, u32)>,
    left: Vec<u64>,
    left_valid: Option<Vec<bool>>,
}

impl Lookup for IntIndex {
    #[inline]
    fn lookup(&self, l: usize) -> u32 {
        if self.left_valid.as_ref().is_some_and(|v| !v[l]) {
            return EMPTY;
        }
        let k = self.left[l];
        let mut i = (hash_u64(k) as usize) & self.mask;
        loop {
            let (key, id) = self.slots[i];
            if id == EMPTY || key == k {
                return id;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// A one-column integer side as 64-bit patterns: bits, validity, any negative, any value ≥ 2^63.
type IntBits = (Vec<u64>, Option<Vec<bool>>, bool, bool);

/// Integer bits of a one-column side plus its validity; `None` for a string column.
fn int_bits(column: &Column<'_>) -> Option<IntBits> {
    let Column::Int(chunks) = column else { return None };
    let mut bits = Vec::with_capacity(column.len());
    let (mut neg, mut big) = (false, false);
    for c in chunks {
        let (n, b) = c.extend_bits(&mut bits);
        neg |= n;
        big |= b;
    }
    let valid = if int_all_valid(chunks) { None } else { Some(int_validity(chunks)) };
    Some((bits, valid, neg, big))
}

fn build_int(left: &Column<'_>, right: &Column<'_>) -> Option<(IntIndex, Built)> {
    let (lbits, lvalid, lneg, lbig) = int_bits(left)?;
    let (rbits, rvalid, rneg, rbig) = int_bits(right)?;
    // Two's-complement patterns of negatives collide with unsigned values ≥ 2^63.
    if (lneg || rneg) && (lbig || rbig) {
        return None;
    }
    let cap = (rbits.len().max(8) * 2).next_power_of_two();
    let mask = cap - 1;
    let mut slots = vec![(0u64, EMPTY); cap];
    let mut group_of = Vec::with_capacity(rbits.len());
    let mut groups = 0u32;
    for (r, &k) in rbits.iter().enumerate() {
        if rvalid.as_ref().is_some_and(|v| !v[r]) {
            group_of.push(EMPTY);
            continue;
        }
        let mut i = (hash_u64(k) as usize) & mask;
        let id = loop {
            let (key, id) = slots[i];
            if id == EMPTY {
                slots[i] = (k, groups);
                groups += 1;
                break groups - 1;
            }
            if key == k {
                break id;
            }
            i = (i + 1) & mask;
        };
        group_of.push(id);
    }
    let index = IntIndex { mask, slots, left: lbits, left_valid: lvalid };
    Some((index, Built { group_of, groups: groups as usize }))
}

/// Any key tuple: hashes in the table, equality through the flattened columns.
struct TupleIndex<'a> {
    table: IdTable,
    first_row: Vec<u32>,
    left: KeyRows<'a>,
    right: KeyRows<'a>,
}

impl Lookup for TupleIndex<'_> {
    #[inline]
    fn lookup(&self, l: usize) -> u32 {
        if self.left.has_null(l) {
            return EMPTY;
        }
        self.table
            .find(self.left.hashes[l], |g| self.right.eq(self.first_row[g as usize] as usize, &self.left, l))
            .unwrap_or(EMPTY)
    }
}

fn build_tuple<'a>(left: &[Column<'a>], right: &[Column<'a>]) -> Result<(TupleIndex<'a>, Built)> {
    let left = KeyRows::new(left, "join left")?;
    let right = KeyRows::new(right, "join right")?;
    let mut table = IdTable::with_entries(right.len);
    let mut first_row: Vec<u32> = Vec::new();
    let mut group_of = Vec::with_capacity(right.len);
    for r in 0..right.len {
        if right.has_null(r) {
            group_of.push(EMPTY);
            continue;
        }
        let next = first_row.len() as u32;
        let (id, inserted) = table
            .find_or_insert(right.hashes[r], next, |g| right.eq(first_row[g as usize] as usize, &right, r));
        if inserted {
            first_row.push(r as u32);
        }
        group_of.push(id);
    }
    let groups = first_row.len();
    Ok((TupleIndex { table, first_row, left, right }, Built { group_of, groups }))
}

/// Joins `left` against `right` on their key columns; see the module docs for the order.
pub fn join(left: &[Column<'_>], right: &[Column<'_>], kind: JoinKind, threads: usize) -> Result<JoinOutput> {
    check_pairs(left, right)?;
    let nl = left[0].len();
    let nr = right[0].len();
    if nl > i32::MAX as usize || nr > i32::MAX as usize {
        bail!("kernels: join sides of {nl} and {nr} rows exceed the Int32 row indices");
    }
    if left.len() == 1 {
        if let Some((index, built)) = build_int(&left[0], &right[0]) {
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
    match kind {
        JoinKind::Anti | JoinKind::Semi => {
            let want = kind == JoinKind::Semi;
            for l in a..b {
                if (index.lookup(l) != EMPTY) == want {
                    out.left.push(l as i32);
                }
            }
        }
        JoinKind::Inner | JoinKind::Left | JoinKind::Full => {
            out.left.reserve(b - a);
            out.right.reserve(b - a);
            let outer = kind != JoinKind::Inner;
            for l in a..b {
                let g = index.lookup(l);
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
    out
}
