import { readFileSync } from "node:fs";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/**
 * Self time (ms) of one function or area, and its share of all samples.
 *
 * @example
 * const top: SelfTime = summarizeCpuProfile(path, 10).functions[0]!;
 */
export interface SelfTime {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

/**
 * Self time of a V8 `.cpuprofile` (from `node --cpu-prof`) grouped two ways: by area (our source
 * directory `src/<dir>`, a package under node_modules, wasm, or V8's own buckets such as the
 * garbage collector) and by function. Time spent inside the native addon shows under the JS
 * function that called it.
 *
 * @example
 * const { areas, functions } = summarizeCpuProfile("CPU.2026….cpuprofile", 15);
 */
export function summarizeCpuProfile(
  path: string,
  top: number,
): { readonly totalMs: number; readonly areas: SelfTime[]; readonly functions: SelfTime[] } {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n] as const));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") continue;
    total += ms;
    const area = areaOf(frame.url, frame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const fn = `${frame.functionName || "(anonymous)"} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  const rank = (m: Map<string, number>, limit: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, ms]) => ({ name, ms, share: ms / total }));
  return { totalMs: total, areas: rank(areas, 30), functions: rank(functions, top) };
}

function areaOf(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "native / builtins";
  if (url.startsWith("wasm://")) return "wasm (parquet-wasm)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/.][^/]*)\//.exec(url);
  if (pkg !== null && !url.includes("/.cache/")) return `npm: ${pkg[1]}`;
  const ours = /\/(src|bench)\/([^/]+)\//.exec(url);
  if (ours !== null) return `${ours[1]}/${ours[2]}`;
  if (url.startsWith("node:")) return "node internals";
  return "other";
}

function shortUrl(url: string): string {
  const ours = /\/((?:src|bench)\/.*)$/.exec(url);
  if (ours !== null) return ours[1]!;
  const pkg = /node_modules\/(?!\.cache)(.*)$/.exec(url);
  return pkg !== null ? pkg[1]! : url;
}
