//! Safe wrappers over the raw N-API calls that read arguments: numbers, strings, arrays, and typed
//! arrays borrowed without copying. Results are built in `output.rs`. Every failure is a `String`
//! that the entry point throws as a JS error.

use std::ffi::c_void;
use std::ptr::{null_mut, NonNull};

use crate::napi::*;

/// An error message for JavaScript.
pub type JsResult<T> = Result<T, String>;

/// The environment of one call; borrowed typed-array slices live as long as it does.
pub struct Env {
    pub(crate) raw: napi_env,
}

pub(crate) fn check(status: napi_status, what: &str) -> JsResult<()> {
    if status == NAPI_OK {
        Ok(())
    } else {
        Err(format!("kernels: N-API {what} failed with status {status}"))
    }
}

/// A borrowed typed array, by element type.
pub enum Typed<'a> {
    I8(&'a [i8]),
    U8(&'a [u8]),
    I16(&'a [i16]),
    U16(&'a [u16]),
    I32(&'a [i32]),
    U32(&'a [u32]),
    I64(&'a [i64]),
    U64(&'a [u64]),
    Float(&'a [u8]),
}

impl Env {
    pub fn new(raw: napi_env) -> Self {
        Env { raw }
    }

    /// The first `N` call arguments (missing ones are `undefined`).
    pub fn args<const N: usize>(&self, info: napi_callback_info) -> JsResult<[napi_value; N]> {
        let mut argv = [null_mut(); N];
        let mut argc = N;
        check(
            unsafe { napi_get_cb_info(self.raw, info, &mut argc, argv.as_mut_ptr(), null_mut(), null_mut()) },
            "get_cb_info",
        )?;
        Ok(argv)
    }

    fn type_of(&self, v: napi_value) -> JsResult<i32> {
        let mut t = 0;
        check(unsafe { napi_typeof(self.raw, v, &mut t) }, "typeof")?;
        Ok(t)
    }

    /// True for `null` and `undefined`.
    pub fn is_nullish(&self, v: napi_value) -> JsResult<bool> {
        Ok(matches!(self.type_of(v)?, valuetype::NULL | valuetype::UNDEFINED))
    }

    /// A JS number that is an integer ≥ `min`.
    pub fn integer(&self, v: napi_value, min: i64, what: &str) -> JsResult<i64> {
        if self.type_of(v)? != valuetype::NUMBER {
            return Err(format!("kernels: {what} must be a number"));
        }
        let mut f = 0.0;
        check(unsafe { napi_get_value_double(self.raw, v, &mut f) }, "get_value_double")?;
        if f.fract() != 0.0 || f < min as f64 || f > 9_007_199_254_740_991.0 {
            return Err(format!("kernels: {what} must be an integer ≥ {min}, got {f}"));
        }
        Ok(f as i64)
    }

    /// A JS number that is a non-negative integer.
    pub fn index(&self, v: napi_value, what: &str) -> JsResult<usize> {
        Ok(self.integer(v, 0, what)? as usize)
    }

    /// A JS boolean.
    pub fn boolean(&self, v: napi_value, what: &str) -> JsResult<bool> {
        if self.type_of(v)? != valuetype::BOOLEAN {
            return Err(format!("kernels: {what} must be a boolean"));
        }
        let mut b = false;
        check(unsafe { napi_get_value_bool(self.raw, v, &mut b) }, "get_value_bool")?;
        Ok(b)
    }

    /// A JS string.
    pub fn string(&self, v: napi_value, what: &str) -> JsResult<String> {
        if self.type_of(v)? != valuetype::STRING {
            return Err(format!("kernels: {what} must be a string"));
        }
        let mut len = 0;
        check(unsafe { napi_get_value_string_utf8(self.raw, v, null_mut(), 0, &mut len) }, "string length")?;
        let mut buf = vec![0u8; len + 1];
        check(
            unsafe { napi_get_value_string_utf8(self.raw, v, buf.as_mut_ptr().cast(), len + 1, &mut len) },
            "get_value_string_utf8",
        )?;
        buf.truncate(len);
        String::from_utf8(buf).map_err(|_| format!("kernels: {what} is not valid UTF-8"))
    }

    /// The elements of a JS array.
    pub fn array(&self, v: napi_value, what: &str) -> JsResult<Vec<napi_value>> {
        let mut is = false;
        check(unsafe { napi_is_array(self.raw, v, &mut is) }, "is_array")?;
        if !is {
            return Err(format!("kernels: {what} must be an array"));
        }
        let mut n = 0u32;
        check(unsafe { napi_get_array_length(self.raw, v, &mut n) }, "get_array_length")?;
        (0..n)
            .map(|i| {
                let mut e = null_mut();
                check(unsafe { napi_get_element(self.raw, v, i, &mut e) }, "get_element")?;
                Ok(e)
            })
            .collect()
    }

    /// True when `v` is a typed array.
    pub fn is_typed(&self, v: napi_value) -> JsResult<bool> {
        let mut is = false;
        check(unsafe { napi_is_typedarray(self.raw, v, &mut is) }, "is_typedarray")?;
        Ok(is)
    }

    /// Borrows a typed array's elements without copying.
    pub fn typed(&self, v: napi_value, what: &str) -> JsResult<Typed<'_>> {
        if !self.is_typed(v)? {
            return Err(format!("kernels: {what} must be a typed array"));
        }
        let (mut kind, mut len, mut data) = (0, 0usize, null_mut::<c_void>());
        check(
            unsafe {
                napi_get_typedarray_info(self.raw, v, &mut kind, &mut len, &mut data, null_mut(), null_mut())
            },
            "get_typedarray_info",
        )?;
        unsafe fn view<'a, T>(data: *mut c_void, len: usize, what: &str) -> JsResult<&'a [T]> {
            // An empty typed array may report a null pointer; slices need a non-null, aligned one.
            let ptr = if len == 0 { NonNull::<T>::dangling().as_ptr() } else { data.cast::<T>() };
            if (ptr as usize) % std::mem::align_of::<T>() != 0 {
                return Err(format!("kernels: {what} is not aligned to its element size"));
            }
            Ok(std::slice::from_raw_parts(ptr, len))
        }
        unsafe {
            Ok(match kind {
                typedarray::INT8 => Typed::I8(view(data, len, what)?),
                typedarray::UINT8 | typedarray::UINT8_CLAMPED => Typed::U8(view(data, len, what)?),
                typedarray::INT16 => Typed::I16(view(data, len, what)?),
                typedarray::UINT16 => Typed::U16(view(data, len, what)?),
                typedarray::INT32 => Typed::I32(view(data, len, what)?),
                typedarray::UINT32 => Typed::U32(view(data, len, what)?),
                typedarray::BIGINT64 => Typed::I64(view(data, len, what)?),
                typedarray::BIGUINT64 => Typed::U64(view(data, len, what)?),
                typedarray::FLOAT32 => Typed::Float(view(data, len * 4, what)?),
                typedarray::FLOAT64 => Typed::Float(view(data, len * 8, what)?),
                other => return Err(format!("kernels: {what} has unsupported typed array type {other}")),
            })
        }
    }

    /// Borrows a `Uint8Array`.
    pub fn bytes(&self, v: napi_value, what: &str) -> JsResult<&[u8]> {
        match self.typed(v, what)? {
            Typed::U8(b) => Ok(b),
            _ => Err(format!("kernels: {what} must be a Uint8Array")),
        }
    }

    /// Borrows the raw bytes of any typed array.
    pub fn raw_bytes(&self, v: napi_value, what: &str) -> JsResult<&[u8]> {
        fn bytes_of<T>(s: &[T]) -> &[u8] {
            unsafe { std::slice::from_raw_parts(s.as_ptr().cast(), std::mem::size_of_val(s)) }
        }
        Ok(match self.typed(v, what)? {
            Typed::I8(s) => bytes_of(s),
            Typed::U8(s) => s,
            Typed::I16(s) => bytes_of(s),
            Typed::U16(s) => bytes_of(s),
            Typed::I32(s) => bytes_of(s),
            Typed::U32(s) => bytes_of(s),
            Typed::I64(s) => bytes_of(s),
            Typed::U64(s) => bytes_of(s),
            Typed::Float(s) => s,
        })
    }
}
