/**
 * The fake flat-file server: a real S3 server (`s3rver`, in-process, on a private port)
 * holding the simulator's days as Polygon-format flat files, behind a thin proxy on
 * 127.0.0.1 that counts requests and injects switchable faults (slow bodies, a connection
 * reset mid-object, 503 SlowDown, 403 AccessDenied), which s3rver cannot do itself.
 *
 * Under Deno, s3rver needs one shim (`_s3rver_shim.ts`: its DES continuation tokens).
 * s3rver checks the access key id (only `S3RVER` exists: any other gets a real 403
 * InvalidAccessKeyId) but does not verify SigV4 signatures, so a wrong secret goes unseen.
 *
 * @module
 */
import S3rver from "s3rver";
import { AwsClient } from "aws4fetch";
import { tradingDays } from "../../calendar/mod.ts";
import type { Source } from "../source.ts";
import { createSimSource } from "../sim/mod.ts";
import { fakeDayCsv, type FakeDayTickers, gzip } from "./_fake_csv.ts";
import type { FlatFileFaults } from "./fake_faults.ts";
import { type FlatFileAsset, flatFileKey } from "./object_key.ts";
import { installS3rverShim } from "./_s3rver_shim.ts";

/** Options for {@linkcode startFakeFlatFiles}. */
export interface FakeFlatFilesOptions {
  /** Port of the proxy on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number;
  /** First and last trading dates served (inclusive); none when absent. */
  from?: string;
  to?: string;
  /** Simulator seed (ignored with `source`). @default 42 */
  seed?: number;
  /** The source whose days are served. @default the simulator */
  source?: Source;
  /** Tickers of each day file. @default SPY, QQQ, IWM; I:VIX, I:SPX; SPY's options */
  tickers?: Partial<FakeDayTickers>;
  /** Asset classes written. @default stocks, options, indices */
  assets?: readonly FlatFileAsset[];
  /** @default "flatfiles" */
  bucket?: string;
  /** Where s3rver keeps its objects. @default a new temporary folder, removed at close */
  dir?: string;
  faults?: FlatFileFaults;
  /** Told about each object written. */
  onObject?: (key: string, rows: number, bytes: number) => void;
}

/** Request counts of the proxy. */
export interface FakeFlatFilesStats {
  requests: number;
  /** Object GETs answered 200/206 (downloads), by key too. */
  gets: number;
  getsByKey: Record<string, number>;
  byStatus: Record<string, number>;
}

