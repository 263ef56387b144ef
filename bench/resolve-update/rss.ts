import { readFileSync } from "node:fs";

/**
 * Peak resident set size of this process in KiB (`VmHWM` of /proc/self/status; falls back to
 * `process.resourceUsage().maxRSS` off Linux).
 *
 * @example
 * const peakKib = peakRssKib();
 */
export function peakRssKib(): number {
  return statusKib("VmHWM") ?? process.resourceUsage().maxRSS;
}

/**
 * Current resident set size in KiB (`VmRSS`), or `process.memoryUsage().rss` off Linux.
 *
 * @example
 * const nowKib = currentRssKib();
 */
export function currentRssKib(): number {
  return statusKib("VmRSS") ?? Math.round(process.memoryUsage().rss / 1024);
}

function statusKib(field: string): number | null {
  try {
    const status = readFileSync("/proc/self/status", "utf8");
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match === null ? null : Number(match[1]);
  } catch {
    return null;
  }
}
