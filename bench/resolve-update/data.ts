import { makeData, makeVector, Table, Uint64, type Utf8, type Vector } from "apache-arrow";
import { makeMapVector } from "../../src/arrow/make-map-vector.js";
import { makeStructVector } from "../../src/arrow/make-struct-vector.js";
import { utf8FromBuffers } from "../../src/arrow/strings.js";
import { METAXY_PROVENANCE_BY_FIELD } from "../../src/constants.js";
import { PythonRandom } from "./python-random.js";

/**
 * Per-field provenance columns of one root, in spec order, plus the row count.
 *
 * @example
 * const { n, fields }: RootData = makeRootData(10, ["audio"], 0);
 */
export interface RootData {
  readonly n: number;
  readonly fields: readonly (readonly [string, Vector<Utf8>])[];
}

const BUMP = new TextEncoder().encode("_bumped");

/**
 * `make_upstream_df(n, seed=42 + rootIndex)`: for each field in spec order, n values
 * `f"{field[0]}{rng.randint(0, 2**20)}"` from one `random.Random(seed)` stream — the paper's
 * values exactly (see python-random.ts). Built straight into Utf8 buffers (no JS strings).
 *
 * @example
 * makeRootData(1000, ["audio", "frames"], 0).fields[0]![1].get(0); // "a233478"
 */
export function makeRootData(n: number, fields: readonly string[], rootIndex: number): RootData {
  const rng = new PythonRandom(42 + rootIndex);
  const columns = fields.map((field) => {
    const prefix = field.charCodeAt(0);
    const offsets = new Int32Array(n + 1);
    const bytes = new Uint8Array(n * 8);
    let pos = 0;
    for (let i = 0; i < n; i++) {
      bytes[pos++] = prefix;
      pos = writeDecimal(bytes, pos, rng.randint(0, 2 ** 20));
      offsets[i + 1] = pos;
    }
    return [field, utf8FromBuffers(offsets, bytes.subarray(0, pos), null, 0)] as const;
  });
  return { n, fields: columns };
}

/**
 * The stale-phase mutation of root 0: `random.Random(777)`, for each row in order, with
 * probability 0.1 the `audio` value gets `"_bumped"` appended. Returns only the mutated rows
 * (their ids and every field, audio bumped), which the benchmark appends to the root.
 *
 * @example
 * const { ids, data } = mutateRoot(root0);
 */
export function mutateRoot(root: RootData): { readonly ids: BigUint64Array; readonly data: RootData } {
  const rng = new PythonRandom(777);
  const picked: number[] = [];
  for (let i = 0; i < root.n; i++) if (rng.random() < 0.1) picked.push(i);
  const ids = BigUint64Array.from(picked, (i) => BigInt(i));
  const fields = root.fields.map(([name, column]) => {
    const src = column.data[0]!;
    const srcOffsets = src.valueOffsets as Int32Array;
    const srcBytes = src.values as Uint8Array;
    const extra = name === "audio" ? BUMP.length : 0;
    const offsets = new Int32Array(picked.length + 1);
    const bytes = new Uint8Array(picked.length * (8 + extra));
    let pos = 0;
    for (let k = 0; k < picked.length; k++) {
      const i = picked[k]!;
      bytes.set(srcBytes.subarray(srcOffsets[i]!, srcOffsets[i + 1]!), pos);
      pos += srcOffsets[i + 1]! - srcOffsets[i]!;
      if (extra > 0) {
        bytes.set(BUMP, pos);
        pos += extra;
      }
      offsets[k + 1] = pos;
    }
    return [name, utf8FromBuffers(offsets, bytes.subarray(0, pos), null, 0)] as const;
  });
  return { ids, data: { n: picked.length, fields } };
}

/**
 * The frame a root is written with: `sample_uid` (UInt64) and `metaxy_provenance_by_field` (Map
 * when `enableMapDatatype`, else Struct, entries in spec order). `ids` default to 0..n-1.
 *
 * @example
 * await store.write(root, rootFrame(makeRootData(10, ["audio"], 0), true));
 */
export function rootFrame(data: RootData, enableMapDatatype: boolean, ids?: BigUint64Array): Table {
  const uids = ids ?? BigUint64Array.from({ length: data.n }, (_, i) => BigInt(i));
  const sampleUid = makeVector(makeData({ type: new Uint64(), length: data.n, data: uids }));
  const pbf = enableMapDatatype ? makeMapVector(data.fields) : makeStructVector(data.fields);
  return new Table({ sample_uid: sampleUid, [METAXY_PROVENANCE_BY_FIELD]: pbf });
}

function writeDecimal(bytes: Uint8Array, pos: number, value: number): number {
  if (value === 0) {
    bytes[pos] = 48;
    return pos + 1;
  }
  let digits = 0;
  for (let v = value; v > 0; v = Math.floor(v / 10)) digits++;
  for (let k = digits - 1, v = value; k >= 0; k--, v = Math.floor(v / 10)) bytes[pos + k] = 48 + (v % 10);
  return pos + digits;
}
