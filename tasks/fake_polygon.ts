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
import { intFlag, numFlag, parseFlags, runTask, say, UsageError } from "./_task.ts";

const USAGE =
  `usage: deno task fake-polygon [--port 8765] [--faults 429,5xx,slow,truncated,401,overlap]
                              [--seed N] [options]

  --port N            TCP port on 127.0.0.1, 0 for any free one (default 8765)
  --faults LIST       faults to inject: 429 (with Retry-After), 5xx (500/502/503 bursts),
                      slow (answers after --slow-ms), truncated (cut JSON), 401 (every
                      request), overlap (news/contract pages repeat 2 rows)
  --seed N            seed of the simulator and of the fault draws (default 42)
  --api-key KEY       the key the server accepts (default fake-key)
  --fault-rate P      probability of each fault per attempt, 0..1 (default 0.3)
  --retry-after S     Retry-After seconds of 429s (default 1)
  --slow-ms MS        delay of slow answers (default 5000)

  WebSocket clusters (/stocks, /options, /indices), served when --ws-date is given:
  --ws-date D         trading date whose minutes are replayed
  --ws-port N         TCP port of the WebSocket server, 0 for any (default 8766)
  --ws-speed X        market seconds a second: 60 = a minute a second, 0 = at once (default 60)
  --ws-start HH:MM    New York time the replay starts from (default the open)
  --ws-faults LIST    drop@M+M, auth, dup/N, ooo/N, stall@M, slow@M (M: replayed minute)`;

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    port: { type: "string" },
    faults: { type: "string" },
    seed: { type: "string" },
    "api-key": { type: "string" },
    "fault-rate": { type: "string" },
    "retry-after": { type: "string" },
    "slow-ms": { type: "string" },
    "ws-date": { type: "string" },
    "ws-port": { type: "string" },
    "ws-speed": { type: "string" },
    "ws-start": { type: "string" },
    "ws-faults": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  const port = intFlag("port", f.port) ?? 8765;
  if (port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, got ${port}`);
  const seed = intFlag("seed", f.seed) ?? 42;
  const apiKey = f["api-key"] ?? "fake-key";
  const faults = parseFaults(f.faults ?? "", {
    rate: numFlag("fault-rate", f["fault-rate"]),
    retryAfterS: intFlag("retry-after", f["retry-after"]),
    slowMs: intFlag("slow-ms", f["slow-ms"]),
  });
  const fake = startFakePolygon({
    provider: createSimSource({ seed }),
    port,
    apiKey,
    faults,
    seed,
  });
  const faultList = f.faults || "none";
  say(`Fake Polygon on ${fake.url} (simulator seed ${seed}; key ${apiKey}; faults: ${faultList})`);
  const example = `${fake.url}/v2/aggs/ticker/SPY/range/1/minute/2025-03-03/2025-03-03?limit=3`;
  say(`Try: curl '${example}&apiKey=<key>'`);
  const wsDate = f["ws-date"];
  let ws: ReturnType<typeof startFakePolygonWs> | null = null;
  if (wsDate) {
    const [hh, mm] = (f["ws-start"] ?? "09:30").split(":").map(Number);
    if (!Number.isInteger(hh) || !Number.isInteger(mm)) {
      throw new UsageError(`--ws-start must be HH:MM, got "${f["ws-start"]}"`);
    }
    const speed = numFlag("ws-speed", f["ws-speed"]) ?? 60;
    ws = startFakePolygonWs({
      provider: createSimSource({ seed }),
      date: wsDate,
      port: intFlag("ws-port", f["ws-port"]) ?? 8766,
      apiKey,
      speed,
      startMs: nyToUtcMs(wsDate, hh, mm),
      faults: parseWsFaults(f["ws-faults"] ?? ""),
      autoStart: true,
    });
    const at = `${hh}:${String(mm).padStart(2, "0")}`;
    say(
      `WebSocket clusters on ${ws.url}/{stocks,options,indices} (${wsDate} from ${at} NY, speed ${speed})`,
    );
    say(
      `Stream it: deno task stream --date ${wsDate} --ws-url ${ws.url} --follow-replay ${
        nyToUtcMs(wsDate, hh, mm)
      },${ws.wallStartMs},${speed}  (with source.polygon.baseUrl ${fake.url} and POLYGON_API_KEY=${apiKey})`,
    );
  }
  say("Ctrl-C to stop.");
  await new Promise<void>((resolve) => Deno.addSignalListener("SIGINT", () => resolve()));
  await fake.close();
  await ws?.close();
  const { requests, byStatus, faults: injected } = fake.stats;
  say(`Served ${requests} requests; by status ${JSON.stringify(byStatus)}`);
  say(`Faults injected: ${JSON.stringify(injected)}`);
  return 0;
});
