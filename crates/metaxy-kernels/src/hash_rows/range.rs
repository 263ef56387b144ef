//! One worker's rows: walk them in blocks (no column changes chunk inside a block) and batches
//! (assemble every pre-image of the batch, then hash and render them). Assembling first means the
//! hash reads bytes that already sit in L1 cache instead of stalling on the stores that just wrote
//! them (its loads straddle those stores, which defeats store forwarding).

use std::mem::MaybeUninit;

use crate::column::StrChunk;

use super::preimage::{assembler, Block, Layout, SCRATCH_SLACK};
use super::uniform::Uniform;

/// Rows per batch (fewer when their pre-images are long).
const BATCH: usize = 256;
/// Scratch bytes a batch may use before it is cut down to fewer rows.
const SCRATCH: usize = 64 << 10;
/// Most bytes a renderer writes at its output position (whole words past the kept prefix).
const RENDER_ROOM: usize = 64;

/// A hash algorithm and its text rendering. A batch is hashed in one loop and rendered in another:
/// two small loops keep their state in registers, and the hashes of neighbouring rows (independent
/// chains of multiplications) overlap in the CPU.
pub(super) trait Render {
    type Digest: Copy + Default;
    fn hash(data: &[u8]) -> Self::Digest;
    /// Writes at most `limit` leading characters of the rendering at the start of `out`; returns
    /// how many it kept.
    fn write(digest: &Self::Digest, limit: usize, out: &mut [u8; RENDER_ROOM]) -> usize;

    /// Writes exactly 8 characters of each of eight digests back to back at `out` (truncation 8)
    /// when it has a vector path for them; returns false, having written nothing, otherwise.
    ///
    /// # Safety
    /// `out..out + 64` is writable; `simd` only when the CPU runs the vector path.
    #[inline(always)]
    unsafe fn write8(digests: &[Self::Digest; 8], out: *mut u8, simd: bool) -> bool {
        let _ = (digests, out, simd);
        false
    }
}

/// Where a worker writes: its region of the values buffer, its offsets and validity bytes. The
/// values and offsets start uninitialised; the worker initialises all of them.
pub(super) struct Sink<'o> {
    pub(super) values: &'o mut [MaybeUninit<u8>],
    /// Position of `values[0]` in the whole output (offsets are absolute).
    pub(super) base: usize,
    /// Entries 1.. of the output offsets for this worker's rows.
    pub(super) offsets: &'o mut [MaybeUninit<i32>],
    pub(super) validity: &'o mut [u8],
}

/// A column pointed at the chunk that holds the current block of rows.
struct Cursor<'c, 'a> {
    chunks: &'c [StrChunk<'a>],
    chunk: usize,
    /// Global row of the current chunk's row 0.
    chunk_start: usize,
}

impl Cursor<'_, '_> {
    /// Moves to the chunk holding global row `row`; returns the rows left in it from there.
    fn seek(&mut self, row: usize) -> usize {
        while row >= self.chunk_start + self.chunks[self.chunk].len() {
            self.chunk_start += self.chunks[self.chunk].len();
            self.chunk += 1;
        }
        self.chunk_start + self.chunks[self.chunk].len() - row
    }
}

/// Renders global rows `a..b` into `sink`; returns the value bytes used and the null rows. On
/// CPUs with AVX2 and BMI2 the whole loop runs compiled for them (three-operand shifts and
/// rotations shorten the hashes; the vector renderer inlines).
pub(super) fn run_range<R: Render>(
    layout: &Layout<'_, '_>,
    a: usize,
    b: usize,
    limit: usize,
    sink: Sink<'_>,
) -> (usize, usize) {
    #[cfg(target_arch = "x86_64")]
    if super::simd::available() {
        // SAFETY: the CPU has the features `run_range_v3` is compiled for.
        return unsafe { run_range_v3::<R>(layout, a, b, limit, sink) };
    }
    run_range_body::<R>(layout, a, b, limit, sink, false)
}

