//! Row pre-image hashing: per row, concatenate string parts with a separator, hash the bytes,
//! render (unsigned decimal or lowercase hex), truncate. Produces an Arrow Utf8 column.
//!
//! Rows are split into contiguous ranges, one per worker thread. Each worker renders into its own
//! region of one shared output buffer, sized by the longest rendering it keeps (`truncation`
//! characters, or the full rendering), and regions are adjacent: when every rendering is that long
//! (64-bit hashes truncated to 8 digits, hex) the output is complete as the workers leave it;
//! otherwise (32-bit decimals can be shorter) later regions are moved down afterwards.

mod preimage;
mod range;
mod renderers;
#[cfg(target_arch = "x86_64")]
mod simd;
#[cfg(test)]
mod tests;
mod uniform;

use crate::bail;
use crate::column::StrChunk;
use crate::error::Result;
use crate::hash::Algorithm;
use crate::memory::with_capacity;

use preimage::Layout;
use range::{run_range, Sink};
use renderers::{Md5Hex, Sha256Hex, WyhashDecimal, Xxh32Decimal, Xxh64Decimal};

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
    let layout = Layout::new(parts, options.separator);
    let limit = options.truncation.unwrap_or(usize::MAX).min(options.algorithm.max_rendered_len());

    // Contiguous ranges, each a multiple of 8 rows (except the last) so workers own whole
    // validity bytes.
    let threads = options.threads.clamp(1, 64).min(n.div_ceil(MIN_ROWS_PER_THREAD)).max(1);
    let per = n.div_ceil(threads).next_multiple_of(8);
    let ranges: Vec<(usize, usize)> =
        (0..threads).map(|t| ((t * per).min(n), ((t + 1) * per).min(n))).filter(|r| r.0 < r.1).collect();

    let capacity = n as u128 * limit as u128;
    if capacity > i32::MAX as u128 {
        bail!(
            "kernels: hashRows output of {n} rows × {limit} characters exceeds the 2 GiB of a Utf8 column; hash fewer rows per call"
        );
    }
    let capacity = capacity as usize;
    // Outputs start uninitialised: workers write every offset of their rows and initialise their
    // region of values just ahead of their writes (while it is in cache), instead of a `calloc`
    // clearing all of it up front.
    let mut values: Vec<u8> = with_capacity(capacity);
    let mut offsets: Vec<i32> = with_capacity(n + 1);
    let mut validity = vec![0xffu8; n.div_ceil(8)];

    // Split the three outputs into per-range pieces.
    let mut jobs = Vec::with_capacity(ranges.len());
    {
        let offs = &mut offsets.spare_capacity_mut()[..=n];
        offs[0].write(0);
        let (mut vals, mut offs, mut bits) =
            (&mut values.spare_capacity_mut()[..capacity], &mut offs[1..], &mut validity[..]);
        for &(a, b) in &ranges {
            let rows = b - a;
            let (v, vr) = vals.split_at_mut(rows * limit);
            let (o, or) = offs.split_at_mut(rows);
            let (m, mr) = bits.split_at_mut(rows.div_ceil(8));
            jobs.push((a, b, Sink { values: v, base: a * limit, offsets: o, validity: m }));
            (vals, offs, bits) = (vr, or, mr);
        }
    }

    let layout = &layout;
    let run = |(a, b, sink): (usize, usize, Sink<'_>)| match options.algorithm {
        Algorithm::Xxhash32 => run_range::<Xxh32Decimal>(layout, a, b, limit, sink),
        Algorithm::Xxhash64 => run_range::<Xxh64Decimal>(layout, a, b, limit, sink),
        Algorithm::Wyhash => run_range::<WyhashDecimal>(layout, a, b, limit, sink),
        Algorithm::Md5 => run_range::<Md5Hex>(layout, a, b, limit, sink),
        Algorithm::Sha256 => run_range::<Sha256Hex>(layout, a, b, limit, sink),
    };

    // The calling thread takes the first range itself and spawns threads for the others.
    let mut jobs = jobs.into_iter();
    let first = jobs.next();
    let results: Vec<(usize, usize)> = std::thread::scope(|s| {
        let handles: Vec<_> = jobs.map(|job| s.spawn(move || run(job))).collect();
        let mine = first.map(run);
        mine.into_iter()
            .chain(handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))))
            .collect()
    });

    // SAFETY: every worker returned, so each wrote the offsets of all its rows and initialised its
    // whole region of values (see `range::Out::emit`).
    unsafe {
        values.set_len(capacity);
        offsets.set_len(n + 1);
    }

    // Close the gaps left by regions that did not fill up: move later regions down and rebase
    // their offsets (never needed when every rendering is `limit` characters long).
    let mut shift = 0usize;
    let mut null_count = 0;
    for (&(a, b), &(used, nulls)) in ranges.iter().zip(&results) {
        let region = a * limit;
        if shift > 0 {
            values.copy_within(region..region + used, region - shift);
            let by = shift as i32;
            offsets[a + 1..=b].iter_mut().for_each(|o| *o -= by);
        }
        shift += (b - a) * limit - used;
        null_count += nulls;
    }
    values.truncate(capacity - shift);
    Ok(Utf8Output { offsets, values, validity: (null_count > 0).then_some(validity), null_count })
}
