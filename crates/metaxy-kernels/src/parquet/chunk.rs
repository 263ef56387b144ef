//! The page loop of one column chunk: headers are scanned first (so every buffer is reserved once
//! and a chunk whose pages disagree with `num_values` fails before any decoding), then each page
//! is decompressed, its levels decoded, and its values appended.

use super::levels::decode_levels;
use super::page_header::{self, page_type, PageHeader};
use super::values::Values;
use super::{delta, snappy, zstd, ChunkSpec, Codec, DecodedChunk, Physical};
use crate::bail;
use crate::error::Result;

/// Encoding ids (`Encoding` in parquet.thrift).
mod encoding {
    pub const PLAIN: i32 = 0;
    pub const PLAIN_DICTIONARY: i32 = 2;
    pub const RLE: i32 = 3;
    pub const BIT_PACKED: i32 = 4;
    pub const DELTA_BINARY_PACKED: i32 = 5;
    pub const DELTA_LENGTH_BYTE_ARRAY: i32 = 6;
    pub const DELTA_BYTE_ARRAY: i32 = 7;
    pub const RLE_DICTIONARY: i32 = 8;
    pub const BYTE_STREAM_SPLIT: i32 = 9;
}

struct Page<'a> {
    header: PageHeader,
    body: &'a [u8],
}

/// The pages up to the one that completes `num_values` level slots.
fn scan<'a>(spec: &ChunkSpec<'a>) -> Result<Vec<Page<'a>>> {
    let bytes = spec.bytes;
    let mut pages = Vec::new();
    let (mut pos, mut slots) = (0usize, 0usize);
    while slots < spec.num_values {
        if pos >= bytes.len() {
            bail!("parquet: column chunk ends after {slots} of {} values", spec.num_values);
        }
        let (header, len) = page_header::parse(&bytes[pos..])?;
        pos += len;
        if header.compressed_size > bytes.len() - pos {
            bail!(
                "parquet: page at byte {} of {} bytes runs past the column chunk ({} bytes)",
                pos - len,
                header.compressed_size,
                bytes.len()
            );
        }
        let body = &bytes[pos..pos + header.compressed_size];
        pos += header.compressed_size;
        let n = match header.page_type {
            page_type::DATA_PAGE => match header.data {
                Some(d) => d.num_values,
                None => bail!("parquet: DATA_PAGE at byte {} lacks its data_page_header", pos - len),
            },
            page_type::DATA_PAGE_V2 => match header.data_v2 {
                Some(d) => d.num_values,
                None => bail!("parquet: DATA_PAGE_V2 at byte {} lacks its data_page_header_v2", pos - len),
            },
            page_type::DICTIONARY_PAGE => {
                if header.dict.is_none() {
                    bail!("parquet: DICTIONARY_PAGE at byte {} lacks its dictionary_page_header", pos - len);
                }
                0
            }
            page_type::INDEX_PAGE => continue,
            other => bail!("parquet: unsupported page type {other}"),
        };
        if n > spec.num_values - slots {
            bail!("parquet: pages hold more than the column chunk's {} values", spec.num_values);
        }
        slots += n;
        pages.push(Page { header, body });
    }
    Ok(pages)
}

/// An empty vector with room for `len` elements, or an error when memory cannot be had (a chunk
/// that claims billions of values must not abort the process). Deliberately not huge pages
/// (`memory::with_capacity`): these buffers are written once, front to back, and measured 2-3x
/// slower to fault in with MADV_HUGEPAGE under the madvise defrag policy.
fn reserve<T>(len: usize) -> Result<Vec<T>> {
    let mut v = Vec::new();
    if v.try_reserve_exact(len).is_err() {
        bail!("parquet: cannot allocate room for {len} values");
    }
    Ok(v)
}

struct Decoder<'s> {
    spec: &'s ChunkSpec<'s>,
    def: Vec<u8>,
    rep: Vec<u8>,
    values: Values,
    dict: Option<Values>,
    /// Decompressed page bytes, reused from page to page.
    scratch: Vec<u8>,
    /// DELTA_* integers, reused.
    ints: Vec<i64>,
    seen_data: bool,
}

/// Decompresses a page (or the values of a v2 page) that must come out `expected` bytes long.
fn inflate<'b>(codec: Codec, src: &'b [u8], expected: usize, scratch: &'b mut Vec<u8>) -> Result<&'b [u8]> {
    match codec {
        Codec::Uncompressed => {
            if src.len() != expected {
                bail!("parquet: uncompressed page of {} bytes declares {expected} bytes", src.len());
            }
            Ok(src)
        }
        Codec::Snappy => {
            snappy::decompress(src, expected, scratch)?;
            Ok(scratch)
        }
        Codec::Zstd => {
            zstd::decompress_into(src, expected, scratch)?;
            Ok(scratch)
        }
    }
}

