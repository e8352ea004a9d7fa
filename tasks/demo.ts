/**
 * `deno task demo`: the whole lab on the simulator, end to end, with no API key. Re-running
 * it reuses what the lake already holds.
 *
 * @module
 */
import { backfillInTerminal } from "./_backfill_cli.ts";
import { loadTaskConfig, parseFlags, runTask, say } from "./_task.ts";

const USAGE = `usage: deno task demo [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--seed N]

Runs the pipeline on the built-in simulator (no API key needed) for a month.`;

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    from: { type: "string" },
    to: { type: "string" },
    seed: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  const from = f.from ?? "2025-03-03", to = f.to ?? "2025-03-07";
  const config = await loadTaskConfig(undefined, {
    source: { name: "sim", sim: { seed: f.seed === undefined ? undefined : Number(f.seed) } },
    backfill: { from, to, datasets: ["equity", "index", "news"] },
  });
  say(`strikelab demo: simulator, ${from}..${to}`);
  say("step 1/1: backfill equity, index and news minute data");
  return await backfillInTerminal(config, ["deno", "task", "demo", ...Deno.args]);
});
