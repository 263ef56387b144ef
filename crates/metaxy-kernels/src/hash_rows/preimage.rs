//! Pre-image assembly: a batch of rows concatenated into one scratch buffer, row after row.
//!
//! Every piece is moved as whole 16-byte blocks (one vector load and store for the usual short
//! ids and versions) instead of a `memcpy` call per piece. That reads and writes up to 15 bytes
//! past a piece's end, so literals live in a padded store, the scratch buffer has slack, and a
//! batch reads column bytes this way only when every column's values buffer extends 16 bytes past
//! the batch's last string (otherwise, at the very end of a chunk, pieces go by exact copies).

use std::ptr;

use crate::column::{Offsets, StrChunk};

use super::Part;

/// Bytes every piece copy may write past its end (and read past the end of a literal).
const BLOCK: usize = 16;
/// Slack after a batch in the scratch buffer.
pub(super) const SCRATCH_SLACK: usize = 4 * BLOCK;

/// A literal in [`Layout::store`]: byte position and length.
#[derive(Clone, Copy, Debug)]
struct Lit {
    at: usize,
    len: usize,
}

/// A column of the pre-image with the literal bytes (separators merged in) just before it.
#[derive(Clone, Debug)]
pub(super) struct ColumnSpec<'p, 'a> {
    before: Lit,
    pub(super) chunks: &'p [StrChunk<'a>],
    null_as: Option<Lit>,
}

/// The parts of a pre-image flattened to `literal column literal column … literal`.
pub(super) struct Layout<'p, 'a> {
    /// Every literal and null replacement, each followed by at least [`BLOCK`] bytes of padding.
    store: Vec<u8>,
    pub(super) columns: Vec<ColumnSpec<'p, 'a>>,
    trailing: Lit,
    /// Most bytes a row takes besides its column values: literals plus every null replacement.
    pub(super) fixed: usize,
}

impl<'p, 'a> Layout<'p, 'a> {
    /// Merges adjacent literals and separators of `parts`.
    pub(super) fn new(parts: &'p [Part<'a>], separator: &[u8]) -> Self {
        let mut store = Vec::new();
        let mut stash = |bytes: &[u8]| {
            let at = store.len();
            store.extend_from_slice(bytes);
            store.resize(at + bytes.len().next_multiple_of(BLOCK) + BLOCK, 0);
            Lit { at, len: bytes.len() }
        };
        let mut pending: Vec<u8> = Vec::new();
        let mut columns = Vec::new();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                pending.extend_from_slice(separator);
            }
            match part {
                Part::Literal(b) => pending.extend_from_slice(b),
                Part::Column { chunks, null_as } => {
                    let before = stash(&pending);
                    pending.clear();
                    columns.push(ColumnSpec { before, chunks, null_as: null_as.map(&mut stash) });
                }
            }
        }
        let trailing = stash(&pending);
        let fixed = trailing.len
            + columns.iter().map(|c| c.before.len + c.null_as.map_or(0, |l| l.len)).sum::<usize>();
        Layout { store, columns, trailing, fixed }
    }
}

/// One column inside a block of rows that lies in a single chunk of every column. Row `r` of the
/// block is row `base + r` of the chunk; pointers are already advanced to the block's row 0.
#[derive(Clone, Copy)]
pub(super) struct Step {
    pub(super) before: *const u8,
    pub(super) before_len: usize,
    /// Exactly one of the two is non-null.
    pub(super) off32: *const i32,
    off64: *const i64,
    pub(super) values: *const u8,
    values_len: usize,
    /// Bitmap and the bit of block row 0, when the chunk has one.
    validity: Option<(*const u8, usize)>,
    null_as: Option<(*const u8, usize)>,
}

/// A block's columns, ready for [`assemble`].
pub(super) struct Block {
    pub(super) steps: Vec<Step>,
    pub(super) trailing: (*const u8, usize),
    /// Every column has 32-bit offsets.
    pub(super) narrow: bool,
    /// Some column has a validity bitmap.
    pub(super) nullable: bool,
}

