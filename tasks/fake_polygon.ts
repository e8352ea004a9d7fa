/**
 * `deno task fake-polygon`: serve the simulator's data in Polygon's REST shapes on
 * 127.0.0.1, with switchable faults, until Ctrl-C.
 *
 * @module
 */
import { createSimSource } from "../lib/sources/sim/mod.ts";
import { parseFaults, startFakePolygon } from "../lib/sources/polygon/mod.ts";
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
    say("Ctrl-C to stop.");
    await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
    await fake.close();
    const { requests, byStatus, faults: injected } = fake.stats;
    say(`Served ${requests} requests; by status ${JSON.stringify(byStatus)}`);
    say(`Faults injected: ${JSON.stringify(injected)}`);
    return 0;
  },
});

if (import.meta.main) await task.main();
