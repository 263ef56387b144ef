import { homedir } from "node:os";
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ObjectStoreError } from "../../errors.js";
import { LocalObjectStore } from "./local.js";
import type { ObjectStore } from "./object-store.js";
import { S3ObjectStore } from "./s3.js";
import { type StorageOptions, s3OptionsFromStorage } from "./s3-options.js";
import { sanitizeUri } from "./sanitize-uri.js";

export { sanitizeUri } from "./sanitize-uri.js";

// Schemes delta-rs knows that this port does not implement (yet).
const UNSUPPORTED = new Set([
  "gs",
  "gcs",
  "az",
  "azure",
  "abfs",
  "abfss",
  "adl",
  "http",
  "https",
  "hdfs",
  "memory",
]);

/**
 * The object store behind a Delta `root_path`, as Metaxy's Delta store accepts it: a local path
 * (relative to the working directory, `~` expanded), `file://` or `local://` URIs, or
 * `s3://bucket/prefix` (also `s3a://`) configured from delta-rs `storage_options` and the AWS
 * environment variables. Google Cloud and Azure URIs are refused with an `ObjectStoreError`.
 *
 * @example
 * openObjectStore("./metadata").display; // "/home/me/project/metadata"
 * openObjectStore("s3://bucket/metaxy", { AWS_REGION: "eu-west-1" }).display; // "s3://bucket/metaxy"
 */
export function openObjectStore(rootPath: string, storageOptions?: StorageOptions): ObjectStore {
  if (rootPath.trim() === "") throw new ObjectStoreError("object store: the root path is empty");
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rootPath)?.[1]?.toLowerCase();
  if (scheme === undefined) return new LocalObjectStore(localRoot(rootPath));
  if (scheme === "file") return new LocalObjectStore(fileRoot(rootPath));
  if (scheme === "local") return new LocalObjectStore(localRoot(rootPath.slice("local://".length)));
  if (scheme === "s3" || scheme === "s3a") {
    const rest = rootPath.slice(scheme.length + 3);
    const slash = rest.indexOf("/");
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const prefix = slash < 0 ? "" : rest.slice(slash + 1).replace(/^\/+|\/+$/g, "");
    if (bucket === "" || bucket.includes("@") || /[?#]/.test(rest)) {
      throw new ObjectStoreError(
        `object store: ${JSON.stringify(sanitizeUri(rootPath))} is not an s3://bucket/prefix URI (credentials belong in storage options)`,
      );
    }
    return new S3ObjectStore(s3OptionsFromStorage(bucket, prefix, storageOptions));
  }
  const known = UNSUPPORTED.has(scheme) ? "is not supported yet" : "is unknown";
  throw new ObjectStoreError(
    `object store: ${JSON.stringify(sanitizeUri(rootPath))}: the ${scheme}:// scheme ${known}; use a local path or s3://`,
  );
}

function localRoot(path: string): string {
  if (path === "~") return homedir();
  if (path.startsWith("~/") || path.startsWith("~\\")) return resolve(homedir(), path.slice(2));
  return isAbsolute(path) ? path : resolve(path);
}

function fileRoot(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch (error) {
    throw new ObjectStoreError(
      `object store: ${JSON.stringify(sanitizeUri(uri))} is not a valid file:// URI`,
      {
        cause: error,
      },
    );
  }
}
