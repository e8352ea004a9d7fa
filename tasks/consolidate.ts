/**
 * `deno task consolidate`: the per-option-per-minute research table (underlying, VIX, news,
 * indicators, implied vols, Greeks, features) for a date range, written to `consolidated`.
 *
 * @module
 */
import { runConsolidate } from "./_consolidate_run.ts";
import {
  intFlag,
  list,
  loadTaskConfig,
  numFlag,
  parseFlags,
  runTask,
  say,
  UsageError,
  useSecrets,
} from "./_task.ts";

const USAGE = `usage: deno task consolidate --from YYYY-MM-DD --to YYYY-MM-DD [options]

  --underlying SPY,QQQ       underlyings whose options are consolidated (default from config: SPY)
  --vix SYMBOL               index joined as the vix_* columns (default I:VIX; "none" for none)
  --rate R                   risk-free rate for implied vols and Greeks (default 0.045, the sim's)
  --dividend-yield Q         dividend yield (default 0.013, the sim's)
  --news-lookback N          news window in minutes (default 60)
  --lags 1,5,15,30,60        lags of the percentage-change features, minutes
  --config FILE              YAML config (default config/default.yaml)`;

function ints(name: string, value: string | undefined): number[] | undefined {
  return list(value)?.map((v) => intFlag(name, v)!);
}

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    underlying: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    vix: { type: "string" },
    rate: { type: "string" },
    "dividend-yield": { type: "string" },
    "news-lookback": { type: "string" },
    lags: { type: "string" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  const config = await loadTaskConfig(f.config, {
    consolidate: {
      underlyings: list(f.underlying),
      from: f.from,
      to: f.to,
      vix: f.vix?.toLowerCase() === "none" ? null : f.vix,
      rate: numFlag("rate", f.rate),
      dividendYield: numFlag("dividend-yield", f["dividend-yield"]),
      newsLookbackMin: intFlag("news-lookback", f["news-lookback"]),
      featureLags: ints("lags", f.lags),
    },
  });
  useSecrets(config);
  const c = config.consolidate;
  if (!c.from || !c.to) throw new UsageError("--from and --to are required (YYYY-MM-DD)");
  if (c.from > c.to) throw new UsageError(`--from ${c.from} is after --to ${c.to}`);
  return await runConsolidate(config, ["deno", "task", "consolidate", ...Deno.args]);
});
