import { type Data, type DataType, type Field, type Table, Type } from "apache-arrow";
import { MetadataSchemaError } from "../errors.js";

/**
 * One chunk of a resolved column with the struct chunks around it, whose nulls make it null.
 *
 * @example
 * const { data, ancestors } = resolveColumn(table, "a.b").chunks[0]!;
 */
export interface ResolvedChunk {
  readonly data: Data;
  readonly ancestors: readonly Data[];
}

/**
 * A column or struct field located in a table, chunk by chunk.
 *
 * @example
 * const column: ResolvedColumn = resolveColumn(table, `${METAXY_PROVENANCE_BY_FIELD}.frames`);
 */
export interface ResolvedColumn {
  readonly name: string;
  readonly type: DataType;
  readonly chunks: readonly ResolvedChunk[];
}

/** Child indices from the top-level field down to the named column or struct field. */
function findPath(fields: readonly Field[], name: string): number[] | null {
  const exact = fields.findIndex((f) => f.name === name);
  if (exact >= 0) return [exact];
  for (let dot = name.indexOf("."); dot > 0; dot = name.indexOf(".", dot + 1)) {
    const head = fields.findIndex((f) => f.name === name.slice(0, dot) && f.type.typeId === Type.Struct);
    if (head < 0) continue;
    const rest = findPath(
      (fields[head]!.type as DataType & { children: Field[] }).children,
      name.slice(dot + 1),
    );
    if (rest !== null) return [head, ...rest];
  }
  return null;
}

/**
 * Finds a column by name. A dotted name is first a column of that exact name, otherwise a path into
 * struct columns (`a.b` = field `b` of struct `a`; the first split that resolves wins).
 *
 * @throws MetadataSchemaError naming the column and the available columns.
 * @example
 * resolveColumn(table, `${METAXY_PROVENANCE_BY_FIELD}.frames`);
 */
export function resolveColumn(table: Table, name: string): ResolvedColumn {
  const path = findPath(table.schema.fields, name);
  if (path === null) {
    const available = table.schema.fields.map((f) => JSON.stringify(f.name)).join(", ");
    throw new MetadataSchemaError(
      `filters: column ${JSON.stringify(name)} not found; available columns: ${available || "(none)"}`,
    );
  }
  let type: DataType = table.schema.fields[path[0]!]!.type;
  for (const i of path.slice(1)) type = (type as DataType & { children: Field[] }).children[i]!.type;
  const chunks = table.getChildAt(path[0]!)!.data.map((top): ResolvedChunk => {
    const ancestors: Data[] = [];
    let data: Data = top;
    for (const i of path.slice(1)) {
      ancestors.push(data);
      data = data.children[i]!;
    }
    return { data, ancestors };
  });
  return { name, type, chunks };
}
