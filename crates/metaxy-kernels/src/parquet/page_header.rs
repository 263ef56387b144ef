//! Parquet `PageHeader` (parquet.thrift) as far as decoding needs it; every other field, such as
//! statistics and crc, is skipped.

use super::thrift::{ttype, Field, Reader};
use crate::bail;
use crate::error::Result;

/// `PageType` values.
pub mod page_type {
    pub const DATA_PAGE: i32 = 0;
    pub const INDEX_PAGE: i32 = 1;
    pub const DICTIONARY_PAGE: i32 = 2;
    pub const DATA_PAGE_V2: i32 = 3;
}

/// `DataPageHeader`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataHeader {
    pub num_values: usize,
    pub encoding: i32,
    pub def_encoding: i32,
    pub rep_encoding: i32,
}

/// `DataPageHeaderV2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataHeaderV2 {
    pub num_values: usize,
    pub num_nulls: usize,
    pub num_rows: usize,
    pub encoding: i32,
    pub def_len: usize,
    pub rep_len: usize,
    pub is_compressed: bool,
}

/// `DictionaryPageHeader`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DictHeader {
    pub num_values: usize,
    pub encoding: i32,
}

/// `PageHeader`, with the sub-header of its type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageHeader {
    pub page_type: i32,
    pub uncompressed_size: usize,
    pub compressed_size: usize,
    pub data: Option<DataHeader>,
    pub dict: Option<DictHeader>,
    pub data_v2: Option<DataHeaderV2>,
}

/// Reads a field's i32 after checking its type.
fn int(r: &mut Reader, f: Field, what: &str) -> Result<i32> {
    if f.ty != ttype::I32 {
        bail!("parquet: {what} has thrift type {} instead of i32", f.ty);
    }
    r.i32()
}

fn size(r: &mut Reader, f: Field, what: &str) -> Result<usize> {
    let v = int(r, f, what)?;
    if v < 0 {
        bail!("parquet: {what} is negative: {v}");
    }
    Ok(v as usize)
}

fn need<T>(v: Option<T>, what: &str) -> Result<T> {
    match v {
        Some(v) => Ok(v),
        None => bail!("parquet: page header lacks {what}"),
    }
}

fn struct_field(f: Field, what: &str) -> Result<()> {
    if f.ty != ttype::STRUCT {
        bail!("parquet: {what} has thrift type {} instead of struct", f.ty);
    }
    Ok(())
}

fn data_header(r: &mut Reader) -> Result<DataHeader> {
    let (mut n, mut enc, mut def, mut rep) = (None, None, None, None);
    let mut last = 0;
    while let Some(f) = r.field(last)? {
        match f.id {
            1 => n = Some(size(r, f, "DataPageHeader.num_values")?),
            2 => enc = Some(int(r, f, "DataPageHeader.encoding")?),
            3 => def = Some(int(r, f, "DataPageHeader.definition_level_encoding")?),
            4 => rep = Some(int(r, f, "DataPageHeader.repetition_level_encoding")?),
            _ => r.skip(f.ty)?,
        }
        last = f.id;
    }
    Ok(DataHeader {
        num_values: need(n, "DataPageHeader.num_values")?,
        encoding: need(enc, "DataPageHeader.encoding")?,
        def_encoding: need(def, "DataPageHeader.definition_level_encoding")?,
        rep_encoding: need(rep, "DataPageHeader.repetition_level_encoding")?,
    })
}

