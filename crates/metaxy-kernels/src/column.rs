//! Borrowed views of Arrow column buffers. A column is a list of chunks (Arrow `Data`), each with
//! its own validity bitmap whose bit 0 may sit at a non-zero bit offset (a sliced chunk keeps its
//! parent's bitmap). Views are validated on construction so the kernels can index without checks
//! beyond Rust's own bounds checks.

use crate::bail;
use crate::error::Result;

/// A validity bitmap (1 = valid) whose row 0 is bit `offset`.
#[derive(Clone, Copy, Debug)]
pub struct Validity<'a> {
    bits: &'a [u8],
    offset: usize,
    len: usize,
}

impl<'a> Validity<'a> {
    /// Checks that the bitmap covers `len` rows from `offset`.
    pub fn new(bits: &'a [u8], offset: usize, len: usize) -> Result<Self> {
        if (offset + len).div_ceil(8) > bits.len() {
            bail!(
                "kernels: validity bitmap of {} bytes is too short for {len} rows at bit offset {offset}",
                bits.len()
            );
        }
        Ok(Validity { bits, offset, len })
    }

    /// True when row `i` is valid.
    #[inline(always)]
    pub fn is_valid(&self, i: usize) -> bool {
        let bit = self.offset + i;
        self.bits[bit >> 3] & (1 << (bit & 7)) != 0
    }

    /// The bitmap and the bit of row 0, for kernels that test bits themselves (`new` proved that
    /// the bitmap covers `len` rows from there).
    #[inline(always)]
    pub(crate) fn raw(&self) -> (&'a [u8], usize) {
        (self.bits, self.offset)
    }

    /// [`Self::is_valid`] for `i < len` without a bounds check.
    #[inline(always)]
    fn is_valid_in_range(&self, i: usize) -> bool {
        debug_assert!(i < self.len);
        let bit = self.offset + i;
        // SAFETY: `new` checked that the bitmap covers bits offset..offset + len, and i < len.
        unsafe { self.bits.get_unchecked(bit >> 3) & (1 << (bit & 7)) != 0 }
    }
}

#[inline(always)]
fn valid_at(validity: &Option<Validity<'_>>, i: usize) -> bool {
    match validity {
        None => true,
        Some(v) => v.is_valid(i),
    }
}

/// Arrow offsets: Utf8 uses 32-bit, LargeUtf8 64-bit.
#[derive(Clone, Copy, Debug)]
pub enum Offsets<'a> {
    I32(&'a [i32]),
    I64(&'a [i64]),
}

impl Offsets<'_> {
    fn len(&self) -> usize {
        match self {
            Offsets::I32(o) => o.len(),
            Offsets::I64(o) => o.len(),
        }
    }

    #[inline(always)]
    fn at(&self, i: usize) -> i64 {
        match self {
            Offsets::I32(o) => i64::from(o[i]),
            Offsets::I64(o) => o[i],
        }
    }
}

/// One chunk of a Utf8 / LargeUtf8 column. Offsets are absolute positions in `values` and may be
/// longer than `len + 1` (IPC padding); only the first `len + 1` are read. The fields are private:
/// `new` proves the offsets sound once, so row access in the hot loops needs no bounds checks.
#[derive(Clone, Copy, Debug)]
pub struct StrChunk<'a> {
    len: usize,
    offsets: Offsets<'a>,
    values: &'a [u8],
    validity: Option<Validity<'a>>,
}

/// True when `offsets[..=len]` never decreases, starts at ≥ 0 and ends within `size` bytes. This
/// runs over every offset of every chunk on every native call, so it is branch-free over the pairs
/// (the compiler vectorises it; an early-exit loop ran a tenth of a 1M-row `hashRows`).
fn offsets_sound<T: Copy + Into<i64> + PartialOrd>(offsets: &[T], len: usize, size: usize) -> bool {
    let o = &offsets[..=len];
    let backwards = o[1..].iter().zip(&o[..len]).fold(false, |bad, (next, prev)| bad | (next < prev));
    o[0].into() >= 0 && o[len].into() <= size as i64 && !backwards
}

