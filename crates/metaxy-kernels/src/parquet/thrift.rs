//! The Thrift compact protocol, as far as page headers need it: varints, zigzag integers, field
//! headers with delta-encoded ids, and skipping any value (nested structs, lists, sets, maps) so
//! fields this reader does not know (statistics, crc, future additions) cost nothing.

use crate::bail;
use crate::error::Result;

/// Compact-protocol type ids of field headers and collection element headers.
pub mod ttype {
    pub const STOP: u8 = 0;
    pub const TRUE: u8 = 1;
    pub const FALSE: u8 = 2;
    pub const BYTE: u8 = 3;
    pub const I16: u8 = 4;
    pub const I32: u8 = 5;
    pub const I64: u8 = 6;
    pub const DOUBLE: u8 = 7;
    pub const BINARY: u8 = 8;
    pub const LIST: u8 = 9;
    pub const SET: u8 = 10;
    pub const MAP: u8 = 11;
    pub const STRUCT: u8 = 12;
}

/// Nesting deeper than this is rejected, so hostile input cannot exhaust the stack.
const MAX_DEPTH: usize = 32;

/// A cursor over compact-protocol bytes.
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

/// One field header: its id and compact type (booleans carry their value in the type).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub id: i16,
    pub ty: u8,
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }

    /// Bytes consumed so far.
    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn byte(&mut self) -> Result<u8> {
        match self.buf.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => bail!("parquet: thrift data truncated at byte {}", self.pos),
        }
    }

    /// An unsigned LEB128 varint of at most 64 bits.
    pub fn varint(&mut self) -> Result<u64> {
        let start = self.pos;
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            if shift == 63 && b > 1 {
                bail!("parquet: thrift varint at byte {start} overflows 64 bits");
            }
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        bail!("parquet: thrift varint at byte {start} is longer than 10 bytes")
    }

    /// A zigzag-encoded i64.
    pub fn i64(&mut self) -> Result<i64> {
        Ok(zigzag(self.varint()?))
    }

    /// A zigzag-encoded i32 (also used for i16 and enums).
    pub fn i32(&mut self) -> Result<i32> {
        let start = self.pos;
        let v = self.i64()?;
        i32::try_from(v).map_err(|_| {
            crate::error::KernelError::new(format!(
                "parquet: thrift i32 at byte {start} is out of range: {v}"
            ))
        })
    }

    fn skip_bytes(&mut self, n: usize) -> Result<()> {
        if n > self.buf.len() - self.pos {
            bail!("parquet: thrift data truncated at byte {} (needs {n} more bytes)", self.pos);
        }
        self.pos += n;
        Ok(())
    }

    /// The next field header of a struct whose previous field id was `last`, or `None` at STOP.
    pub fn field(&mut self, last: i16) -> Result<Option<Field>> {
        let b = self.byte()?;
        if b == ttype::STOP {
            return Ok(None);
        }
        let ty = b & 0x0f;
        let delta = b >> 4;
        let id = if delta == 0 {
            let v = self.i64()?;
            match i16::try_from(v) {
                Ok(id) => id,
                Err(_) => bail!("parquet: thrift field id {v} is out of range"),
            }
        } else {
            last.wrapping_add(i16::from(delta))
        };
        Ok(Some(Field { id, ty }))
    }

    /// Skips one value of compact type `ty` (a boolean field's value lives in its header).
    pub fn skip(&mut self, ty: u8) -> Result<()> {
        self.skip_at(ty, 0, false)
    }

    /// `in_collection`: booleans inside lists, sets and maps take one byte each.
    fn skip_at(&mut self, ty: u8, depth: usize, in_collection: bool) -> Result<()> {
        if depth > MAX_DEPTH {
            bail!("parquet: thrift data nested deeper than {MAX_DEPTH} levels");
        }
        match ty {
            ttype::TRUE | ttype::FALSE => {
                if in_collection {
                    self.byte()?;
                }
            }
            ttype::BYTE => self.skip_bytes(1)?,
            ttype::I16 | ttype::I32 | ttype::I64 => {
                self.varint()?;
            }
            ttype::DOUBLE => self.skip_bytes(8)?,
            ttype::BINARY => {
                let n = self.varint()?;
                self.skip_bytes(usize::try_from(n).unwrap_or(usize::MAX))?;
            }
            ttype::LIST | ttype::SET => {
                let header = self.byte()?;
                let elem = header & 0x0f;
                let mut n = u64::from(header >> 4);
                if n == 15 {
                    n = self.varint()?;
                }
                for _ in 0..n {
                    self.skip_at(elem, depth + 1, true)?;
                }
            }
            ttype::MAP => {
                let n = self.varint()?;
                if n > 0 {
                    let kv = self.byte()?;
                    for _ in 0..n {
                        self.skip_at(kv >> 4, depth + 1, true)?;
                        self.skip_at(kv & 0x0f, depth + 1, true)?;
                    }
                }
            }
            ttype::STRUCT => {
                let mut last = 0i16;
                while let Some(f) = self.field(last)? {
                    self.skip_at(f.ty, depth + 1, false)?;
                    last = f.id;
                }
            }
            other => bail!("parquet: unknown thrift type {other} at byte {}", self.pos),
        }
        Ok(())
    }
}

