//! The one error type of the kernels: a message that names the offending values. The binding turns
//! it into a JS exception whose message starts with `kernels:`.

use std::fmt;

/// Invalid input to a kernel (mismatched lengths, unsupported key types, malformed buffers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KernelError(pub String);

impl KernelError {
    /// Builds an error from any message.
    pub fn new(message: impl Into<String>) -> Self {
        KernelError(message.into())
    }
}

impl fmt::Display for KernelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for KernelError {}

/// Result of every fallible kernel.
pub type Result<T> = std::result::Result<T, KernelError>;

/// Returns early with a formatted [`KernelError`].
#[macro_export]
macro_rules! bail {
    ($($arg:tt)*) => {
        return Err($crate::error::KernelError::new(format!($($arg)*)))
    };
}
