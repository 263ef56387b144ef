import { CONFIGS, type ConfigName } from "./duckdb-sql.js";
import { SCENARIOS, type ScenarioName } from "./graphs.js";
import { PHASES, type PhaseName } from "./jobs.js";
import type { BenchRun, CellResult, SideSummary } from "./results.js";

const PANEL_W = 420;
const PANEL_H = 300;
const MARGIN = { left: 78, right: 20, top: 40, bottom: 50 };
const COLORS: Readonly<Record<ScenarioName, string>> = { simple: "#1f77b4", wide: "#d62728" };
const SIDES = [
  { key: "ours", label: "Metaxy-TS", dash: "" },
  { key: "duckdb", label: "DuckDB", dash: "6 4" },
] as const;

/**
 * A log-log plot like the paper's: one panel per (config, phase), wall time against N, the median
 * as a line and the IQR as a shaded band, one colour per scenario, ours solid and DuckDB dashed.
 * Plain SVG text, no dependency.
 *
 * @example
 * writeFileSync("bench/results/resolve-update.svg", plotSvg(run));
 */
export function plotSvg(run: BenchRun): string {
  const configs = CONFIGS.filter((c) => run.cells.some((x) => x.config === c));
  const phases = PHASES.filter((p) => run.cells.some((x) => x.phase === p));
  const ns = [...new Set(run.cells.map((c) => c.n))].sort((a, b) => a - b);
  const all = run.cells.flatMap((c) => [c.ours.ms, c.duckdb.ms]);
  const x = logScale(ns[0]! / 1.5, ns[ns.length - 1]! * 1.5, 0, PANEL_W);
  const yLo = Math.min(...all.map((s) => s.q1)) / 1.5;
  const yHi = Math.max(...all.map((s) => s.q3)) * 1.5;
  const y = logScale(yLo, yHi, PANEL_H, 0);
  const width = phases.length * (PANEL_W + MARGIN.left + MARGIN.right);
  const height = configs.length * (PANEL_H + MARGIN.top + MARGIN.bottom) + 40;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
  ];
  configs.forEach((config, row) => {
    phases.forEach((phase, col) => {
      const ox = col * (PANEL_W + MARGIN.left + MARGIN.right) + MARGIN.left;
      const oy = row * (PANEL_H + MARGIN.top + MARGIN.bottom) + MARGIN.top;
      parts.push(panel(run.cells, config, phase, ox, oy, x, y, ns, [yLo, yHi]));
    });
  });
  parts.push(legend(height - 22));
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

type Scale = ((v: number) => number) & { readonly lo: number; readonly hi: number };

function logScale(lo: number, hi: number, from: number, to: number): Scale {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Object.assign((v: number) => from + ((Math.log10(v) - a) / (b - a)) * (to - from), { lo, hi });
}

function panel(
  cells: readonly CellResult[],
  config: ConfigName,
  phase: PhaseName,
  ox: number,
  oy: number,
  x: Scale,
  y: Scale,
  ns: readonly number[],
  [yLo, yHi]: readonly [number, number],
): string {
  const out: string[] = [`<g transform="translate(${ox},${oy})">`];
  out.push(
    `<text x="${PANEL_W / 2}" y="-14" text-anchor="middle" font-weight="bold">${phase} phase, ${config} config</text>`,
  );
  out.push(`<rect width="${PANEL_W}" height="${PANEL_H}" fill="none" stroke="#444"/>`);
  for (const n of ns) {
    const px = x(n).toFixed(1);
    out.push(`<line x1="${px}" x2="${px}" y1="0" y2="${PANEL_H}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${px}" y="${PANEL_H + 16}" text-anchor="middle">${nLabel(n)}</text>`);
  }
  for (let e = Math.floor(Math.log10(yLo)); e <= Math.ceil(Math.log10(yHi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v < yLo || v > yHi) continue;
      const py = y(v).toFixed(1);
      out.push(
        `<line x1="0" x2="${PANEL_W}" y1="${py}" y2="${py}" stroke="${m === 1 ? "#d0d0d0" : "#f0f0f0"}"/>`,
      );
      out.push(`<text x="-6" y="${py}" text-anchor="end" dominant-baseline="middle">${msLabel(v)}</text>`);
    }
  }
  out.push(`<text x="${PANEL_W / 2}" y="${PANEL_H + 36}" text-anchor="middle">N (rows per root)</text>`);
  out.push(
    `<text transform="translate(-58,${PANEL_H / 2}) rotate(-90)" text-anchor="middle">wall time</text>`,
  );
  for (const scenario of SCENARIOS) {
    const series = cells
      .filter((c) => c.config === config && c.phase === phase && c.scenario === scenario)
      .sort((a, b) => a.n - b.n);
    if (series.length === 0) continue;
    for (const side of SIDES) {
      out.push(
        line(
          series.map((c) => [c.n, c[side.key]] as const),
          x,
          y,
          COLORS[scenario],
          side.dash,
        ),
      );
    }
  }
  out.push("</g>");
  return out.join("\n");
}

function line(
  points: readonly (readonly [number, SideSummary])[],
  x: Scale,
  y: Scale,
  color: string,
  dash: string,
): string {
  const upper = points.map(([n, s]) => `${x(n).toFixed(1)},${y(s.ms.q3).toFixed(1)}`);
  const lower = points.map(([n, s]) => `${x(n).toFixed(1)},${y(s.ms.q1).toFixed(1)}`).reverse();
  const median = points.map(([n, s]) => `${x(n).toFixed(1)},${y(s.ms.median).toFixed(1)}`);
  const dashAttr = dash === "" ? "" : ` stroke-dasharray="${dash}"`;
  return [
    `<polygon points="${[...upper, ...lower].join(" ")}" fill="${color}" fill-opacity="0.15" stroke="none"/>`,
    `<polyline points="${median.join(" ")}" fill="none" stroke="${color}" stroke-width="2"${dashAttr}/>`,
    ...median.map((p) => {
      const [cx, cy] = p.split(",");
      return `<circle cx="${cx}" cy="${cy}" r="3" fill="${dash === "" ? color : "white"}" stroke="${color}"/>`;
    }),
  ].join("\n");
}

function legend(top: number): string {
  const items: string[] = [];
  let cx = MARGIN.left;
  for (const scenario of SCENARIOS) {
    for (const side of SIDES) {
      const dash = side.dash === "" ? "" : ` stroke-dasharray="${side.dash}"`;
      items.push(
        `<line x1="${cx}" x2="${cx + 30}" y1="${top}" y2="${top}" stroke="${COLORS[scenario]}" stroke-width="2"${dash}/>`,
        `<text x="${cx + 36}" y="${top}" dominant-baseline="middle">${scenario}, ${side.label}</text>`,
      );
      cx += 170;
    }
  }
  items.push(
    `<text x="${cx}" y="${top}" dominant-baseline="middle" fill="#555">line: median, band: IQR</text>`,
  );
  return items.join("\n");
}

function nLabel(n: number): string {
  if (n >= 1e6 && n % 1e6 === 0) return `${n / 1e6}M`;
  if (n >= 1e3 && n % 1e3 === 0) return `${n / 1e3}k`;
  return String(n);
}

function msLabel(ms: number): string {
  if (ms >= 1000) return `${Number((ms / 1000).toPrecision(3))} s`;
  return `${Number(ms.toPrecision(3))} ms`;
}
