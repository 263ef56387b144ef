//! Pre-image assembly for batches in which every column's strings have one width (fixed-width
//! ids, hex versions): every row then has the same layout, so each piece is copied for all rows
//! of the batch in one tight loop, with exact-size word copies chosen once per piece, and the
//! literals, which sit at the same place in every row, stay in the scratch buffer from one batch
//! to the next as long as the widths do not change.

use std::ptr;

use super::preimage::Block;

/// What the scratch buffer holds from earlier uniform batches.
pub(super) struct Uniform {
    /// Column widths of the layout in the scratch buffer.
    widths: Vec<usize>,
    /// Rows of that layout whose literals are in place.
    literal_rows: usize,
}

impl Uniform {
    pub(super) fn new() -> Uniform {
        Uniform { widths: Vec::new(), literal_rows: 0 }
    }

    /// Another assembler wrote over the scratch buffer.
    pub(super) fn forget(&mut self) {
        self.literal_rows = 0;
    }

    /// Assembles rows `first..first + count` of `block` into `scratch` (rows back to back,
    /// `ends[i]` where row `first + i` ends) when the block has 32-bit offsets and no validity
    /// bitmaps and each column's strings have one width in these rows, and returns the length of
    /// every row; returns `None`, having written nothing, otherwise.
    ///
    /// # Safety
    /// The rows lie inside the block; `scratch` holds [`Block::batch_bytes`] for them.
    pub(super) unsafe fn assemble(
        &mut self,
        block: &Block,
        first: usize,
        count: usize,
        scratch: *mut u8,
        ends: &mut [usize],
    ) -> Option<usize> {
        if !block.narrow || block.nullable || count < 2 {
            return None;
        }
        let mut widths = [0usize; 16];
        if block.steps.len() > widths.len() {
            return None;
        }
        for (s, w) in block.steps.iter().zip(&mut widths) {
            let o = std::slice::from_raw_parts(s.off32.add(first), count + 1);
            let width = o[1].wrapping_sub(o[0]);
            // Branch-free over all rows, so the compiler can vectorise the check.
            let odd =
                o[1..].iter().zip(&o[..count]).fold(0, |acc, (b, a)| acc | (b.wrapping_sub(*a) ^ width));
            if odd != 0 {
                return None;
            }
            *w = width as usize;
        }
        let widths = &widths[..block.steps.len()];
        if self.widths != widths {
            self.widths.clear();
            self.widths.extend_from_slice(widths);
            self.literal_rows = 0;
        }
        let row_len =
            block.steps.iter().zip(widths).map(|(s, w)| s.before_len + w).sum::<usize>() + block.trailing.1;
        let literals_from = self.literal_rows.min(count);
        let mut at = 0usize;
        for (s, &w) in block.steps.iter().zip(widths) {
            fill(scratch.add(at), row_len, s.before, 0, s.before_len, literals_from, count);
            at += s.before_len;
            let values = s.values.add(*s.off32.add(first) as usize);
            fill(scratch.add(at), row_len, values, w, w, 0, count);
            at += w;
        }
        fill(scratch.add(at), row_len, block.trailing.0, 0, block.trailing.1, literals_from, count);
        self.literal_rows = self.literal_rows.max(count);
        for (i, end) in ends[..count].iter_mut().enumerate() {
            *end = (i + 1) * row_len;
        }
        Some(row_len)
    }
}

/// Copies `width` bytes from `src + i * src_stride` to `dst + i * stride` for rows `i` in
/// `from..to`, exactly (no byte outside the piece is read or written), with the copy chosen once
/// for the width.
///
/// # Safety
/// Every source and destination range is valid.
#[inline(always)]
unsafe fn fill(
    dst: *mut u8,
    stride: usize,
    src: *const u8,
    src_stride: usize,
    width: usize,
    from: usize,
    to: usize,
) {
    macro_rules! rows {
        (|$d:ident, $s:ident| $copy:expr) => {
            for i in from..to {
                let ($d, $s) = (dst.add(i * stride), src.add(i * src_stride));
                $copy
            }
        };
    }
    #[inline(always)]
    unsafe fn pair<T: Copy>(d: *mut u8, s: *const u8, width: usize) {
        let size = std::mem::size_of::<T>();
        let (a, b) = (s.cast::<T>().read_unaligned(), s.add(width - size).cast::<T>().read_unaligned());
        d.cast::<T>().write_unaligned(a);
        d.add(width - size).cast::<T>().write_unaligned(b);
    }
    match width {
        0 => {}
        1..=3 => rows!(|d, s| ptr::copy_nonoverlapping(s, d, width)),
        4..=7 => rows!(|d, s| pair::<u32>(d, s, width)),
        8..=16 => rows!(|d, s| pair::<u64>(d, s, width)),
        17..=32 => rows!(|d, s| pair::<u128>(d, s, width)),
        _ => rows!(|d, s| ptr::copy_nonoverlapping(s, d, width)),
    }
}
