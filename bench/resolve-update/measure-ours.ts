import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import type { Table } from "apache-arrow";
import { checksumTable } from "./checksum.js";
import { buildScenario } from "./graphs.js";
import { checksumKind, type Measurement, ourAlgorithm, type RoundSpec, storeDir } from "./jobs.js";
import { currentRssKib, peakRssKib } from "./rss.js";
import { benchStore } from "./store.js";

/**
 * Our timed region, as the paper times it: construct and open (`"w"`) the store,
 * `resolveUpdate(leaf)`, materialise the increment tables, close. Arrow tables are already
 * materialised when `resolveUpdate` resolves; touching every column's chunks makes sure nothing
 * lazy is left outside the timer. Peak RSS is read right after; checksums are untimed. With
 * `cpuProfilePath`, a V8 CPU profile of exactly the timed region is written there (the profiler
 * adds a little overhead, so such a run is for the breakdown, not for the timing).
 *
 * @example
 * const m = await measureOurs(round);
 */
export async function measureOurs(round: RoundSpec, cpuProfilePath?: string): Promise<Measurement> {
  const scenario = buildScenario(round.scenario);
  const session = cpuProfilePath === undefined ? null : await startProfiler();
  const startRssKib = currentRssKib();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const store = benchStore(storeDir(round), scenario.graph, ourAlgorithm(round.config), round.kernels);
  const inc = await store.withOpen("w", (s) => s.resolveUpdate(scenario.leaf));
  for (const table of [inc.new, inc.stale, inc.orphaned]) materialise(table);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const peak = peakRssKib();
  if (session !== null) {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(cpuProfilePath!, JSON.stringify(profile));
    session.disconnect();
  }
  const kind = checksumKind(round.config);
  return {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssKib: peak,
    startRssKib,
    counts: inc.counts,
    checksums: { new: checksumTable(inc.new, kind).sha, stale: checksumTable(inc.stale, kind).sha },
  };
}

function materialise(table: Table): void {
  for (const field of table.schema.fields) {
    for (const data of table.getChild(field.name)?.data ?? []) {
      if (data.length > 0 && data.values === undefined && data.children.length === 0) {
        throw new Error(`bench: column "${field.name}" has no buffers`);
      }
    }
  }
}

async function startProfiler(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  return session;
}
