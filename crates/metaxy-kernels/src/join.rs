//! Hash join returning row-index pairs. The right side is built into a table of distinct key
//! tuples (dense group ids, each with its rows chained in ascending order); left rows probe it in
//! ascending order, optionally split over threads, so the output order is the contract's: left rows
//! ascending, each with its matches ascending, then (full join) unmatched right rows ascending.
//! A row with a null in any key column matches nothing.

use std::borrow::Cow;

use crate::bail;
use crate::column::{int_all_valid, int_validity, Column, IntValues};
use crate::error::Result;
use crate::keys::{check_pairs, hash_u64, IdTable, KeyRows, EMPTY};
use crate::memory::filled;

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

/// Finds the right-side group of left rows (`EMPTY` when null or absent).
trait Lookup: Sync {
    fn lookup(&self, l: usize) -> u32;

    /// Groups of left rows `first..first + out.len()`.
    fn lookup_many(&self, first: usize, out: &mut [u32]) {
        for (k, g) in out.iter_mut().enumerate() {
            *g = self.lookup(first + k);
        }
    }
}

/// Rows looked up together: their table slots are prefetched before any is probed, so the cache
/// misses of a batch overlap instead of queueing one after another.
const PROBE_BATCH: usize = 32;

/// Asks the CPU to start loading `slot` into cache (a no-op off x86-64).
#[inline(always)]
fn prefetch<T>(slot: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint; the pointer comes from a live reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>((slot as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = slot;
}

/// The right side after the build: a group id per right row (`EMPTY` for null keys).
struct Built {
    group_of: Vec<u32>,
    groups: usize,
}

/// Single integer key whose values fit 64 bits without collisions: the table stores the keys.
struct IntIndex<'a> {
    mask: usize,
    slots: Vec<(u64, u32)>,
    left: Cow<'a, [u64]>,
    left_valid: Option<Vec<bool>>,
}

impl IntIndex<'_> {
    #[inline(always)]
    fn probe(&self, k: u64, mut i: usize) -> u32 {
        loop {
            let (key, id) = self.slots[i];
            if id == EMPTY || key == k {
                return id;
            }
            i = (i + 1) & self.mask;
        }
    }
}

impl Lookup for IntIndex<'_> {
    #[inline]
    fn lookup(&self, l: usize) -> u32 {
        if self.left_valid.as_ref().is_some_and(|v| !v[l]) {
            return EMPTY;
        }
        let k = self.left[l];
        self.probe(k, (hash_u64(k) as usize) & self.mask)
    }

    fn lookup_many(&self, first: usize, out: &mut [u32]) {
        let keys = &self.left[first..first + out.len()];
        let mut at = [0usize; PROBE_BATCH];
        for (start, block) in
            (0..keys.len()).step_by(PROBE_BATCH).map(|s| (s, &keys[s..(s + PROBE_BATCH).min(keys.len())]))
        {
            for (slot, &k) in at.iter_mut().zip(block) {
                *slot = (hash_u64(k) as usize) & self.mask;
                prefetch(&self.slots[*slot]);
            }
            for (j, &k) in block.iter().enumerate() {
                let l = first + start + j;
                out[start + j] = if self.left_valid.as_ref().is_some_and(|v| !v[l]) {
                    EMPTY
                } else {
                    self.probe(k, at[j])
                };
            }
        }
    }
}

/// A one-column integer side as 64-bit patterns: bits, validity, any negative, any value ≥ 2^63.
type IntBits<'a> = (Cow<'a, [u64]>, Option<Vec<bool>>, bool, bool);

/// Integer bits of a one-column side plus its validity; `None` for a string column. A single
/// 64-bit chunk is borrowed, not copied.
fn int_bits<'a>(column: &Column<'a>) -> Option<IntBits<'a>> {
    let Column::Int(chunks) = column else { return None };
    let (mut neg, mut big) = (false, false);
    let bits: Cow<'a, [u64]> = match chunks.as_slice() {
        [c] if matches!(c.values, IntValues::U64(_) | IntValues::I64(_)) => {
            let bits = match c.values {
                IntValues::U64(v) => &v[..c.len],
                // SAFETY: i64 and u64 have the same size, alignment and valid bit patterns.
                IntValues::I64(v) => unsafe { std::slice::from_raw_parts(v.as_ptr().cast::<u64>(), c.len) },
                _ => unreachable!(),
            };
            let valid = |i: usize| c.is_valid(i);
            if matches!(c.values, IntValues::I64(_)) {
                neg = bits.iter().enumerate().any(|(i, &x)| (x as i64) < 0 && valid(i));
            } else {
                big = bits.iter().enumerate().any(|(i, &x)| x >> 63 != 0 && valid(i));
            }
            Cow::Borrowed(bits)
        }
        _ => {
            let mut bits = Vec::with_capacity(column.len());
            for c in chunks {
                let (n, b) = c.extend_bits(&mut bits);
                neg |= n;
                big |= b;
            }
            Cow::Owned(bits)
        }
    };
    let valid = if int_all_valid(chunks) { None } else { Some(int_validity(chunks)) };
    Some((bits, valid, neg, big))
}

fn build_int<'a>(left: &Column<'a>, right: &Column<'a>, grouped: bool) -> Option<(IntIndex<'a>, Built)> {
    let (lbits, lvalid, lneg, lbig) = int_bits(left)?;
    let (rbits, rvalid, rneg, rbig) = int_bits(right)?;
    // Two's-complement patterns of negatives collide with unsigned values ≥ 2^63.
    if (lneg || rneg) && (lbig || rbig) {
        return None;
    }
    let cap = (rbits.len().max(8) * 2).next_power_of_two();
    let mask = cap - 1;
    let mut slots = filled(cap, (0u64, EMPTY));
    // Anti and semi joins only ask whether a key exists: no group per right row.
    let mut group_of = Vec::with_capacity(if grouped { rbits.len() } else { 0 });
    let mut groups = 0u32;
    for (r, &k) in rbits.iter().enumerate() {
        if let Some(&ahead) = rbits.get(r + PROBE_BATCH) {
            prefetch(&slots[(hash_u64(ahead) as usize) & mask]);
        }
        if rvalid.as_ref().is_some_and(|v| !v[r]) {
            if grouped {
                group_of.push(EMPTY);
            }
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
        if grouped {
            group_of.push(id);
        }
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
