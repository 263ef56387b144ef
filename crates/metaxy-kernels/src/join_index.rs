//! The build side of the hash join: the right keys in an open-addressing table of distinct key
//! tuples (dense group ids), and the lookup of left rows in it. One integer key column whose values
//! fit 64 bits gets a table that stores the keys themselves; anything else (strings, several
//! columns, integers spanning both signed and ≥ 2^63 values) goes through hashed key tuples.

use std::borrow::Cow;

use crate::column::{int_all_valid, int_validity, Column, IntValues};
use crate::error::Result;
use crate::keys::{hash_u64, IdTable, KeyRows, EMPTY};
use crate::memory::filled;

/// Finds the right-side group of left rows (`EMPTY` when null or absent).
pub(crate) trait Lookup: Sync {
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
pub(crate) struct Built {
    pub group_of: Vec<u32>,
    pub groups: usize,
}

/// Single integer key whose values fit 64 bits without collisions: the table stores the keys.
pub(crate) struct IntIndex<'a> {
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

pub(crate) fn build_int<'a>(
    left: &Column<'a>,
    right: &Column<'a>,
    grouped: bool,
) -> Option<(IntIndex<'a>, Built)> {
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
pub(crate) struct TupleIndex<'a> {
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

pub(crate) fn build_tuple<'a>(left: &[Column<'a>], right: &[Column<'a>]) -> Result<(TupleIndex<'a>, Built)> {
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