/// [`run_range_body`] compiled for AVX2 and BMI2 (the x86-64-v3 level).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,bmi1,bmi2")]
unsafe fn run_range_v3<R: Render>(
    layout: &Layout<'_, '_>,
    a: usize,
    b: usize,
    limit: usize,
    sink: Sink<'_>,
) -> (usize, usize) {
    run_range_body::<R>(layout, a, b, limit, sink, true)
}

/// [`run_range`]; `simd` when the CPU runs the vector renderer.
#[inline(always)]
fn run_range_body<R: Render>(
    layout: &Layout<'_, '_>,
    a: usize,
    b: usize,
    limit: usize,
    sink: Sink<'_>,
    simd: bool,
) -> (usize, usize) {
    let mut cursors: Vec<Cursor<'_, '_>> =
        layout.columns.iter().map(|c| Cursor { chunks: c.chunks, chunk: 0, chunk_start: 0 }).collect();
    let mut scratch = vec![0u8; SCRATCH + SCRATCH_SLACK];
    let mut ends = [0usize; BATCH];
    let mut null = [false; BATCH];
    let mut uniform = Uniform::new();
    let mut out = Out { sink, pos: 0, init: 0, row: 0, nulls: 0, limit, simd };
    let mut row = a;
    while row < b {
        let block_end = cursors.iter_mut().fold(b, |end, c| end.min(row + c.seek(row)));
        let chunks: Vec<(StrChunk<'_>, usize)> =
            cursors.iter().map(|c| (c.chunks[c.chunk], row - c.chunk_start)).collect();
        let block = Block::new(layout, &chunks);
        let rows = block_end - row;
        let mut first = 0;
        while first < rows {
            let mut count = BATCH.min(rows - first);
            // SAFETY: first + count ≤ rows, the block's length.
            let (mut bytes, mut safe) = unsafe { block.batch_bytes(first, count, layout.fixed) };
            while bytes > SCRATCH && count > 1 {
                count /= 2;
                (bytes, safe) = unsafe { block.batch_bytes(first, count, layout.fixed) };
            }
            // SAFETY: the prefetched rows lie in the block.
            unsafe { block.prefetch(first + count, count.min(rows - first - count)) };
            if bytes > scratch.len() {
                scratch.resize(bytes, 0);
            }
            let s = scratch.as_mut_ptr();
            // SAFETY: the scratch holds `bytes`; the rows lie in the block; `SAFE` and `NARROW`
            // follow what the block and `batch_bytes` report.
            let row_len = unsafe {
                let row_len = uniform.assemble(&block, first, count, s, &mut ends);
                if row_len.is_none() {
                    uniform.forget();
                    assembler(block.narrow, block.nullable, safe)(
                        &block, first, count, s, &mut ends, &mut null,
                    );
                }
                row_len
            };
            let rows = Rows { scratch: &scratch, ends: &ends[..count], null: &null[..count], row_len };
            if block.nullable {
                out.emit::<R, true>(&rows);
            } else {
                out.emit::<R, false>(&rows);
            }
            first += count;
        }
        row = block_end;
    }
    (out.pos, out.nulls)
}

/// An assembled batch: row `i` is `scratch[ends[i - 1]..ends[i]]` (from 0), null when `null[i]`;
/// `row_len` when every row has that length.
struct Rows<'s> {
    scratch: &'s [u8],
    ends: &'s [usize],
    null: &'s [bool],
    row_len: Option<usize>,
}

/// A worker's write position.
struct Out<'o> {
    sink: Sink<'o>,
    /// Bytes used in `sink.values`.
    pos: usize,
    /// Bytes of `sink.values` initialised so far (zeroed just before their first use).
    init: usize,
    /// Rows done (worker-relative).
    row: usize,
    nulls: usize,
    limit: usize,
    /// The CPU runs the vector path of `write8`.
    simd: bool,
}