fn data_header_v2(r: &mut Reader) -> Result<DataHeaderV2> {
    let (mut n, mut nulls, mut rows, mut enc, mut def, mut rep) = (None, None, None, None, None, None);
    let mut compressed = true;
    let mut last = 0;
    while let Some(f) = r.field(last)? {
        match f.id {
            1 => n = Some(size(r, f, "DataPageHeaderV2.num_values")?),
            2 => nulls = Some(size(r, f, "DataPageHeaderV2.num_nulls")?),
            3 => rows = Some(size(r, f, "DataPageHeaderV2.num_rows")?),
            4 => enc = Some(int(r, f, "DataPageHeaderV2.encoding")?),
            5 => def = Some(size(r, f, "DataPageHeaderV2.definition_levels_byte_length")?),
            6 => rep = Some(size(r, f, "DataPageHeaderV2.repetition_levels_byte_length")?),
            7 => match f.ty {
                ttype::TRUE => compressed = true,
                ttype::FALSE => compressed = false,
                t => bail!("parquet: DataPageHeaderV2.is_compressed has thrift type {t} instead of bool"),
            },
            _ => r.skip(f.ty)?,
        }
        last = f.id;
    }
    Ok(DataHeaderV2 {
        num_values: need(n, "DataPageHeaderV2.num_values")?,
        num_nulls: need(nulls, "DataPageHeaderV2.num_nulls")?,
        num_rows: need(rows, "DataPageHeaderV2.num_rows")?,
        encoding: need(enc, "DataPageHeaderV2.encoding")?,
        def_len: need(def, "DataPageHeaderV2.definition_levels_byte_length")?,
        rep_len: need(rep, "DataPageHeaderV2.repetition_levels_byte_length")?,
        is_compressed: compressed,
    })
}

fn dict_header(r: &mut Reader) -> Result<DictHeader> {
    let (mut n, mut enc) = (None, None);
    let mut last = 0;
    while let Some(f) = r.field(last)? {
        match f.id {
            1 => n = Some(size(r, f, "DictionaryPageHeader.num_values")?),
            2 => enc = Some(int(r, f, "DictionaryPageHeader.encoding")?),
            _ => r.skip(f.ty)?,
        }
        last = f.id;
    }
    Ok(DictHeader {
        num_values: need(n, "DictionaryPageHeader.num_values")?,
        encoding: need(enc, "DictionaryPageHeader.encoding")?,
    })
}

