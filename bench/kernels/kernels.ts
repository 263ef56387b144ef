/**
 * Kernel benchmark: native (1 and 2 threads) vs portable TypeScript kernels, and DuckDB for the
 * anti join, all in one run. Prints markdown tables of times and ratios.
 *
 *   npm run bench:kernels            # 1M rows
 *   npm run bench:kernels -- --large # also 10M rows
 *
 * hashRows times the whole operation: pre-image assembly from Arrow buffers, hash, rendering,
 * truncation to 8, and the output Utf8 column. Pre-images are 41 bytes:
 * `<field version>|<sample id>|<upstream version>|<upstream version>`.
 * The anti join is `a ANTI JOIN b` on UInt64 keys with 1 % of `a` missing from `b`; DuckDB runs
 * it over tables loaded beforehand (threads = 2) and returns the kept row numbers to JS.
 */
import { availableParallelism, cpus, loadavg } from "node:os";
import type { HashAlgorithm, Kernels, PreimagePart } from "../../src/kernels/kernels.js";
import { loadNativeKernels } from "../../src/kernels/native.js";
import { portableKernels } from "../../src/kernels/portable.js";
import { hexVersions, sampleIds, u64Vector } from "./data.js";
import { antiJoinPeer } from "./duckdb-peer.js";
import { best, bestWithCpu, mrows, ms, ratio, table } from "./timing.js";

const large = process.argv.includes("--large");
const sizes = large ? [1_000_000, 10_000_000] : [1_000_000];

function nativeSets(): { one: Kernels; two: Kernels } | null {
  try {
    return { one: loadNativeKernels({ threads: 1 }), two: loadNativeKernels({ threads: 2 }) };
  } catch (e) {
    console.log(`native kernels unavailable (${(e as Error).message}); timing the portable kernels only`);
    return null;
  }
}

async function hashRowsTable(native: { one: Kernels; two: Kernels } | null): Promise<string> {
  const rows: string[][] = [];
  for (const n of sizes) {
    const ids = sampleIds(n);
    const v1 = hexVersions(n);
    const v2 = hexVersions(n).slice(0); // same bytes, a second column
    const parts: PreimagePart[] = [{ literal: "1f2e3d4c" }, { column: ids }, { column: v1 }, { column: v2 }];
    const algorithms: HashAlgorithm[] =
      n > 1_000_000 ? ["xxhash64", "xxhash32"] : ["xxhash64", "xxhash32", "wyhash", "md5", "sha256"];
    for (const algorithm of algorithms) {
      const runs = n > 1_000_000 ? 3 : 5;
      const run = (k: Kernels) => () => k.hashRows(algorithm, parts, { separator: "|", truncation: 8 });
      const tp = await best(n > 1_000_000 ? 1 : 3, run(portableKernels));
      const t1 = native ? await best(runs, run(native.one)) : Number.NaN;
      const t2 = native ? await bestWithCpu(runs, run(native.two)) : { wall: Number.NaN, cpu: Number.NaN };
      rows.push([
        n.toLocaleString("en-US"),
        algorithm,
        `${ms(t1)} (${mrows(n, t1)})`,
        `${ms(t2.wall)} (${mrows(n, t2.wall)})`,
        (t2.cpu / t2.wall).toFixed(2),
        `${ms(tp)} (${mrows(n, tp)})`,
        ratio(tp, t1),
        ratio(tp, t2.wall),
      ]);
    }
  }
  return table(
    [
      "rows",
      "algorithm",
      "native 1 thread",
      "native 2 threads",
      "cores the 2-thread run got",
      "portable",
      "native 1T vs portable",
      "native 2T vs portable",
    ],
    rows,
  );
}

async function antiJoinTable(native: { one: Kernels; two: Kernels } | null): Promise<string> {
  const rows: string[][] = [];
  for (const n of sizes) {
    const peer = await antiJoinPeer(n, 2);
    const left = [u64Vector(peer.left)];
    const right = [u64Vector(peer.right)];
    const runs = n > 1_000_000 ? 3 : 5;
    const kept = portableKernels.join(left, right, "anti").left.length;
    if (native && native.one.join(left, right, "anti").left.length !== kept)
      throw new Error("native ≠ portable");
    if ((await peer.antiJoin()) !== kept) throw new Error("DuckDB ≠ portable");
    const tp = await best(n > 1_000_000 ? 1 : 3, () => portableKernels.join(left, right, "anti"));
    const t1 = native ? await best(runs, () => native.one.join(left, right, "anti")) : Number.NaN;
    const t2 = native ? await best(runs, () => native.two.join(left, right, "anti")) : Number.NaN;
    const td = await best(runs, () => peer.antiJoin());
    peer.close();
    const size = `${n.toLocaleString("en-US")} × ${n.toLocaleString("en-US")}`;
    rows.push([
      size,
      kept.toLocaleString("en-US"),
      ms(t1),
      ms(t2),
      ms(tp),
      ms(td),
      ratio(td, Math.min(t1, t2)),
      ratio(tp, Math.min(t1, t2)),
    ]);
  }
  return table(
    [
      "UInt64 keys",
      "rows kept",
      "native 1 thread",
      "native 2 threads",
      "portable",
      "DuckDB (2 threads)",
      "DuckDB / native",
      "portable / native",
    ],
    rows,
  );
}

async function main(): Promise<void> {
  const native = nativeSets();
  const [l1, l5] = loadavg();
  console.log(
    `# Kernel benchmark\n\n${cpus()[0]?.model ?? "cpu"}, ${availableParallelism()} cores, load average ${l1!.toFixed(1)} / ${l5!.toFixed(1)} (1/5 min), Node ${process.version}. Best of several runs; ratios > 1 mean native is faster. "Cores the 2-thread run got" is process CPU time / wall time of that run: below 2 means other processes held a core.\n`,
  );
  console.log("## hashRows (41-byte pre-images, truncation 8)\n");
  console.log(await hashRowsTable(native));
  console.log("\n## Anti join\n");
  console.log(await antiJoinTable(native));
}

void main();
