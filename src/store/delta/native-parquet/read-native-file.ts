import type { Data, Field, Table } from "apache-arrow";
import { type ColumnChunk, type FileMetaData, parquetMetadataAsync, parquetSchema } from "hyparquet";
import type { DecodedParquetChunk, ParquetChunk, ParquetDecoder } from "../../../kernels/parquet-decoder.js";
import { tableFromColumns } from "../batches.js";
import { asyncBufferOf, type ByteSource } from "../byte-source.js";
import { castData } from "../cast.js";
import { findColumn } from "../find-column.js";
import { nullData } from "../null-data.js";
import type { FileReadPlan } from "../parquet-read.js";
import { partitionData } from "../partition-values.js";
import { assembleColumn } from "./assemble-column.js";
import { type ColumnShape, columnShape, type LeafColumn } from "./column-shape.js";
import { fetchRanges } from "./fetch-ranges.js";
import { PARQUET_CODEC, PARQUET_TYPE } from "./parquet-enums.js";

/** Footer bytes fetched at once: the same tail `openByteSource` keeps cached. */
const FOOTER_FETCH = 64 * 1024;

/**
 * Reads one data file with a vectorised page decoder, or returns null when this file needs the
 * general reader (a codec, type or nesting the decoder does not take, or a page it refuses): the
 * footer is parsed here, the wanted columns' chunks are fetched and decoded in one decoder call
 * (all row groups, on the decoder's threads), and each row group becomes one record batch of exactly
 * `plan.schema`, cast and filled as `readDataFile` does.
 *
 * @example
 * const table = (await readNativeFile(source, plan, add.partitionValues, kernels.parquet)) ?? (await readDataFile(source, plan, add.partitionValues));
 */
export async function readNativeFile(
  source: ByteSource,
  plan: FileReadPlan,
  partitionValues: Readonly<Record<string, string | null>>,
  decoder: ParquetDecoder,
): Promise<Table | null> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(asyncBufferOf(source), { initialFetchSize: FOOTER_FETCH });
  } catch {
    return null; // the general reader reports what is wrong with the file
  }
  const top = parquetSchema(metadata).children;
  const names = top.map((c) => c.element.name);
  const leaves: LeafColumn[] = [];
  const shapes: (ColumnShape | null)[] = [];
  for (const field of plan.schema.fields) {
    const name = plan.partitionColumns.has(field.name) ? null : findColumn(names, field.name);
    if (name === null) {
      shapes.push(null);
      continue;
    }
    const shape = columnShape(top[names.indexOf(name)]!, leaves);
    if (shape === null) return null;
    shapes.push(shape);
  }
  const lengths = metadata.row_groups.map((g) => Number(g.num_rows));
  const chunks = await chunksToDecode(source, metadata, leaves, decoder);
  if (chunks === null) return null;
  let decoded: DecodedParquetChunk[];
  try {
    decoded = decoder.decode(chunks);
  } catch {
    return null;
  }
  const columns: Data[][] = plan.schema.fields.map((field: Field, c: number) => {
    const shape = shapes[c]!;
    return lengths.map((rows, g) => {
      if (plan.partitionColumns.has(field.name)) {
        return partitionData(field.type, field.name, partitionValues[field.name], rows);
      }
      if (shape === null) return nullData(field.type, rows);
      const group = decoded.slice(g * leaves.length, (g + 1) * leaves.length);
      return castData(assembleColumn(shape, group, leaves, rows, field.name), field.type, field.name);
    });
  });
  return tableFromColumns(plan.schema, columns, lengths);
}

/** Every wanted leaf's chunk of every row group, row group by row group; null if one is not decodable. */
async function chunksToDecode(
  source: ByteSource,
  metadata: FileMetaData,
  leaves: readonly LeafColumn[],
  decoder: ParquetDecoder,
): Promise<ParquetChunk[] | null> {
  const specs: Omit<ParquetChunk, "bytes">[] = [];
  const ranges: [number, number][] = [];
  for (const group of metadata.row_groups) {
    const byPath = new Map<string, ColumnChunk>();
    for (const chunk of group.columns) {
      if (chunk.meta_data !== undefined) byPath.set(chunk.meta_data.path_in_schema.join("\u0000"), chunk);
    }
    for (const leaf of leaves) {
      const meta = byPath.get(leaf.path)?.meta_data;
      if (meta === undefined || meta.type === "INT96") return null;
      const codec = PARQUET_CODEC[meta.codec];
      if (!decoder.codecs.has(codec)) return null;
      const data = Number(meta.data_page_offset);
      const dictionary = meta.dictionary_page_offset === undefined ? 0 : Number(meta.dictionary_page_offset);
      // Some writers store 0 for "no dictionary page"; a dictionary page always precedes the data.
      const start = dictionary > 0 && dictionary < data ? dictionary : data;
      const end = start + Number(meta.total_compressed_size);
      if (end > source.size) return null;
      ranges.push([start, end]);
      specs.push({
        physicalType: PARQUET_TYPE[meta.type],
        typeLength: leaf.element.type_length ?? 0,
        codec,
        maxDefinitionLevel: leaf.maxDefinitionLevel,
        maxRepetitionLevel: leaf.maxRepetitionLevel,
        numValues: Number(meta.num_values),
      });
    }
  }
  const bytes = await fetchRanges(source, ranges);
  return specs.map((spec, i) => ({ ...spec, bytes: bytes[i]! }));
}
