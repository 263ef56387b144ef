import { type DataType, Field, List, Map_, Struct } from "apache-arrow";
import type { SchemaElement, SchemaTree } from "hyparquet";
import { leafArrowType } from "./leaf-type.js";

/** One Parquet leaf column the fast reader decodes, with its level bounds. */
export interface LeafColumn {
  /** `path_in_schema`, joined with "\u0000" (the key into a row group's column chunks). */
  readonly path: string;
  readonly element: SchemaElement;
  readonly type: DataType;
  readonly maxDefinitionLevel: number;
  readonly maxRepetitionLevel: number;
}

/**
 * How one top-level column is rebuilt from its leaves. `def` is the definition level at which the
 * node is present (for a nullable node: non-null); `leaf` indexes the leaves list.
 */
export type ColumnShape =
  | { readonly kind: "primitive"; readonly type: DataType; readonly leaf: number }
  | {
      readonly kind: "struct";
      readonly type: DataType;
      readonly def: number;
      readonly nullable: boolean;
      readonly children: readonly ColumnShape[];
      readonly firstLeaf: number;
    }
  | {
      readonly kind: "list" | "map";
      readonly type: DataType;
      readonly def: number;
      readonly nullable: boolean;
      /** The element (list) or the key and the value (map): primitives one repetition level down. */
      readonly children: readonly ColumnShape[];
      readonly firstLeaf: number;
    };

/**
 * The shape of a top-level Parquet column for the fast reader, appending its leaves to `leaves`;
 * null when the column uses something it does not rebuild (an unsupported leaf type, legacy
 * two-level lists, repeated fields nested deeper than one map or list of primitives).
 *
 * @example
 * const leaves: LeafColumn[] = [];
 * const shape = columnShape(parquetSchema(metadata).children[0], leaves);
 */
export function columnShape(node: SchemaTree, leaves: LeafColumn[]): ColumnShape | null {
  return shapeOf(node, 0, 0, false, leaves);
}

function shapeOf(
  node: SchemaTree,
  parentDef: number,
  rep: number,
  inRepeated: boolean,
  leaves: LeafColumn[],
): ColumnShape | null {
  const element = node.element;
  if (element.repetition_type === "REPEATED") return null;
  const nullable = element.repetition_type === "OPTIONAL";
  const def = parentDef + (nullable ? 1 : 0);
  if (node.children.length === 0) {
    const type = leafArrowType(element);
    if (type === null) return null;
    leaves.push({
      path: node.path.join("\u0000"),
      element,
      type,
      maxDefinitionLevel: def,
      maxRepetitionLevel: rep,
    });
    return { kind: "primitive", type, leaf: leaves.length - 1 };
  }
  if (inRepeated) return null;
  const firstLeaf = leaves.length;
  const annotation = element.logical_type?.type ?? element.converted_type;
  if (annotation === "MAP" || annotation === "MAP_KEY_VALUE" || annotation === "LIST") {
    // Only at the top level: a list inside a struct would make row and slot counts differ.
    if (parentDef !== 0 || node.path.length !== 1) return null;
    const entries = node.children.length === 1 ? node.children[0]! : null;
    if (entries?.element.repetition_type !== "REPEATED") return null;
    const isMap = annotation !== "LIST";
    if (entries.children.length !== (isMap ? 2 : 1)) return null;
    const children: ColumnShape[] = [];
    for (const child of entries.children) {
      const shape = shapeOf(child, def + 1, rep + 1, true, leaves);
      if (shape === null) return null;
      children.push(shape);
    }
    const fields = entries.children.map(
      (c, k) => new Field(c.element.name, children[k]!.type, isNullable(c)),
    );
    if (isMap && fields[0]!.nullable) return null;
    const type = isMap
      ? new Map_(new Field(entries.element.name, new Struct(fields as never), false))
      : new List(fields[0]!);
    return { kind: isMap ? "map" : "list", type, def, nullable, children, firstLeaf };
  }
  if (annotation !== undefined) return null;
  const children: ColumnShape[] = [];
  for (const child of node.children) {
    const shape = shapeOf(child, def, rep, false, leaves);
    if (shape === null) return null;
    children.push(shape);
  }
  const fields = node.children.map((c, k) => new Field(c.element.name, children[k]!.type, isNullable(c)));
  return { kind: "struct", type: new Struct(fields), def, nullable, children, firstLeaf };
}

function isNullable(node: SchemaTree): boolean {
  return node.element.repetition_type === "OPTIONAL";
}
