import { MetadataSchemaError } from "../../errors.js";
import { type DeltaField, type DeltaStructType, type DeltaType, typeName } from "./schema.js";

/** Result of merging the schema of written data into a table schema. */
export interface MergedSchema {
  readonly schema: DeltaStructType;
  /** Dotted paths of the columns the data added (empty: the table schema is unchanged). */
  readonly added: readonly string[];
}

// Lossless integer and float promotions a write may apply to fit data into an existing column.
const WIDER: Readonly<Record<string, readonly string[]>> = {
  byte: ["short", "integer", "long"],
  short: ["integer", "long"],
  integer: ["long"],
  float: ["double"],
};

/**
 * Merges the schema of data being written into the table schema (Delta's "schema evolution"):
 * columns the table lacks are appended (always nullable, since older files hold no values for them),
 * also inside structs, arrays and maps; existing columns keep their type, nullability and metadata.
 * Data of a narrower integer or float type is accepted (it is widened on write); anything else —
 * including data that would need the table column widened — throws `MetadataSchemaError` naming the
 * column and both types.
 *
 * @example
 * mergeSchemas(tableSchema, arrowSchemaToDelta(batch.schema)).added; // ["new_col"]
 */
export function mergeSchemas(table: DeltaStructType, data: DeltaStructType): MergedSchema {
  const added: string[] = [];
  const schema = mergeStruct(table, data, "", added);
  return { schema, added };
}

function mergeStruct(
  table: DeltaStructType,
  data: DeltaStructType,
  prefix: string,
  added: string[],
): DeltaStructType {
  const fields: DeltaField[] = [...table.fields];
  for (const incoming of data.fields) {
    const path = prefix + incoming.name;
    const index = fields.findIndex((f) => f.name === incoming.name);
    if (index < 0) {
      const clash = fields.find((f) => f.name.toLowerCase() === incoming.name.toLowerCase());
      if (clash !== undefined) {
        throw new MetadataSchemaError(
          `delta: column "${path}" differs only in case from existing column "${prefix}${clash.name}"`,
        );
      }
      fields.push({ ...incoming, nullable: true, metadata: {} });
      added.push(path);
      continue;
    }
    const existing = fields[index]!;
    const type = mergeType(existing.type, incoming.type, path, added);
    if (type !== existing.type) fields[index] = { ...existing, type };
  }
  return fields.length === table.fields.length && fields.every((f, i) => f === table.fields[i])
    ? table
    : { type: "struct", fields };
}

function mergeType(table: DeltaType, data: DeltaType, path: string, added: string[]): DeltaType {
  if (typeof table === "string" || typeof data === "string") {
    if (table === data) return table;
    if (typeof table === "string" && typeof data === "string" && WIDER[data]?.includes(table)) return table;
    throw conflict(path, table, data);
  }
  if (table.type === "struct" && data.type === "struct") return mergeStruct(table, data, `${path}.`, added);
  if (table.type === "array" && data.type === "array") {
    const elementType = mergeType(table.elementType, data.elementType, `${path}.element`, added);
    return elementType === table.elementType ? table : { ...table, elementType };
  }
  if (table.type === "map" && data.type === "map") {
    const keyType = mergeType(table.keyType, data.keyType, `${path}.key`, added);
    const valueType = mergeType(table.valueType, data.valueType, `${path}.value`, added);
    return keyType === table.keyType && valueType === table.valueType
      ? table
      : { ...table, keyType, valueType };
  }
  throw conflict(path, table, data);
}

function conflict(path: string, table: DeltaType, data: DeltaType): MetadataSchemaError {
  return new MetadataSchemaError(
    `delta: column "${path}" has type ${typeName(table)} in the table but ${typeName(data)} in the data`,
  );
}
