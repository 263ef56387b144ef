//! The sequences section: table modes, FSE decoding of (literal length, offset, match length)
//! triples, repeat offsets, and their execution into the output with overlapping match copies.

use super::bits::RevBits;
use super::fse::{self, FseTable};
use super::FrameState;
use crate::bail;
use crate::error::Result;

const LL_BASE: [u32; 36] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 28, 32, 40, 48, 64, 128, 256,
    512, 1024, 2048, 4096, 8192, 16384, 32768, 65536,
];
const LL_BITS: [u8; 36] = [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13,
    14, 15, 16,
];
const ML_BASE: [u32; 53] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30,
    31, 32, 33, 34, 35, 37, 39, 41, 43, 47, 51, 59, 67, 83, 99, 131, 259, 515, 1027, 2051, 4099, 8195, 16387,
    32771, 65539,
];
const ML_BITS: [u8; 53] = [
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1,
    1, 2, 2, 3, 3, 4, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
];

/// Largest symbol and accuracy log of each kind: literal lengths, offsets, match lengths.
const MAX_SYMBOL: [usize; 3] = [35, 31, 52];
const MAX_LOG: [u32; 3] = [9, 8, 9];
const NAMES: [&str; 3] = ["literal length", "offset", "match length"];

/// Where the output goes: the whole buffer, the write position and where the frame began.
pub struct Sink<'o> {
    pub out: &'o mut [u8],
    pub op: usize,
    pub frame_start: usize,
}

impl Sink<'_> {
    #[inline(always)]
    fn literals(&mut self, lits: &[u8], lp: usize, n: usize) {
        let op = self.op;
        if n <= 16 && lits.len() - lp >= 16 && self.out.len() - op >= 16 {
            self.out[op..op + 16].copy_from_slice(&lits[lp..lp + 16]);
        } else {
            self.out[op..op + n].copy_from_slice(&lits[lp..lp + n]);
        }
        self.op += n;
    }

    /// Copies `n` bytes from `offset` back; the caller checked the offset and the room.
    #[inline(always)]
    fn matched(&mut self, offset: usize, n: usize) {
        let op = self.op;
        let src = op - offset;
        if offset >= 16 && n <= 16 && self.out.len() - op >= 16 {
            self.out.copy_within(src..src + 16, op);
        } else if offset >= n {
            self.out.copy_within(src..src + n, op);
        } else {
            // Overlapping: the bytes from `src` repeat with period `offset`, so each copy may
            // take everything written so far, doubling the run.
            let mut done = 0;
            while done < n {
                let k = (op + done - src).min(n - done);
                self.out.copy_within(src..src + k, op + done);
                done += k;
            }
        }
        self.op += n;
    }
}

/// Reads the three tables' modes and descriptions; returns the bytes used.
fn tables(src: &[u8], st: &mut FrameState) -> Result<usize> {
    let Some(&modes) = src.first() else {
        bail!("parquet: zstd sequences section lacks its modes byte");
    };
    if modes & 3 != 0 {
        bail!("parquet: zstd sequence modes byte {modes:#04x} sets reserved bits");
    }
    let mut at = 1;
    for (k, shift) in [(0usize, 6u32), (1, 4), (2, 2)] {
        let table = match (modes >> shift) & 3 {
            0 => fse::predefined()[k].clone(),
            1 => {
                let Some(&s) = src.get(at) else {
                    bail!("parquet: zstd RLE {} symbol truncated", NAMES[k]);
                };
                if usize::from(s) > MAX_SYMBOL[k] {
                    bail!("parquet: zstd RLE {} symbol {s} out of range", NAMES[k]);
                }
                at += 1;
                FseTable::rle(s)
            }
            2 => {
                let (counts, log, used) = fse::read_counts(&src[at..], MAX_LOG[k], MAX_SYMBOL[k])?;
                at += used;
                fse::build(&counts, log)?
            }
            _ => match st.seq[k].take() {
                Some(t) => t,
                None => bail!("parquet: zstd repeated {} table without a previous one", NAMES[k]),
            },
        };
        st.seq[k] = Some(table);
    }
    Ok(at)
}

