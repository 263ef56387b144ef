//! Node-API binding of `metaxy-kernels`, with hand-written N-API declarations (no napi crate: the
//! build has no crates.io). It only converts: typed arrays in (borrowed, zero copy), vectors out
//! (handed to V8 without copying), errors and panics out as JS exceptions. One call works on whole
//! columns. The JS-facing shapes are documented in `convert.rs` and `src/kernels/native.ts`.

mod convert;
mod entries;
mod env;
mod napi;
mod output;
mod parquet;

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};

use env::{Env, JsResult};
use napi::{napi_callback_info, napi_env, napi_value};

/// Bumped whenever the JS-facing shapes change; the loader refuses a module of another version.
pub const API_VERSION: f64 = 2.0;

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Runs one entry point: converts its error or panic into a thrown JS error.
fn entry(
    env: napi_env,
    info: napi_callback_info,
    f: fn(&Env, napi_callback_info) -> JsResult<napi_value>,
) -> napi_value {
    let env = Env::new(env);
    match catch_unwind(AssertUnwindSafe(|| f(&env, info))) {
        Ok(Ok(v)) => v,
        Ok(Err(message)) => {
            env.throw(&message);
            std::ptr::null_mut()
        }
        Err(payload) => {
            let message = LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_else(|| {
                payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".to_string())
            });
            env.throw(&format!("kernels: native kernel failed: {message}"));
            std::ptr::null_mut()
        }
    }
}

macro_rules! exports {
    ($($name:literal => $f:path),* $(,)?) => {
        fn register(env: &Env, exports: napi_value) -> JsResult<()> {
            $({
                unsafe extern "C" fn cb(env: napi_env, info: napi_callback_info) -> napi_value {
                    entry(env, info, $f)
                }
                env.export(exports, $name, Some(cb))?;
            })*
            Ok(())
        }
    };
}

exports! {
    "hashRows" => entries::hash_rows,
    "join" => entries::join,
    "keepLatest" => entries::keep_latest,
    "groupConcat" => entries::group_concat,
    "takeFixed" => entries::take_fixed,
    "takeBits" => entries::take_bits,
    "takeStrings" => entries::take_strings,
    "decodeParquetChunks" => parquet::decode_parquet_chunks,
    "__panic" => entries::panic_for_tests,
}

/// Node's entry point for N-API modules.
///
/// # Safety
/// Called by Node with a valid environment and exports object.
#[no_mangle]
pub unsafe extern "C" fn napi_register_module_v1(env: napi_env, exports: napi_value) -> napi_value {
    // Panics become JS errors; keep the message (with its location) instead of printing it.
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg}{at}")));
    }));
    let e = Env::new(env);
    let result = catch_unwind(AssertUnwindSafe(|| -> JsResult<()> {
        register(&e, exports)?;
        e.set(exports, "apiVersion", e.number(API_VERSION)?)?;
        e.set(exports, "version", e.str(env!("CARGO_PKG_VERSION"))?)
    }));
    match result {
        Ok(Ok(())) => exports,
        Ok(Err(message)) => {
            e.throw(&message);
            std::ptr::null_mut()
        }
        Err(_) => {
            e.throw("kernels: native module registration panicked");
            std::ptr::null_mut()
        }
    }
}
