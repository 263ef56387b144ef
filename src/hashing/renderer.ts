import type { HashAlgorithm } from "../kernels/kernels.js";
import { parseHashAlgorithm } from "./algorithms.js";
import { md5 } from "./md5.js";
import { writeHex, writeU64Decimal, writeUintDecimal } from "./render.js";
import { sha256 } from "./sha256.js";
import { wyhash } from "./wyhash.js";
import { xxh32 } from "./xxh32.js";
import { xxh64 } from "./xxh64.js";

/**
 * Hashes `data[start, end)` and writes Metaxy's rendering (unsigned decimal or lowercase hex) into
 * `out` at `pos`; returns the end position. Allocation-free.
 *
 * @example
 * const render: HashRenderer = hashRenderer("md5");
 */
export type HashRenderer = (
  data: Uint8Array,
  start: number,
  end: number,
  out: Uint8Array,
  pos: number,
) => number;

const words = new Uint32Array(2);
const digest = new Uint8Array(32);

const renderers: Readonly<Record<HashAlgorithm, HashRenderer>> = {
  xxhash32: (data, start, end, out, pos) => writeUintDecimal(xxh32(data, start, end), out, pos),
  xxhash64: (data, start, end, out, pos) => {
    xxh64(data, start, end, words);
    return writeU64Decimal(words[0]!, words[1]!, out, pos);
  },
  wyhash: (data, start, end, out, pos) => {
    wyhash(data, start, end, words);
    return writeU64Decimal(words[0]!, words[1]!, out, pos);
  },
  md5: (data, start, end, out, pos) => {
    md5(data, start, end, digest, 0);
    return writeHex(digest, 16, out, pos);
  },
  sha256: (data, start, end, out, pos) => {
    sha256(data, start, end, digest, 0);
    return writeHex(digest, 32, out, pos);
  },
};

/**
 * The synchronous hash-and-render function of an algorithm, for hashing many byte ranges.
 *
 * @example
 * const render = hashRenderer("xxhash32");
 * const out = new Uint8Array(10);
 * const end = render(new TextEncoder().encode("hello_world"), 0, 11, out, 0); // "1605956417"
 */
export function hashRenderer(algorithm: HashAlgorithm): HashRenderer {
  return renderers[parseHashAlgorithm(algorithm)];
}
