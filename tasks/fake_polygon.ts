/**
 * `deno task fake-polygon`: serve the simulator's data in Polygon's REST shapes on
 * 127.0.0.1, with switchable faults, until Ctrl-C.
 *
 * @module
 */
import { createSimSource } from "../lib/sources/sim/mod.ts";
import { nyToUtcMs } from "../lib/calendar/mod.ts";
import {
  parseFaults,
  parseWsFaults,
  startFakePolygon,
  startFakePolygonWs,
} from "../lib/sources/polygon/mod.ts";
import { defineTask, UsageError } from "../lib/task/mod.ts";

export const task = defineTask({
  name: "fake-polygon",
  summary: "serve the simulator's data in Polygon's REST shapes on 127.0.0.1, with faults",
  example: "deno task fake-polygon --port 8765 --faults 429,5xx --fault-rate 0.2",
  flags: {
    port: { type: "int", default: 8765, help: "TCP port on 127.0.0.1, 0 for any free one" },
    faults: {
      type: "string",
      default: "",
      metavar: "429,5xx,slow,truncated,401,overlap",
      help:
        "Faults to inject: 429 (with Retry-After), 5xx bursts, slow, truncated JSON, 401, overlap (pages repeat 2 rows)",
    },
    seed: "source.sim.seed",
    "api-key": {
      type: "string",
      default: "fake-key",
      metavar: "KEY",
      help: "The key the server accepts",
    },
    "fault-rate": {
      type: "number",
      help: "Probability of each fault per attempt, 0..1",
      default: 0.3,
    },
    "retry-after": { type: "int", help: "Retry-After seconds of 429s" },
    "slow-ms": { type: "int", help: "Delay of slow answers, ms" },
    "ws-date": {
      type: "string",
      metavar: "YYYY-MM-DD",
      help: "Also serve the WebSocket clusters (/stocks, /options, /indices) replaying this date",
    },
    "ws-port": { type: "int", default: 8766, help: "TCP port of the WebSocket server, 0 for any" },
    "ws-speed": {
      type: "number",
      default: 60,
      help: "Market seconds a second: 60 = a minute a second, 0 = at once",
    },
    "ws-start": {
      type: "string",
      default: "09:30",
      metavar: "HH:MM",
      help: "New York time the replay starts from",
    },
    "ws-faults": {
      type: "string",
      default: "",
      metavar: "drop@M+M,auth,dup/N,ooo/N,stall@M,slow@M",
      help: "WebSocket faults (M: replayed minute)",
    },
  },
  untilInterrupted: true,
  check: (_config, f) => {
    const port = f.port as number;
    if (port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, got ${port}`);
  },
  run: async ({ config, flags: f, say, signal }) => {
    const seed = config.source.sim.seed;
    const apiKey = f["api-key"] as string;
    const faults = parseFaults(f.faults as string, {
      rate: f["fault-rate"] as number | undefined,
      retryAfterS: f["retry-after"] as number | undefined,
      slowMs: f["slow-ms"] as number | undefined,
    });
    const fake = startFakePolygon({
      provider: createSimSource({ seed }),
      port: f.port as number,
      apiKey,
      faults,
      seed,
    });
    const faultList = (f.faults as string) || "none";
    say(
      `Fake Polygon on ${fake.url} (simulator seed ${seed}; key ${apiKey}; faults: ${faultList})`,
    );
    const example = `${fake.url}/v2/aggs/ticker/SPY/range/1/minute/2025-03-03/2025-03-03?limit=3`;
    say(`Try: curl '${example}&apiKey=<key>'`);
    const wsDate = f["ws-date"] as string | undefined;
    let ws: ReturnType<typeof startFakePolygonWs> | null = null;
    if (wsDate) {
      const start = f["ws-start"] as string;
      const [hh, mm] = start.split(":").map(Number);
      if (!/^\d{1,2}:\d{2}$/.test(start) || hh > 23 || mm > 59) {
        throw new UsageError(`--ws-start must be HH:MM, got "${start}"`);
      }
      const speed = f["ws-speed"] as number;
      ws = startFakePolygonWs({
        provider: createSimSource({ seed }),
        date: wsDate,
        port: f["ws-port"] as number,
        apiKey,
        speed,
        startMs: nyToUtcMs(wsDate, hh, mm),
        faults: parseWsFaults(f["ws-faults"] as string),
        autoStart: true,
      });
      say(
        `WebSocket clusters on ${ws.url}/{stocks,options,indices} (${wsDate} from ${start} NY, speed ${speed})`,
      );
      say(
        `Stream it: deno task stream --date ${wsDate} --ws-url ${ws.url} --follow-replay ${
          nyToUtcMs(wsDate, hh, mm)
        },${ws.wallStartMs},${speed}  (with source.polygon.baseUrl ${fake.url} and POLYGON_API_KEY=${apiKey})`,
      );
    }
    say("Ctrl-C to stop.");
    await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
    await fake.close();
    await ws?.close();
    const { requests, byStatus, faults: injected } = fake.stats;
    say(`Served ${requests} requests; by status ${JSON.stringify(byStatus)}`);
    say(`Faults injected: ${JSON.stringify(injected)}`);
    return 0;
  },
});

if (import.meta.main) await task.main();
