//! JS argument shapes → the core crate's borrowed views. The shapes (built by
//! `src/kernels/native.ts`):
//!
//! - chunk: `[length, values, validity | null, validityOffset, offsets | null]`. A string chunk has
//!   `values: Uint8Array` and `offsets: Int32Array | BigInt64Array`; an integer chunk has `values` of
//!   any integer typed array and `offsets: null`. Validity bit i is at `validityOffset + i`.
//! - column: an array of chunks, in row order.
//! - hashRows part: a `Uint8Array` literal, or `[column, nullAs: Uint8Array | null]`.

use metaxy_kernels::take::{BitChunk, FixedChunk};
use metaxy_kernels::{Column, IntChunk, IntValues, Offsets, Part, StrChunk, Validity};

use crate::env::{Env, JsResult, Typed};
use crate::napi::napi_value;

/// One chunk as given, before deciding what kind of column it belongs to.
struct RawChunk<'e> {
    len: usize,
    values: napi_value,
    validity: Option<Validity<'e>>,
    offsets: Option<napi_value>,
}

fn raw_chunk<'e>(env: &'e Env, v: napi_value, what: &str) -> JsResult<RawChunk<'e>> {
    let items = env.array(v, what)?;
    if items.len() != 5 {
        return Err(format!("kernels: {what} must be [length, values, validity, validityOffset, offsets]"));
    }
    let len = env.index(items[0], &format!("{what} length"))?;
    let validity = if env.is_nullish(items[2])? {
        None
    } else {
        let bits = env.bytes(items[2], &format!("{what} validity"))?;
        let offset = env.index(items[3], &format!("{what} validity offset"))?;
        Some(Validity::new(bits, offset, len).map_err(|e| format!("{e} ({what})"))?)
    };
    let offsets = if env.is_nullish(items[4])? { None } else { Some(items[4]) };
    Ok(RawChunk { len, values: items[1], validity, offsets })
}

fn str_chunk<'e>(env: &'e Env, raw: RawChunk<'e>, what: &str) -> JsResult<StrChunk<'e>> {
    let Some(offsets) = raw.offsets else {
        return Err(format!("kernels: {what} is not a string chunk (no offsets)"));
    };
    let offsets = match env.typed(offsets, &format!("{what} offsets"))? {
        Typed::I32(o) => Offsets::I32(o),
        Typed::I64(o) => Offsets::I64(o),
        _ => return Err(format!("kernels: {what} offsets must be an Int32Array or BigInt64Array")),
    };
    let values = env.bytes(raw.values, &format!("{what} values"))?;
    StrChunk::new(raw.len, offsets, values, raw.validity).map_err(|e| format!("{e} ({what})"))
}

fn int_chunk<'e>(env: &'e Env, raw: RawChunk<'e>, what: &str) -> JsResult<IntChunk<'e>> {
    let values = match env.typed(raw.values, &format!("{what} values"))? {
        Typed::I8(v) => IntValues::I8(v),
        Typed::U8(v) => IntValues::U8(v),
        Typed::I16(v) => IntValues::I16(v),
        Typed::U16(v) => IntValues::U16(v),
        Typed::I32(v) => IntValues::I32(v),
        Typed::U32(v) => IntValues::U32(v),
        Typed::I64(v) => IntValues::I64(v),
        Typed::U64(v) => IntValues::U64(v),
        Typed::Float(_) => return Err(format!("kernels: {what} holds floating-point values, not integers")),
    };
    IntChunk::new(raw.len, values, raw.validity).map_err(|e| format!("{e} ({what})"))
}

/// A column of string or integer chunks (decided by the first chunk; empty → integer).
pub fn column<'e>(env: &'e Env, v: napi_value, what: &str) -> JsResult<Column<'e>> {
    let raws = env
        .array(v, what)?
        .into_iter()
        .enumerate()
        .map(|(i, c)| raw_chunk(env, c, &format!("{what} chunk {i}")))
        .collect::<JsResult<Vec<_>>>()?;
    let is_str = raws.first().is_some_and(|r| r.offsets.is_some());
    let names = (0..raws.len()).map(|i| format!("{what} chunk {i}"));
    if is_str {
        Ok(Column::Str(
            raws.into_iter().zip(names).map(|(r, n)| str_chunk(env, r, &n)).collect::<JsResult<_>>()?,
        ))
    } else {
        Ok(Column::Int(
            raws.into_iter().zip(names).map(|(r, n)| int_chunk(env, r, &n)).collect::<JsResult<_>>()?,
        ))
    }
}

/// An array of columns.
pub fn columns<'e>(env: &'e Env, v: napi_value, what: &str) -> JsResult<Vec<Column<'e>>> {
    env.array(v, what)?.into_iter().enumerate().map(|(i, c)| column(env, c, &format!("{what} {i}"))).collect()
}

/// The parts of a `hashRows` call.
pub fn parts<'e>(env: &'e Env, v: napi_value) -> JsResult<Vec<Part<'e>>> {
    let mut out = Vec::new();
    for (i, p) in env.array(v, "hashRows parts")?.into_iter().enumerate() {
        let what = format!("hashRows part {i}");
        if env.is_typed(p)? {
            out.push(Part::Literal(env.bytes(p, &what)?));
            continue;
        }
        let items = env.array(p, &what)?;
        if items.len() != 2 {
            return Err(format!("kernels: {what} must be a Uint8Array or [column, nullAs]"));
        }
        let Column::Str(chunks) = column(env, items[0], &what)? else {
            return Err(format!("kernels: {what} must be a string column"));
        };
        let null_as = if env.is_nullish(items[1])? { None } else { Some(env.bytes(items[1], &what)?) };
        out.push(Part::Column { chunks, null_as });
    }
    Ok(out)
}

/// A fixed-width column for `take` (values of any typed array, `width` bytes per row).
pub fn fixed_chunks<'e>(env: &'e Env, v: napi_value, width: usize) -> JsResult<Vec<FixedChunk<'e>>> {
    env.array(v, "take column")?
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let what = format!("take column chunk {i}");
            let raw = raw_chunk(env, c, &what)?;
            let bytes = env.raw_bytes(raw.values, &what)?;
            Ok(FixedChunk { len: raw.len, width, bytes, validity: raw.validity })
        })
        .collect()
}

/// A Boolean column for `take`: value bit i is at `validityOffset + i`, like the validity bit.
pub fn bit_chunks<'e>(env: &'e Env, v: napi_value) -> JsResult<Vec<BitChunk<'e>>> {
    env.array(v, "take column")?
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let what = format!("take column chunk {i}");
            let items = env.array(c, &what)?;
            let raw = raw_chunk(env, c, &what)?;
            let bit_offset = env.index(items[3], &format!("{what} bit offset"))?;
            let bits = env.bytes(raw.values, &what)?;
            Ok(BitChunk { len: raw.len, bits, bit_offset, validity: raw.validity })
        })
        .collect()
}
