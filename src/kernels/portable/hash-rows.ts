import type { Utf8, Vector } from "apache-arrow";
import { isStringColumn, type StringChunk, stringChunks, utf8FromBuffers } from "../../arrow/strings.js";
import { KernelError } from "../../errors.js";
import { maxRenderedLength } from "../../hashing/algorithms.js";
import { hashRenderer } from "../../hashing/renderer.js";
import type { HashAlgorithm, HashRowsOptions, PreimagePart } from "../kernels.js";
import { offsetsView } from "./offsets.js";

const encoder = new TextEncoder();

/** A column part's chunk, offsets read as `offs[i * step]` (LargeUtf8 is viewed as int32 pairs). */
interface Slot {
  /** Fixed bytes (literals and separators) written before this column. */
  readonly before: Uint8Array;
  readonly nullAs: Uint8Array | null;
  chunks: readonly StringChunk[];
  offs: Int32Array;
  step: number;
  values: Uint8Array;
  validity: Uint8Array | null;
  validityOffset: number;
  /** Row of the current segment's start inside the current chunk. */
  base: number;
}

/**
 * Portable `Kernels.hashRows`: per row, the parts' bytes go into one reusable scratch buffer, get
 * hashed and rendered straight into the output bytes, then truncated (renderings are ASCII, so
 * characters are bytes).
 *
 * @example
 * const h = hashRows("xxhash64", [{ literal: "default" }, { column: ids }], { separator: "|", truncation: 8 });
 */
export function hashRows(
  algorithm: HashAlgorithm,
  parts: readonly PreimagePart[],
  options: HashRowsOptions,
  length?: number,
): Vector<Utf8> {
  const render = hashRenderer(algorithm);
  const { truncation } = options;
  if (truncation !== null && (!Number.isInteger(truncation) || truncation < 0)) {
    throw new KernelError(
      `kernels: invalid truncation ${truncation}: expected a non-negative integer or null`,
    );
  }
  if (length !== undefined && (!Number.isInteger(length) || length < 0)) {
    throw new KernelError(`kernels: invalid hashRows length ${length}: expected a non-negative integer`);
  }
  const { slots, tail, rows } = plan(parts, options.separator, length);
  const maxLen = maxRenderedLength(algorithm);
  const keep = truncation === null ? maxLen : Math.min(truncation, maxLen);
  if (rows * keep > 0x7fffffff)
    throw new KernelError(`kernels: hashRows output for ${rows} rows exceeds 2 GiB`);
  const out = new Uint8Array(rows * keep + maxLen);
  const outOffsets = new Int32Array(rows + 1);
  let validity: Uint8Array | null = null;
  let nulls = 0;

  // Scratch big enough for the longest possible row: no capacity check per row.
  let capacity = tail.length;
  for (const sl of slots) capacity += sl.before.length + Math.max(sl.nullAs?.length ?? 0, longest(sl.chunks));
  const scratch = new Uint8Array(capacity);
  // The bytes before the first column never change: written once.
  const prefix = slots.length > 0 ? slots[0]!.before.length : 0;
  if (slots.length > 0) scratch.set(slots[0]!.before);
  const inPlace = slots.length === 1 && prefix === 0 && tail.length === 0;
  let outPos = 0;

  for (const [segStart, segEnd] of segments(slots, rows)) {
    for (let r = segStart; r < segEnd; r++) {
      const local = r - segStart;
      let at = outPos;
      if (inPlace) {
        // One bare column: hash its bytes where they are.
        const s = slots[0]!;
        const li = s.base + local;
        if (s.validity === null || isSet(s.validity, s.validityOffset + li)) {
          outPos = render(s.values, s.offs[li * s.step]!, s.offs[(li + 1) * s.step]!, out, outPos);
        } else if (s.nullAs !== null) {
          outPos = render(s.nullAs, 0, s.nullAs.length, out, outPos);
        } else {
          at = -1;
        }
      } else {
        const end = assemble(slots, tail, local, scratch, prefix);
        if (end >= 0) outPos = render(scratch, 0, end, out, outPos);
        else at = -1;
      }
      if (at === -1) {
        validity ??= new Uint8Array((rows + 7) >> 3).fill(0xff);
        validity[r >> 3]! &= ~(1 << (r & 7));
        nulls++;
      } else if (outPos - at > keep) {
        outPos = at + keep;
      }
      outOffsets[r + 1] = outPos;
    }
  }
  return utf8FromBuffers(outOffsets, out.subarray(0, outPos), validity, nulls);
}

