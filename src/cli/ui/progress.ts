import { SingleBar } from "cli-progress";
import type { CliIO } from "../cli-io.js";

/**
 * Progress over a known number of steps: a cli-progress bar on an interactive stderr, one plain
 * `[i/n] label` line per step otherwise (CI logs, pipes).
 *
 * @example
 * const progress = startProgress(io, features.length, "Checking");
 * for (const f of features) { progress.step(f.key.toString()); await check(f); }
 * progress.stop();
 */
export interface Progress {
  /** Announces the next step. */
  step(label: string): void;
  /** Finishes the display. */
  stop(): void;
}

/**
 * Starts a {@link Progress} for `total` steps titled `title`.
 *
 * @example
 * startProgress(io, 3, "Copying").step("video/raw");
 */
export function startProgress(io: CliIO, total: number, title: string): Progress {
  let done = 0;
  if (!io.interactive) {
    return {
      step: (label) => {
        done += 1;
        io.status(`${title} [${done}/${total}] ${label}`);
      },
      stop: () => {},
    };
  }
  const bar = new SingleBar({
    format: `${title} [{bar}] {value}/{total} {label}`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { label: "" });
  return {
    step: (label) => {
      bar.update(done, { label });
      done += 1;
    },
    stop: () => {
      bar.update(done, { label: "" });
      bar.stop();
    },
  };
}
