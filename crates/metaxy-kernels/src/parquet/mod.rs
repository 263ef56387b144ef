//! Parquet column-chunk decoding into dense Arrow-ready buffers: the hot read path of the Delta
//! store, in place of decoding through parquet-wasm. The caller (TypeScript) parses the footer and
//! hands over each column chunk's bytes with its physical type, codec and maximum levels; this
//! module walks the pages and returns definition and repetition levels plus the non-null values
//! packed back to back. No external crates: Thrift compact headers, Snappy, the RLE/bit-packed
//! hybrid, Zstandard and the value encodings are implemented here.

mod chunk;
mod delta;
mod levels;
mod page_header;
mod snappy;
mod thrift;
mod values;
pub mod zstd;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::bail;
use crate::error::Result;

/// Parquet physical type (`Type` in parquet.thrift, 0..7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Physical {
    Boolean,
    Int32,
    Int64,
    Int96,
    Float,
    Double,
    ByteArray,
    /// With its `type_length` in bytes.
    FixedLenByteArray(usize),
}

impl Physical {
    /// From the footer's `type` and `type_length` (the latter used only by FIXED_LEN_BYTE_ARRAY).
    pub fn from_parquet(ty: i32, type_length: i32) -> Result<Physical> {
        Ok(match ty {
            0 => Physical::Boolean,
            1 => Physical::Int32,
            2 => Physical::Int64,
            3 => Physical::Int96,
            4 => Physical::Float,
            5 => Physical::Double,
            6 => Physical::ByteArray,
            7 if type_length >= 0 => Physical::FixedLenByteArray(type_length as usize),
            7 => bail!("parquet: invalid FIXED_LEN_BYTE_ARRAY type length {type_length}"),
            other => bail!("parquet: unknown physical type {other}"),
        })
    }

    /// Bytes per value of fixed-width types; `None` for Boolean (bits) and ByteArray.
    pub fn width(self) -> Option<usize> {
        match self {
            Physical::Int32 | Physical::Float => Some(4),
            Physical::Int64 | Physical::Double => Some(8),
            Physical::Int96 => Some(12),
            Physical::FixedLenByteArray(n) => Some(n),
            Physical::Boolean | Physical::ByteArray => None,
        }
    }
}

/// Page compression (`CompressionCodec` in parquet.thrift); only these three are decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Codec {
    Uncompressed,
    Snappy,
    Zstd,
}

impl Codec {
    /// From the footer's `codec`; any codec other than UNCOMPRESSED (0), SNAPPY (1) and ZSTD (6)
    /// is refused.
    pub fn from_parquet(codec: i32) -> Result<Codec> {
        const NAMES: [&str; 8] =
            ["UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"];
        match codec {
            0 => Ok(Codec::Uncompressed),
            1 => Ok(Codec::Snappy),
            6 => Ok(Codec::Zstd),
            c => match usize::try_from(c).ok().and_then(|i| NAMES.get(i)) {
                Some(name) => bail!("parquet: unsupported compression codec {c} ({name})"),
                None => bail!("parquet: unsupported compression codec {c}"),
            },
        }
    }
}

/// One column chunk to decode.
#[derive(Debug, Clone, Copy)]
pub struct ChunkSpec<'a> {
    /// The whole chunk as stored: from the dictionary page (if any, else the first data page),
    /// `total_compressed_size` bytes long.
    pub bytes: &'a [u8],
    pub physical: Physical,
    pub codec: Codec,
    pub max_def: u8,
    pub max_rep: u8,
    /// `ColumnMetaData.num_values`: level slots, nulls and repeated entries included.
    pub num_values: usize,
}

/// A decoded chunk: levels per slot and the non-null values back to back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedChunk {
    /// One definition level per slot; `None` when `max_def == 0`.
    pub def: Option<Vec<u8>>,
    /// One repetition level per slot; `None` when `max_rep == 0`.
    pub rep: Option<Vec<u8>>,
    /// Non-null values only: an LSB-first bitmap of `count` bits (Boolean), `count` little-endian
    /// fixed-width values, or concatenated bytes (ByteArray, with `offsets`).
    pub values: Vec<u8>,
    /// ByteArray only: `count + 1` offsets into `values`, starting at 0.
    pub offsets: Option<Vec<i32>>,
    /// Non-null values decoded (slots whose definition level is `max_def`).
    pub count: usize,
}

/// Decodes one column chunk.
///
/// ```
/// use metaxy_kernels::parquet::{decode_chunk, ChunkSpec, Codec, Physical};
/// // One DATA_PAGE (v1) of two PLAIN Int32 values, uncompressed.
/// let bytes = [0x15, 0x00, 0x15, 0x10, 0x15, 0x10, 0x2c, 0x15, 0x04, 0x15, 0x00, 0x15, 0x06, 0x15, 0x06, 0x00, 0x00,
///              7, 0, 0, 0, 0xff, 0xff, 0xff, 0xff];
/// let spec = ChunkSpec { bytes: &bytes, physical: Physical::Int32, codec: Codec::Uncompressed, max_def: 0, max_rep: 0, num_values: 2 };
/// let out = decode_chunk(&spec).unwrap();
/// assert_eq!((out.count, out.values), (2, vec![7, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]));
/// ```
pub fn decode_chunk(spec: &ChunkSpec) -> Result<DecodedChunk> {
    chunk::decode(spec)
}

/// Decodes many chunks over up to `threads` threads (the calling thread included), results in
/// input order. On failure, the error of the first failing chunk in input order is returned.
pub fn decode_chunks(specs: &[ChunkSpec], threads: usize) -> Result<Vec<DecodedChunk>> {
    // A thread is worth its start-up only for a few hundred KiB of input.
    const BYTES_PER_THREAD: usize = 256 << 10;
    let total: usize = specs.iter().map(|s| s.bytes.len()).sum();
    let workers = threads.min(specs.len()).min(total / BYTES_PER_THREAD).max(1);
    if workers == 1 {
        return specs.iter().map(decode_chunk).collect();
    }
    // Largest chunks first, so no thread is left with a big one at the end.
    let mut order: Vec<usize> = (0..specs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(specs[i].bytes.len()));
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let work = || {
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            if k >= order.len() || failed.load(Ordering::Relaxed) {
                return done;
            }
            let i = order[k];
            let r = decode_chunk(&specs[i]);
            if r.is_err() {
                failed.store(true, Ordering::Relaxed);
            }
            done.push((i, r));
        }
    };
    let mut slots: Vec<Option<Result<DecodedChunk>>> = (0..specs.len()).map(|_| None).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> =
            (1..workers).filter_map(|_| std::thread::Builder::new().spawn_scoped(s, work).ok()).collect();
        let mut all = work();
        for h in handles {
            match h.join() {
                Ok(mut d) => all.append(&mut d),
                Err(payload) => std::panic::resume_unwind(payload),
            }
        }
        for (i, r) in all {
            slots[i] = Some(r);
        }
    });
    // With a failure, chunks after it may be undecoded; the first error in input order wins, and
    // an undecoded chunk before it is decoded now so that its error (if any) is the one reported.
    let mut out = Vec::with_capacity(specs.len());
    for (i, slot) in slots.into_iter().enumerate() {
        match slot {
            Some(r) => out.push(r?),
            None => out.push(decode_chunk(&specs[i])?),
        }
    }
    Ok(out)
}