impl<'a> StrChunk<'a> {
    /// Validates the chunk: enough offsets, never decreasing, within `values`, and a validity
    /// bitmap (when given) covering `len` rows.
    pub fn new(
        len: usize,
        offsets: Offsets<'a>,
        values: &'a [u8],
        validity: Option<Validity<'a>>,
    ) -> Result<Self> {
        if offsets.len() < len + 1 {
            bail!("kernels: a string chunk of {len} rows needs {} offsets, got {}", len + 1, offsets.len());
        }
        let sound = match offsets {
            Offsets::I32(o) => offsets_sound(o, len, values.len()),
            Offsets::I64(o) => offsets_sound(o, len, values.len()),
        };
        if !sound {
            bail!(
                "kernels: string offsets {}..{} go backwards or fall outside the {}-byte values buffer",
                offsets.at(0),
                offsets.at(len),
                values.len()
            );
        }
        if let Some(v) = &validity {
            if v.len < len {
                bail!("kernels: validity bitmap covers {} rows, the string chunk has {len}", v.len);
            }
        }
        Ok(StrChunk { len, offsets, values, validity })
    }

    /// Number of rows.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the chunk has no rows.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The validated buffers, for kernels that walk rows themselves: `offsets[..=len]` never
    /// decrease and lie within `values`; the validity bitmap (when given) covers `len` rows.
    #[inline(always)]
    pub(crate) fn raw(&self) -> (Offsets<'a>, &'a [u8], Option<Validity<'a>>) {
        (self.offsets, self.values, self.validity)
    }

    /// Row `i`'s bytes, or `None` when it is null. Panics when `i` is out of range.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<&'a [u8]> {
        assert!(i < self.len, "kernels: row {i} of a {}-row string chunk", self.len);
        if let Some(v) = &self.validity {
            if !v.is_valid_in_range(i) {
                return None;
            }
        }
        Some(self.bytes_in_range(i))
    }

    /// Row `i`'s bytes, whether or not it is null. Panics when `i` is out of range.
    #[inline(always)]
    pub fn bytes(&self, i: usize) -> &'a [u8] {
        assert!(i < self.len, "kernels: row {i} of a {}-row string chunk", self.len);
        self.bytes_in_range(i)
    }

    #[inline(always)]
    fn bytes_in_range(&self, i: usize) -> &'a [u8] {
        debug_assert!(i < self.len);
        // SAFETY: i < len, and `new` proved offsets[0..=len] non-decreasing and within `values`.
        unsafe {
            let (a, b) = match self.offsets {
                Offsets::I32(o) => (*o.get_unchecked(i) as usize, *o.get_unchecked(i + 1) as usize),
                Offsets::I64(o) => (*o.get_unchecked(i) as usize, *o.get_unchecked(i + 1) as usize),
            };
            self.values.get_unchecked(a..b)
        }
    }
}

