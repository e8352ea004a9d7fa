/** Shared set-up of the stream tests: a fake REST + WebSocket Polygon over the simulator. */
import { type Config, loadConfig } from "../../lib/config/mod.ts";
import { backfill } from "../../lib/ingest/mod.ts";
import { createLogger } from "../../lib/run/mod.ts";
import { createSimSource, createSource } from "../../lib/sources/mod.ts";
import {
  type FakePolygonWsOptions,
  startFakePolygon,
  startFakePolygonWs,
} from "../../lib/sources/polygon/mod.ts";

export const DATE = "2025-03-04";
export const quiet = createLogger({ level: "error" });

/** The config of a lake under `dir` reading the fakes. */
export function configFor(dir: string, restUrl: string, wsUrl: string, extra: object = {}): Config {
  return loadConfig({
    overrides: {
      data: { dir },
      source: {
        name: "polygon",
        polygon: { apiKey: "fake-key", baseUrl: restUrl, rateLimitPerMinute: 100_000 },
      },
      backfill: {
        symbols: ["SPY"],
        indices: ["I:VIX"],
        datasets: ["equity", "index", "options", "news"],
        from: DATE,
        to: DATE,
      },
      options: { calls: 2, puts: 2 },
      stream: {
        date: DATE,
        wsUrl,
        flushMs: 50,
        statusMs: 200,
        stallMs: 3000,
        backoffBaseMs: 20,
        backoffMaxMs: 200,
        newsIntervalMin: 120,
        ...extra,
      },
    },
  });
}

/** Starts both fakes over one simulator. */
export function startFakes(ws: Partial<FakePolygonWsOptions> = {}) {
  const sim = createSimSource({ seed: 7 });
  const rest = startFakePolygon({ provider: sim });
  const socket = startFakePolygonWs({ provider: sim, date: DATE, speed: 3000, ...ws });
  return {
    rest,
    ws: socket,
    async close() {
      await socket.close();
      await rest.close();
    },
  };
}

/** Backfills DATE from the fake REST server into `dir`. */
export async function backfillInto(dir: string, restUrl: string) {
  const config = configFor(dir, restUrl, "ws://127.0.0.1:1");
  const r = await backfill(config, { source: createSource(config), command: [], log: quiet });
  if (r.status !== "ok") throw new Error(`backfill failed: ${JSON.stringify(r.summary.failures)}`);
}

/** Every partition file of a lake (relative path → sha256 hex). */
export async function lakeHashes(lake: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(dir: string, rel: string) {
    for await (const e of Deno.readDir(dir)) {
      const p = `${dir}/${e.name}`, r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory && !e.name.startsWith("_")) await walk(p, r);
      else if (e.isFile && e.name.endsWith(".parquet")) {
        const h = await crypto.subtle.digest("SHA-256", await Deno.readFile(p));
        out[r] = Array.from(new Uint8Array(h), (b) => b.toString(16).padStart(2, "0")).join("");
      }
    }
  }
  await walk(lake, "");
  return out;
}
