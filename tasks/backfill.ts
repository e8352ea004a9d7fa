/**
 * `deno task backfill`: fill the lake with minute bars (and options, news) for a date range.
 *
 * @module
 */
import { defineTask, OPTION_FLAGS, SOURCE_FLAGS } from "../lib/task/mod.ts";
import { backfillInTerminal } from "./_backfill_cli.ts";

export const task = defineTask({
  name: "backfill",
  summary: "fill the lake with minute bars, options and news for a date range (resumable)",
  example: [
    "deno task backfill --from 2025-03-03 --to 2025-03-31 --symbols SPY,QQQ",
    "deno task backfill --from 2025-03-03 --to 2025-03-07 --datasets equity,index,options --underlyings SPY",
  ],
  flags: {
    from: "backfill.from",
    to: "backfill.to",
    symbols: "backfill.symbols",
    indices: "backfill.indices",
    datasets: "backfill.datasets",
    ...SOURCE_FLAGS,
    concurrency: "backfill.concurrency",
    force: "backfill.force",
    replace: "backfill.replace",
    "retry-empty": "backfill.retryEmpty",
    "lock-wait": "backfill.lockWaitS",
    endpoint: "source.flatfiles.endpoint",
    "extended-hours": "backfill.extendedHours",
    ...OPTION_FLAGS,
  },
  required: ["backfill.from", "backfill.to"],
  ranges: [["backfill.from", "backfill.to"]],
  interruptible: "the partitions under way",
  run: backfillInTerminal,
});

if (import.meta.main) await task.main();
