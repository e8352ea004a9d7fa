/**
 * The zod schema of the whole strikelab config. Every default lives here and only here;
 * `config/default.yaml` documents the same values (a test keeps the two equal).
 *
 * @module
 */
import { z } from "zod";
import { CHAIN_SELECTIONS, EXPIRY_CONVENTIONS } from "../market/mod.ts";
import { SCAN_DEFAULTS, SCAN_DIRECTIONS, SCAN_PRICES, SCAN_REFERENCES } from "../scanner/mod.ts";
import { CONSOLIDATE_DEFAULTS, INDICATOR_DEFAULTS, TRAINING_DEFAULTS } from "../consolidate/mod.ts";
import { intIn, isoDate, numIn, oneOf, ticker } from "./_fields.ts";
import { BAR_FIELDS } from "../sources/replay/mod.ts";

/** Where the lake and run records live. */
export const DataSchema = z.strictObject({
  dir: z.string().min(1).default("data").describe(
    "Root folder: the lake is `<dir>/lake`, run records `<dir>/runs`.",
  ),
});

/** Logging. */
export const LogSchema = z.strictObject({
  level: oneOf(["debug", "info", "warn", "error"] as const).default("info").describe(
    "Lowest level of the lines written on stderr",
  ),
  json: z.boolean().default(false).describe("One JSON object a line instead of text."),
});

/** The Polygon.io REST client. */
export const PolygonSchema = z.strictObject({
  apiKey: z.string().min(1).nullable().default(null).describe(
    "API key; read from POLYGON_API_KEY (or .env). Never written to any output.",
  ),
  baseUrl: z.url({ error: "is not a URL (e.g. https://api.polygon.io)" }).default(
    "https://api.polygon.io",
  ).describe("Polygon base URL (the real API or the fake server)"),
  rateLimitPerMinute: intIn(1, 100_000).default(5).describe(
    "Requests a minute for the whole process; the free tier allows 5.",
  ),
  maxRetries: intIn(0, 20).default(6).describe(
    "Retries of a request after 429, 5xx, timeouts or network errors.",
  ),
  timeoutMs: intIn(100, 600_000).default(30_000).describe("Time limit of one request, ms."),
  pageLimit: intIn(1, 50_000).default(50_000).describe(
    "Bars a page for aggregates (Polygon caps it at 50,000).",
  ),
  connectTimeoutMs: intIn(100, 120_000).default(5_000).describe(
    "Time limit of the TCP connect that checks the host before the first request, ms.",
  ),
  maxRetryAfterMs: intIn(0, 3_600_000).default(300_000).describe(
    "Longest Retry-After honoured, ms (longer asks wait this long; each counts as a retry).",
  ),
});

/** The replay source: bars from CSV files as real files come, one per ticker. */
export const ReplaySchema = z.strictObject({
  files: z.record(ticker, z.string().min(1, { error: "is not a file path" })).default({}).describe(
    "Minute CSV per ticker (`SPY: path/SPY_1min.csv`); relative paths from the working folder.",
  ),
  dailyFiles: z.record(ticker, z.string().min(1, { error: "is not a file path" })).default({})
    .describe("Daily CSV per ticker (one row per date), for the daily datasets."),
  stamp: oneOf(["start", "end"] as const).default("start").describe(
    "Whether a row's time is the start or the end of its bar.",
  ),
  order: oneOf(["any", "ascending", "descending"] as const).default("any").describe(
    "The row order the files must have (checked); `any` is not checked.",
  ),
  timeZone: oneOf(["America/New_York", "UTC"] as const).default("America/New_York").describe(
    "The zone of the files' naive timestamps (rows with a UTC offset carry their own).",
  ),
  columns: z.partialRecord(oneOf(BAR_FIELDS), z.string().min(1)).default({}).describe(
    "Field → the file's column name, where the usual names miss (`trades: trade_count`).",
  ),
  epochUnit: oneOf(["auto", "s", "ms", "us", "ns"] as const).default("auto").describe(
    "Unit of numeric epoch timestamps; `auto` decides by the number of digits.",
  ),
  resample: oneOf(["refuse", "complete"] as const).default("refuse").describe(
    "Coarser-than-minute rows in a minute file: refuse, or keep each at the minute it completes.",
  ),
});

