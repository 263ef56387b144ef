#!/usr/bin/env node
// Builds the native kernels (native/ → native/metaxy-native.<platform>.node) when cargo is on the
// PATH; otherwise says so in one line and succeeds, because the portable TypeScript kernels give
// identical results. Run by `npm run build` and `npm run build:native`; never an install script.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const started = Date.now();

if (spawnSync("cargo", ["--version"], { stdio: "ignore" }).error) {
  console.log(
    "metaxy: cargo not found, skipping the native kernels; the portable TypeScript kernels will be used",
  );
  process.exit(0);
}

/** The @napi-rs/cli entry script, when the dev dependency is installed. */
function napiCli() {
  try {
    const require = createRequire(join(root, "package.json"));
    const pkgPath = require.resolve("@napi-rs/cli/package.json");
    const pkg = require(pkgPath);
    const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.napi;
    const cli = bin && join(dirname(pkgPath), bin);
    return cli && existsSync(cli) ? cli : null;
  } catch {
    return null;
  }
}

// `napi build` names the file by platform (linux-x64-gnu, darwin-arm64, …) exactly as the loader
// in src/kernels/native.ts expects; --offline because the crates have no dependencies to fetch.
const cli = napiCli();
if (cli === null) {
  console.error(
    "metaxy: @napi-rs/cli is not installed (npm ci installs it); cannot build the native kernels",
  );
  process.exit(1);
}
const args = [
  cli,
  "build",
  "--platform",
  "--release",
  "--manifest-path",
  "native/Cargo.toml",
  "--package-json-path",
  "package.json",
  "--output-dir",
  "native",
  "--no-js",
  "--",
  "--offline",
];
const run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
if (run.status !== 0) {
  process.stderr.write(run.stdout ?? "");
  process.stderr.write(run.stderr ?? "");
  console.error(`metaxy: building the native kernels failed (exit ${run.status ?? run.signal})`);
  process.exit(1);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`metaxy: built the native kernels into native/ in ${seconds}s`);
