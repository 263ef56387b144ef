//! Whole column chunks built by hand (page headers in Thrift compact form, levels in the RLE
//! hybrid, literal-only Snappy) through `decode_chunk` / `decode_chunks`: page kinds, encodings,
//! errors, and corrupted chunks that must fail without panicking.

use metaxy_kernels::parquet::{decode_chunk, decode_chunks, ChunkSpec, Codec, DecodedChunk, Physical};

/// Thrift compact-protocol writer: i32 and bool fields and nested structs.
struct Thrift {
    out: Vec<u8>,
    last: Vec<i16>,
}

impl Thrift {
    fn new() -> Self {
        Thrift { out: Vec::new(), last: vec![0] }
    }
    fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.out.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.out.push(v as u8);
    }
    fn header(&mut self, id: i16, ty: u8) {
        let last = *self.last.last().unwrap();
        self.out.push((((id - last) as u8) << 4) | ty);
        *self.last.last_mut().unwrap() = id;
    }
    fn i32(&mut self, id: i16, v: i32) -> &mut Self {
        self.header(id, 5);
        self.varint(((i64::from(v) << 1) ^ (i64::from(v) >> 63)) as u64);
        self
    }
    fn bool(&mut self, id: i16, v: bool) -> &mut Self {
        self.header(id, if v { 1 } else { 2 });
        self
    }
    fn begin(&mut self, id: i16) -> &mut Self {
        self.header(id, 12);
        self.last.push(0);
        self
    }
    fn end(&mut self) -> &mut Self {
        self.out.push(0);
        self.last.pop();
        self
    }
}

const PLAIN: i32 = 0;
const PLAIN_DICTIONARY: i32 = 2;
const RLE: i32 = 3;
const RLE_DICTIONARY: i32 = 8;