/**
 * Writes row `local`'s pre-image after the fixed prefix; returns its end, or -1 when a column
 * without `nullAs` is null. Byte loops rather than `set(subarray)`: rows are short, and a view per
 * copy would cost more than the copy.
 */
function assemble(
  slots: readonly Slot[],
  tail: Uint8Array,
  local: number,
  scratch: Uint8Array,
  prefix: number,
): number {
  let pos = prefix;
  for (let k = 0; k < slots.length; k++) {
    const s = slots[k]!;
    if (k > 0) {
      const b = s.before;
      for (let j = 0; j < b.length; j++) scratch[pos++] = b[j]!;
    }
    const li = s.base + local;
    if (s.validity !== null && !isSet(s.validity, s.validityOffset + li)) {
      const na = s.nullAs;
      if (na === null) return -1;
      for (let j = 0; j < na.length; j++) scratch[pos++] = na[j]!;
      continue;
    }
    const values = s.values;
    let p = s.offs[li * s.step]!;
    const e = s.offs[(li + 1) * s.step]!;
    while (p < e) scratch[pos++] = values[p++]!;
  }
  for (let j = 0; j < tail.length; j++) scratch[pos++] = tail[j]!;
  return pos;
}

/** Longest value (in bytes) of a string column's chunks. */
function longest(chunks: readonly StringChunk[]): number {
  let max = 0;
  for (const c of chunks) {
    const { offs, step } = offsetsView(c.offsets, c.length);
    for (let i = 0; i < c.length; i++) max = Math.max(max, offs[(i + 1) * step]! - offs[i * step]!);
  }
  return max;
}

function isSet(bitmap: Uint8Array, bit: number): boolean {
  return (bitmap[bit >> 3]! & (1 << (bit & 7))) !== 0;
}

/** Merges literals and separators into the fixed bytes around each column; checks lengths. */
function plan(
  parts: readonly PreimagePart[],
  separator: string,
  length: number | undefined,
): { slots: Slot[]; tail: Uint8Array; rows: number } {
  const slots: Slot[] = [];
  let fixed = "";
  let rows = length;
  parts.forEach((part, k) => {
    if (k > 0) fixed += separator;
    if ("literal" in part) {
      fixed += part.literal;
      return;
    }
    if (!isStringColumn(part.column)) {
      throw new KernelError(`kernels: hashRows part ${k} must be a string column, got ${part.column.type}`);
    }
    if (rows !== undefined && part.column.length !== rows) {
      throw new KernelError(`kernels: hashRows part ${k} has ${part.column.length} rows, expected ${rows}`);
    }
    rows = part.column.length;
    const chunks = stringChunks(part.column);
    slots.push({
      before: encoder.encode(fixed),
      nullAs: part.nullAs === undefined ? null : encoder.encode(part.nullAs),
      chunks,
      offs: new Int32Array(0),
      step: 1,
      values: new Uint8Array(0),
      validity: null,
      validityOffset: 0,
      base: 0,
    });
    fixed = "";
  });
  if (rows === undefined) {
    throw new KernelError("kernels: hashRows needs `length` when every part is a literal");
  }
  return { slots, tail: encoder.encode(fixed), rows };
}

/**
 * Row ranges inside which no column part changes chunk; before yielding one, points every slot at
 * the chunk that holds it.
 */
function* segments(slots: Slot[], rows: number): Generator<[number, number]> {
  if (slots.length === 0) {
    if (rows > 0) yield [0, rows];
    return;
  }
  const cursors = slots.map(() => ({ chunk: -1, start: 0, end: 0 }));
  let at = 0;
  while (at < rows) {
    let segEnd = rows;
    slots.forEach((s, k) => {
      const c = cursors[k]!;
      while (c.end <= at) {
        c.chunk++;
        c.start = c.end;
        c.end += s.chunks[c.chunk]!.length;
      }
      point(s, s.chunks[c.chunk]!, at - c.start);
      segEnd = Math.min(segEnd, c.end);
    });
    yield [at, segEnd];
    at = segEnd;
  }
}

function point(s: Slot, c: StringChunk, base: number): void {
  const { offs, step } = offsetsView(c.offsets, c.length);
  s.offs = offs;
  s.step = step;
  s.values = c.values;
  s.validity = c.validity;
  s.validityOffset = c.validityOffset;
  s.base = base;
}