/** Polygon's flat files (one gzipped CSV a day per asset class) over the S3 API. */
export const FlatFilesSchema = z.strictObject({
  /** The S3 endpoint (the fake server: http://127.0.0.1:<port>). */
  endpoint: z.url({ error: "is not a URL (e.g. https://files.polygon.io)" }).default(
    "https://files.polygon.io",
  ).describe("The flat files' S3 endpoint (the fake server: http://127.0.0.1:<port>)."),
  bucket: z.string().min(1).default("flatfiles"),
  /** The SigV4 signing region. */
  region: z.string().min(1).default("us-east-1"),
  /** S3 access key id; read from POLYGON_S3_ACCESS_KEY_ID. Never written to any output. */
  accessKeyId: z.string().min(1).nullable().default(null),
  /** S3 secret key; read from POLYGON_S3_SECRET_ACCESS_KEY. Never written to any output. */
  secretAccessKey: z.string().min(1).nullable().default(null),
  /** Retries of a request after 5xx (503 SlowDown), timeouts or a reset connection. */
  maxRetries: intIn(0, 20).default(5),
  /** Time limit of one request without progress, ms. */
  timeoutMs: intIn(100, 600_000).default(60_000),
});

/** Which source to read and how. */
export const SourceSchema = z.strictObject({
  name: oneOf(["auto", "sim", "polygon", "replay", "flatfiles"] as const).default("auto").describe(
    "`auto`: polygon when an API key is set, else the simulator.",
  ),
  sim: z.strictObject({
    seed: intIn(0, 2 ** 31 - 1).default(42).describe(
      "Simulator seed: every partition is a pure function of (seed, ticker, date)",
    ),
  }).prefault({}),
  polygon: PolygonSchema.prefault({}),
  replay: ReplaySchema.prefault({}),
  flatfiles: FlatFilesSchema.prefault({}),
});

/** The download cache of flat files (least recently used evicted first). */
export const CacheSchema = z.strictObject({
  /** Cache folder; null: `<data.dir>/cache`. */
  dir: z.string().min(1).nullable().default(null).describe(
    "Cache folder; null: `<data.dir>/cache`.",
  ),
  /** Size limit in bytes (100 GiB). */
  maxBytes: intIn(0, Number.MAX_SAFE_INTEGER).default(107_374_182_400).describe(
    "Size limit in bytes (100 GiB).",
  ),
});

/** `deno task backfill`. */
export const BackfillSchema = z.strictObject({
  datasets: z.array(oneOf(["equity", "index", "options", "news"] as const)).min(1).default([
    "equity",
    "index",
  ]).describe("Which datasets to fill: equity and index minute bars, options, news."),
  symbols: z.array(ticker).min(1).default(["SPY"]).describe(
    "Equities and ETFs for `equity_minute`.",
  ),
  indices: z.array(ticker).default(["I:VIX"]).describe("Indices for `index_minute`."),
  from: isoDate.nullable().default(null).describe(
    "First trading date (inclusive); required to run a backfill.",
  ),
  to: isoDate.nullable().default(null).describe(
    "Last trading date (inclusive); required to run a backfill.",
  ),
  concurrency: intIn(1, 64).default(4).describe("Partitions fetched at once."),
  extendedHours: z.boolean().default(false).describe("Keep pre- and post-market minutes too."),
  force: z.boolean().default(false).describe(
    "Rewrite partitions already complete in the manifest.",
  ),
  replace: z.boolean().default(false).describe(
    "With force: option_contracts partitions hold the new selection only. Without it, a forced rerun adds the new selection's contracts to those selected before.",
  ),
  retryEmpty: z.boolean().default(false).describe(
    "Fetch again bar partitions recorded empty (zero bars: a wrong symbol, or a day not yet published).",
  ),
  lockWaitS: intIn(0, 604_800).default(0).describe(
    "Seconds to wait for the lake lock while another backfill holds it (workers take turns).",
  ),
  schemaDrift: oneOf(["accept", "quarantine"] as const).default("accept").describe(
    "Schema drift (columns or the source's wire fields differ from the baseline): accept | quarantine.",
  ),
});

