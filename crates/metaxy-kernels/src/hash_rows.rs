//! Row pre-image hashing: per row, concatenate string parts with a separator, hash the bytes,
//! render (unsigned decimal or lowercase hex), truncate. Produces an Arrow Utf8 column.
//!
//! Rows are split into contiguous ranges, one per worker thread. Each worker renders into its own
//! region of one shared output buffer (sized by the longest possible rendering), so the only
//! serial step afterwards is closing the gaps between regions.

use crate::bail;
use crate::column::StrChunk;
use crate::error::Result;
use crate::hash::{md5, sha256, wyhash, xxh32, xxh64, Algorithm};
use crate::memory::zeroed;
use crate::render::{decimal_prefix, hex_prefix};

/// One part of a row pre-image.
#[derive(Clone, Debug)]
pub enum Part<'a> {
    /// A string column; a null cell becomes `null_as` when given, else makes the row null.
    Column { chunks: Vec<StrChunk<'a>>, null_as: Option<&'a [u8]> },
    /// The same bytes on every row.
    Literal(&'a [u8]),
}

/// An Arrow Utf8 column: `offsets` has `len + 1` entries; `validity` is `None` without nulls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Utf8Output {
    pub offsets: Vec<i32>,
    pub values: Vec<u8>,
    pub validity: Option<Vec<u8>>,
    pub null_count: usize,
}

impl Utf8Output {
    /// Row `i` as text, `None` when null (tests and diagnostics).
    pub fn get(&self, i: usize) -> Option<&str> {
        if let Some(v) = &self.validity {
            if v[i >> 3] & (1 << (i & 7)) == 0 {
                return None;
            }
        }
        let (a, b) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
        Some(std::str::from_utf8(&self.values[a..b]).expect("kernel output is UTF-8"))
    }
}

/// Options of [`hash_rows`].
#[derive(Clone, Copy, Debug)]
pub struct HashRowsOptions<'a> {
    pub algorithm: Algorithm,
    pub separator: &'a [u8],
    /// Keep the first N characters; `None` keeps all.
    pub truncation: Option<usize>,
    /// Worker threads (1 = the calling thread only).
    pub threads: usize,
}

/// Rows below which a second thread costs more than it saves.
const MIN_ROWS_PER_THREAD: usize = 16_384;
/// Room after each worker's region: renderers write whole blocks past the kept prefix.
const SLACK: usize = 64;

/// A pre-image piece after merging adjacent literals and separators.
enum Segment<'p, 'a> {
    Literal(Vec<u8>),
    Column(&'p [StrChunk<'a>], Option<&'a [u8]>),
}

fn segments<'p, 'a>(parts: &'p [Part<'a>], separator: &[u8]) -> Vec<Segment<'p, 'a>> {
    let mut out: Vec<Segment<'p, 'a>> = Vec::new();
    let push_literal = |out: &mut Vec<Segment<'p, 'a>>, bytes: &[u8]| {
        if let Some(Segment::Literal(l)) = out.last_mut() {
            l.extend_from_slice(bytes);
        } else {
            out.push(Segment::Literal(bytes.to_vec()));
        }
    };
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            push_literal(&mut out, separator);
        }
        match part {
            Part::Literal(b) => push_literal(&mut out, b),
            Part::Column { chunks, null_as } => out.push(Segment::Column(chunks, *null_as)),
        }
    }
    out.retain(|s| !matches!(s, Segment::Literal(l) if l.is_empty()));
    out
}