/// Levels or indices in the RLE hybrid: runs of 8+ equal values as RLE, the rest bit-packed.
fn hybrid(values: &[u32], width: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let varint = |out: &mut Vec<u8>, mut v: usize| {
        while v >= 0x80 {
            out.push((v as u8) | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    };
    let mut i = 0;
    while i < values.len() {
        let run = values[i..].iter().take_while(|&&v| v == values[i]).count();
        if run >= 8 {
            varint(&mut out, run << 1);
            out.extend(&values[i].to_le_bytes()[..width.div_ceil(8)]);
            i += run;
            continue;
        }
        let group: Vec<u32> = (0..8).map(|k| values.get(i + k).copied().unwrap_or(0)).collect();
        varint(&mut out, (1 << 1) | 1);
        let mut bits = vec![0u8; width];
        for (k, &v) in group.iter().enumerate() {
            for b in 0..width {
                if v >> b & 1 == 1 {
                    bits[(k * width + b) / 8] |= 1 << ((k * width + b) % 8);
                }
            }
        }
        out.extend(bits);
        i += 8;
    }
    out
}

fn width(max: u32) -> usize {
    (32 - max.leading_zeros()) as usize
}

/// Snappy with literals only (valid, if not small).
fn snappy(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut n = data.len();
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
    for chunk in data.chunks(60) {
        out.push(((chunk.len() - 1) as u8) << 2);
        out.extend(chunk);
    }
    out
}

fn compress(codec: Codec, data: &[u8]) -> Vec<u8> {
    match codec {
        Codec::Uncompressed => data.to_vec(),
        Codec::Snappy => snappy(data),
        Codec::Zstd => zstd_raw(data),
    }
}

/// A Zstandard frame of raw (stored) blocks of at most 1000 bytes, under a 1 KiB window.
fn zstd_raw(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x00];
    let blocks: Vec<&[u8]> = if data.is_empty() { vec![data] } else { data.chunks(1000).collect() };
    for (i, b) in blocks.iter().enumerate() {
        let h = (b.len() << 3) | usize::from(i + 1 == blocks.len());
        out.extend_from_slice(&[h as u8, (h >> 8) as u8, (h >> 16) as u8]);
        out.extend_from_slice(b);
    }
    out
}

fn prefixed(levels: &[u8]) -> Vec<u8> {
    let mut out = (levels.len() as u32).to_le_bytes().to_vec();
    out.extend(levels);
    out
}

fn levels_of(levels: &[u8], max: u8) -> Vec<u8> {
    hybrid(&levels.iter().map(|&l| u32::from(l)).collect::<Vec<_>>(), width(u32::from(max)))
}

/// A DATA_PAGE (v1): rep and def levels (4-byte prefixed), then `values`, compressed together.
fn v1(codec: Codec, enc: i32, def: Option<(&[u8], u8)>, rep: Option<(&[u8], u8)>, values: &[u8]) -> Vec<u8> {
    let n = def.map(|d| d.0.len()).or(rep.map(|r| r.0.len())).unwrap_or(0);
    v1_with(codec, enc, n, RLE, def, rep, values)
}

fn v1_with(
    codec: Codec,
    enc: i32,
    n: usize,
    level_enc: i32,
    def: Option<(&[u8], u8)>,
    rep: Option<(&[u8], u8)>,
    values: &[u8],
) -> Vec<u8> {
    let mut body = Vec::new();
    if let Some((l, max)) = rep {
        body.extend(prefixed(&levels_of(l, max)));
    }
    if let Some((l, max)) = def {
        body.extend(prefixed(&levels_of(l, max)));
    }
    body.extend(values);
    let packed = compress(codec, &body);
    let mut t = Thrift::new();
    t.i32(1, 0).i32(2, body.len() as i32).i32(3, packed.len() as i32);
    t.begin(5).i32(1, n as i32).i32(2, enc).i32(3, level_enc).i32(4, level_enc).end().end();
    t.out.extend(packed);
    t.out
}

/// A DATA_PAGE_V2: levels uncompressed and unprefixed, values compressed when `compressed`.
fn v2(
    codec: Codec,
    enc: i32,
    n: usize,
    def: Option<(&[u8], u8)>,
    rep: Option<(&[u8], u8)>,
    values: &[u8],
    compressed: bool,
) -> Vec<u8> {
    let rep_bytes = rep.map(|(l, m)| levels_of(l, m)).unwrap_or_default();
    let def_bytes = def.map(|(l, m)| levels_of(l, m)).unwrap_or_default();
    let nulls = def.map_or(0, |(l, m)| l.iter().filter(|&&x| x < m).count());
    let packed = if compressed { compress(codec, values) } else { values.to_vec() };
    let levels = rep_bytes.len() + def_bytes.len();
    let mut t = Thrift::new();
    t.i32(1, 3).i32(2, (levels + values.len()) as i32).i32(3, (levels + packed.len()) as i32);
    t.begin(8).i32(1, n as i32).i32(2, nulls as i32).i32(3, n as i32).i32(4, enc);
    t.i32(5, def_bytes.len() as i32).i32(6, rep_bytes.len() as i32);
    if !compressed {
        t.bool(7, false);
    }
    t.end().end();
    t.out.extend(rep_bytes);
    t.out.extend(def_bytes);
    t.out.extend(packed);
    t.out
}

fn dict_page(codec: Codec, n: usize, values: &[u8]) -> Vec<u8> {
    let packed = compress(codec, values);
    let mut t = Thrift::new();
    t.i32(1, 2).i32(2, values.len() as i32).i32(3, packed.len() as i32);
    t.begin(7).i32(1, n as i32).i32(2, PLAIN).end().end();
    t.out.extend(packed);
    t.out
}

fn index_page() -> Vec<u8> {
    let mut t = Thrift::new();
    t.i32(1, 1).i32(2, 3).i32(3, 3).begin(6).end().end();
    t.out.extend([1, 2, 3]);
    t.out
}

fn plain_strings(values: &[&str]) -> Vec<u8> {
    values.iter().flat_map(|s| (s.len() as u32).to_le_bytes().into_iter().chain(s.bytes())).collect()
}

fn plain_i64(values: &[i64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn indices(values: &[u32], bit_width: u8) -> Vec<u8> {
    let mut out = vec![bit_width];
    out.extend(hybrid(values, usize::from(bit_width)));
    out
}

fn spec(bytes: &[u8], physical: Physical, codec: Codec, max_def: u8, max_rep: u8, n: usize) -> ChunkSpec<'_> {
    ChunkSpec { bytes, physical, codec, max_def, max_rep, num_values: n }
}

fn strings(d: &DecodedChunk) -> Vec<String> {
    let o = d.offsets.as_ref().unwrap();
    (0..d.count)
        .map(|i| String::from_utf8(d.values[o[i] as usize..o[i + 1] as usize].to_vec()).unwrap())
        .collect()
}

fn i64s(d: &DecodedChunk) -> Vec<i64> {
    d.values.chunks(8).map(|c| i64::from_le_bytes(c.try_into().unwrap())).collect()
}

fn err(spec: &ChunkSpec) -> String {
    decode_chunk(spec).unwrap_err().0
}

/// A nullable string column: dictionary page, a PLAIN_DICTIONARY page, an index page, an
/// RLE_DICTIONARY page and a PLAIN fallback page.
fn dictionary_chunk(codec: Codec) -> Vec<u8> {
    let mut c = dict_page(codec, 3, &plain_strings(&["red", "green", ""]));
    let def1 = [1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1];
    c.extend(v1(
        codec,
        PLAIN_DICTIONARY,
        Some((&def1, 1)),
        None,
        &indices(&[0, 1, 2, 0, 0, 0, 0, 0, 0, 1], 2),
    ));
    c.extend(index_page());
    let def2 = [1; 9];
    c.extend(v1(codec, RLE_DICTIONARY, Some((&def2, 1)), None, &indices(&[2; 9], 2)));
    let def3 = [0, 1, 0];
    c.extend(v1(codec, PLAIN, Some((&def3, 1)), None, &plain_strings(&["blue"])));
    c
}

fn dictionary_expected() -> (Vec<u8>, Vec<&'static str>) {
    let def = [vec![1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1], vec![1; 9], vec![0, 1, 0]].concat();
    let mut values = vec!["red", "green", "", "red", "red", "red", "red", "red", "red", "green"];
    values.extend([""; 9]);
    values.push("blue");
    (def, values)
}

#[test]
fn dictionary_pages_and_plain_fallback_decode_with_both_codecs() {
    for codec in [Codec::Uncompressed, Codec::Snappy, Codec::Zstd] {
        let bytes = dictionary_chunk(codec);
        let out = decode_chunk(&spec(&bytes, Physical::ByteArray, codec, 1, 0, 24)).unwrap();
        let (def, values) = dictionary_expected();
        assert_eq!(out.def.as_deref(), Some(&def[..]));
        assert_eq!(out.rep, None);
        assert_eq!(out.count, 20);
        assert_eq!(strings(&out), values);
        assert_eq!(out.offsets.as_ref().unwrap()[0], 0);
        // Trailing bytes after the last needed page are never read.
        let mut longer = bytes.clone();
        longer.extend([0xff; 7]);
        assert_eq!(decode_chunk(&spec(&longer, Physical::ByteArray, codec, 1, 0, 24)).unwrap(), out);
    }
}

#[test]
fn v2_pages_with_repetition_levels_and_uncompressed_values() {
    // list<int64>: rows [1, 2], null, [], [3, null]  → def 3 = value, 2 = null item, 1 = empty, 0 = null list.
    let rep = [0, 1, 0, 0, 0, 1];
    let def = [3, 3, 0, 1, 3, 2];
    for codec in [Codec::Uncompressed, Codec::Snappy, Codec::Zstd] {
        let mut bytes =
            v2(codec, PLAIN, 4, Some((&def[..4], 3)), Some((&rep[..4], 1)), &plain_i64(&[1, 2]), true);
        bytes.extend(v2(
            codec,
            PLAIN,
            2,
            Some((&def[4..], 3)),
            Some((&rep[4..], 1)),
            &plain_i64(&[3]),
            false,
        ));
        let out = decode_chunk(&spec(&bytes, Physical::Int64, codec, 3, 1, 6)).unwrap();
        assert_eq!(out.def.as_deref(), Some(&def[..]));
        assert_eq!(out.rep.as_deref(), Some(&rep[..]));
        assert_eq!((out.count, i64s(&out)), (3, vec![1, 2, 3]));
        assert_eq!(out.offsets, None);
    }
}

#[test]
fn required_columns_and_booleans_across_pages() {
    // A required Int64 column in two v1 pages: no levels at all.
    let mut bytes = v1_with(Codec::Snappy, PLAIN, 3, RLE, None, None, &plain_i64(&[-1, 0, i64::MAX]));
    bytes.extend(v1_with(Codec::Snappy, PLAIN, 2, RLE, None, None, &plain_i64(&[i64::MIN, 7])));
    let out = decode_chunk(&spec(&bytes, Physical::Int64, Codec::Snappy, 0, 0, 5)).unwrap();
    assert_eq!((&out.def, &out.rep, out.count), (&None, &None, 5));
    assert_eq!(i64s(&out), [-1, 0, i64::MAX, i64::MIN, 7]);

    // Booleans: PLAIN (3 values), RLE with its length prefix in v1 (5 values), RLE in v2 (10 values).
    let mut bytes = v1_with(Codec::Uncompressed, PLAIN, 3, RLE, None, None, &[0b101]);
    let mut rle = hybrid(&[0, 1, 1, 0, 1], 1);
    rle.splice(0..0, (rle.len() as u32).to_le_bytes());
    bytes.extend(v1_with(Codec::Uncompressed, RLE, 5, RLE, None, None, &rle));
    let mut rle2 = hybrid(&[1; 10], 1);
    rle2.splice(0..0, (rle2.len() as u32).to_le_bytes());
    bytes.extend(v2(Codec::Uncompressed, RLE, 10, None, None, &rle2, true));
    let out = decode_chunk(&spec(&bytes, Physical::Boolean, Codec::Uncompressed, 0, 0, 18)).unwrap();
    let bits: Vec<u8> = (0..18).map(|i| out.values[i / 8] >> (i % 8) & 1).collect();
    assert_eq!(bits, [1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    assert_eq!((out.count, out.values.len()), (18, 3));
    assert_eq!(out.values[2] >> 2, 0, "bits past the count are zero");
}

#[test]
fn physical_types_and_codecs_from_parquet_numbers() {
    assert_eq!(Physical::from_parquet(7, 16).unwrap(), Physical::FixedLenByteArray(16));
    assert_eq!(Physical::from_parquet(3, 0).unwrap(), Physical::Int96);
    assert_eq!(Physical::from_parquet(8, 0).unwrap_err().0, "parquet: unknown physical type 8");
    assert_eq!(Codec::from_parquet(1).unwrap(), Codec::Snappy);
    assert_eq!(Codec::from_parquet(6).unwrap(), Codec::Zstd);
    assert_eq!(Codec::from_parquet(2).unwrap_err().0, "parquet: unsupported compression codec 2 (GZIP)");
    assert_eq!(Codec::from_parquet(42).unwrap_err().0, "parquet: unsupported compression codec 42");
}

#[test]
fn malformed_chunks_fail_with_messages_naming_the_value() {
    let u = Codec::Uncompressed;
    let ok = v1(u, PLAIN, Some((&[1, 1], 1)), None, &plain_i64(&[1, 2]));
    assert!(err(&spec(&ok, Physical::Int64, u, 1, 0, 3))
        .starts_with("parquet: column chunk ends after 2 of 3 values"));
    assert_eq!(
        err(&spec(&ok, Physical::Int64, u, 1, 0, 1)),
        "parquet: pages hold more than the column chunk's 1 values"
    );
    assert!(
        err(&spec(&ok[..ok.len() - 1], Physical::Int64, u, 1, 0, 2)).contains("runs past the column chunk")
    );

    let bit_packed = v1_with(u, PLAIN, 2, 4, Some((&[1, 1], 1)), None, &plain_i64(&[1, 2]));
    assert_eq!(
        err(&spec(&bit_packed, Physical::Int64, u, 1, 0, 2)),
        "parquet: deprecated level encoding 4 (BIT_PACKED) for definition levels"
    );
    // Levels up to 2 take 2 bits, which can also spell 3.
    let over = v1(u, PLAIN, Some((&[3, 2], 3)), None, &plain_i64(&[1]));
    assert_eq!(
        err(&spec(&over, Physical::Int64, u, 2, 0, 2)),
        "parquet: definition level 3 exceeds the maximum 2"
    );

    let bad_index = [
        dict_page(u, 2, &plain_strings(&["a", "b"])),
        v1(u, RLE_DICTIONARY, Some((&[1; 9], 1)), None, &indices(&[2; 9], 2)),
    ]
    .concat();
    assert_eq!(
        err(&spec(&bad_index, Physical::ByteArray, u, 1, 0, 9)),
        "parquet: dictionary index 2 out of range for 2 entries"
    );
    let no_dict = v1(u, RLE_DICTIONARY, Some((&[1], 1)), None, &indices(&[0], 1));
    assert_eq!(
        err(&spec(&no_dict, Physical::ByteArray, u, 1, 0, 1)),
        "parquet: dictionary-encoded page (encoding 8) without a dictionary page"
    );
    let delta_on_int = v1(u, 7, Some((&[1], 1)), None, &[0; 8]);
    assert_eq!(
        err(&spec(&delta_on_int, Physical::Int32, u, 1, 0, 1)),
        "parquet: unsupported value encoding 7 for Int32"
    );
    let rle_on_int = v1(u, RLE, Some((&[1], 1)), None, &[0; 8]);
    assert_eq!(
        err(&spec(&rle_on_int, Physical::Int64, u, 1, 0, 1)),
        "parquet: unsupported value encoding 3 for Int64"
    );

    let short = v1(u, PLAIN, Some((&[1, 1, 1], 1)), None, &plain_i64(&[1, 2]));
    assert!(err(&spec(&short, Physical::Int64, u, 1, 0, 3))
        .starts_with("parquet: PLAIN Int64 page holds 16 bytes"));
    let def_in_required = v2(u, PLAIN, 1, Some((&[1], 1)), None, &plain_i64(&[1]), true);
    assert_eq!(
        err(&spec(&def_in_required, Physical::Int64, u, 0, 0, 1)),
        "parquet: DATA_PAGE_V2 has 2 bytes of definition levels but max_def is 0"
    );

    // A snappy block whose length disagrees with the page header.
    let mut lying = v1(Codec::Snappy, PLAIN, Some((&[1], 1)), None, &plain_i64(&[1]));
    let at = lying.len() - 8 - 1 - 6 - 1; // the snappy length varint: body = 6 level bytes + 8 value bytes
    assert_eq!(lying[at], 14);
    lying[at] = 13;
    assert_eq!(
        err(&spec(&lying, Physical::Int64, Codec::Snappy, 1, 0, 1)),
        "parquet: snappy block declares 13 bytes but the page header says 14"
    );
}

#[test]
fn many_chunks_over_threads_keep_input_order_and_report_the_first_error() {
    let chunks: Vec<Vec<u8>> = (0..40i64)
        .map(|k| {
            let values: Vec<i64> = (0..20_000).map(|i| i * k).collect();
            v1_with(Codec::Snappy, PLAIN, values.len(), RLE, None, None, &plain_i64(&values))
        })
        .collect();
    let specs: Vec<ChunkSpec> =
        chunks.iter().map(|c| spec(c, Physical::Int64, Codec::Snappy, 0, 0, 20_000)).collect();
    let one = decode_chunks(&specs, 1).unwrap();
    let four = decode_chunks(&specs, 4).unwrap();
    assert_eq!(one, four);
    for (k, d) in four.iter().enumerate() {
        assert_eq!(i64s(d)[19_999], 19_999 * k as i64);
    }
    let mut bad = specs.clone();
    bad[30].num_values = 1;
    bad[7].num_values = 20_001;
    assert_eq!(
        decode_chunks(&bad, 3).unwrap_err().0,
        "parquet: column chunk ends after 20000 of 20001 values"
    );
    assert!(decode_chunks(&[], 2).unwrap().is_empty());
}

#[test]
fn corrupted_chunks_fail_without_panicking() {
    let mut chunks = vec![
        (dictionary_chunk(Codec::Snappy), Physical::ByteArray, Codec::Snappy, 1, 0, 24),
        (dictionary_chunk(Codec::Uncompressed), Physical::ByteArray, Codec::Uncompressed, 1, 0, 24),
    ];
    let rep = [0, 1, 0, 0, 0, 1];
    let def = [3, 3, 0, 1, 3, 2];
    let list = v2(Codec::Snappy, PLAIN, 6, Some((&def, 3)), Some((&rep, 1)), &plain_i64(&[1, 2, 3]), true);
    chunks.push((list, Physical::Int64, Codec::Snappy, 3, 1, 6));
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut failures = 0;
    for (bytes, physical, codec, max_def, max_rep, n) in chunks.iter_mut() {
        for cut in 0..bytes.len() {
            assert!(decode_chunk(&spec(&bytes[..cut], *physical, *codec, *max_def, *max_rep, *n)).is_err());
        }
        for _ in 0..3000 {
            let mut b = bytes.clone();
            for _ in 0..1 + next() % 3 {
                let i = (next() as usize) % b.len();
                b[i] ^= 1 << (next() % 8);
            }
            if let Err(e) = decode_chunk(&spec(&b, *physical, *codec, *max_def, *max_rep, *n)) {
                assert!(e.0.starts_with("parquet: "), "{}", e.0);
                failures += 1;
            }
        }
    }
    assert!(failures > 1000);
}

#[test]
fn fixed_width_types_plain_and_dictionary() {
    let u = Codec::Uncompressed;
    // Int96: 12 bytes per value, PLAIN.
    let int96: Vec<u8> = (0..36u8).collect();
    let bytes = v1(u, PLAIN, Some((&[1, 0, 1, 1], 1)), None, &int96);
    let out = decode_chunk(&spec(&bytes, Physical::Int96, u, 1, 0, 4)).unwrap();
    assert_eq!((out.count, out.values), (3, int96));

    // FIXED_LEN_BYTE_ARRAY(3) through a dictionary, and Float through PLAIN_DICTIONARY.
    let dict = b"abcxyz".to_vec();
    let bytes = [
        dict_page(u, 2, &dict),
        v1(u, RLE_DICTIONARY, Some((&[1, 1, 0, 1], 1)), None, &indices(&[1, 0, 1], 1)),
    ]
    .concat();
    let out = decode_chunk(&spec(&bytes, Physical::FixedLenByteArray(3), u, 1, 0, 4)).unwrap();
    assert_eq!((out.count, out.values.as_slice(), out.offsets), (3, &b"xyzabcxyz"[..], None));

    let floats: Vec<u8> = [1.5f32, -0.25].iter().flat_map(|f| f.to_le_bytes()).collect();
    let bytes = [
        dict_page(u, 2, &floats),
        v1(u, PLAIN_DICTIONARY, Some((&[1; 9], 1)), None, &indices(&[0, 1, 1, 1, 1, 1, 1, 1, 0], 1)),
    ]
    .concat();
    let out = decode_chunk(&spec(&bytes, Physical::Float, u, 1, 0, 9)).unwrap();
    let got: Vec<f32> = out.values.chunks(4).map(|c| f32::from_le_bytes(c.try_into().unwrap())).collect();
    assert_eq!(got, [1.5, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, -0.25, 1.5]);

    // A PLAIN FIXED_LEN_BYTE_ARRAY page one byte short.
    let bytes = v1(u, PLAIN, Some((&[1, 1], 1)), None, b"abcde");
    assert!(err(&spec(&bytes, Physical::FixedLenByteArray(3), u, 1, 0, 2))
        .starts_with("parquet: PLAIN FixedLenByteArray(3) page holds 5 bytes"));
}
