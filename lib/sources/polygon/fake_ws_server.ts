/**
 * A local fake of Polygon's WebSocket clusters (`/stocks`, `/options`, `/indices`) in their
 * wire format: a `connected` status on open, `auth` → `auth_success` / `auth_failed`,
 * `subscribe` acks, then arrays of `AM` events. It replays a provider's minute bars (the
 * simulator's, or the lake's through any {@linkcode Source}) for one trading date on a market
 * clock: every minute's bars are published when the clock passes the minute's end, at
 * `speed` market seconds a second (0: as fast as possible), with switchable faults.
 *
 * @module
 */
import { session } from "../../calendar/mod.ts";
import type { MinuteBar } from "../../market/mod.ts";
import type { Source } from "../source.ts";
import { FakeWsConn } from "./_fake_ws_conn.ts";
import type { FakeWsFaults } from "./fake_ws_faults.ts";
import { type Cluster, CLUSTERS } from "./ws_wire.ts";

/** Options for {@linkcode startFakePolygonWs}. */
export interface FakePolygonWsOptions {
  provider: Source;
  /** The trading date replayed, `YYYY-MM-DD`. */
  date: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. @default 0 */
  port?: number;
  /** The only key `auth` accepts. @default "fake-key" */
  apiKey?: string;
  /** Market seconds a wall second (60: a minute a second); 0 publishes as fast as possible. @default 60 */
  speed?: number;
  /** The market time the replay starts from, UTC ms. @default the session's open */
  startMs?: number;
  /** Start the clock at once instead of at the first subscription. @default false */
  autoStart?: boolean;
  /** Events a frame (the client library refuses frames over 1 MiB). @default 500 */
  batchSize?: number;
  /** A client whose unsent bytes exceed this is cut off as a slow consumer. @default 64 MiB */
  maxBufferedBytes?: number;
  faults?: FakeWsFaults;
}

/** Counters since start. */
export interface FakePolygonWsStats {
  connections: number;
  frames: number;
  events: number;
  faults: number;
  minutesPublished: number;
}

/** A running fake WebSocket server. */
export interface FakePolygonWs {
  /** `ws://127.0.0.1:<port>`: the stream's `wsUrl` (clusters are paths under it). */
  url: string;
  port: number;
  /** Wall time (epoch ms) at which the market clock started, null before. */
  readonly wallStartMs: number | null;
  /** The replay's market time now, UTC ms (its start before the clock runs). */
  marketNowMs(): number;
  /** Resolves when the last minute of the session has been published. */
  readonly finished: Promise<void>;
  setFaults(faults: FakeWsFaults): void;
  /** Closes every open connection (as a network cut would). */
  dropAll(): void;
  readonly stats: FakePolygonWsStats;
  close(): Promise<void>;
}

/**
 * Starts the fake WebSocket server on 127.0.0.1.
 *
 * @throws {RangeError} when `date` is not a trading day.
 */
export function startFakePolygonWs(options: FakePolygonWsOptions): FakePolygonWs {
  const { provider, date, port = 0, apiKey = "fake-key", speed = 60, autoStart = false } = options;
  const { batchSize = 500, maxBufferedBytes = 64 * 2 ** 20 } = options;
  const s = session(date);
  if (!s) throw new RangeError(`Cannot replay ${date}: the exchange is closed that day`);
  const startMs = Math.floor((options.startMs ?? s.openMs) / 60_000) * 60_000;
  let faults = options.faults ?? {};
  const conns = new Set<FakeWsConn>();
  const cache = new Map<string, Promise<Map<number, MinuteBar>>>();
  const stats: FakePolygonWsStats = {
    connections: 0,
    frames: 0,
    events: 0,
    faults: 0,
    minutesPublished: 0,
  };
  let wallStartMs: number | null = null;
  let perfStart = 0;
  let started = false;
  let stopped = false;
  let done = false;
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));

  const host = {
    apiKey,
    faults: () => faults,
    bars(ticker: string) {
      let hit = cache.get(ticker);
      if (!hit) {
        hit = provider.minuteBars(ticker, date).then((bars) => new Map(bars.map((b) => [b.ts, b])));
        cache.set(ticker, hit);
      }
      return hit;
    },
    onSubscribed() {
      if (!started) start();
    },
    count(what: "frames" | "events" | "fault", n = 1) {
      if (what === "fault") stats.faults += n;
      else stats[what] += n;
    },
  };

  const marketNowMs = () => {
    if (!started) return startMs;
    if (speed === 0) return startMs + (stats.minutesPublished + (done ? 60 : 0)) * 60_000;
    return startMs + (performance.now() - perfStart) * speed;
  };

  async function run() {
    const minutes = Math.max(0, (s!.closeMs - startMs) / 60_000);
    for (let i = 0; i < minutes && !stopped; i++) {
      const endMs = startMs + (i + 1) * 60_000;
      if (speed > 0) {
        const wait = perfStart + (endMs - startMs) / speed - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      } else await new Promise((r) => setTimeout(r, 0));
      if (stopped) break;
      const live = [...conns];
      const framesOf = await Promise.all(live.map((c) => c.frames(endMs - 60_000, batchSize)));
      live.forEach((c, k) => {
        const n = framesOf[k].reduce((m, f) => m + countEvents(f), 0);
        if (!c.silent && c.authed) stats.events += n;
        c.publish(i, framesOf[k], maxBufferedBytes, i === minutes - 1);
      });
      stats.minutesPublished = i + 1;
    }
    done = true;
    finish();
  }

  function start() {
    started = true;
    wallStartMs = Date.now();
    perfStart = performance.now();
    run().catch((e) => console.error(`fake WebSocket replay failed: ${(e as Error).message}`));
  }

  const server = Deno.serve({ hostname: "127.0.0.1", port, onListen() {} }, (req) => {
    const cluster = new URL(req.url).pathname.replace(/^\//, "") as Cluster;
    if (!CLUSTERS.includes(cluster)) {
      return new Response(`Not a cluster: use /${CLUSTERS.join(", /")}`, { status: 404 });
    }
    if (req.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return new Response("WebSocket only", { status: 426 });
    }
    const { socket, response } = Deno.upgradeWebSocket(req);
    const conn = new FakeWsConn(socket, cluster, host);
    stats.connections++;
    socket.onopen = () => {
      conns.add(conn);
      conn.send([{ ev: "status", status: "connected", message: "Connected Successfully" }]);
    };
    socket.onmessage = (e) => void conn.onMessage(String(e.data));
    socket.onclose = () => {
      conn.closed = true;
      conns.delete(conn);
    };
    socket.onerror = () => {};
    return response;
  });
  if (autoStart) start();

  return {
    url: `ws://127.0.0.1:${server.addr.port}`,
    port: server.addr.port,
    get wallStartMs() {
      return wallStartMs;
    },
    marketNowMs,
    finished,
    setFaults(next) {
      faults = next;
    },
    dropAll() {
      for (const c of conns) c.close(1011, "dropped");
    },
    get stats() {
      return stats;
    },
    async close() {
      stopped = true;
      for (const c of conns) c.close(1001, "server shutting down");
      await server.shutdown();
      finish();
    },
  };
}

function countEvents(frame: string): number {
  let n = 0;
  for (let i = frame.indexOf('"ev"'); i !== -1; i = frame.indexOf('"ev"', i + 4)) n++;
  return n;
}