fn row_count(parts: &[Part<'_>], length: Option<usize>) -> Result<usize> {
    let mut n = length;
    for (i, part) in parts.iter().enumerate() {
        if let Part::Column { chunks, .. } = part {
            let len: usize = chunks.iter().map(StrChunk::len).sum();
            match n {
                Some(m) if m != len => {
                    bail!("kernels: hashRows part {i} has {len} rows, expected {m} (the other parts' length)")
                }
                _ => n = Some(len),
            }
        }
    }
    match n {
        Some(n) => Ok(n),
        None => bail!("kernels: hashRows needs a length when every part is a literal"),
    }
}

/// Hashes every row's pre-image; see the module docs.
pub fn hash_rows(
    parts: &[Part<'_>],
    length: Option<usize>,
    options: HashRowsOptions<'_>,
) -> Result<Utf8Output> {
    let n = row_count(parts, length)?;
    let segs = segments(parts, options.separator);
    let limit = options.truncation.unwrap_or(usize::MAX).min(options.algorithm.max_rendered_len());

    // Contiguous ranges, each a multiple of 8 rows (except the last) so workers own whole
    // validity bytes.
    let threads = options.threads.clamp(1, 64).min(n.div_ceil(MIN_ROWS_PER_THREAD)).max(1);
    let per = n.div_ceil(threads).next_multiple_of(8);
    let ranges: Vec<(usize, usize)> =
        (0..threads).map(|t| ((t * per).min(n), ((t + 1) * per).min(n))).filter(|r| r.0 < r.1).collect();

    let capacity = n as u128 * limit as u128 + (ranges.len() * SLACK) as u128;
    if capacity > i32::MAX as u128 {
        bail!(
            "kernels: hashRows output of {n} rows × {limit} characters exceeds the 2 GiB of a Utf8 column; hash fewer rows per call"
        );
    }
    let mut values = zeroed::<u8>(capacity as usize);
    let mut offsets = zeroed::<i32>(n + 1);
    let mut validity = vec![0xffu8; n.div_ceil(8)];

    // Split the three outputs into per-range pieces.
    let mut jobs = Vec::with_capacity(ranges.len());
    {
        let (mut vals, mut offs, mut bits) = (&mut values[..], &mut offsets[1..], &mut validity[..]);
        for &(a, b) in &ranges {
            let rows = b - a;
            let (v, vr) = vals.split_at_mut(rows * limit + SLACK);
            let (o, or) = offs.split_at_mut(rows);
            let (m, mr) = bits.split_at_mut(rows.div_ceil(8));
            jobs.push((a, b, v, o, m));
            (vals, offs, bits) = (vr, or, mr);
        }
    }

    let run = |(a, b, v, o, m): (usize, usize, &mut [u8], &mut [i32], &mut [u8])| match options.algorithm {
        Algorithm::Xxhash32 => {
            run_range(&segs, a, b, v, o, m, |d, out| decimal_prefix(u64::from(xxh32(d, 0)), limit, out))
        }
        Algorithm::Xxhash64 => {
            run_range(&segs, a, b, v, o, m, |d, out| decimal_prefix(xxh64(d, 0), limit, out))
        }
        Algorithm::Wyhash => {
            run_range(&segs, a, b, v, o, m, |d, out| decimal_prefix(wyhash(d, 0), limit, out))
        }
        Algorithm::Md5 => run_range(&segs, a, b, v, o, m, |d, out| hex_prefix(&md5(d), limit, out)),
        Algorithm::Sha256 => run_range(&segs, a, b, v, o, m, |d, out| hex_prefix(&sha256(d), limit, out)),
    };

    let results: Vec<(usize, usize)> = if jobs.len() <= 1 {
        jobs.into_iter().map(run).collect()
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = jobs.into_iter().map(|job| s.spawn(move || run(job))).collect();
            handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
        })
    };

    // Close the gaps: move each region's bytes down and rebase its offsets.
    let mut base = 0usize;
    let mut region = 0usize;
    let mut null_count = 0;
    for (&(a, b), &(used, nulls)) in ranges.iter().zip(&results) {
        if region != base {
            values.copy_within(region..region + used, base);
        }
        if base != 0 {
            // Workers write offsets relative to their own region.
            let shift = base as i32;
            offsets[a + 1..=b].iter_mut().for_each(|o| *o += shift);
        }
        base += used;
        region += (b - a) * limit + SLACK;
        null_count += nulls;
    }
    values.truncate(base);
    Ok(Utf8Output { offsets, values, validity: (null_count > 0).then_some(validity), null_count })
}

/// A column segment pointed at the chunk that holds the current block of rows.
struct Cursor<'c, 'a> {
    chunks: &'c [StrChunk<'a>],
    null_as: Option<&'a [u8]>,
    chunk: usize,
    /// Global row of the current chunk's row 0.
    chunk_start: usize,
}

impl<'c, 'a> Cursor<'c, 'a> {
    /// Moves to the chunk holding global row `row`; returns the rows left in it from there.
    fn seek(&mut self, row: usize) -> usize {
        while row >= self.chunk_start + self.chunks[self.chunk].len() {
            self.chunk_start += self.chunks[self.chunk].len();
            self.chunk += 1;
        }
        self.chunk_start + self.chunks[self.chunk].len() - row
    }
}