/// Decodes and executes the sequences section `src` with literals `lits`.
pub fn execute(
    src: &[u8],
    st: &mut FrameState,
    lits: &[u8],
    sink: &mut Sink,
    scratch: &mut Vec<u8>,
) -> Result<()> {
    let (count, mut at) = match src {
        [] => bail!("parquet: zstd sequences section is missing"),
        [b, ..] if *b < 128 => (usize::from(*b), 1),
        [b, c, ..] if *b < 255 => ((usize::from(*b - 128) << 8) + usize::from(*c), 2),
        [255, c, d, ..] => (usize::from(*c) + (usize::from(*d) << 8) + 0x7f00, 3),
        _ => bail!("parquet: zstd sequence count truncated"),
    };
    let nlit = lits.len() - 16;
    if count == 0 {
        if at != src.len() {
            bail!("parquet: zstd block has {} bytes after an empty sequences section", src.len() - at);
        }
        return finish(lits, 0, nlit, sink);
    }
    at += tables(&src[at..], st)?;
    let [Some(llt), Some(oft), Some(mlt)] = &st.seq else {
        bail!("parquet: zstd sequence tables missing");
    };
    let (lle, ofe, mle) = (&llt.entries[..], &oft.entries[..], &mlt.entries[..]);
    let mut bits = RevBits::new(&src[at..], scratch)?;
    let mut ls = bits.read(llt.log) as usize;
    let mut os = bits.read(oft.log) as usize;
    let mut ms = bits.read(mlt.log) as usize;
    let mut rep = st.rep;
    let mut lp = 0usize;
    for i in 0..count {
        let (l, o, m) = (lle[ls], ofe[os], mle[ms]);
        let oc = u32::from(o.symbol);
        let ofv = (1u64 << oc) + bits.read(oc);
        let ms_ = usize::from(m.symbol);
        let ml = (ML_BASE[ms_] as u64 + bits.read(u32::from(ML_BITS[ms_]))) as usize;
        let ls_ = usize::from(l.symbol);
        let ll = (LL_BASE[ls_] as u64 + bits.read(u32::from(LL_BITS[ls_]))) as usize;
        let offset = if ofv > 3 {
            let v = ofv - 3;
            rep = [v, rep[0], rep[1]];
            v
        } else {
            let idx = ofv + u64::from(ll == 0);
            if idx == 1 {
                rep[0]
            } else {
                let v = if idx == 4 { rep[0].wrapping_sub(1) } else { rep[idx as usize - 1] };
                if idx != 2 {
                    rep[2] = rep[1];
                }
                rep[1] = rep[0];
                rep[0] = v;
                v
            }
        };
        if i + 1 < count {
            ls = usize::from(l.base) + bits.read(u32::from(l.nb)) as usize;
            ms = usize::from(m.base) + bits.read(u32::from(m.nb)) as usize;
            os = usize::from(o.base) + bits.read(u32::from(o.nb)) as usize;
        }
        if ll > nlit - lp {
            bail!("parquet: zstd sequence needs {ll} literals, {} remain", nlit - lp);
        }
        if ll + ml > sink.out.len() - sink.op {
            bail!("parquet: zstd output exceeds the expected {} bytes", sink.out.len());
        }
        if offset == 0 || offset > (sink.op + ll - sink.frame_start) as u64 {
            bail!("parquet: zstd match offset {offset} reaches before the frame");
        }
        sink.literals(lits, lp, ll);
        lp += ll;
        sink.matched(offset as usize, ml);
    }
    if !bits.done() {
        bail!("parquet: zstd sequence bitstream not consumed exactly");
    }
    st.rep = rep;
    finish(lits, lp, nlit, sink)
}

/// Copies the literals left after the last sequence.
fn finish(lits: &[u8], lp: usize, nlit: usize, sink: &mut Sink) -> Result<()> {
    let n = nlit - lp;
    if n > sink.out.len() - sink.op {
        bail!("parquet: zstd output exceeds the expected {} bytes", sink.out.len());
    }
    sink.out[sink.op..sink.op + n].copy_from_slice(&lits[lp..nlit]);
    sink.op += n;
    Ok(())
}
