/**
 * `deno task workers`: run several backfills as background worker processes (one per
 * symbol or date range), list them, stop them.
 *
 * @module
 */
import { listWorkers, planWorkers, startWorkers, stopWorkers } from "../lib/ops/mod.ts";
import { intFlag, list, loadTaskConfig, parseFlags, runTask, say, UsageError } from "./_task.ts";

const USAGE = `usage: deno task workers start --by symbol|range --from YYYY-MM-DD --to YYYY-MM-DD
                                [--symbols SPY,QQQ] [--parts N] [-- backfill flags...]
       deno task workers list
       deno task workers stop [ID,ID]

  start   one backfill per symbol (--by symbol) or per block of trading days (--by range,
          --parts N blocks); flags after -- go to every backfill (e.g. --datasets equity,news)
  list    the workers, running or exited, with the last line of each log
  stop    ask running workers (all, or the ids given) to stop after their partitions under way`;

await runTask(USAGE, async () => {
  const [command, ...rest] = Deno.args;
  const split = rest.indexOf("--");
  const own = split < 0 ? rest : rest.slice(0, split);
  const common = split < 0 ? [] : rest.slice(split + 1);
  const { values: f, positionals } = parseFlags(own, {
    by: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    symbols: { type: "string" },
    parts: { type: "string" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  }, true);
  if (f.help || command === "--help" || command === "-h") {
    say(USAGE);
    return 0;
  }
  const config = await loadTaskConfig(f.config, {});
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
    const stopped = await stopWorkers(dataDir, list(positionals[0]));
    say(`stopping ${stopped.length} worker(s): ${stopped.join(", ") || "none running"}`);
    return 0;
  }
  if (command !== "start") {
    throw new UsageError(`expected start, list or stop, got "${command ?? ""}"`);
  }
  if (f.by !== "symbol" && f.by !== "range") throw new UsageError("--by must be symbol or range");
  if (!f.from || !f.to) throw new UsageError("--from and --to are required (YYYY-MM-DD)");
  const plans = planWorkers({
    by: f.by,
    symbols: list(f.symbols) ?? config.backfill.symbols,
    from: f.from,
    to: f.to,
    parts: intFlag("parts", f.parts),
    common,
  });
  const backfillScript = new URL("./backfill.ts", import.meta.url).pathname;
  const denoConfig = new URL("../deno.json", import.meta.url).pathname;
  for (const w of await startWorkers(dataDir, plans, { backfillScript, denoConfig })) {
    say(`started ${w.id} (pid ${w.pid}): backfill ${w.args.join(" ")}; log ${w.log}`);
  }
  return 0;
});