/// Decodes `n` levels of at most `max` from a hybrid stream, appending them to `out`; returns how
/// many equal `max`.
fn levels(data: &[u8], max: u8, n: usize, out: &mut Vec<u8>, what: &str) -> Result<usize> {
    let start = out.len();
    out.resize(start + n, 0);
    decode_levels(data, max, &mut out[start..], what)
}

/// DATA_PAGE levels: a 4-byte length, then a hybrid stream; returns the bytes consumed.
fn v1_levels(
    data: &[u8],
    enc: i32,
    max: u8,
    n: usize,
    out: &mut Vec<u8>,
    what: &str,
) -> Result<(usize, usize)> {
    match enc {
        encoding::RLE => {}
        encoding::BIT_PACKED => bail!("parquet: deprecated level encoding 4 (BIT_PACKED) for {what} levels"),
        e => bail!("parquet: unsupported level encoding {e} for {what} levels"),
    }
    let Some(len) = data.get(..4) else { bail!("parquet: page ends inside the length of its {what} levels") };
    let len = u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize;
    let Some(body) = data.get(4..4usize.saturating_add(len)) else {
        bail!("parquet: {what} levels of {len} bytes run past their page")
    };
    let at_max = levels(body, max, n, out, what)?;
    Ok((4 + len, at_max))
}

impl<'s> Decoder<'s> {
    fn new(spec: &'s ChunkSpec<'s>, pages: &[Page]) -> Result<Self> {
        let n = spec.num_values;
        let def = if spec.max_def > 0 { reserve(n)? } else { Vec::new() };
        let rep = if spec.max_rep > 0 { reserve(n)? } else { Vec::new() };
        let mut values = Values::new(spec.physical);
        values.data = match spec.physical {
            Physical::Boolean => reserve(n.div_ceil(8))?,
            // PLAIN pages hold the values plus 4-byte lengths: their sizes bound the bytes.
            Physical::ByteArray => reserve(
                pages
                    .iter()
                    .filter(|p| p.header.page_type != page_type::DICTIONARY_PAGE)
                    .map(|p| p.header.uncompressed_size)
                    .fold(0usize, usize::saturating_add)
                    .min(i32::MAX as usize),
            )?,
            other => reserve(n.saturating_mul(other.width().unwrap_or(0)))?,
        };
        if spec.physical == Physical::ByteArray {
            values.offsets = reserve(n.saturating_add(1))?;
            values.offsets.push(0);
        }
        Ok(Decoder {
            spec,
            def,
            rep,
            values,
            dict: None,
            scratch: Vec::new(),
            ints: Vec::new(),
            seen_data: false,
        })
    }

    fn dictionary_page(&mut self, header: &PageHeader, body: &[u8]) -> Result<()> {
        let Some(d) = header.dict else { bail!("parquet: dictionary page lacks its header") };
        if self.dict.is_some() || self.seen_data {
            bail!("parquet: unexpected second or late dictionary page");
        }
        if d.encoding != encoding::PLAIN && d.encoding != encoding::PLAIN_DICTIONARY {
            bail!("parquet: unsupported dictionary page encoding {}", d.encoding);
        }
        let src = inflate(self.spec.codec, body, header.uncompressed_size, &mut self.scratch)?;
        let mut dict = Values::new(self.spec.physical);
        dict.plain(src, d.num_values)?;
        if self.spec.physical == Physical::ByteArray && dict.count > 0 {
            // Dictionary-encoded strings expand: reserve for the typical entry at every slot.
            let guess = (dict.data.len() / dict.count).saturating_mul(self.spec.num_values).min(1 << 30);
            let _ = self.values.data.try_reserve(guess.saturating_sub(self.values.data.len()));
        }
        self.dict = Some(dict);
        Ok(())
    }

    /// Appends `n` non-null values encoded with `enc`.
    fn values(&mut self, enc: i32, src: &[u8], n: usize) -> Result<()> {
        if n == 0 {
            return Ok(());
        }
        let values = &mut self.values;
        let physical = values.physical;
        match enc {
            encoding::PLAIN => values.plain(src, n).map(|_| ()),
            encoding::PLAIN_DICTIONARY | encoding::RLE_DICTIONARY => match &self.dict {
                Some(dict) => values.dictionary(dict, src, n),
                None => bail!("parquet: dictionary-encoded page (encoding {enc}) without a dictionary page"),
            },
            encoding::RLE if physical == Physical::Boolean => values.rle_booleans(src, n),
            encoding::DELTA_BINARY_PACKED if matches!(physical, Physical::Int32 | Physical::Int64) => {
                delta::integers(values, src, n, &mut self.ints)
            }
            encoding::DELTA_LENGTH_BYTE_ARRAY if physical == Physical::ByteArray => {
                delta::length_byte_array_page(values, src, n, &mut self.ints)
            }
            encoding::DELTA_BYTE_ARRAY
                if matches!(physical, Physical::ByteArray | Physical::FixedLenByteArray(_)) =>
            {
                delta::byte_array_page(values, src, n, &mut self.ints)
            }
            encoding::BYTE_STREAM_SPLIT => values.byte_stream_split(src, n),
            e => bail!("parquet: unsupported value encoding {e} for {physical:?}"),
        }
    }