impl Out<'_> {
    /// Hashes and renders one assembled batch.
    #[inline(always)]
    fn emit<R: Render, const NULLS: bool>(&mut self, rows: &Rows<'_>) {
        let count = rows.ends.len();
        // Rows never take more than `limit` bytes, so this batch writes below `target`.
        let target = ((self.row + count) * self.limit + RENDER_ROOM).min(self.sink.values.len());
        if target > self.init {
            self.sink.values[self.init..target].fill(MaybeUninit::new(0));
            self.init = target;
        }
        // Every row of the batch starts at most `limit` bytes after the previous one, so when the
        // last one has a whole render window in the initialised bytes, they all do.
        if self.pos + count.saturating_sub(1) * self.limit + RENDER_ROOM <= self.init {
            self.rows::<R, NULLS, true>(rows);
        } else {
            self.rows::<R, NULLS, false>(rows);
        }
    }

    /// The rows of [`Self::emit`]; `DIRECT` when every row renders in place.
    #[inline(always)]
    fn rows<R: Render, const NULLS: bool, const DIRECT: bool>(&mut self, rows: &Rows<'_>) {
        let Rows { scratch, ends, null, row_len } = *rows;
        let count = ends.len();
        let mut digests = [R::Digest::default(); BATCH];
        let digests = &mut digests[..count];
        if let Some(len) = row_len {
            hash_strided::<R>(scratch, len, digests);
        } else {
            let mut start = 0usize;
            for (digest, &end) in digests.iter_mut().zip(ends) {
                debug_assert!(start <= end && end <= scratch.len());
                // SAFETY: `assemble` left rows contiguous and inside the scratch buffer.
                *digest = R::hash(unsafe { scratch.get_unchecked(start..end) });
                start = end;
            }
        }
        // SAFETY: the first `init` bytes are initialised.
        let values: &mut [u8] =
            unsafe { std::slice::from_raw_parts_mut(self.sink.values.as_mut_ptr().cast::<u8>(), self.init) };
        let offsets = &mut self.sink.offsets[self.row..self.row + count];
        let (base, limit) = (self.sink.base, self.limit);
        let vector = DIRECT && self.simd && limit == 8;
        let mut pos = self.pos;
        let mut i = 0;
        while i < count {
            let end = (i + 8).min(count);
            // SAFETY (write8): `DIRECT` puts every row's 64-byte window inside `values`.
            if vector
                && end - i == 8
                && (!NULLS || !null[i..end].contains(&true))
                && unsafe {
                    R::write8(
                        digests[i..end].try_into().expect("8 digests"),
                        values.as_mut_ptr().add(pos),
                        true,
                    )
                }
            {
                for (k, offset) in offsets[i..end].iter_mut().enumerate() {
                    offset.write((base + pos + 8 * (k + 1)) as i32);
                }
                pos += 64;
                i = end;
                continue;
            }
            for k in i..end {
                let digest = &digests[k];
                if NULLS && null[k] {
                    let r = self.row + k;
                    self.sink.validity[r >> 3] &= !(1u8 << (r & 7));
                    self.nulls += 1;
                } else if DIRECT {
                    debug_assert!(pos + RENDER_ROOM <= values.len());
                    // SAFETY: `emit` checked that every row's window lies in `values`.
                    let room = unsafe { &mut *values.as_mut_ptr().add(pos).cast::<[u8; RENDER_ROOM]>() };
                    pos += R::write(digest, limit, room);
                } else if let Some(room) = values.get_mut(pos..pos + RENDER_ROOM) {
                    pos += R::write(digest, limit, room.try_into().expect("64-byte window"));
                } else {
                    // The last rows of a region: render aside, then copy what is kept.
                    let mut room = [0u8; RENDER_ROOM];
                    let n = R::write(digest, limit, &mut room);
                    values[pos..pos + n].copy_from_slice(&room[..n]);
                    pos += n;
                }
                offsets[k].write((base + pos) as i32);
            }
            i = end;
        }
        self.pos = pos;
        self.row += count;
    }
}

/// Rows of one length: a plain strided loop in a function of its own, so its registers hold the
/// hash's constants instead of the batch loop's state.
#[inline(never)]
fn hash_strided<R: Render>(scratch: &[u8], len: usize, digests: &mut [R::Digest]) {
    if len == 0 {
        digests.fill(R::hash(&[]));
        return;
    }
    assert!(digests.len() * len <= scratch.len());
    for (row, digest) in scratch.chunks_exact(len).zip(digests.iter_mut()) {
        *digest = R::hash(row);
    }
}
