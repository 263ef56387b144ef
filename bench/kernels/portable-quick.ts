/**
 * Quick throughput check of the portable kernels (not a test): hashRows over 1M rows with ~40-byte
 * pre-images (2 columns + literals, xxhash64, truncation 8) and a 1M × 1M anti join on string ids.
 *
 * Run: npx tsx bench/kernels/portable-quick.ts [rows]
 */
import { utf8Vector } from "../../src/arrow/strings.js";
import type { HashAlgorithm } from "../../src/kernels/kernels.js";
import { portableKernels as k } from "../../src/kernels/portable.js";

const n = Number(process.argv[2] ?? 1_000_000);
const ids = utf8Vector(Array.from({ length: n }, (_, i) => `sample_${String(i).padStart(7, "0")}`));
const versions = utf8Vector(
  Array.from({ length: n }, (_, i) => ((i * 2654435761) >>> 0).toString(16).padStart(8, "0")),
);
const others = utf8Vector(
  Array.from({ length: n }, (_, i) => `sample_${String(i + n / 2).padStart(7, "0")}`),
);

/** Best of `runs` after a warm-up; wall and user-CPU time (CPU is steadier on a shared machine). */
function best(label: string, runs: number, f: () => unknown): number {
  f();
  let wall = Number.POSITIVE_INFINITY;
  let cpu = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    f();
    wall = Math.min(wall, performance.now() - t);
    cpu = Math.min(cpu, process.cpuUsage(c).user / 1000);
  }
  console.log(`${label}: ${wall.toFixed(0)} ms wall, ${cpu.toFixed(0)} ms cpu`);
  return wall;
}

const parts = [
  { literal: "default" },
  { literal: "1" },
  { column: ids },
  { literal: "video/frames" },
  { column: versions },
];
const sample = k.hashRows("xxhash64", parts, { separator: "|", truncation: 8 }).get(0);
console.log(`pre-image "default|1|${ids.get(0)}|video/frames|${versions.get(0)}" -> ${sample}`);
for (const algorithm of ["xxhash64", "xxhash32", "wyhash", "md5", "sha256"] as HashAlgorithm[]) {
  const ms = best(`hashRows ${algorithm} ${n} rows`, 3, () =>
    k.hashRows(algorithm, parts, { separator: "|", truncation: 8 }),
  );
  console.log(`  ${(((n / ms) * 1000) / 1e6).toFixed(2)} M rows/s`);
}
best(`anti join ${n} x ${n}`, 3, () => k.join([ids], [others], "anti"));
best(`inner join ${n} x ${n}`, 3, () => k.join([ids], [others], "inner"));