/** Option contract selection and option bars (`backfill --datasets options`, `discover`). */
export const OptionsSchema = z.strictObject({
  underlyings: z.array(ticker).min(1).default(["SPY"]).describe(
    "Underlyings whose options are selected each day.",
  ),
  calls: intIn(0, 50).default(2).describe("Call strikes strictly above the day's open."),
  puts: intIn(0, 50).default(2).describe("Put strikes at or below the day's open."),
  strikeIncrement: numIn(0.001, 1000).default(1).describe(
    "Strike grid in dollars (SPY: 1; 0.5 also listed for some names).",
  ),
  expiry: oneOf(EXPIRY_CONVENTIONS).default("same_day").describe(
    "same_day (0DTE) | next_trading_day | next_friday | fixed | nearest_listed.",
  ),
  fixedExpiry: isoDate.nullable().default(null).describe("The expiry for `fixed`, YYYY-MM-DD."),
  listedHorizonDays: intIn(1, 730).default(45).describe(
    "How far ahead `nearest_listed` looks for listed expiries, calendar days.",
  ),
  select: oneOf(CHAIN_SELECTIONS).default("nearest").describe(
    "nearest (calls/puts around the open) | moneyness | delta | all (the whole listed chain).",
  ),
  moneyness: numIn(0, 1).default(0.05).describe(
    "`select: moneyness`: strikes within this fraction of the open, both rights (0.05 = ±5%).",
  ),
  deltaMin: numIn(0, 1).default(0.05).describe("`select: delta`: smallest |delta| kept."),
  deltaMax: numIn(0, 1).default(0.95).describe("`select: delta`: largest |delta| kept."),
  deltaVol: numIn(0.01, 5).default(0.2).describe(
    "`select: delta`: the flat implied vol the selection's delta uses.",
  ),
  dteMin: intIn(0, 730).default(0).describe(
    "With dteMax: the nearest expiry taken, calendar days ahead.",
  ),
  dteMax: intIn(0, 730).nullable().default(null).describe(
    "Every listed expiry dteMin..dteMax calendar days ahead instead of `expiry`; null: off.",
  ),
}).refine((o) => o.expiry !== "fixed" || o.fixedExpiry !== null, {
  error: "needs fixedExpiry (YYYY-MM-DD) when expiry is fixed",
  path: ["fixedExpiry"],
}).refine((o) => o.select !== "nearest" || o.calls + o.puts > 0, {
  error: "selects no contract: calls + puts must be > 0",
}).refine((o) => o.deltaMin <= o.deltaMax, {
  error: "deltaMin must be <= deltaMax",
  path: ["deltaMin"],
}).refine((o) => o.dteMax === null || o.dteMin <= o.dteMax, {
  error: "dteMin must be <= dteMax",
  path: ["dteMin"],
});

/** `deno task scan`: option move events (definitions in `lib/scanner/scan.ts`). */
export const ScanSchema = z.strictObject({
  underlyings: z.array(ticker).min(1).default(["SPY"]).describe(
    "Underlyings whose options are scanned.",
  ),
  from: isoDate.nullable().default(null).describe(
    "First trading date (inclusive); required to run a scan.",
  ),
  to: isoDate.nullable().default(null).describe(
    "Last trading date (inclusive); required to run a scan.",
  ),
  threshold: numIn(0.001, 10).default(SCAN_DEFAULTS.threshold).describe(
    "The move that counts, as a fraction of the reference (0.2 = 20%).",
  ),
  reference: oneOf(SCAN_REFERENCES).default(SCAN_DEFAULTS.reference).describe(
    "open (first traded price of the day) | rolling_low | rolling_high (previous N minutes).",
  ),
  windowMin: intIn(1, 390).default(SCAN_DEFAULTS.windowMin).describe(
    "N for the rolling references, minutes.",
  ),
  direction: oneOf(SCAN_DIRECTIONS).default(SCAN_DEFAULTS.direction).describe("up | down | both."),
  gapToleranceMin: intIn(0, 390).default(SCAN_DEFAULTS.gapToleranceMin).describe(
    "Minutes without trades allowed inside an event.",
  ),
  price: oneOf(SCAN_PRICES).default(SCAN_DEFAULTS.price).describe(
    "high_low (high for up moves, low for down moves) | close.",
  ),
  dataset: oneOf(["auto", "option_minute", "consolidated"] as const).default("auto").describe(
    "auto: consolidated when it covers every option_minute partition of the range.",
  ),
});

const distinctMinutes = (max: number) =>
  z.array(intIn(1, max)).min(1).refine((a) => new Set(a).size === a.length, {
    error: "has repeated values",
  });