    /// DATA_PAGE: levels and values, all compressed together.
    fn data_page(&mut self, header: &PageHeader, body: &[u8]) -> Result<()> {
        let Some(h) = header.data else { bail!("parquet: data page lacks its header") };
        let (max_def, max_rep, n) = (self.spec.max_def, self.spec.max_rep, h.num_values);
        let mut scratch = std::mem::take(&mut self.scratch);
        let result = (|| {
            let page = inflate(self.spec.codec, body, header.uncompressed_size, &mut scratch)?;
            let mut pos = 0;
            if max_rep > 0 {
                pos += v1_levels(page, h.rep_encoding, max_rep, n, &mut self.rep, "repetition")?.0;
            }
            let mut non_null = n;
            if max_def > 0 {
                let (used, at_max) =
                    v1_levels(&page[pos..], h.def_encoding, max_def, n, &mut self.def, "definition")?;
                pos += used;
                non_null = at_max;
            }
            self.values(h.encoding, &page[pos..], non_null)
        })();
        self.scratch = scratch;
        result
    }

    /// DATA_PAGE_V2: uncompressed levels of known lengths, then values compressed when flagged.
    fn data_page_v2(&mut self, header: &PageHeader, body: &[u8]) -> Result<()> {
        let Some(h) = header.data_v2 else { bail!("parquet: data page v2 lacks its header") };
        let (max_def, max_rep, n) = (self.spec.max_def, self.spec.max_rep, h.num_values);
        let levels_len = h.rep_len.saturating_add(h.def_len);
        if levels_len > body.len() {
            bail!("parquet: DATA_PAGE_V2 levels of {levels_len} bytes run past its {} bytes", body.len());
        }
        if max_rep == 0 && h.rep_len > 0 {
            bail!("parquet: DATA_PAGE_V2 has {} bytes of repetition levels but max_rep is 0", h.rep_len);
        }
        if max_def == 0 && h.def_len > 0 {
            bail!("parquet: DATA_PAGE_V2 has {} bytes of definition levels but max_def is 0", h.def_len);
        }
        if max_rep > 0 {
            levels(&body[..h.rep_len], max_rep, n, &mut self.rep, "repetition")?;
        }
        let mut non_null = n;
        if max_def > 0 {
            non_null = levels(&body[h.rep_len..levels_len], max_def, n, &mut self.def, "definition")?;
        }
        let src = &body[levels_len..];
        let Some(expected) = header.uncompressed_size.checked_sub(levels_len) else {
            bail!(
                "parquet: DATA_PAGE_V2 uncompressed size {} is smaller than its levels",
                header.uncompressed_size
            );
        };
        if !h.is_compressed || self.spec.codec == Codec::Uncompressed {
            if src.len() != expected {
                bail!("parquet: uncompressed page of {} bytes declares {expected} bytes", src.len());
            }
            return self.values(h.encoding, src, non_null);
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        let result = inflate(self.spec.codec, src, expected, &mut scratch)
            .and_then(|page| self.values(h.encoding, page, non_null));
        self.scratch = scratch;
        result
    }

    fn finish(self) -> DecodedChunk {
        let Decoder { spec, def, rep, values, .. } = self;
        let byte_array = spec.physical == Physical::ByteArray;
        DecodedChunk {
            def: (spec.max_def > 0).then_some(def),
            rep: (spec.max_rep > 0).then_some(rep),
            count: values.count,
            offsets: byte_array.then_some(values.offsets),
            values: values.data,
        }
    }
}

/// Decodes one chunk (see [`super::decode_chunk`]).
pub fn decode(spec: &ChunkSpec) -> Result<DecodedChunk> {
    let pages = scan(spec)?;
    let mut d = Decoder::new(spec, &pages)?;
    for page in &pages {
        match page.header.page_type {
            page_type::DICTIONARY_PAGE => d.dictionary_page(&page.header, page.body)?,
            page_type::DATA_PAGE => {
                d.seen_data = true;
                d.data_page(&page.header, page.body)?
            }
            _ => {
                d.seen_data = true;
                d.data_page_v2(&page.header, page.body)?
            }
        }
    }
    Ok(d.finish())
}
