/**
 * Fetches one object into the download cache: a hit costs no request; a miss streams the
 * GET to a temporary file, resumes a connection reset mid-object with a ranged GET
 * (`If-Match` the first ETag), checks the size and, for a single-part object, the MD5
 * against the ETag, then commits the file to the cache.
 *
 * @module
 */
import { createHash } from "node:crypto";
import type { FlatFileCache } from "./cache.ts";
import { FlatFileError } from "./errors.ts";
import type { S3Client } from "./s3_client.ts";

/** Options for {@linkcode downloadObject}. */
export interface DownloadOptions {
  signal?: AbortSignal;
  /** Resumptions after the body broke off. @default 5 */
  maxRetries?: number;
  /** Longest wait for the next chunk of a body, ms. @default 60000 */
  stallMs?: number;
  onRetry?: (message: string) => void;
}

/** Where the object is and whether it came from the cache. */
export interface Downloaded {
  path: string;
  hit: boolean;
  /** Bytes downloaded by this call (0 for a hit). */
  downloadedBytes: number;
}

const MD5_ETAG = /^[0-9a-f]{32}$/i;

async function readWithStall(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  stallMs: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stall = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no data for ${stallMs} ms`)), stallMs);
  });
  try {
    return await Promise.race([reader.read(), stall]);
  } finally {
    clearTimeout(timer);
  }
}

/** The local path of `key`, downloading it into the cache on a miss. */
export async function downloadObject(
  client: S3Client,
  cache: FlatFileCache,
  key: string,
  options: DownloadOptions = {},
): Promise<Downloaded> {
  const { signal, maxRetries = 5, stallMs = 60_000, onRetry } = options;
  const cached = await cache.lookup(key);
  if (cached) return { path: cached, hit: true, downloadedBytes: 0 };
  const where = `s3://${client.bucket}/${key}`;
  const tmp = cache.tempPath();
  const file = await Deno.open(tmp, { write: true, create: true, truncate: true });
  let offset = 0, total = -1, etag = "", breaks = 0;
  let md5 = createHash("md5");
  try {
    while (true) {
      const res = await client.get(key, {
        rangeStart: offset,
        ifMatch: offset > 0 ? etag : "",
        signal,
      });
      if (offset === 0 || res.status === 200) {
        // A full body (the first GET, or a server that ignored the range): start over.
        if (offset > 0) {
          await file.truncate(0);
          await file.seek(0, Deno.SeekMode.Start);
          md5 = createHash("md5");
          offset = 0;
        }
        total = Number(res.headers.get("content-length") ?? -1);
        etag = (res.headers.get("etag") ?? "").replace(/"/g, "");
      }
      const reader = res.body!.getReader();
      try {
        while (true) {
          const { done, value } = await readWithStall(reader, stallMs);
          if (done) break;
          await file.write(value);
          md5.update(value);
          offset += value.byteLength;
        }
        if (total >= 0 && offset < total) {
          throw new Error(`body ended at ${offset} of ${total} bytes`);
        }
        break;
      } catch (e) {
        await reader.cancel().catch(() => {});
        if (signal?.aborted) throw e;
        if (++breaks > maxRetries) {
          throw new FlatFileError(
            key,
            `Cannot download ${where}: ${(e as Error).message}, after ${breaks} attempts`,
            { cause: e },
          );
        }
        onRetry?.(`${where}: ${(e as Error).message} at byte ${offset}; resuming`);
      }
    }
    if (total >= 0 && offset !== total) {
      throw new FlatFileError(
        key,
        `Cannot download ${where}: got ${offset} bytes, expected ${total}`,
      );
    }
    const digest = md5.digest("hex");
    if (MD5_ETAG.test(etag) && digest !== etag.toLowerCase()) {
      throw new FlatFileError(
        key,
        `Cannot download ${where}: its MD5 ${digest} is not the ETag ${etag} (corrupted in transit)`,
      );
    }
    await file.sync();
    file.close();
    const path = await cache.commit(key, tmp, { size: offset, etag });
    return { path, hit: false, downloadedBytes: offset };
  } catch (e) {
    try {
      file.close();
    } catch { /* already closed */ }
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}
