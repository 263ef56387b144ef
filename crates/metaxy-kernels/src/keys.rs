//! Key tuples over one or more columns, flattened to one value per row so that hashing and
//! equality are uniform whatever the chunking or Arrow type: integers become `i128` (every width and
//! signedness compares by value), strings become byte slices. Also the open-addressing table that
//! maps key tuples to dense group ids, shared by join, keep-latest and group concat.

use crate::bail;
use crate::column::{flatten_strings, int_validity, Column};
use crate::error::Result;
use crate::hash::{mum, wyhash};
use crate::memory::filled;

const K0: u64 = 0xa076_1d64_78bd_642f;
const K1: u64 = 0xe703_7ed1_a0b4_28db;
const K2: u64 = 0x8ebc_6af0_9c88_c6e3;
const NULL_HASH: u64 = 0x589965cc75374cc3;

/// Hash of one 64-bit integer key (also the fast single-column path).
#[inline(always)]
pub fn hash_u64(k: u64) -> u64 {
    mum(k ^ K0, K1)
}

#[inline(always)]
fn hash_i128(v: i128) -> u64 {
    hash_u64((v as u64) ^ ((v >> 64) as u64).rotate_left(32))
}

/// One key column, one entry per row.
pub enum FlatCol<'a> {
    Int(Vec<i128>),
    Str(Vec<&'a [u8]>),
}

/// The key tuples of one side: flattened columns, per-column validity (`None` = all valid) and
/// one hash per row.
pub struct KeyRows<'a> {
    pub len: usize,
    pub cols: Vec<FlatCol<'a>>,
    pub valid: Vec<Option<Vec<bool>>>,
    pub hashes: Vec<u64>,
}

impl<'a> KeyRows<'a> {
    /// Flattens and hashes `columns` (all of one length).
    pub fn new(columns: &[Column<'a>], what: &str) -> Result<Self> {
        let (len, cols, valid) = flatten_columns(columns, what)?;
        let mut hashes = vec![K2; len];
        for (col, v) in cols.iter().zip(&valid) {
            for (r, h) in hashes.iter_mut().enumerate() {
                let ch = if v.as_ref().is_some_and(|v| !v[r]) {
                    NULL_HASH
                } else {
                    match col {
                        FlatCol::Int(x) => hash_i128(x[r]),
                        FlatCol::Str(x) => wyhash(x[r], K2),
                    }
                };
                *h = mum(*h ^ K0, ch ^ K1);
            }
        }
        Ok(KeyRows { len, cols, valid, hashes })
    }

    /// True when any key column of row `r` is null.
    #[inline]
    pub fn has_null(&self, r: usize) -> bool {
        self.valid.iter().any(|v| v.as_ref().is_some_and(|v| !v[r]))
    }

    /// Tuple equality of row `a` here and row `b` of `other`; a null equals only a null.
    #[inline]
    pub fn eq(&self, a: usize, other: &KeyRows<'_>, b: usize) -> bool {
        for (i, (x, y)) in self.cols.iter().zip(&other.cols).enumerate() {
            let va = self.valid[i].as_ref().is_none_or(|v| v[a]);
            let vb = other.valid[i].as_ref().is_none_or(|v| v[b]);
            if va != vb {
                return false;
            }
            if !va {
                continue;
            }
            let same = match (x, y) {
                (FlatCol::Int(x), FlatCol::Int(y)) => x[a] == y[b],
                (FlatCol::Str(x), FlatCol::Str(y)) => x[a] == y[b],
                _ => false,
            };
            if !same {
                return false;
            }
        }
        true
    }
}

/// Flattened columns of one length with their per-column validity (`None` = all valid).
pub type Flattened<'a> = (usize, Vec<FlatCol<'a>>, Vec<Option<Vec<bool>>>);