/// Integer values of one chunk, in their Arrow width and signedness.
#[derive(Clone, Copy, Debug)]
pub enum IntValues<'a> {
    I8(&'a [i8]),
    I16(&'a [i16]),
    I32(&'a [i32]),
    I64(&'a [i64]),
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
    U64(&'a [u64]),
}

impl IntValues<'_> {
    fn len(&self) -> usize {
        match self {
            IntValues::I8(v) => v.len(),
            IntValues::I16(v) => v.len(),
            IntValues::I32(v) => v.len(),
            IntValues::I64(v) => v.len(),
            IntValues::U8(v) => v.len(),
            IntValues::U16(v) => v.len(),
            IntValues::U32(v) => v.len(),
            IntValues::U64(v) => v.len(),
        }
    }
}

/// One chunk of an integer column (any width and signedness; timestamps are Int64). `values[0]`
/// is row 0 of the chunk.
#[derive(Clone, Copy, Debug)]
pub struct IntChunk<'a> {
    pub len: usize,
    pub values: IntValues<'a>,
    pub validity: Option<Validity<'a>>,
}

impl<'a> IntChunk<'a> {
    /// Validates that `values` holds `len` rows.
    pub fn new(len: usize, values: IntValues<'a>, validity: Option<Validity<'a>>) -> Result<Self> {
        if values.len() < len {
            bail!("kernels: an integer chunk of {len} rows has only {} values", values.len());
        }
        Ok(IntChunk { len, values, validity })
    }

    /// True when row `i` is valid.
    #[inline(always)]
    pub fn is_valid(&self, i: usize) -> bool {
        valid_at(&self.validity, i)
    }

    /// Appends every row as an `i128` (exact for every width) to `out`, nulls as 0.
    pub fn extend_i128(&self, out: &mut Vec<i128>) {
        let n = self.len;
        match self.values {
            IntValues::I8(v) => out.extend(v[..n].iter().map(|&x| i128::from(x))),
            IntValues::I16(v) => out.extend(v[..n].iter().map(|&x| i128::from(x))),
            IntValues::I32(v) => out.extend(v[..n].iter().map(|&x| i128::from(x))),
            IntValues::I64(v) => out.extend(v[..n].iter().map(|&x| i128::from(x))),
            IntValues::U8(v) => out.extend(v[..n].iter().map(|&x| i128::from(x))),
            IntValues::U16(v) => out.extend(v[..n].iter().map(|&x| i128::from(x))),
            IntValues::U32(v) => out.extend(v[..n].iter().map(|&x| i128::from(x))),
            IntValues::U64(v) => out.extend(v[..n].iter().map(|&x| i128::from(x))),
        }
    }

    /// Appends every row's two's-complement 64-bit pattern to `out`; returns whether any value is
    /// negative and whether any is an unsigned value ≥ 2^63 (the two ranges whose patterns collide).
    pub fn extend_bits(&self, out: &mut Vec<u64>) -> (bool, bool) {
        let n = self.len;
        let valid = |i: usize| valid_at(&self.validity, i);
        let mut neg = false;
        let mut big = false;
        macro_rules! signed {
            ($v:expr) => {{
                out.extend($v[..n].iter().map(|&x| x as i64 as u64));
                neg = $v[..n].iter().enumerate().any(|(i, &x)| x < 0 && valid(i));
            }};
        }
        match self.values {
            IntValues::I8(v) => signed!(v),
            IntValues::I16(v) => signed!(v),
            IntValues::I32(v) => signed!(v),
            IntValues::I64(v) => signed!(v),
            IntValues::U8(v) => out.extend(v[..n].iter().map(|&x| u64::from(x))),
            IntValues::U16(v) => out.extend(v[..n].iter().map(|&x| u64::from(x))),
            IntValues::U32(v) => out.extend(v[..n].iter().map(|&x| u64::from(x))),
            IntValues::U64(v) => {
                out.extend_from_slice(&v[..n]);
                big = v[..n].iter().enumerate().any(|(i, &x)| x >> 63 != 0 && valid(i));
            }
        }
        (neg, big)
    }
}

/// A whole column: its chunks in row order, all of one kind.
#[derive(Clone, Debug)]
pub enum Column<'a> {
    Int(Vec<IntChunk<'a>>),
    Str(Vec<StrChunk<'a>>),
}

impl<'a> Column<'a> {
    /// Total row count over all chunks.
    pub fn len(&self) -> usize {
        match self {
            Column::Int(c) => c.iter().map(|c| c.len).sum(),
            Column::Str(c) => c.iter().map(|c| c.len).sum(),
        }
    }

    /// True when the column has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `"integer"` or `"string"`, for messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            Column::Int(_) => "integer",
            Column::Str(_) => "string",
        }
    }
}

/// Flattens a chunked string column into one slice per row plus a validity flag per row.
pub fn flatten_strings<'a>(chunks: &[StrChunk<'a>]) -> (Vec<&'a [u8]>, Vec<bool>) {
    let n = chunks.iter().map(|c| c.len).sum();
    let mut vals = Vec::with_capacity(n);
    let mut valid = Vec::with_capacity(n);
    for c in chunks {
        for i in 0..c.len {
            vals.push(c.bytes_in_range(i));
            valid.push(c.validity.as_ref().is_none_or(|v| v.is_valid_in_range(i)));
        }
    }
    (vals, valid)
}

/// Validity flag of every row of a chunked integer column.
pub fn int_validity(chunks: &[IntChunk<'_>]) -> Vec<bool> {
    let mut valid = Vec::with_capacity(chunks.iter().map(|c| c.len).sum());
    for c in chunks {
        match &c.validity {
            None => valid.extend(std::iter::repeat_n(true, c.len)),
            Some(v) => valid.extend((0..c.len).map(|i| v.is_valid(i))),
        }
    }
    valid
}

/// True when no chunk has a validity bitmap with a null in it.
pub fn int_all_valid(chunks: &[IntChunk<'_>]) -> bool {
    chunks.iter().all(|c| c.validity.is_none() || (0..c.len).all(|i| c.is_valid(i)))
}
