//! The exported functions: read arguments, call the core crate, build results. Shapes:
//!
//! - `hashRows(algorithm: string, parts, separator: Uint8Array, truncation: number (-1 = none),
//!   length: number, threads: number) → [offsets: Int32Array, values: Uint8Array,
//!   validity: Uint8Array | null, nullCount: number]`
//! - `join(left: column[], right: column[], kind: string, threads: number) → [Int32Array, Int32Array]`
//! - `keepLatest(keys: column[], orderBy: column) → Int32Array`
//! - `groupConcat(groupKeys: column[], orderKeys: column[], values: column, separator: Uint8Array)
//!   → [offsets, values, null, 0]`
//! - `takeFixed(column, width: number, indices: Int32Array) → [values: Uint8Array, validity, nullCount]`
//! - `takeBits(column, indices) → [values: Uint8Array (bits), validity, nullCount]`
//! - `takeStrings(column, indices, large: boolean) → [offsets, values, validity, nullCount]`
//! - `decodeParquetChunks(chunks, threads)`: see `parquet.rs`
//! - `__panic()`: panics on purpose, so tests can prove a panic becomes a JS exception (every
//!   input is validated, so no other call is known to panic).

use metaxy_kernels::{Algorithm, HashRowsOptions, JoinKind, TakeOffsets};

use crate::convert::{bit_chunks, column, columns, fixed_chunks, parts};
use crate::env::{Env, JsResult, Typed};
use crate::napi::{napi_callback_info, napi_value};

pub fn optional_bytes(env: &Env, bits: Option<Vec<u8>>) -> JsResult<napi_value> {
    match bits {
        Some(b) => env.typed_from_vec(b),
        None => env.null(),
    }
}

fn indices(env: &Env, v: napi_value) -> JsResult<&[i32]> {
    match env.typed(v, "take indices")? {
        Typed::I32(i) => Ok(i),
        _ => Err("kernels: take indices must be an Int32Array".to_string()),
    }
}

fn err(e: metaxy_kernels::KernelError) -> String {
    e.0
}

pub fn hash_rows(env: &Env, info: napi_callback_info) -> JsResult<napi_value> {
    let [algorithm, parts_v, separator, truncation, length, threads] = env.args::<6>(info)?;
    let name = env.string(algorithm, "hashRows algorithm")?;
    let algorithm =
        Algorithm::parse(&name).ok_or_else(|| format!("kernels: unknown hash algorithm \"{name}\""))?;
    let parts = parts(env, parts_v)?;
    let separator = env.bytes(separator, "hashRows separator")?;
    let truncation = env.integer(truncation, -1, "hashRows truncation")?;
    let length = env.index(length, "hashRows length")?;
    let threads = env.index(threads, "hashRows threads")?;
    let options = HashRowsOptions {
        algorithm,
        separator,
        truncation: (truncation >= 0).then_some(truncation as usize),
        threads,
    };
    let out = metaxy_kernels::hash_rows(&parts, Some(length), options).map_err(err)?;
    let null_count = out.null_count as f64;
    env.tuple(&[
        env.typed_from_vec(out.offsets)?,
        env.typed_from_vec(out.values)?,
        optional_bytes(env, out.validity)?,
        env.number(null_count)?,
    ])
}

pub fn join(env: &Env, info: napi_callback_info) -> JsResult<napi_value> {
    let [left, right, kind, threads] = env.args::<4>(info)?;
    let left = columns(env, left, "join left key")?;
    let right = columns(env, right, "join right key")?;
    let name = env.string(kind, "join kind")?;
    let kind = JoinKind::parse(&name).ok_or_else(|| format!("kernels: unknown join kind \"{name}\""))?;
    let threads = env.index(threads, "join threads")?;
    let out = metaxy_kernels::join(&left, &right, kind, threads).map_err(err)?;
    env.tuple(&[env.typed_from_vec(out.left)?, env.typed_from_vec(out.right)?])
}

pub fn keep_latest(env: &Env, info: napi_callback_info) -> JsResult<napi_value> {
    let [keys, order_by] = env.args::<2>(info)?;
    let keys = columns(env, keys, "keepLatest key")?;
    let order_by = column(env, order_by, "keepLatest orderBy")?;
    env.typed_from_vec(metaxy_kernels::keep_latest(&keys, &order_by).map_err(err)?)
}

pub fn group_concat(env: &Env, info: napi_callback_info) -> JsResult<napi_value> {
    let [group_keys, order_keys, values, separator] = env.args::<4>(info)?;
    let group_keys = columns(env, group_keys, "groupConcat group key")?;
    let order_keys = columns(env, order_keys, "groupConcat order key")?;
    let values = column(env, values, "groupConcat values")?;
    let separator = env.bytes(separator, "groupConcat separator")?;
    let out = metaxy_kernels::group_concat(&group_keys, &order_keys, &values, separator).map_err(err)?;
    env.tuple(&[
        env.typed_from_vec(out.offsets)?,
        env.typed_from_vec(out.values)?,
        env.null()?,
        env.number(0.0)?,
    ])
}

pub fn take_fixed(env: &Env, info: napi_callback_info) -> JsResult<napi_value> {
    let [col, width, idx] = env.args::<3>(info)?;
    let width = env.index(width, "take width")?;
    if width == 0 {
        return Err("kernels: take width must be at least 1 byte".to_string());
    }
    let chunks = fixed_chunks(env, col, width)?;
    let out = metaxy_kernels::take_fixed(&chunks, indices(env, idx)?).map_err(err)?;
    env.tuple(&[
        env.typed_from_vec(out.values)?,
        optional_bytes(env, out.validity)?,
        env.number(out.null_count as f64)?,
    ])
}

pub fn take_bits(env: &Env, info: napi_callback_info) -> JsResult<napi_value> {
    let [col, idx] = env.args::<2>(info)?;
    let chunks = bit_chunks(env, col)?;
    let out = metaxy_kernels::take_bits(&chunks, indices(env, idx)?).map_err(err)?;
    env.tuple(&[
        env.typed_from_vec(out.values)?,
        optional_bytes(env, out.validity)?,
        env.number(out.null_count as f64)?,
    ])
}

pub fn take_strings(env: &Env, info: napi_callback_info) -> JsResult<napi_value> {
    let [col, idx, large] = env.args::<3>(info)?;
    let metaxy_kernels::Column::Str(chunks) = column(env, col, "take column")? else {
        return Err("kernels: takeStrings needs a string column".to_string());
    };
    let large = env.boolean(large, "take large")?;
    let out = metaxy_kernels::take_strings(&chunks, indices(env, idx)?, large).map_err(err)?;
    let offsets = match out.offsets {
        TakeOffsets::I32(o) => env.typed_from_vec(o)?,
        TakeOffsets::I64(o) => env.typed_from_vec(o)?,
    };
    env.tuple(&[
        offsets,
        env.typed_from_vec(out.values)?,
        optional_bytes(env, out.validity)?,
        env.number(out.null_count as f64)?,
    ])
}

pub fn panic_for_tests(_env: &Env, _info: napi_callback_info) -> JsResult<napi_value> {
    panic!("deliberate panic from __panic()");
}
