//! Results for JavaScript: typed arrays that take ownership of Rust vectors (external array
//! buffers, no copy), numbers, strings, arrays, thrown errors, and the module's exports.

use std::any::Any;
use std::ffi::{c_void, CString};
use std::ptr::null_mut;

use crate::env::{check, Env, JsResult};
use crate::napi::*;

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
