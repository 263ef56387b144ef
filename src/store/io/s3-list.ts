import { ObjectStoreError } from "../../errors.js";
import { compareObjectKeys } from "./object-key.js";
import type { ObjectInfo } from "./object-store.js";
import { s3Failure } from "./s3-errors.js";
import { encodeRfc3986, type S3Transport } from "./s3-transport.js";
import { xmlBlocks, xmlElements, xmlText } from "./s3-xml.js";

/**
 * One ListObjectsV2 response page.
 *
 * @example
 * const { objects, next } = parseListPage(xml);
 */
export interface ListPage {
  /** Full bucket keys (the store prefix not yet removed). */
  readonly objects: readonly ObjectInfo[];
  /** Token for the next page, or `undefined` on the last page. */
  readonly next: string | undefined;
}

/**
 * Every object under `prefix` (relative to the store), following ListObjectsV2 continuation tokens,
 * with keys relative to the store and sorted in code-point order.
 *
 * @example
 * await listObjects(transport, "_delta_log/"); // [{ key: "_delta_log/00000000000000000000.json", size: 812 }]
 */
export async function listObjects(transport: S3Transport, prefix: string): Promise<ObjectInfo[]> {
  const { keyPrefix, display } = transport.config;
  const out: ObjectInfo[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    let query = `list-type=2&encoding-type=url&prefix=${encodeRfc3986(keyPrefix + prefix)}`;
    if (token !== undefined) query += `&continuation-token=${encodeRfc3986(token)}`;
    const response = await transport.send("list", { method: "GET", key: null, query }, prefix);
    if (response.status !== 200) throw await s3Failure("list", prefix, display, response);
    const page = parseListPage(await response.text());
    for (const object of page.objects) {
      // Every key starts with the requested prefix, so with ours; the check only guards odd servers.
      if (object.key.startsWith(keyPrefix))
        out.push({ key: object.key.slice(keyPrefix.length), size: object.size });
    }
    if (page.next !== undefined && seen.has(page.next)) {
      throw new ObjectStoreError(
        `object store: list ${JSON.stringify(prefix)} in ${display} failed: the server repeated a continuation token`,
      );
    }
    token = page.next;
    if (token !== undefined) seen.add(token);
  } while (token !== undefined);
  return out.sort((a, b) => compareObjectKeys(a.key, b.key));
}

/**
 * Parses one ListObjectsV2 XML page. Keys are URL-decoded only when the server says it encoded them
 * (`<EncodingType>url</EncodingType>`); some servers ignore `encoding-type=url`.
 *
 * @example
 * parseListPage("<ListBucketResult><Contents><Key>a</Key><Size>3</Size></Contents><IsTruncated>false</IsTruncated></ListBucketResult>");
 * // { objects: [{ key: "a", size: 3 }], next: undefined }
 */
export function parseListPage(xml: string): ListPage {
  const urlEncoded = xmlText(xml, "EncodingType")?.toLowerCase() === "url";
  const objects = xmlBlocks(xml, "Contents").map((block) => {
    const rawKey = xmlElements(block, "Key")[0] ?? "";
    const key = urlEncoded ? decodeURIComponent(rawKey.replace(/\+/g, " ")) : rawKey;
    return { key, size: Number(xmlElements(block, "Size")[0] ?? "0") };
  });
  const truncated = xmlText(xml, "IsTruncated")?.trim() === "true";
  const next = truncated ? xmlText(xml, "NextContinuationToken") : undefined;
  if (truncated && (next === undefined || next === "")) {
    throw new ObjectStoreError("object store: list failed: a truncated page without NextContinuationToken");
  }
  return { objects, next };
}
