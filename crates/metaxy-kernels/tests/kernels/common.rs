//! Owned Arrow-like buffers for tests, lent out as the kernels' borrowed chunk views.
#![allow(dead_code)]

use metaxy_kernels::{Column, IntChunk, IntValues, Offsets, StrChunk, Validity};

/// A string chunk with a validity bitmap whose row 0 sits at bit `bit_offset`, and offsets that
/// start at a non-zero position (as in a sliced Arrow chunk) and carry trailing padding.
pub struct Strs {
    pub len: usize,
    pub offsets: Vec<i32>,
    pub offsets64: Vec<i64>,
    pub values: Vec<u8>,
    pub bits: Option<Vec<u8>>,
    pub bit_offset: usize,
}

impl Strs {
    pub fn new(rows: &[Option<&str>]) -> Self {
        Self::with_bit_offset(rows, 5)
    }

    pub fn with_bit_offset(rows: &[Option<&str>], bit_offset: usize) -> Self {
        let mut values = b"junk".to_vec();
        let mut offsets = vec![values.len() as i32];
        let any_null = rows.iter().any(Option::is_none);
        let mut bits = vec![0u8; (bit_offset + rows.len()).div_ceil(8) + 1];
        for (i, r) in rows.iter().enumerate() {
            if let Some(s) = r {
                values.extend_from_slice(s.as_bytes());
                let b = bit_offset + i;
                bits[b >> 3] |= 1 << (b & 7);
            }
            offsets.push(values.len() as i32);
        }
        offsets.push(0); // IPC-style padding after the last offset
        values.extend_from_slice(b"tail");
        let offsets64 = offsets.iter().map(|&o| i64::from(o)).collect();
        Strs { len: rows.len(), offsets, offsets64, values, bits: any_null.then_some(bits), bit_offset }
    }

    fn validity(&self) -> Option<Validity<'_>> {
        self.bits.as_ref().map(|b| Validity::new(b, self.bit_offset, self.len).unwrap())
    }

    pub fn chunk(&self) -> StrChunk<'_> {
        StrChunk::new(self.len, Offsets::I32(&self.offsets), &self.values, self.validity()).unwrap()
    }

    pub fn large_chunk(&self) -> StrChunk<'_> {
        StrChunk::new(self.len, Offsets::I64(&self.offsets64), &self.values, self.validity()).unwrap()
    }

    pub fn column(&self) -> Column<'_> {
        Column::Str(vec![self.chunk()])
    }
}

/// Several string chunks forming one column.
pub fn str_column<'a>(parts: &'a [Strs], large: bool) -> Column<'a> {
    Column::Str(parts.iter().map(|p| if large { p.large_chunk() } else { p.chunk() }).collect())
}

/// An integer chunk of any width, with nulls given as `None`.
pub struct Ints<T> {
    pub values: Vec<T>,
    pub bits: Option<Vec<u8>>,
}

impl<T: Copy + Default> Ints<T> {
    pub fn new(rows: &[Option<T>]) -> Self {
        let values = rows.iter().map(|r| r.unwrap_or_default()).collect();
        let any_null = rows.iter().any(Option::is_none);
        let mut bits = vec![0u8; (rows.len() + 3).div_ceil(8)];
        for (i, r) in rows.iter().enumerate() {
            if r.is_some() {
                let b = i + 3;
                bits[b >> 3] |= 1 << (b & 7);
            }
        }
        Ints { values, bits: any_null.then_some(bits) }
    }

    fn validity(&self) -> Option<Validity<'_>> {
        self.bits.as_ref().map(|b| Validity::new(b, 3, self.values.len()).unwrap())
    }
}

macro_rules! int_chunk {
    ($t:ty, $variant:ident) => {
        impl Ints<$t> {
            pub fn chunk(&self) -> IntChunk<'_> {
                IntChunk::new(self.values.len(), IntValues::$variant(&self.values), self.validity()).unwrap()
            }
            pub fn column(&self) -> Column<'_> {
                Column::Int(vec![self.chunk()])
            }
        }
    };
}
int_chunk!(i8, I8);
int_chunk!(i16, I16);
int_chunk!(i32, I32);
int_chunk!(i64, I64);
int_chunk!(u8, U8);
int_chunk!(u16, U16);
int_chunk!(u32, U32);
int_chunk!(u64, U64);

/// xorshift64*: deterministic pseudo-random numbers for generated cases.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