/** A running fake server. */
export interface FakeFlatFiles {
  /** The endpoint to configure (`source.flatfiles.endpoint`). */
  url: string;
  port: number;
  bucket: string;
  /** The only keys s3rver knows. */
  accessKeyId: string;
  secretAccessKey: string;
  /** The faults in force; change its fields to switch them. */
  faults: FlatFileFaults;
  stats: FakeFlatFilesStats;
  /** Objects written at start: key, CSV rows, gzipped bytes. */
  objects: { key: string; rows: number; bytes: number }[];
  /** Writes (or replaces) an object, e.g. a damaged file in a test. */
  put(key: string, body: Uint8Array): Promise<void>;
  /** Deletes an object. */
  remove(key: string): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_TICKERS: FakeDayTickers = {
  symbols: ["IWM", "QQQ", "SPY"],
  indices: ["I:SPX", "I:VIX"],
  underlyings: ["SPY"],
};

const s3Error = (status: number, code: string, message: string) =>
  new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}` +
      `</Message></Error>`,
    { status, headers: { "content-type": "application/xml" } },
  );

/** A body cut off after `bytes`: the stream errors, so the connection is reset. */
function cutAfter(body: ReadableStream<Uint8Array>, bytes: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let sent = 0;
  return new ReadableStream({
    async pull(ctl) {
      const { done, value } = await reader.read();
      if (done) return ctl.close();
      const room = bytes - sent;
      if (value.byteLength >= room) {
        if (room > 0) ctl.enqueue(value.subarray(0, room));
        await reader.cancel();
        ctl.error(new Error("fault: connection reset mid-object"));
        return;
      }
      sent += value.byteLength;
      ctl.enqueue(value);
    },
    cancel: () => reader.cancel(),
  });
}

/** A body delayed by `ms` before each 64 KiB. */
function slowed(body: ReadableStream<Uint8Array>, ms: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream({
    async pull(ctl) {
      const { done, value } = await reader.read();
      if (done) return ctl.close();
      for (let i = 0; i < value.byteLength; i += 65_536) {
        await new Promise((r) => setTimeout(r, ms));
        ctl.enqueue(value.subarray(i, i + 65_536));
      }
    },
    cancel: () => reader.cancel(),
  });
}

/** Starts the fake server and writes the days' objects before it answers. */
export async function startFakeFlatFiles(
  options: FakeFlatFilesOptions = {},
): Promise<FakeFlatFiles> {
  const {
    port = 0,
    from,
    to,
    seed = 42,
    source = createSimSource({ seed }),
    assets = ["stocks", "options", "indices"],
    bucket = "flatfiles",
    onObject,
  } = options;
  const given = Object.entries(options.tickers ?? {}).filter(([, v]) => v !== undefined);
  const tickers: FakeDayTickers = { ...DEFAULT_TICKERS, ...Object.fromEntries(given) };
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? await Deno.makeTempDir({ prefix: "fake-flatfiles-" });
  installS3rverShim();
  const s3 = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: dir,
    configureBuckets: [{ name: bucket }],
  });
  const inner = await s3.run() as { port: number };
  const upstream = `http://127.0.0.1:${inner.port}`;
  const aws = new AwsClient({
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    service: "s3",
    region: "us-east-1",
  });
  const objectUrl = (key: string) =>
    `${upstream}/${bucket}/${key.split("/").map(encodeURIComponent).join("/")}`;
  const put = async (key: string, body: Uint8Array) => {
    const res = await aws.fetch(objectUrl(key), {
      method: "PUT",
      body: body as BodyInit,
      headers: { "content-type": "application/gzip" },
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`Cannot write ${key} to the fake S3 server: ${res.status}`);
  };
  const remove = async (key: string) => {
    const res = await aws.fetch(objectUrl(key), { method: "DELETE" });
    await res.body?.cancel();
  };

  const objects: FakeFlatFiles["objects"] = [];
  if (from && to) {
    for (const date of tradingDays(from, to)) {
      for (const asset of assets) {
        const { text, rows } = await fakeDayCsv(source, asset, date, tickers);
        const body = await gzip(text);
        const key = flatFileKey(asset, date);
        await put(key, body);
        objects.push({ key, rows, bytes: body.byteLength });
        onObject?.(key, rows, body.byteLength);
      }
    }
  }

  const faults: FlatFileFaults = { ...options.faults };
  const stats: FakeFlatFilesStats = { requests: 0, gets: 0, getsByKey: {}, byStatus: {} };
  const prefix = `/${bucket}/`;
  const handler = async (req: Request): Promise<Response> => {
    stats.requests++;
    const url = new URL(req.url);
    const answer = (res: Response) => {
      stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;
      return res;
    };
    if (faults.forbidden) return answer(s3Error(403, "AccessDenied", "Access Denied"));
    if ((faults.slowDowns ?? 0) > 0) {
      faults.slowDowns!--;
      return answer(s3Error(503, "SlowDown", "Please reduce your request rate."));
    }
    const headers = new Headers(req.headers);
    for (const h of ["host", "connection", "content-length", "accept-encoding"]) headers.delete(h);
    const res = await fetch(`${upstream}${url.pathname}${url.search}`, {
      method: req.method,
      headers,
      body: req.body,
      redirect: "manual",
    });
    const isObject = req.method === "GET" && url.pathname.startsWith(prefix) &&
      url.pathname.length > prefix.length;
    let body: ReadableStream<Uint8Array> | null = res.body;
    if (isObject && res.ok && body) {
      const key = decodeURIComponent(url.pathname.slice(prefix.length));
      stats.gets++;
      stats.getsByKey[key] = (stats.getsByKey[key] ?? 0) + 1;
      if ((faults.resets ?? 0) > 0) {
        faults.resets!--;
        const length = Number(res.headers.get("content-length") ?? 0);
        body = cutAfter(body, faults.resetAfterBytes ?? Math.floor(length / 2));
      }
    }
    if (body && faults.slowMs) body = slowed(body, faults.slowMs);
    const out = new Headers(res.headers);
    for (const h of ["connection", "transfer-encoding", "content-encoding"]) out.delete(h);
    return answer(new Response(body, { status: res.status, headers: out }));
  };
  const server = Deno.serve({ hostname: "127.0.0.1", port, onListen() {} }, handler);
  const addr = server.addr as Deno.NetAddr;
  return {
    url: `http://127.0.0.1:${addr.port}`,
    port: addr.port,
    bucket,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    faults,
    stats,
    objects,
    put,
    remove,
    async close() {
      await server.shutdown();
      await s3.close();
      if (ownDir) await Deno.remove(dir, { recursive: true }).catch(() => {});
    },
  };
}
