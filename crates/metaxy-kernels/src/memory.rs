//! Large scratch tables. Hash tables of millions of slots are touched at random, so on Linux they
//! ask for transparent huge pages: one page fault and one TLB entry per 2 MiB instead of per 4 KiB
//! (a third of a 1M-row join's time went to page faults without it).

/// A vector of `len` copies of `value`, backed by huge pages where the OS offers them.
pub(crate) fn filled<T: Clone>(len: usize, value: T) -> Vec<T> {
    let mut v: Vec<T> = Vec::with_capacity(len);
    advise_huge(v.as_mut_ptr().cast(), len * std::mem::size_of::<T>());
    v.resize(len, value);
    v
}

/// An empty vector with room for `len` elements, backed by huge pages where the OS offers them.
/// Its pages are faulted in by whoever first writes them (each worker thread pays for its own).
pub(crate) fn with_capacity<T>(len: usize) -> Vec<T> {
    let mut v: Vec<T> = Vec::with_capacity(len);
    advise_huge(v.as_mut_ptr().cast(), len * std::mem::size_of::<T>());
    v
}

#[cfg(target_os = "linux")]
fn advise_huge(ptr: *mut u8, bytes: usize) {
    const HUGE: usize = 2 << 20;
    const MADV_HUGEPAGE: i32 = 14;
    extern "C" {
        fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32;
    }
    if bytes < 2 * HUGE {
        return;
    }
    // madvise wants page-aligned ranges; only whole 2 MiB blocks inside the buffer can be huge.
    let start = (ptr as usize).next_multiple_of(HUGE);
    let end = (ptr as usize + bytes) / HUGE * HUGE;
    if end > start {
        // SAFETY: the range lies inside this process's own allocation; the advice changes only
        // how the kernel backs it, never its contents. A failure is harmless and ignored.
        unsafe {
            madvise(start as *mut std::ffi::c_void, end - start, MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge(_ptr: *mut u8, _bytes: usize) {}