/** Indicators on the underlying's minutes in the consolidated table (`lib/indicators`). */
export const IndicatorsSchema = z.strictObject({
  session: z.boolean().default(INDICATOR_DEFAULTS.session).describe(
    "Restart every indicator at each session; false runs them across sessions.",
  ),
  warmupDays: intIn(0, 60).default(INDICATOR_DEFAULTS.warmupDays).describe(
    "Sessions of the underlying read before `from` when `session` is false.",
  ),
  rsiWindow: intIn(2, 390).default(INDICATOR_DEFAULTS.rsiWindow).describe("RSI window, minutes"),
  macdFast: intIn(1, 390).default(INDICATOR_DEFAULTS.macdFast),
  macdSlow: intIn(2, 390).default(INDICATOR_DEFAULTS.macdSlow),
  macdSignal: intIn(1, 390).default(INDICATOR_DEFAULTS.macdSignal),
  bollingerWindow: intIn(2, 390).default(INDICATOR_DEFAULTS.bollingerWindow).describe(
    "Bollinger window, minutes",
  ),
  bollingerStdDevs: numIn(0.1, 10).default(INDICATOR_DEFAULTS.bollingerStdDevs),
  rocWindows: distinctMinutes(390).default([...INDICATOR_DEFAULTS.rocWindows]).describe(
    "Rate-of-change windows, minutes.",
  ),
}).refine((i) => i.macdSlow > i.macdFast, {
  error: "needs macdSlow > macdFast",
  path: ["macdSlow"],
});

/** `deno task consolidate`: the per-option-per-minute research table. */
export const ConsolidateSchema = z.strictObject({
  underlyings: z.array(ticker).min(1).default(["SPY"]).describe(
    "Underlyings whose options are consolidated.",
  ),
  from: isoDate.nullable().default(null).describe(
    "First trading date (inclusive); required to run.",
  ),
  to: isoDate.nullable().default(null).describe("Last trading date (inclusive); required to run."),
  vix: ticker.nullable().default("I:VIX").describe(
    "Index joined as the vix_* columns (index_minute); null leaves them null.",
  ),
  rate: numIn(-0.1, 1).default(CONSOLIDATE_DEFAULTS.rate).describe(
    "Risk-free rate for implied vols and Greeks (the simulator's; set yours for real data).",
  ),
  dividendYield: numIn(-0.1, 1).default(CONSOLIDATE_DEFAULTS.dividendYield).describe(
    "Dividend yield for implied vols and Greeks (the simulator's).",
  ),
  newsLookbackMin: intIn(1, 10_080).default(CONSOLIDATE_DEFAULTS.newsLookbackMin).describe(
    "News look-back, minutes, ending at the end of each row's minute.",
  ),
  vixToleranceMin: intIn(0, 10_080).nullable().default(CONSOLIDATE_DEFAULTS.vixToleranceMin)
    .describe("Oldest VIX bar (minutes) an as-of join may carry forward; null: no limit."),
  featureLags: distinctMinutes(390).default([...CONSOLIDATE_DEFAULTS.featureLags]).describe(
    "Lags of the percentage-change features, minutes.",
  ),
  indicators: IndicatorsSchema.prefault({}),
});

/** `deno task health` and the other operating tools. */
export const OpsSchema = z.strictObject({
  /** A run slower than this many times the median of the earlier runs of its task is flagged. */
  regressionFactor: numIn(1, 100).default(2).describe(
    "A run slower than this many times the median of the earlier runs of its task is flagged.",
  ),
  /** Earlier runs needed before a regression is judged. */
  regressionMinRuns: intIn(1, 1000).default(3).describe(
    "Earlier runs needed before a regression is judged.",
  ),
  /** A stream status older than this many seconds is reported stale. */
  streamStaleS: intIn(1, 86_400).default(120).describe(
    "A stream status older than this many seconds is reported stale.",
  ),
});

/** `deno task prepare-training`: targets from the consolidated table. */
export const TrainingSchema = z.strictObject({
  underlyings: z.array(ticker).min(1).default(["SPY"]).describe(
    "Underlyings whose consolidated table is read.",
  ),
  from: isoDate.nullable().default(null).describe(
    "First trading date (inclusive); required to run.",
  ),
  to: isoDate.nullable().default(null).describe("Last trading date (inclusive); required to run."),
  horizonMin: intIn(1, 389).default(TRAINING_DEFAULTS.horizonMin).describe(
    "Minutes ahead whose option price is the target.",
  ),
  minCoverage: numIn(0, 1).default(TRAINING_DEFAULTS.minCoverage).describe(
    "Contract-days with a smaller share of eligible rows having a target are dropped.",
  ),
  toleranceMin: intIn(0, 388).default(TRAINING_DEFAULTS.toleranceMin).describe(
    "The target is the last trade in the `toleranceMin` minutes up to the horizon minute.",
  ),
}).refine((t) => t.toleranceMin < t.horizonMin, {
  error: "needs toleranceMin < horizonMin",
  path: ["toleranceMin"],
});

