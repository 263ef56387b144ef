//! `decodeParquetChunks(chunks, threads)`: each chunk is `[bytes: Uint8Array, physical, typeLength,
//! codec, maxDef, maxRep, numValues]` (Parquet's own enum numbers); the result is one
//! `[def: Uint8Array | null, rep: Uint8Array | null, values: Uint8Array, offsets: Int32Array | null,
//! count]` per chunk, in input order. The chunk bytes are borrowed; results are handed over
//! without copying. Core errors (`parquet: …`) are thrown as `kernels: parquet: …`.

use metaxy_kernels::parquet::{decode_chunks, ChunkSpec, Codec, Physical};

use crate::entries::optional_bytes;
use crate::env::{Env, JsResult};
use crate::napi::{napi_callback_info, napi_value};

fn core(e: metaxy_kernels::KernelError) -> String {
    format!("kernels: {}", e.0)
}

fn int32(env: &Env, v: napi_value, what: &str) -> JsResult<i32> {
    let n = env.integer(v, i64::from(i32::MIN), what)?;
    i32::try_from(n).map_err(|_| format!("kernels: {what} must fit an Int32, got {n}"))
}

fn level(env: &Env, v: napi_value, what: &str) -> JsResult<u8> {
    let n = env.index(v, what)?;
    u8::try_from(n).map_err(|_| format!("kernels: {what} must be at most 255, got {n}"))
}

fn spec<'e>(env: &'e Env, v: napi_value, i: usize) -> JsResult<ChunkSpec<'e>> {
    let what = format!("decodeParquetChunks chunk {i}");
    let items = env.array(v, &what)?;
    let [bytes, physical, type_length, codec, max_def, max_rep, num_values] = items[..] else {
        return Err(format!(
            "kernels: {what} must be [bytes, physical, typeLength, codec, maxDef, maxRep, numValues]"
        ));
    };
    let physical = int32(env, physical, &format!("{what} physical type"))?;
    let type_length = int32(env, type_length, &format!("{what} type length"))?;
    Ok(ChunkSpec {
        bytes: env.bytes(bytes, &format!("{what} bytes"))?,
        physical: Physical::from_parquet(physical, type_length).map_err(core)?,
        codec: Codec::from_parquet(int32(env, codec, &format!("{what} codec"))?).map_err(core)?,
        max_def: level(env, max_def, &format!("{what} maxDef"))?,
        max_rep: level(env, max_rep, &format!("{what} maxRep"))?,
        num_values: env.index(num_values, &format!("{what} numValues"))?,
    })
}

pub fn decode_parquet_chunks(env: &Env, info: napi_callback_info) -> JsResult<napi_value> {
    let [chunks, threads] = env.args::<2>(info)?;
    let specs = env
        .array(chunks, "decodeParquetChunks chunks")?
        .into_iter()
        .enumerate()
        .map(|(i, c)| spec(env, c, i))
        .collect::<JsResult<Vec<_>>>()?;
    let threads = env.index(threads, "decodeParquetChunks threads")?.max(1);
    let decoded = decode_chunks(&specs, threads).map_err(core)?;
    let out = decoded
        .into_iter()
        .map(|d| {
            let offsets = match d.offsets {
                Some(o) => env.typed_from_vec(o)?,
                None => env.null()?,
            };
            env.tuple(&[
                optional_bytes(env, d.def)?,
                optional_bytes(env, d.rep)?,
                env.typed_from_vec(d.values)?,
                offsets,
                env.number(d.count as f64)?,
            ])
        })
        .collect::<JsResult<Vec<_>>>()?;
    env.tuple(&out)
}
