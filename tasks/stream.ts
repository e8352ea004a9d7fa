/**
 * `deno task stream`: record today's (or `--date`'s) session from Polygon's WebSocket
 * clusters into the lake, through a durable log (docs/stream.md). SIGTERM exits 0, SIGINT
 * 130, after flushing the log and rolling up what was received.
 *
 * @module
 */
import { createSource } from "../lib/sources/mod.ts";
import { createLogger } from "../lib/run/mod.ts";
import { secretsOf } from "../lib/config/mod.ts";
import { runStream } from "../lib/stream/mod.ts";
import { loadTaskConfig, parseFlags, runTask, say, useSecrets } from "./_task.ts";

const USAGE = `usage: deno task stream [--date YYYY-MM-DD] [--ws-url URL] [--config FILE]
                        [--follow-replay START_MS,WALL_START_MS,SPEED]

  --date D            trading date to stream (default: today in New York)
  --ws-url URL        WebSocket base (default stream.wsUrl: wss://socket.polygon.io)
  --follow-replay X   follow a replay's market clock (the fake server prints it)
  --config FILE       config file (default config/default.yaml)`;

// Set before anything slow, so that a SIGTERM during start-up is handled too.
const controller = new AbortController();
let signalled: "SIGTERM" | "SIGINT" | null = null;
for (const sig of ["SIGTERM", "SIGINT"] as const) {
  Deno.addSignalListener(sig, () => {
    signalled ??= sig;
    controller.abort();
  });
}

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    date: { type: "string" },
    "ws-url": { type: "string" },
    "follow-replay": { type: "string" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  const follow = f["follow-replay"]?.split(",").map(Number);
  const config = await loadTaskConfig(f.config, {
    source: { name: "polygon" },
    stream: {
      date: f.date,
      wsUrl: f["ws-url"],
      followReplay: follow
        ? { startMs: follow[0], wallStartMs: follow[1], speed: follow[2] }
        : undefined,
    },
  });
  useSecrets(config);
  const log = createLogger({
    level: config.log.level,
    json: config.log.json,
    secrets: secretsOf(config),
  });
  const r = config.stream.followReplay;
  const clock = r ? () => r.startMs + (Date.now() - r.wallStartMs) * r.speed : () => Date.now();
  const tty = Deno.stderr.isTerminal();
  const result = await runStream(config, {
    rest: createSource(config, { logger: log }),
    clock,
    random: Math.random,
    signal: controller.signal,
    log,
    command: ["stream", ...Deno.args],
    onStatus: (line) =>
      Deno.stderr.writeSync(new TextEncoder().encode(tty ? `\r${line}\x1b[K` : `${line}\n`)),
  });
  const c = result.counters;
  say(
    `${
      tty ? "\n" : ""
    }stream ${result.date} ${result.status}: ${c.events} events, ${c.minutesRolled} minutes rolled, ${c.restFilled} bars filled by REST, ${c.reconnects} reconnects, ${result.unfilled.length} unfilled gap(s); record ${result.recordPath}`,
  );
  return signalled === "SIGINT" ? 130 : 0;
});
