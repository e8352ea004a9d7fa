/**
 * `deno task consolidate`: the per-option-per-minute research table (underlying, VIX, news,
 * indicators, implied vols, Greeks, features) for a date range, written to `consolidated`.
 *
 * @module
 */
import { defineTask } from "../lib/task/mod.ts";
import { runConsolidate } from "./_consolidate_run.ts";

export const task = defineTask({
  name: "consolidate",
  summary: "build the per-option-per-minute research table into the consolidated dataset",
  example: "deno task consolidate --from 2025-03-03 --to 2025-03-07 --underlyings SPY",
  flags: {
    underlyings: "consolidate.underlyings",
    from: "consolidate.from",
    to: "consolidate.to",
    vix: "consolidate.vix",
    rate: "consolidate.rate",
    "dividend-yield": "consolidate.dividendYield",
    "news-lookback": "consolidate.newsLookbackMin",
    lags: "consolidate.featureLags",
  },
  required: ["consolidate.from", "consolidate.to"],
  ranges: [["consolidate.from", "consolidate.to"]],
  lock: true,
  run: (ctx) => runConsolidate(ctx.config, ctx),
});

if (import.meta.main) await task.main();
