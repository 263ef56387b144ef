import { type Data, type Map_, makeData } from "apache-arrow";
import { DeltaProtocolError } from "../../../errors.js";
import type { DecodedParquetChunk } from "../../../kernels/parquet-decoder.js";
import type { ColumnShape, LeafColumn } from "./column-shape.js";
import { leafData } from "./leaf-data.js";

/**
 * Rebuilds one top-level column of one row group from its decoded leaves: primitives from their
 * definition levels, structs with the validity their level implies, maps and lists with offsets
 * from the repetition levels (a level below the node's marks a null row, equal to it an empty one).
 *
 * @example
 * const data = assembleColumn(shape, decoded, leaves, rowGroup.numRows, "metaxy_provenance_by_field");
 */
export function assembleColumn(
  shape: ColumnShape,
  decoded: readonly DecodedParquetChunk[],
  leaves: readonly LeafColumn[],
  rows: number,
  column: string,
): Data {
  if (shape.kind === "primitive") {
    const data = leafData(
      shape.type,
      decoded[shape.leaf]!,
      0,
      leaves[shape.leaf]!.maxDefinitionLevel,
      column,
    );
    if (data.length !== rows) throw mismatch(column, data.length, rows);
    return data;
  }
  const defs = decoded[shape.firstLeaf]!.definitionLevels;
  if (shape.kind === "struct") {
    const children = shape.children.map((c) => assembleColumn(c, decoded, leaves, rows, column));
    const validity = shape.nullable ? bitsAtLeast(defs!, shape.def, rows) : null;
    return makeData({
      type: shape.type,
      length: rows,
      nullCount: validity?.nulls ?? 0,
      ...(validity === null || validity.nulls === 0 ? {} : { nullBitmap: validity.bits }),
      children,
    } as never);
  }
  const reps = decoded[shape.firstLeaf]!.repetitionLevels!;
  const offsets = new Int32Array(rows + 1);
  const bits = new Uint8Array((rows + 7) >> 3);
  let row = -1;
  let entries = 0;
  let nulls = 0;
  for (let i = 0; i < reps.length; i++) {
    const d = defs![i]!;
    if (reps[i] === 0) {
      row++;
      if (row >= rows) throw mismatch(column, row + 1, rows);
      offsets[row] = entries;
      if (d < shape.def) nulls++;
      else bits[row >> 3]! |= 1 << (row & 7);
    }
    if (d > shape.def) entries++;
  }
  if (row + 1 !== rows) throw mismatch(column, row + 1, rows);
  offsets[rows] = entries;
  const children = shape.children.map((c) => {
    if (c.kind !== "primitive") throw new DeltaProtocolError(`delta: column "${column}" has nested entries`);
    const data = leafData(
      c.type,
      decoded[c.leaf]!,
      shape.def + 1,
      leaves[c.leaf]!.maxDefinitionLevel,
      column,
    );
    if (data.length !== entries) throw mismatch(column, data.length, entries);
    return data;
  });
  const child =
    shape.kind === "map"
      ? makeData({
          type: (shape.type as Map_).children[0]!.type,
          length: entries,
          nullCount: 0,
          children,
        } as never)
      : children[0]!;
  return makeData({
    type: shape.type,
    length: rows,
    nullCount: nulls,
    ...(nulls === 0 ? {} : { nullBitmap: bits }),
    valueOffsets: offsets,
    child,
  } as never);
}

function bitsAtLeast(defs: Uint8Array, level: number, rows: number): { bits: Uint8Array; nulls: number } {
  const bits = new Uint8Array((rows + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < rows; i++) {
    if (defs[i]! >= level) bits[i >> 3]! |= 1 << (i & 7);
    else nulls++;
  }
  return { bits, nulls };
}

function mismatch(column: string, got: number, expected: number): DeltaProtocolError {
  return new DeltaProtocolError(
    `delta: Parquet column "${column}" decoded to ${got} rows where the row group has ${expected}`,
  );
}