/// Parses the page header at the start of `buf`; returns it and its length in bytes.
pub fn parse(buf: &[u8]) -> Result<(PageHeader, usize)> {
    let mut r = Reader::new(buf);
    let (mut ty, mut uncompressed, mut compressed) = (None, None, None);
    let (mut data, mut dict, mut data_v2) = (None, None, None);
    let mut last = 0;
    while let Some(f) = r.field(last)? {
        match f.id {
            1 => ty = Some(int(&mut r, f, "PageHeader.type")?),
            2 => uncompressed = Some(size(&mut r, f, "PageHeader.uncompressed_page_size")?),
            3 => compressed = Some(size(&mut r, f, "PageHeader.compressed_page_size")?),
            5 => {
                struct_field(f, "PageHeader.data_page_header")?;
                data = Some(data_header(&mut r)?);
            }
            7 => {
                struct_field(f, "PageHeader.dictionary_page_header")?;
                dict = Some(dict_header(&mut r)?);
            }
            8 => {
                struct_field(f, "PageHeader.data_page_header_v2")?;
                data_v2 = Some(data_header_v2(&mut r)?);
            }
            _ => r.skip(f.ty)?,
        }
        last = f.id;
    }
    let header = PageHeader {
        page_type: need(ty, "PageHeader.type")?,
        uncompressed_size: need(uncompressed, "PageHeader.uncompressed_page_size")?,
        compressed_size: need(compressed, "PageHeader.compressed_page_size")?,
        data,
        dict,
        data_v2,
    };
    Ok((header, r.position()))
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// Compact-protocol writer for tests: fields of i32, bool and nested structs.
    #[derive(Default)]
    pub struct Writer {
        pub out: Vec<u8>,
        last: Vec<i16>,
    }

    impl Writer {
        pub fn new() -> Self {
            Writer { out: Vec::new(), last: vec![0] }
        }
        fn header(&mut self, id: i16, ty: u8) {
            let delta = id - *self.last.last().unwrap();
            if (1..=15).contains(&delta) {
                self.out.push(((delta as u8) << 4) | ty);
            } else {
                self.out.push(ty);
                self.varint(((id as i64) << 1 ^ ((id as i64) >> 63)) as u64);
            }
            *self.last.last_mut().unwrap() = id;
        }
        pub fn varint(&mut self, mut v: u64) {
            loop {
                let b = (v & 0x7f) as u8;
                v >>= 7;
                if v == 0 {
                    self.out.push(b);
                    return;
                }
                self.out.push(b | 0x80);
            }
        }
        pub fn i32(&mut self, id: i16, v: i32) -> &mut Self {
            self.header(id, ttype::I32);
            self.varint(((i64::from(v) << 1) ^ (i64::from(v) >> 63)) as u64);
            self
        }
        pub fn bool(&mut self, id: i16, v: bool) -> &mut Self {
            self.header(id, if v { ttype::TRUE } else { ttype::FALSE });
            self
        }
        pub fn begin(&mut self, id: i16) -> &mut Self {
            self.header(id, ttype::STRUCT);
            self.last.push(0);
            self
        }
        pub fn end(&mut self) -> &mut Self {
            self.out.push(0);
            self.last.pop();
            self
        }
    }

    #[test]
    fn parses_v1_v2_and_dictionary_headers_skipping_statistics() {
        let mut w = Writer::new();
        w.i32(1, 0).i32(2, 100).i32(3, 60).i32(4, -7); // crc is skipped
        w.begin(5).i32(1, 10).i32(2, 0).i32(3, 3).i32(4, 3);
        w.begin(5).i32(1, 1).bool(2, true).end(); // statistics
        w.end().end();
        let (h, n) = parse(&w.out).unwrap();
        assert_eq!(n, w.out.len());
        assert_eq!((h.page_type, h.uncompressed_size, h.compressed_size), (0, 100, 60));
        assert_eq!(
            h.data,
            Some(DataHeader { num_values: 10, encoding: 0, def_encoding: 3, rep_encoding: 3 })
        );

        let mut w = Writer::new();
        w.i32(1, 3).i32(2, 5).i32(3, 5);
        w.begin(8).i32(1, 4).i32(2, 1).i32(3, 4).i32(4, 8).i32(5, 2).i32(6, 0).bool(7, false).end().end();
        let (h, _) = parse(&w.out).unwrap();
        let v2 = h.data_v2.unwrap();
        assert_eq!((v2.num_values, v2.num_nulls, v2.num_rows, v2.encoding), (4, 1, 4, 8));
        assert_eq!((v2.def_len, v2.rep_len, v2.is_compressed), (2, 0, false));

        let mut w = Writer::new();
        w.i32(1, 2).i32(2, 8).i32(3, 8).begin(7).i32(1, 2).i32(2, 0).bool(3, false).end().end();
        assert_eq!(parse(&w.out).unwrap().0.dict, Some(DictHeader { num_values: 2, encoding: 0 }));
    }

    #[test]
    fn rejects_missing_and_mistyped_fields() {
        let mut w = Writer::new();
        w.i32(1, 0).i32(2, 1).end();
        assert!(parse(&w.out).unwrap_err().0.contains("lacks PageHeader.compressed_page_size"));
        let mut w = Writer::new();
        w.i32(1, 0).i32(2, -1).i32(3, 1).end();
        assert!(parse(&w.out).unwrap_err().0.contains("uncompressed_page_size is negative: -1"));
        let mut w = Writer::new();
        w.i32(1, 0).bool(2, true).end();
        assert!(parse(&w.out).unwrap_err().0.contains("instead of i32"));
        let mut w = Writer::new();
        w.i32(1, 0).i32(2, 1).i32(3, 1).i32(5, 1).end();
        assert!(parse(&w.out).unwrap_err().0.contains("data_page_header has thrift type 5"));
    }
}
