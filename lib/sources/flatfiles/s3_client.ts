/**
 * A small S3 client for the flat files: SigV4 signing by `aws4fetch`, `ListObjectsV2` with
 * paging, streamed (and ranged) GETs, retries with exponential backoff for 5xx (503
 * SlowDown), timeouts and reset connections, and no retry for 401/403.
 *
 * @module
 */
import { AwsClient } from "aws4fetch";
import { FlatFileAuthError, FlatFileError, FlatFileNotFound } from "./errors.ts";
import { parseListPage, parseS3Error, type S3Object } from "./_list_xml.ts";

export type { S3Object } from "./_list_xml.ts";

/** Options for {@linkcode createS3Client}. */
export interface S3ClientOptions {
  /** e.g. `https://files.polygon.io` or `http://127.0.0.1:9000`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Retries after 5xx, timeouts or network errors. @default 5 */
  maxRetries?: number;
  /** Time limit until the response headers arrive, ms. @default 60000 */
  timeoutMs?: number;
  /** Waits between retries (tests pass a fast one). @default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** Told about each retry (messages carry no secret). */
  onRetry?: (message: string) => void;
}

/** Options of {@linkcode S3Client.get}. */
export interface GetOptions {
  /** First byte wanted (a ranged GET, `Range: bytes=N-`). */
  rangeStart?: number;
  /** Refuse the object if its ETag changed since (with a range). */
  ifMatch?: string;
  signal?: AbortSignal;
}

/** The client's face. */
export interface S3Client {
  readonly bucket: string;
  /** Every object under a prefix, across all pages (`pageSize` keys a page, S3 caps 1000). */
  list(prefix: string, options?: { signal?: AbortSignal; pageSize?: number }): Promise<S3Object[]>;
  /** A GET whose body is still to be read (status 200 or 206). */
  get(key: string, options?: GetOptions): Promise<Response>;
}

const RETRIED = new Set([500, 502, 503, 504]);

/** The S3 client of the flat files. */
export function createS3Client(options: S3ClientOptions): S3Client {
  const {
    endpoint,
    bucket,
    region,
    accessKeyId,
    secretAccessKey,
    maxRetries = 5,
    timeoutMs = 60_000,
    sleep = (ms) => new Promise((r) => setTimeout(r, ms)),
    onRetry,
  } = options;
  const aws = new AwsClient({ accessKeyId, secretAccessKey, service: "s3", region, retries: 0 });
  const base = `${endpoint.replace(/\/+$/, "")}/${bucket}`;
  const where = (key: string) => `s3://${bucket}/${key}`;

  async function request(key: string, url: string, headers: HeadersInit, signal?: AbortSignal) {
    for (let attempt = 0;; attempt++) {
      // The time limit covers the headers only: a large body may take long, and the download
      // watches it for stalls itself.
      const timeout = new AbortController();
      const timer = setTimeout(() => timeout.abort(), timeoutMs);
      const both = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
      let why: string;
      try {
        const res = await aws.fetch(url, { headers, signal: both });
        clearTimeout(timer);
        if (res.ok) return res;
        const body = await res.text().catch(() => "");
        const { code, message } = parseS3Error(body);
        const detail = `${res.status}${code ? ` ${code}` : ""}${message ? ` (${message})` : ""}`;
        if (res.status === 401 || res.status === 403) {
          throw new FlatFileAuthError(
            key,
            `Cannot read ${where(key)}: ${detail}. Check POLYGON_S3_ACCESS_KEY_ID and ` +
              "POLYGON_S3_SECRET_ACCESS_KEY (the S3 keys, not the REST API key), the endpoint, " +
              "and that your plan includes this data",
          );
        }
        if (res.status === 404) {
          throw new FlatFileNotFound(key, `No flat file ${where(key)} (${detail})`);
        }
        if (!RETRIED.has(res.status)) {
          throw new FlatFileError(key, `Cannot read ${where(key)}: ${detail}`);
        }
        why = detail;
      } catch (e) {
        if (e instanceof FlatFileError || signal?.aborted) throw e;
        why = timeout.signal.aborted ? `no answer in ${timeoutMs} ms` : (e as Error).message;
      } finally {
        clearTimeout(timer);
      }
      if (attempt >= maxRetries) {
        throw new FlatFileError(
          key,
          `Cannot read ${where(key)}: ${why}, after ${maxRetries + 1} attempts`,
        );
      }
      const delayMs = Math.min(250 * 2 ** attempt, 8_000) * (0.5 + Math.random() / 2);
      onRetry?.(`${where(key)}: ${why}; retry ${attempt + 1} of ${maxRetries}`);
      await sleep(delayMs);
    }
  }

  return {
    bucket,
    async list(prefix, { signal, pageSize } = {}) {
      const out: S3Object[] = [];
      let token: string | null = null;
      do {
        const q = new URLSearchParams({ "list-type": "2", prefix });
        if (pageSize) q.set("max-keys", String(pageSize));
        if (token) q.set("continuation-token", token);
        const res = await request(prefix, `${base}?${q}`, {}, signal);
        const page = parseListPage(await res.text());
        out.push(...page.objects);
        token = page.next;
      } while (token);
      return out;
    },
    get(key, { rangeStart, ifMatch, signal } = {}) {
      const headers: Record<string, string> = {};
      if (rangeStart !== undefined && rangeStart > 0) headers.range = `bytes=${rangeStart}-`;
      if (ifMatch) headers["if-match"] = `"${ifMatch}"`;
      const path = key.split("/").map(encodeURIComponent).join("/");
      return request(key, `${base}/${path}`, headers, signal);
    },
  };
}