impl Block {
    /// The block whose row 0 is row `bases[c]` of chunk `chunks[c]` of column `c`.
    pub(super) fn new(layout: &Layout<'_, '_>, chunks: &[(StrChunk<'_>, usize)]) -> Block {
        let store = layout.store.as_ptr();
        let lit = |l: Lit| (store.wrapping_add(l.at), l.len);
        let steps: Vec<Step> = layout
            .columns
            .iter()
            .zip(chunks)
            .map(|(spec, &(chunk, base))| {
                let (offsets, values, validity) = chunk.raw();
                let (off32, off64) = match offsets {
                    Offsets::I32(o) => (o[base..].as_ptr(), ptr::null()),
                    Offsets::I64(o) => (ptr::null(), o[base..].as_ptr()),
                };
                let (before, before_len) = lit(spec.before);
                Step {
                    before,
                    before_len,
                    off32,
                    off64,
                    values: values.as_ptr(),
                    values_len: values.len(),
                    validity: validity.map(|v| {
                        let (bits, offset) = v.raw();
                        (bits.as_ptr(), offset + base)
                    }),
                    null_as: spec.null_as.map(lit),
                }
            })
            .collect();
        Block {
            narrow: steps.iter().all(|s| !s.off32.is_null()),
            nullable: steps.iter().any(|s| s.validity.is_some()),
            steps,
            trailing: lit(layout.trailing),
        }
    }

    /// Scratch bytes that rows `first..first + count` need (values, fixed bytes, slack), and
    /// whether every column's values buffer extends a whole block past those rows' last string.
    ///
    /// # Safety
    /// `first + count` must not exceed the block's rows.
    pub(super) unsafe fn batch_bytes(&self, first: usize, count: usize, fixed: usize) -> (usize, bool) {
        let mut bytes = count * fixed + SCRATCH_SLACK;
        let mut safe = true;
        for s in &self.steps {
            let (a, _) = offsets::<false>(s, first);
            let (_, b) = offsets::<false>(s, first + count - 1);
            bytes += b - a;
            safe &= b + BLOCK <= s.values_len;
        }
        (bytes, safe)
    }
}

/// Asks for the cache line at `p` ahead of its use (a hint: never faults, whatever `p` is).
#[inline(always)]
fn prefetch(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch only hints the cache; it reads nothing and cannot fault.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

impl Block {
    /// Starts loading the offsets and bytes of rows `first..first + count` into the cache, so a
    /// later batch finds them there (this VM's hardware prefetch keeps up with one stream, not
    /// with the six a three-column pre-image reads).
    ///
    /// # Safety
    /// `first + count` must not exceed the block's rows.
    pub(super) unsafe fn prefetch(&self, first: usize, count: usize) {
        if count == 0 {
            return;
        }
        for s in &self.steps {
            let (a, _) = offsets::<false>(s, first);
            let (_, b) = offsets::<false>(s, first + count - 1);
            let mut line = a & !63;
            while line < b {
                prefetch(s.values.wrapping_add(line));
                line += 64;
            }
            let (o, width) =
                if s.off64.is_null() { (s.off32.cast::<u8>(), 4) } else { (s.off64.cast::<u8>(), 8) };
            let (lo, hi) = (
                o.wrapping_add(first * width) as usize,
                o.wrapping_add((first + count + 1) * width) as usize,
            );
            let mut line = lo & !63;
            while line < hi {
                prefetch(line as *const u8);
                line += 64;
            }
        }
    }
}

/// Row `r`'s start and end in the column's values.
///
/// # Safety
/// `r` lies inside the block (the chunk validated its offsets).
#[inline(always)]
unsafe fn offsets<const NARROW: bool>(s: &Step, r: usize) -> (usize, usize) {
    if NARROW || s.off64.is_null() {
        (*s.off32.add(r) as usize, *s.off32.add(r + 1) as usize)
    } else {
        (*s.off64.add(r) as usize, *s.off64.add(r + 1) as usize)
    }
}

/// Copies `len` bytes as whole blocks (writes and reads up to `BLOCK - 1` bytes more).
#[inline(always)]
unsafe fn copy_blocks(dst: *mut u8, src: *const u8, len: usize) {
    ptr::copy_nonoverlapping(src, dst, BLOCK);
    let mut i = BLOCK;
    while i < len {
        ptr::copy_nonoverlapping(src.add(i), dst.add(i), BLOCK);
        i += BLOCK;
    }
}

/// [`assemble`] for one combination of its flags.
pub(super) type Assembler = unsafe fn(&Block, usize, usize, *mut u8, &mut [usize], &mut [bool]);

/// The [`assemble`] instance for a block (`narrow`, `nullable`) and batch (`safe`).
pub(super) fn assembler(narrow: bool, nullable: bool, safe: bool) -> Assembler {
    match (narrow, nullable, safe) {
        (true, false, true) => assemble::<true, false, true>,
        (true, false, false) => assemble::<true, false, false>,
        (true, true, true) => assemble::<true, true, true>,
        (true, true, false) => assemble::<true, true, false>,
        (false, false, true) => assemble::<false, false, true>,
        (false, false, false) => assemble::<false, false, false>,
        (false, true, true) => assemble::<false, true, true>,
        (false, true, false) => assemble::<false, true, false>,
    }
}

/// Assembles rows `first..first + count` of `block` into `scratch`; `ends[i]` is where row
/// `first + i` ends (rows are contiguous from 0) and `null[i]` whether it is null (a null row's
/// bytes are dropped). Instantiated for 32-bit-only offsets (`NARROW`), for blocks with validity
/// bitmaps (`NULLS`) and for batches whose column bytes may be read in whole blocks (`SAFE`).
///
/// # Safety
/// `scratch` holds the bytes [`Block::batch_bytes`] gives for these rows; the rows lie inside the
/// block; `SAFE` only when `batch_bytes` said so; `NARROW` only when `block.narrow`.
unsafe fn assemble<const NARROW: bool, const NULLS: bool, const SAFE: bool>(
    block: &Block,
    first: usize,
    count: usize,
    scratch: *mut u8,
    ends: &mut [usize],
    null: &mut [bool],
) {
    debug_assert!(ends.len() >= count && null.len() >= count);
    let (trailing, trailing_len) = block.trailing;
    let mut pos = 0usize;
    for i in 0..count {
        let r = first + i;
        let row_start = pos;
        let mut is_null = false;
        for s in &block.steps {
            copy_blocks(scratch.add(pos), s.before, s.before_len);
            pos += s.before_len;
            if NULLS {
                if let Some((bits, bit0)) = s.validity {
                    let bit = bit0 + r;
                    if (*bits.add(bit >> 3) >> (bit & 7)) & 1 == 0 {
                        match s.null_as {
                            Some((p, len)) => {
                                copy_blocks(scratch.add(pos), p, len);
                                pos += len;
                            }
                            None => is_null = true,
                        }
                        continue;
                    }
                }
            }
            let (a, b) = offsets::<NARROW>(s, r);
            if SAFE {
                copy_blocks(scratch.add(pos), s.values.add(a), b - a);
            } else {
                ptr::copy_nonoverlapping(s.values.add(a), scratch.add(pos), b - a);
            }
            pos += b - a;
        }
        copy_blocks(scratch.add(pos), trailing, trailing_len);
        pos += trailing_len;
        if NULLS {
            if is_null {
                pos = row_start;
            }
            *null.get_unchecked_mut(i) = is_null;
        }
        *ends.get_unchecked_mut(i) = pos;
    }
}
