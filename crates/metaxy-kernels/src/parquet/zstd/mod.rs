//! Zstandard decompression (RFC 8878) for Parquet's ZSTD codec: frames (several may be
//! concatenated, skippable ones are skipped), raw, RLE and compressed blocks, Huffman literals and
//! FSE-coded sequences. Dictionaries are refused: Parquet never uses them. The output is written
//! into a buffer of exactly the expected size, so malformed input can fail but never write or
//! allocate past it.

mod bits;
mod block;
mod frame;
mod fse;
mod huffman;
mod literals;
mod sequences;

use crate::bail;
use crate::error::Result;

/// Largest decompressed block.
const BLOCK_MAX: usize = 128 << 10;
const MAGIC: u32 = 0xfd2f_b528;

/// What a frame's blocks carry over to the next: the last Huffman and sequence tables and the
/// repeat offsets; plus reusable buffers.
#[derive(Default)]
struct FrameState {
    huf: Option<huffman::HufTable>,
    seq: [Option<fse::FseTable>; 3],
    rep: [u64; 3],
    lits: Vec<u8>,
    scratch: Vec<u8>,
}

impl FrameState {
    fn reset(&mut self) {
        self.huf = None;
        self.seq = [None, None, None];
        self.rep = [1, 4, 8];
    }
}

/// Decompresses `input` (one or more frames), which must produce exactly `expected_size` bytes.
///
/// ```
/// use metaxy_kernels::parquet::zstd::decompress;
/// // A frame with one RLE block of five 'a's.
/// let frame = [0x28, 0xb5, 0x2f, 0xfd, 0x20, 0x05, 0x2b, 0x00, 0x00, b'a'];
/// assert_eq!(decompress(&frame, 5).unwrap(), b"aaaaa");
/// ```
pub fn decompress(input: &[u8], expected_size: usize) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    decompress_into(input, expected_size, &mut out)?;
    Ok(out)
}

/// As [`decompress`], into `out` (its contents replaced), reusing its allocation.
pub fn decompress_into(input: &[u8], expected_size: usize, out: &mut Vec<u8>) -> Result<()> {
    out.clear();
    out.resize(expected_size, 0);
    let mut sink = sequences::Sink { out, op: 0, frame_start: 0 };
    let mut st = FrameState::default();
    let mut ip = 0;
    while ip < input.len() {
        let Some(m) = input.get(ip..ip + 4) else {
            bail!("parquet: zstd input has {} stray bytes at its end", input.len() - ip);
        };
        let magic = u32::from_le_bytes([m[0], m[1], m[2], m[3]]);
        if magic & 0xffff_fff0 == 0x184d_2a50 {
            let Some(s) = input.get(ip + 4..ip + 8) else {
                bail!("parquet: zstd skippable frame header truncated");
            };
            let size = u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize;
            if size > input.len() - ip - 8 {
                bail!("parquet: zstd skippable frame of {size} bytes runs past the input");
            }
            ip += 8 + size;
        } else if magic == MAGIC {
            ip = frame::decode(input, ip + 4, &mut sink, &mut st)?;
        } else {
            bail!("parquet: zstd bad magic number {magic:#010x} at byte {ip}");
        }
    }
    if sink.op != expected_size {
        bail!("parquet: zstd input decodes to {} bytes, expected {expected_size}", sink.op);
    }
    Ok(())
}
