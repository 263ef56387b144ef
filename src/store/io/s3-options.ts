import { InvalidConfigError } from "../../errors.js";

/**
 * Where and how to reach one S3 bucket. Defaults follow delta-rs / `object_store`: path-style
 * requests, region `us-east-1`, HTTPS only unless `allowHttp`.
 *
 * @example
 * const options: S3Options = { bucket: "metadata", prefix: "prod", region: "eu-west-1", accessKeyId, secretAccessKey };
 */
export interface S3Options {
  readonly bucket: string;
  /** Key prefix inside the bucket, without leading or trailing `/` (`""` for the bucket root). */
  readonly prefix?: string;
  /**
   * Service URL, e.g. `http://127.0.0.1:9000`. Path-style requests go to `{endpoint}/{bucket}/{key}`;
   * with `virtualHostedStyle` the endpoint is taken as the bucket's own URL, as delta-rs does.
   */
  readonly endpoint?: string;
  readonly region?: string;
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  readonly sessionToken?: string;
  /** `https://{bucket}.s3.{region}.amazonaws.com/{key}` instead of `https://s3.{region}.amazonaws.com/{bucket}/{key}`. */
  readonly virtualHostedStyle?: boolean;
  /** Permit an `http://` endpoint (local servers). */
  readonly allowHttp?: boolean;
  /** Send unsigned requests (public buckets, servers without auth). */
  readonly skipSignature?: boolean;
  /** Extra attempts after a 5xx, 429 or network failure (default 3). */
  readonly retries?: number;
}

/**
 * delta-rs style `storage_options`: string values as delta-rs takes them; TOML may give booleans.
 *
 * @example
 * const storage: StorageOptions = { AWS_REGION: "eu-west-1", AWS_ALLOW_HTTP: true };
 */
export type StorageOptions = Readonly<Record<string, string | number | boolean>>;

type Field =
  | "accessKeyId"
  | "secretAccessKey"
  | "sessionToken"
  | "region"
  | "defaultRegion"
  | "endpoint"
  | "virtualHostedStyle"
  | "allowHttp"
  | "skipSignature";

// The key spellings `object_store`'s AmazonConfigKey accepts (compared lowercased), plus the AWS
// CLI's AWS_ENDPOINT_URL_S3.
const ALIASES: Readonly<Record<string, Field>> = {
  aws_access_key_id: "accessKeyId",
  access_key_id: "accessKeyId",
  aws_secret_access_key: "secretAccessKey",
  secret_access_key: "secretAccessKey",
  aws_session_token: "sessionToken",
  aws_token: "sessionToken",
  session_token: "sessionToken",
  token: "sessionToken",
  aws_region: "region",
  region: "region",
  aws_default_region: "defaultRegion",
  default_region: "defaultRegion",
  aws_endpoint_url_s3: "endpoint",
  aws_endpoint_url: "endpoint",
  aws_endpoint: "endpoint",
  endpoint_url: "endpoint",
  endpoint: "endpoint",
  aws_virtual_hosted_style_request: "virtualHostedStyle",
  virtual_hosted_style_request: "virtualHostedStyle",
  aws_allow_http: "allowHttp",
  allow_http: "allowHttp",
  aws_skip_signature: "skipSignature",
  skip_signature: "skipSignature",
};

// Environment variables in order of preference per field.
const ENVIRONMENT: Readonly<Record<Field, readonly string[]>> = {
  accessKeyId: ["AWS_ACCESS_KEY_ID"],
  secretAccessKey: ["AWS_SECRET_ACCESS_KEY"],
  sessionToken: ["AWS_SESSION_TOKEN"],
  region: ["AWS_REGION"],
  defaultRegion: ["AWS_DEFAULT_REGION"],
  endpoint: ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL", "AWS_ENDPOINT"],
  virtualHostedStyle: ["AWS_VIRTUAL_HOSTED_STYLE_REQUEST"],
  allowHttp: ["AWS_ALLOW_HTTP"],
  skipSignature: ["AWS_SKIP_SIGNATURE"],
};

/**
 * Builds `S3Options` from delta-rs `storage_options` (key names case-insensitive, e.g. `AWS_REGION`
 * or `aws_region`), falling back to the standard AWS environment variables. Credentials come as one
 * set: when the options name an access key, the session token is never taken from the environment.
 * Keys for other clouds or for delta-rs locking (`AWS_S3_ALLOW_UNSAFE_RENAME`…) are ignored: commits
 * here use conditional PUT.
 *
 * @example
 * s3OptionsFromStorage("bucket", "tables", { AWS_ENDPOINT_URL: "http://127.0.0.1:9000", AWS_ALLOW_HTTP: "true" });
 * // { bucket: "bucket", prefix: "tables", endpoint: "http://127.0.0.1:9000", allowHttp: true, … }
 */
export function s3OptionsFromStorage(
  bucket: string,
  prefix: string,
  storageOptions: StorageOptions = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): S3Options {
  const given = new Map<Field, string>();
  for (const [name, value] of Object.entries(storageOptions)) {
    const field = ALIASES[name.toLowerCase()];
    if (field !== undefined && !given.has(field)) given.set(field, String(value));
  }
  const fromEnv = (field: Field): string | undefined => {
    for (const name of ENVIRONMENT[field]) {
      const value = env[name];
      if (value !== undefined && value !== "") return value;
    }
    return undefined;
  };
  const pick = (field: Field): string | undefined => given.get(field) ?? fromEnv(field);
  const ownKeys = given.has("accessKeyId") || given.has("secretAccessKey");
  const secret = (field: Field): string | undefined => (ownKeys ? given.get(field) : fromEnv(field));
  const flag = (field: Field): boolean | undefined => {
    const value = pick(field);
    return value === undefined ? undefined : parseFlag(field, value);
  };
  return withoutUndefined({
    bucket,
    prefix,
    endpoint: pick("endpoint"),
    region:
      given.get("region") ?? given.get("defaultRegion") ?? fromEnv("region") ?? fromEnv("defaultRegion"),
    accessKeyId: secret("accessKeyId"),
    secretAccessKey: secret("secretAccessKey"),
    sessionToken: secret("sessionToken"),
    virtualHostedStyle: flag("virtualHostedStyle"),
    allowHttp: flag("allowHttp"),
    skipSignature: flag("skipSignature"),
  });
}

const TRUE = new Set(["true", "1", "yes", "y", "on"]);
const FALSE = new Set(["false", "0", "no", "n", "off", ""]);

function parseFlag(field: Field, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new InvalidConfigError(
    `object store: storage option for ${field} must be true or false, got ${JSON.stringify(value)}`,
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