const fraction = (max: number) =>
  z.number({ error: `is not a number (from 0 to below ${max})` }).min(0, {
    error: `is out of range (from 0 to below ${max})`,
  }).lt(max, { error: `is out of range (from 0 to below ${max})` });
const axis = z.union([z.array(z.union([z.number(), z.string()])).min(1), z.string(), z.number()]);

/**
 * `deno task backtest`: one backtest, a sweep and its validations. The shape lives here; what
 * depends on the strategy (its parameters' ranges, the rule tying them, choice names) is
 * checked by `parseBacktestConfig` in `lib/backtest`.
 */
export const BacktestSchema = z.strictObject({
  strategy: z.string().min(1).nullable().default(null).describe(
    "Strategy to run (sma_cross, rsi_reversion, scanner_calls...)",
  ),
  dataset: oneOf(["auto", "equity_minute", "option_minute", "consolidated"] as const).default(
    "auto",
  ).describe(
    "Lake dataset: auto is equity_minute for bar strategies, option minutes for option ones",
  ),
  symbols: z.array(ticker).min(1).nullable().default(null).describe(
    "Symbols of equity_minute for bar strategies; none: backfill.symbols",
  ),
  underlyings: z.array(ticker).min(1).nullable().default(null).describe(
    "Underlyings whose option minutes option strategies read; none: options.underlyings",
  ),
  from: isoDate.nullable().default(null).describe("First trading date (inclusive)"),
  to: isoDate.nullable().default(null).describe("Last trading date (inclusive)"),
  params: z.record(z.string(), z.union([z.number(), z.string()])).default({}).describe(
    "Strategy parameters, name=value (others take the strategy's defaults)",
  ),
  grid: z.record(z.string(), axis).nullable().default(null).describe(
    "Sweep: name=from:to:step or a list per parameter (fast=5:50:5,slow=20,50,100)",
  ),
  random: z.strictObject({
    n: z.int().min(1).describe("Combinations of the grid drawn at random (seeded)"),
    seed: z.int().default(0).describe("Seed of the random draw"),
  }).nullable().default(null),
  metric: z.string().min(1).default("sharpe").describe(
    "Metric that picks the best combination of a sweep",
  ),
  initCash: z.number().positive().default(100_000).describe("Starting cash, dollars"),
  fees: fraction(1).default(0).describe("Fees, a fraction of the traded value per order"),
  fixedFees: z.number().min(0).default(0).describe("Fixed fees per order, dollars"),
  slippageBps: fraction(10_000).default(0).describe(
    "Slippage against the trader on every fill, basis points",
  ),
  sizing: z.strictObject({
    type: oneOf(["shares", "value", "percent"] as const).default("percent").describe(
      "How entries are sized (bar strategies)",
    ),
    size: z.number().positive().default(1).describe(
      "Entry size: shares, dollars, or a fraction of equity for percent",
    ),
  }).prefault({}),
  stops: z.strictObject({
    stopLoss: fraction(1).default(0).describe("Stop loss below the average entry, a fraction"),
    takeProfit: z.number().min(0).default(0).describe("Take profit above the entry, a fraction"),
    trailingStop: fraction(1).default(0).describe("Trailing stop from the high, a fraction"),
  }).prefault({}),
  execution: oneOf(["nextOpen", "close"] as const).default("nextOpen").describe(
    "Fill at the next bar's open or at the signal bar's close",
  ),
  barsPerYear: z.number().positive().nullable().default(null).describe(
    "Bars a year for annualised metrics; none: from the data",
  ),
  workers: z.int().min(0).nullable().default(null).describe(
    "Worker threads of a sweep; none: one per core, 0: in the main thread",
  ),
  validation: z.strictObject({
    split: z.strictObject({ validationFrom: isoDate, holdoutFrom: isoDate }).nullable().default(
      null,
    ).describe("Train / validation / holdout at two dates (VAL_FROM:HOLD_FROM)"),
    walkForward: z.strictObject({
      mode: oneOf(["rolling", "anchored"] as const).default("rolling").describe(
        "Walk-forward windows: rolling (fixed training length) or anchored (from the first bar)",
      ),
      trainBars: z.int().min(1),
      testBars: z.int().min(1),
    }).nullable().default(null).describe(
      "Walk-forward with these window lengths in bars (TRAIN:TEST; needs a grid)",
    ),
    stress: z.strictObject({
      crashGap: z.number().gt(0).lt(1).default(0.1),
      crashBar: z.int().min(0).nullable().default(null),
      bearDrop: z.number().positive().default(0.05),
      rangeBand: z.number().positive().default(0.02),
      vixLevel: z.number().positive().default(25),
      regimeLookbackBars: z.int().min(1).nullable().default(null),
    }).nullable().default(null).describe("Stress scenarios: costs, regimes, a flash crash"),
    bootstrap: z.strictObject({
      n: z.int().min(10).default(2000).describe("Bootstrap resamples of the trades"),
      seed: z.int().default(0),
      confidence: z.number().gt(0).lt(1).default(0.95),
    }).nullable().default(null).describe("Bootstrap confidence intervals of the trades"),
  }).prefault({}),
});