/// Zigzag decoding: 0, -1, 1, -2, … from 0, 1, 2, 3, …
pub fn zigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_zigzag() {
        let mut r = Reader::new(&[0x00, 0x7f, 0x80, 0x01, 0xac, 0x02]);
        assert_eq!(r.varint().unwrap(), 0);
        assert_eq!(r.varint().unwrap(), 127);
        assert_eq!(r.varint().unwrap(), 128);
        assert_eq!(r.varint().unwrap(), 300);
        assert!(r.varint().is_err());
        let max = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
        assert_eq!(Reader::new(&max).varint().unwrap(), u64::MAX);
        let over = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02];
        assert!(Reader::new(&over).varint().unwrap_err().0.starts_with("parquet: thrift varint"));
        let long = [0x80; 11];
        assert!(Reader::new(&long).varint().is_err());
        assert_eq!([0, 1, 2, 3, 4].map(zigzag), [0, -1, 1, -2, 2]);
        assert_eq!(zigzag(u64::MAX), i64::MIN);
        assert_eq!(zigzag(u64::MAX - 1), i64::MAX);
        assert_eq!(Reader::new(&[0x03]).i32().unwrap(), -2);
        assert!(Reader::new(&[0x80, 0x80, 0x80, 0x80, 0x20]).i32().is_err());
    }

    #[test]
    fn field_headers_short_and_long_form() {
        // field 1 i32 = 5, field 3 (delta 2) binary "ab", long-form field 300 i64 = -1, stop
        let bytes = [0x15, 0x0a, 0x28, 0x02, b'a', b'b', 0x06, 0xd8, 0x04, 0x01, 0x00];
        let mut r = Reader::new(&bytes);
        let f = r.field(0).unwrap().unwrap();
        assert_eq!(f, Field { id: 1, ty: ttype::I32 });
        assert_eq!(r.i32().unwrap(), 5);
        let f = r.field(1).unwrap().unwrap();
        assert_eq!(f, Field { id: 3, ty: ttype::BINARY });
        r.skip(f.ty).unwrap();
        let f = r.field(3).unwrap().unwrap();
        assert_eq!(f, Field { id: 300, ty: ttype::I64 });
        assert_eq!(r.i64().unwrap(), -1);
        assert_eq!(r.field(300).unwrap(), None);
        assert_eq!(r.position(), bytes.len());
    }

    #[test]
    fn skips_nested_values() {
        let bytes = [
            0x1c, // field 1: struct
            0x11, // field 1 bool true (no payload)
            0x17, 1, 2, 3, 4, 5, 6, 7, 8, // field 2 double
            0x19, 0x35, 0x02, 0x04, 0x06, // field 3 list<i32> of 3
            0x1a, 0x21, 0x01, 0x02, // field 4 set<bool> of 2 (one byte each)
            0x1b, 0x02, 0x58, 0x02, 0x01, b'x', 0x04, 0x00, // field 5 map<i32, binary> of 2
            0x00, // end inner struct
            0x13, 0x7f, // field 2 byte
            0x19, 0xfc, 0x10, // field 3: list of 16 structs via long count
        ];
        let mut v = bytes.to_vec();
        v.extend(std::iter::repeat_n(0x00, 16)); // 16 empty structs
        v.push(0x00); // end outer struct
        let mut r = Reader::new(&v);
        r.skip(ttype::STRUCT).unwrap();
        assert_eq!(r.position(), v.len());
        // Truncations anywhere fail without panicking.
        for cut in 0..v.len() {
            assert!(Reader::new(&v[..cut]).skip(ttype::STRUCT).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn rejects_unknown_types_and_deep_nesting() {
        assert!(Reader::new(&[0x1d]).skip(ttype::STRUCT).unwrap_err().0.contains("unknown thrift type 13"));
        let deep = vec![0x1c; 100];
        assert!(Reader::new(&deep).skip(ttype::STRUCT).unwrap_err().0.contains("nested deeper"));
    }
}