/// Flattens `columns`, which must all have the same length.
pub fn flatten_columns<'a>(columns: &[Column<'a>], what: &str) -> Result<Flattened<'a>> {
    let len = columns.first().map_or(0, Column::len);
    let mut cols = Vec::with_capacity(columns.len());
    let mut valid = Vec::with_capacity(columns.len());
    for (i, c) in columns.iter().enumerate() {
        if c.len() != len {
            bail!("kernels: {what} key column {i} has {} rows, column 0 has {len}", c.len());
        }
        let (flat, v) = match c {
            Column::Int(chunks) => {
                let mut vals = Vec::with_capacity(len);
                chunks.iter().for_each(|ch| ch.extend_i128(&mut vals));
                (FlatCol::Int(vals), int_validity(chunks))
            }
            Column::Str(chunks) => {
                let (vals, v) = flatten_strings(chunks);
                (FlatCol::Str(vals), v)
            }
        };
        cols.push(flat);
        valid.push(if v.iter().all(|&b| b) { None } else { Some(v) });
    }
    Ok((len, cols, valid))
}

/// Checks that two sides have the same number of key columns, pairwise of one kind.
pub fn check_pairs(left: &[Column<'_>], right: &[Column<'_>]) -> Result<()> {
    if left.is_empty() || left.len() != right.len() {
        bail!(
            "kernels: join needs the same non-zero number of key columns on both sides, got {} and {}",
            left.len(),
            right.len()
        );
    }
    for (i, (l, r)) in left.iter().zip(right).enumerate() {
        if std::mem::discriminant(l) != std::mem::discriminant(r) {
            bail!(
                "kernels: join key pair {i} mixes {} and {} columns; both must be integer or both string",
                l.kind_name(),
                r.kind_name()
            );
        }
    }
    Ok(())
}

/// Marks an empty slot.
pub const EMPTY: u32 = u32::MAX;

/// Open-addressing (linear probing) table from a 64-bit hash to a dense id; the caller supplies
/// equality. Capacity is a power of two at least twice the expected entries.
pub struct IdTable {
    mask: usize,
    hashes: Vec<u64>,
    ids: Vec<u32>,
}

impl IdTable {
    /// A table for up to `entries` ids.
    pub fn with_entries(entries: usize) -> Self {
        let cap = (entries.max(8) * 2).next_power_of_two();
        IdTable { mask: cap - 1, hashes: filled(cap, 0), ids: filled(cap, EMPTY) }
    }

    /// The id of the entry equal to the probe, inserting `new_id` when absent; returns the id and
    /// whether it was inserted.
    #[inline]
    pub fn find_or_insert(&mut self, hash: u64, new_id: u32, eq: impl Fn(u32) -> bool) -> (u32, bool) {
        let mut i = (hash as usize) & self.mask;
        loop {
            let id = self.ids[i];
            if id == EMPTY {
                self.ids[i] = new_id;
                self.hashes[i] = hash;
                return (new_id, true);
            }
            if self.hashes[i] == hash && eq(id) {
                return (id, false);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The id of the entry equal to the probe.
    #[inline]
    pub fn find(&self, hash: u64, eq: impl Fn(u32) -> bool) -> Option<u32> {
        let mut i = (hash as usize) & self.mask;
        loop {
            let id = self.ids[i];
            if id == EMPTY {
                return None;
            }
            if self.hashes[i] == hash && eq(id) {
                return Some(id);
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// Dense group id per row (first occurrence order) where null is a key value of its own; returns
/// the ids and the number of groups. Without key columns all `rows` rows form one group.
pub fn group_ids(columns: &[Column<'_>], rows: usize, what: &str) -> Result<(Vec<u32>, usize)> {
    if columns.is_empty() {
        return Ok((vec![0; rows], usize::from(rows > 0)));
    }
    let keys = KeyRows::new(columns, what)?;
    if keys.len != rows {
        bail!("kernels: {what} key columns have {} rows, expected {rows}", keys.len);
    }
    let mut table = IdTable::with_entries(keys.len);
    let mut first_row: Vec<u32> = Vec::new();
    let mut ids = Vec::with_capacity(keys.len);
    for r in 0..keys.len {
        let next = first_row.len() as u32;
        let (id, inserted) =
            table.find_or_insert(keys.hashes[r], next, |g| keys.eq(first_row[g as usize] as usize, &keys, r));
        if inserted {
            first_row.push(r as u32);
        }
        ids.push(id);
    }
    Ok((ids, first_row.len()))
}
