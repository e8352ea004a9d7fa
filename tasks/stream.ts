/**
 * `deno task stream`: record today's (or `--date`'s) session from Polygon's WebSocket
 * clusters into the lake, through a durable log (docs/stream.md). SIGTERM exits 0, SIGINT
 * 130, after flushing the log and rolling up what was received.
 *
 * @module
 */
import { createSource } from "../lib/sources/mod.ts";
import { runStream } from "../lib/stream/mod.ts";
import { defineTask, UsageError } from "../lib/task/mod.ts";

// Set before the config loads, so that a SIGTERM during start-up is handled too. SIGINT is
// the task layer's (ctx.signal, exit 130); SIGTERM stops the same way and exits 0.
const terminated = new AbortController();
if (import.meta.main) Deno.addSignalListener("SIGTERM", () => terminated.abort());

/** `START_MS,WALL_START_MS,SPEED` (what the fake server prints) → `stream.followReplay`. */
function followReplay(text: string) {
  const [startMs, wallStartMs, speed] = text.split(",").map(Number);
  if (
    text.split(",").length !== 3 || [startMs, wallStartMs, speed].some((n) => !Number.isFinite(n))
  ) {
    throw new UsageError(`--follow-replay must be START_MS,WALL_START_MS,SPEED, got "${text}"`);
  }
  return { startMs, wallStartMs, speed };
}

export const task = defineTask({
  name: "stream",
  summary:
    "record a session from Polygon's WebSocket clusters into the lake, through a durable log",
  example: [
    "deno task stream",
    "deno task stream --date 2025-03-03 --ws-url ws://127.0.0.1:8766 --follow-replay 1741012200000,1741012200000,60",
  ],
  flags: {
    date: "stream.date",
    "ws-url": { path: "stream.wsUrl", metavar: "URL" },
    "follow-replay": {
      path: "stream.followReplay",
      metavar: "START_MS,WALL_START_MS,SPEED",
      parse: followReplay,
    },
  },
  interruptible: "flushing the log and rolling up what was received",
  run: async (ctx) => {
    const config = { ...ctx.config, source: { ...ctx.config.source, name: "polygon" as const } };
    const r = config.stream.followReplay;
    const clock = r ? () => r.startMs + (Date.now() - r.wallStartMs) * r.speed : () => Date.now();
    const tty = Deno.stderr.isTerminal();
    const enc = new TextEncoder();
    const result = await runStream(config, {
      rest: createSource(config, { logger: ctx.log }),
      clock,
      random: Math.random,
      signal: AbortSignal.any([ctx.signal, terminated.signal]),
      log: ctx.log,
      command: ctx.command,
      onStatus: (line) => Deno.stderr.writeSync(enc.encode(tty ? `\r${line}\x1b[K` : `${line}\n`)),
    });
    const c = result.counters;
    ctx.say(
      `${
        tty ? "\n" : ""
      }stream ${result.date} ${result.status}: ${c.events} events, ${c.minutesRolled} minutes rolled, ${c.restFilled} bars filled by REST, ${c.reconnects} reconnects, ${result.unfilled.length} unfilled gap(s); record ${result.recordPath}`,
    );
  },
});

if (import.meta.main) await task.main();
