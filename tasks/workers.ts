/**
 * `deno task workers`: run several backfills as background worker processes (one per
 * symbol or date range), list them, stop them.
 *
 * - `start`: one backfill per symbol (`--by symbol`) or per block of trading days (`--by range`,
 *   `--parts N` blocks); flags after `--` go to every backfill (e.g. `--datasets equity,news`);
 * - `list`: the workers, running or exited, with the last line of each log;
 * - `stop [ID,ID]`: ask running workers (all, or the ids given) to stop after their partitions
 *   under way.
 *
 * @module
 */
import { listWorkers, planWorkers, startWorkers, stopWorkers } from "../lib/ops/mod.ts";
import { defineTask, UsageError } from "../lib/task/mod.ts";

export const task = defineTask({
  name: "workers",
  summary: "run backfills as background worker processes (start), list them, stop them",
  example: [
    "deno task workers start --by symbol --symbols SPY,QQQ --from 2025-03-03 --to 2025-03-31 -- --datasets equity",
    "deno task workers start --by range --parts 4 --from 2024-01-02 --to 2024-12-31",
    "deno task workers list",
    "deno task workers stop symbol-SPY,symbol-QQQ",
  ],
  positionals: "start|list|stop [ID,ID] [-- backfill flags...]",
  flags: {
    by: {
      type: "string",
      metavar: "symbol|range",
      help: "start: one backfill per symbol, or per block of trading days (required)",
    },
    from: "backfill.from",
    to: "backfill.to",
    symbols: "backfill.symbols",
    parts: { type: "int", default: 2, help: "start --by range: blocks of trading days" },
  },
  ranges: [["backfill.from", "backfill.to"]],
  run: async ({ config, flags: f, positionals, command: cmdline, say }) => {
    // parseArgs puts what follows `--` last among the positionals: those go to every backfill
    const args = cmdline.slice(3);
    const split = args.indexOf("--");
    const common = split < 0 ? [] : args.slice(split + 1);
    const [command, ...rest] = positionals.slice(0, positionals.length - common.length);
    const dataDir = config.data.dir;
    if (command === "list") {
      const ws = await listWorkers(dataDir);
      say(
        `workers in ${dataDir}/workers: ${
          ws.filter((w) => w.running).length
        } running of ${ws.length}`,
      );
      for (const w of ws) {
        say(
          `  ${w.id} pid ${w.pid} ${
            w.running ? "running" : "exited"
          } since ${w.startedAt}: ${w.lastLine}`,
        );
      }
      return 0;
    }
    if (command === "stop") {
      const ids = rest[0]?.split(",").map((s) => s.trim()).filter(Boolean);
      const stopped = await stopWorkers(dataDir, ids);
      say(`stopping ${stopped.length} worker(s): ${stopped.join(", ") || "none running"}`);
      return 0;
    }
    if (command !== "start") {
      throw new UsageError(`expected start, list or stop, got "${command ?? ""}"`);
    }
    const by = f.by;
    if (by !== "symbol" && by !== "range") throw new UsageError("--by must be symbol or range");
    const { from, to, symbols } = config.backfill;
    if (!from || !to) throw new UsageError("--from and --to are required (YYYY-MM-DD)");
    const plans = planWorkers({ by, symbols, from, to, parts: f.parts as number, common });
    const backfillScript = new URL("./backfill.ts", import.meta.url).pathname;
    const denoConfig = new URL("../deno.json", import.meta.url).pathname;
    for (const w of await startWorkers(dataDir, plans, { backfillScript, denoConfig })) {
      say(`started ${w.id} (pid ${w.pid}): backfill ${w.args.join(" ")}; log ${w.log}`);
    }
    return 0;
  },
});

if (import.meta.main) await task.main();
