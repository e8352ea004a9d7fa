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
  --retry-empty              fetch again bar partitions recorded with zero bars
  --lock-wait S              wait up to S seconds for another backfill's lake lock
  --extended-hours           keep pre/post-market minutes
  --config FILE              YAML config (default config/default.yaml)
  --log-level LEVEL --log-json

options (with --datasets ...,options; the underlying's equity bars must be in the lake):
  --underlyings SPY          whose options (default SPY)
  --calls N --puts N         strikes above / at-or-below the day's open (default 2 + 2)
  --strike-increment X       strike grid, dollars (default 1)
  --expiry CONVENTION        same_day | next_trading_day | next_friday | fixed | nearest_listed
  --fixed-expiry YYYY-MM-DD  the expiry for --expiry fixed`;

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
    "retry-empty": { type: "boolean" },
    "lock-wait": { type: "string" },
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
      retryEmpty: f["retry-empty"],
      lockWaitS: intFlag("lock-wait", f["lock-wait"]),
      extendedHours: f["extended-hours"],
    },
    options: {
      underlyings: list(f.underlyings),
      calls: intFlag("calls", f.calls),
      puts: intFlag("puts", f.puts),
      strikeIncrement: numFlag("strike-increment", f["strike-increment"]),
      expiry: f.expiry,
      fixedExpiry: f["fixed-expiry"],
    },
  });
  useSecrets(config);
  if (!config.backfill.from || !config.backfill.to) {
    throw new UsageError("--from and --to are required (YYYY-MM-DD)");
  }
  return await backfillInTerminal(config, ["deno", "task", "backfill", ...Deno.args]);
});
