/** Timing helpers of the kernel benchmark: best of several runs after a warm-up. */

/** Best wall time in ms of `runs` calls of `fn` (after one untimed warm-up call). */
export async function best(runs: number, fn: () => unknown): Promise<number> {
  return (await bestWithCpu(runs, fn)).wall;
}

/**
 * Best wall time in ms of `runs` calls of `fn`, with the process CPU time (all threads) of that
 * same run: CPU / wall shows how many cores the run really got on a shared machine.
 */
export async function bestWithCpu(runs: number, fn: () => unknown): Promise<{ wall: number; cpu: number }> {
  await fn();
  let min = { wall: Number.POSITIVE_INFINITY, cpu: 0 };
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    const wall = performance.now() - t;
    const used = process.cpuUsage(c);
    if (wall < min.wall) min = { wall, cpu: (used.user + used.system) / 1000 };
  }
  return min;
}

/** `12.3 ms`. */
export function ms(v: number): string {
  return `${v.toFixed(1)} ms`;
}

/** Millions of rows per second. */
export function mrows(rows: number, millis: number): string {
  return `${(rows / millis / 1000).toFixed(1)} M/s`;
}

/** `2.5×`: how many times faster `fast` is than `slow`. */
export function ratio(slow: number, fast: number): string {
  return `${(slow / fast).toFixed(1)}×`;
}

/** A markdown table. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}