/// Copies `src` into `dst` at `pos`; short strings (the usual ids and versions) move as two
/// overlapping fixed-size words instead of a `memcpy` call. `dst` has room for `src`.
#[inline(always)]
fn put(dst: &mut [u8], pos: usize, src: &[u8]) -> usize {
    let n = src.len();
    let d = &mut dst[pos..pos + n];
    if (8..=16).contains(&n) {
        d[..8].copy_from_slice(&src[..8]);
        d[n - 8..].copy_from_slice(&src[n - 8..]);
    } else if (4..8).contains(&n) {
        d[..4].copy_from_slice(&src[..4]);
        d[n - 4..].copy_from_slice(&src[n - 4..]);
    } else {
        d.copy_from_slice(src);
    }
    pos + n
}

/// Rows whose pre-images are assembled before any of them is hashed. Assembling a batch first
/// means the hash reads bytes that already sit in L1 cache instead of stalling on the stores that
/// just wrote them (the loads straddle those stores, which defeats store forwarding).
const BATCH: usize = 256;

/// Renders rows `a..b` into `values` (offsets relative to the region start); returns bytes used
/// and null rows. Rows go in blocks inside which no column changes chunk, and within those in
/// batches: assemble every pre-image of the batch, then hash and render them.
fn run_range(
    segs: &[Segment<'_, '_>],
    a: usize,
    b: usize,
    values: &mut [u8],
    offsets: &mut [i32],
    validity: &mut [u8],
    render: impl Fn(&[u8], &mut [u8]) -> usize,
) -> (usize, usize) {
    let mut cursors: Vec<Cursor<'_, '_>> = segs
        .iter()
        .filter_map(|s| match s {
            Segment::Column(chunks, null_as) => {
                Some(Cursor { chunks, null_as: *null_as, chunk: 0, chunk_start: 0 })
            }
            Segment::Literal(_) => None,
        })
        .collect();
    // Longest fixed part of a row: literals plus every replacement for nulls.
    let fixed: usize = segs
        .iter()
        .map(|s| match s {
            Segment::Literal(l) => l.len(),
            Segment::Column(_, null_as) => null_as.map_or(0, <[u8]>::len),
        })
        .sum();
    let mut scratch = vec![0u8; BATCH * (64 + fixed)];
    // End of each assembled pre-image in `scratch`; `usize::MAX` marks a null row.
    let mut ends = [0usize; BATCH];
    let mut pos = 0usize;
    let mut nulls = 0usize;
    let mut row = a;
    while row < b {
        let block_end = cursors.iter_mut().fold(b, |end, c| end.min(row + c.seek(row)));
        let chunks: Vec<(StrChunk<'_>, usize, Option<&[u8]>)> =
            cursors.iter().map(|c| (c.chunks[c.chunk], row - c.chunk_start, c.null_as)).collect();
        let mut first = 0;
        while first < block_end - row {
            let count = BATCH.min(block_end - row - first);
            let mut len = 0usize;
            for (k, end) in ends[..count].iter_mut().enumerate() {
                let local = first + k;
                let row_start = len;
                let mut null = false;
                let mut c = 0;
                for seg in segs {
                    match seg {
                        Segment::Literal(l) => len = put(&mut scratch, len, l),
                        Segment::Column(..) => {
                            let (chunk, base, null_as) = &chunks[c];
                            c += 1;
                            let v = match chunk.get(base + local) {
                                Some(v) => v,
                                None => match null_as {
                                    Some(s) => s,
                                    None => {
                                        null = true;
                                        continue;
                                    }
                                },
                            };
                            if len + v.len() + fixed > scratch.len() {
                                scratch.resize(2 * (len + v.len() + fixed), 0);
                            }
                            len = put(&mut scratch, len, v);
                        }
                    }
                }
                if null {
                    // A null row's partial bytes are dropped.
                    len = row_start;
                    *end = usize::MAX;
                } else {
                    *end = len;
                }
            }
            let mut start = 0usize;
            for (k, &end) in ends[..count].iter().enumerate() {
                let r = row - a + first + k;
                if end == usize::MAX {
                    validity[r >> 3] &= !(1u8 << (r & 7));
                    nulls += 1;
                } else {
                    pos += render(&scratch[start..end], &mut values[pos..]);
                    start = end;
                }
                offsets[r] = pos as i32;
            }
            first += count;
        }
        row = block_end;
    }
    (pos, nulls)
}
