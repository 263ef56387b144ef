//! Safe wrappers over the raw N-API calls: read arguments (numbers, strings, arrays, typed arrays
//! borrowed without copying) and create results (typed arrays that take ownership of Rust vectors).
//! Every failure is a `String` that the entry point throws as a JS error.

use std::any::Any;
use std::ffi::{c_void, CString};
use std::ptr::{null_mut, NonNull};

use crate::napi::*;

/// An error message for JavaScript.
pub type JsResult<T> = Result<T, String>;

/// The environment of one call; borrowed typed-array slices live as long as it does.
pub struct Env {
    raw: napi_env,
}

fn check(status: napi_status, what: &str) -> JsResult<()> {
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

/// A Rust element type that maps to a JS typed array type.
pub trait Element: Copy + Send + 'static {
    const KIND: i32;
}
impl Element for u8 {
    const KIND: i32 = typedarray::UINT8;
}
impl Element for i32 {
    const KIND: i32 = typedarray::INT32;
}
impl Element for i64 {
    const KIND: i32 = typedarray::BIGINT64;
}

/// Frees a vector handed to V8 as an external array buffer.
unsafe extern "C" fn drop_owner(_env: napi_env, _data: *mut c_void, hint: *mut c_void) {
    drop(Box::from_raw(hint as *mut Box<dyn Any + Send>));
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

    /// A typed array that owns `v`'s buffer (no copy where the runtime allows external buffers).
    pub fn typed_from_vec<T: Element>(&self, v: Vec<T>) -> JsResult<napi_value> {
        let len = v.len();
        let bytes = std::mem::size_of_val(v.as_slice());
        let mut buffer = null_mut();
        let mut external = false;
        if bytes > 0 {
            let data = v.as_ptr() as *mut c_void;
            let owner: Box<Box<dyn Any + Send>> = Box::new(Box::new(v));
            let hint = Box::into_raw(owner);
            let status = unsafe {
                napi_create_external_arraybuffer(
                    self.raw,
                    data,
                    bytes,
                    Some(drop_owner),
                    hint.cast(),
                    &mut buffer,
                )
            };
            if status == NAPI_OK {
                external = true;
            } else {
                let owner = unsafe { Box::from_raw(hint) };
                if status != NAPI_NO_EXTERNAL_BUFFERS_ALLOWED {
                    return Err(format!(
                        "kernels: N-API create_external_arraybuffer failed with status {status}"
                    ));
                }
                let inner: Box<dyn Any + Send> = *owner;
                let v = inner.downcast::<Vec<T>>().map_err(|_| "kernels: internal owner type".to_string())?;
                buffer =
                    self.copied_buffer(unsafe { std::slice::from_raw_parts(v.as_ptr().cast(), bytes) })?;
            }
        }
        if !external && bytes == 0 {
            buffer = self.copied_buffer(&[])?;
        }
        let mut out = null_mut();
        check(
            unsafe { napi_create_typedarray(self.raw, T::KIND, len, buffer, 0, &mut out) },
            "create_typedarray",
        )?;
        Ok(out)
    }

    fn copied_buffer(&self, bytes: &[u8]) -> JsResult<napi_value> {
        let (mut data, mut buffer) = (null_mut::<c_void>(), null_mut());
        check(
            unsafe { napi_create_arraybuffer(self.raw, bytes.len(), &mut data, &mut buffer) },
            "create_arraybuffer",
        )?;
        if !bytes.is_empty() {
            unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), data.cast::<u8>(), bytes.len()) };
        }
        Ok(buffer)
    }

    /// `null`.
    pub fn null(&self) -> JsResult<napi_value> {
        let mut v = null_mut();
        check(unsafe { napi_get_null(self.raw, &mut v) }, "get_null")?;
        Ok(v)
    }

    /// A JS number.
    pub fn number(&self, n: f64) -> JsResult<napi_value> {
        let mut v = null_mut();
        check(unsafe { napi_create_double(self.raw, n, &mut v) }, "create_double")?;
        Ok(v)
    }

    /// A JS string.
    pub fn str(&self, s: &str) -> JsResult<napi_value> {
        let mut v = null_mut();
        check(
            unsafe { napi_create_string_utf8(self.raw, s.as_ptr().cast(), s.len(), &mut v) },
            "create_string",
        )?;
        Ok(v)
    }

    /// A JS array of `items`.
    pub fn tuple(&self, items: &[napi_value]) -> JsResult<napi_value> {
        let mut arr = null_mut();
        check(unsafe { napi_create_array_with_length(self.raw, items.len(), &mut arr) }, "create_array")?;
        for (i, &item) in items.iter().enumerate() {
            check(unsafe { napi_set_element(self.raw, arr, i as u32, item) }, "set_element")?;
        }
        Ok(arr)
    }

    /// Throws a JS `Error` with `code: "KERNEL"` unless one is already pending.
    pub fn throw(&self, message: &str) {
        let mut pending = false;
        unsafe { napi_is_exception_pending(self.raw, &mut pending) };
        if pending {
            return;
        }
        let msg = CString::new(message.replace('\0', "\\0")).unwrap_or_default();
        unsafe { napi_throw_error(self.raw, c"KERNEL".as_ptr(), msg.as_ptr()) };
    }

    /// Registers `cb` as `exports[name]`.
    pub fn export(&self, exports: napi_value, name: &str, cb: napi_callback) -> JsResult<()> {
        let cname = CString::new(name).map_err(|_| "kernels: export name".to_string())?;
        let mut f = null_mut();
        check(
            unsafe { napi_create_function(self.raw, cname.as_ptr(), name.len(), cb, null_mut(), &mut f) },
            "create_function",
        )?;
        self.set(exports, name, f)
    }

    /// Sets `object[name] = value`.
    pub fn set(&self, object: napi_value, name: &str, value: napi_value) -> JsResult<()> {
        let cname = CString::new(name).map_err(|_| "kernels: property name".to_string())?;
        check(
            unsafe { napi_set_named_property(self.raw, object, cname.as_ptr(), value) },
            "set_named_property",
        )
    }
}