/** `deno task sim-check`: the simulator's stylized facts beside real bars (docs/simulator.md). */
export const SimCheckSchema = z.strictObject({
  from: isoDate.default("2024-01-01").describe(
    "First date of the simulated minutes measured (daily figures use 2015–2027).",
  ),
  to: isoDate.default("2024-12-31").describe("Last date of the simulated minutes measured."),
  realData: z.string().min(1).nullable().default("../shared/data").describe(
    "The shared real-data folder (LEAN and Alpha Vantage CSVs); null: simulator only.",
  ),
  report: z.string().min(1).default("reports/sim-check.html").describe(
    "Where the HTML page is written.",
  ),
});

/** `deno task stream`: the live feed over Polygon's WebSocket clusters (`lib/stream`). */
export const StreamSchema = z.strictObject({
  /** WebSocket base URL; clusters are `/stocks`, `/options`, `/indices` under it. */
  wsUrl: z.string().regex(/^wss?:\/\//, { error: "is not a ws:// or wss:// URL" }).default(
    "wss://socket.polygon.io",
  ).describe("WebSocket base URL; clusters are `/stocks`, `/options`, `/indices` under it."),
  /** Trading date streamed, YYYY-MM-DD; null: today in New York. */
  date: isoDate.nullable().default(null).describe(
    "Trading date streamed; null: today in New York.",
  ),
  /** Subscribe to the day's selected contracts of `options.underlyings` (same rules as backfill). */
  options: z.boolean().default(true),
  /** Also subscribe to second aggregates (`A.`): logged, not rolled into the lake. */
  seconds: z.boolean().default(false),
  /** Poll news of `backfill.symbols` every this many market minutes; 0: never. */
  newsIntervalMin: intIn(0, 390).default(15),
  /** The log is flushed and fsynced at least this often, ms. */
  flushMs: intIn(10, 1000).default(250),
  /** Market ms after a minute's end before it is rolled up (late, out-of-order events). */
  graceMs: intIn(0, 60_000).default(2000),
  /** No message on a subscribed cluster for this long (wall ms) in market hours: reconnect. */
  stallMs: intIn(100, 600_000).default(90_000),
  /** First reconnect delay before jitter, ms (doubling up to backoffMaxMs). */
  backoffBaseMs: intIn(1, 60_000).default(500),
  backoffMaxMs: intIn(1, 600_000).default(30_000),
  /** The status line and data/stream/status.json are refreshed this often, wall ms. */
  statusMs: intIn(50, 60_000).default(1000),
  /** Follow a replay's market clock (the fake server's) instead of the wall clock. */
  followReplay: z.strictObject({
    /** The replay's market start, UTC ms. */
    startMs: z.number().int(),
    /** Wall time (epoch ms) when the replay's clock started. */
    wallStartMs: z.number().int(),
    /** Market seconds a wall second. */
    speed: numIn(0.001, 1_000_000),
  }).nullable().default(null).describe(
    "Follow a replay's market clock (the fake server's) instead of the wall clock.",
  ),
});

/** The whole config. */
export const ConfigSchema = z.strictObject({
  data: DataSchema.prefault({}),
  log: LogSchema.prefault({}),
  source: SourceSchema.prefault({}),
  cache: CacheSchema.prefault({}),
  backfill: BackfillSchema.prefault({}),
  options: OptionsSchema.prefault({}),
  scan: ScanSchema.prefault({}),
  consolidate: ConsolidateSchema.prefault({}),
  training: TrainingSchema.prefault({}),
  backtest: BacktestSchema.prefault({}),
  simCheck: SimCheckSchema.prefault({}),
  stream: StreamSchema.prefault({}),
  ops: OpsSchema.prefault({}),
});

/** The parsed config, every default filled in. */
export type Config = z.infer<typeof ConfigSchema>;
