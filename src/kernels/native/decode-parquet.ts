import type { DecodedParquetChunk, ParquetChunk, ParquetDecoder } from "../parquet-decoder.js";
import type { NativeBinding } from "./binding.js";
import { callNative } from "./call.js";

/**
 * Codecs the Rust decoder reads: uncompressed, snappy (Delta's default, delta-rs and Spark alike)
 * and zstd (6; our writer's former default, decoded by the crate's own Zstandard decompressor).
 */
const CODECS: ReadonlySet<number> = new Set([0, 1, 6]);

/**
 * The Rust Parquet page decoder: every chunk of one call decoded on up to `threads()` threads.
 *
 * @example
 * const decoder = nativeParquetDecoder(binding, () => 2);
 * const [chunk] = decoder.decode([{ bytes, physicalType: 2, typeLength: 0, codec: 1, maxDefinitionLevel: 0, maxRepetitionLevel: 0, numValues: 10 }]);
 */
export function nativeParquetDecoder(b: NativeBinding, threads: () => number): ParquetDecoder {
  return {
    codecs: CODECS,
    decode(chunks: readonly ParquetChunk[]): DecodedParquetChunk[] {
      const specs = chunks.map(
        (c) =>
          [
            c.bytes,
            c.physicalType,
            c.typeLength,
            c.codec,
            c.maxDefinitionLevel,
            c.maxRepetitionLevel,
            c.numValues,
          ] as const,
      );
      const out = callNative(() => b.decodeParquetChunks(specs, threads()));
      return out.map(([definitionLevels, repetitionLevels, values, offsets, count]) => ({
        definitionLevels,
        repetitionLevels,
        values,
        offsets,
        count,
      }));
    },
  };
}
