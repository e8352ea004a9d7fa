/**
 * `deno task backfill`: fill the lake with minute bars (and news) for a date range.
 *
 * @module
 */
import { backfillInTerminal } from "./_backfill_cli.ts";
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

const USAGE = `usage: deno task backfill --from YYYY-MM-DD --to YYYY-MM-DD [options]

  --symbols SPY,QQQ          equities (default from config: SPY)
  --indices I:VIX            indices (default I:VIX)
  --datasets equity,index    any of equity, index, options, news (default equity,index)
  --source NAME              auto|sim|polygon|replay; auto = polygon when POLYGON_API_KEY is set
  --base-url URL             Polygon base URL (e.g. the fake server)
  --rate-limit N             Polygon requests a minute (free tier: 5)
  --seed N                   simulator seed
  --concurrency N            partitions at once
  --force                    rewrite partitions already complete
  --extended-hours           keep pre/post-market minutes
  --config FILE              YAML config (default config/default.yaml)
  --log-level LEVEL --log-json

options (with --datasets ...,options; the underlying's equity bars must be in the lake):
  --underlyings SPY          whose options (default SPY)
  --calls N --puts N         strikes above / at-or-below the day's open (default 2 + 2)
  --strike-increment X       strike grid, dollars (default 1)
  --expiry CONVENTION        same_day | next_trading_day | next_friday | fixed | nearest_listed
  --fixed-expiry YYYY-MM-DD  the expiry for --expiry fixed
  --select MODE              nearest (--calls/--puts) | moneyness | delta | all (the whole listed chain)
  --moneyness X              --select moneyness: strikes within X of the open, both rights (0.05 = ±5%)
  --delta-min X --delta-max X  --select delta: |delta| band (default 0.05..0.95)
  --dte-max N [--dte-min N]  every listed expiry dte-min..dte-max calendar days ahead (e.g. 0..7)
  --replace                  with --force: the new selection replaces the stored contracts
                             (without it a forced rerun adds the new contracts to the old)`;

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    from: { type: "string" },
    to: { type: "string" },
    symbols: { type: "string" },
    indices: { type: "string" },
    datasets: { type: "string" },
    source: { type: "string" },
    "base-url": { type: "string" },
    "rate-limit": { type: "string" },
    seed: { type: "string" },
    concurrency: { type: "string" },
    force: { type: "boolean" },
    "extended-hours": { type: "boolean" },
    config: { type: "string" },
    "log-level": { type: "string" },
    "log-json": { type: "boolean" },
    underlyings: { type: "string" },
    calls: { type: "string" },
    puts: { type: "string" },
    "strike-increment": { type: "string" },
    expiry: { type: "string" },
    "fixed-expiry": { type: "string" },
    select: { type: "string" },
    moneyness: { type: "string" },
    "delta-min": { type: "string" },
    "delta-max": { type: "string" },
    "dte-min": { type: "string" },
    "dte-max": { type: "string" },
    replace: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  const config = await loadTaskConfig(f.config, {
    log: { level: f["log-level"], json: f["log-json"] },
    source: {
      name: f.source,
      sim: { seed: intFlag("seed", f.seed) },
      polygon: {
        baseUrl: f["base-url"],
        rateLimitPerMinute: intFlag("rate-limit", f["rate-limit"]),
      },
    },
    backfill: {
      from: f.from,
      to: f.to,
      symbols: list(f.symbols),
      indices: list(f.indices),
      datasets: list(f.datasets),
      concurrency: intFlag("concurrency", f.concurrency),
      force: f.force,
      replace: f.replace,
      extendedHours: f["extended-hours"],
    },
    options: {
      underlyings: list(f.underlyings),
      calls: intFlag("calls", f.calls),
      puts: intFlag("puts", f.puts),
      strikeIncrement: numFlag("strike-increment", f["strike-increment"]),
      expiry: f.expiry,
      fixedExpiry: f["fixed-expiry"],
      select: f.select,
      moneyness: numFlag("moneyness", f.moneyness),
      deltaMin: numFlag("delta-min", f["delta-min"]),
      deltaMax: numFlag("delta-max", f["delta-max"]),
      dteMin: intFlag("dte-min", f["dte-min"]),
      dteMax: intFlag("dte-max", f["dte-max"]),
    },
  });
  useSecrets(config);
  if (!config.backfill.from || !config.backfill.to) {
    throw new UsageError("--from and --to are required (YYYY-MM-DD)");
  }
  return await backfillInTerminal(config, ["deno", "task", "backfill", ...Deno.args]);
});
