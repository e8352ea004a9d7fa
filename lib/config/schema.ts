/**
 * The zod schema of the whole strikelab config. Every default lives here and only here;
 * `config/default.yaml` documents the same values (a test keeps the two equal).
 *
 * @module
 */
import { z } from "zod";
import { EXPIRY_CONVENTIONS } from "../market/select_expiry.ts";
import {
  SCAN_DEFAULTS,
  SCAN_DIRECTIONS,
  SCAN_PRICES,
  SCAN_REFERENCES,
} from "../scanner/options.ts";
import {
  CONSOLIDATE_DEFAULTS,
  INDICATOR_DEFAULTS,
  TRAINING_DEFAULTS,
} from "../consolidate/options.ts";
import { intIn, isoDate, numIn, oneOf, ticker } from "./_fields.ts";

/** Where the lake and run records live. */
export const DataSchema = z.strictObject({
  /** Root folder: the lake is `<dir>/lake`, run records `<dir>/runs`. */
  dir: z.string().min(1).default("data"),
});

/** Logging. */
export const LogSchema = z.strictObject({
  level: oneOf(["debug", "info", "warn", "error"] as const).default("info"),
  /** One JSON object a line instead of text. */
  json: z.boolean().default(false),
});

/** The Polygon.io REST client. */
export const PolygonSchema = z.strictObject({
  /** API key; read from POLYGON_API_KEY (or .env). Never written to any output. */
  apiKey: z.string().min(1).nullable().default(null),
  baseUrl: z.url({ error: "is not a URL (e.g. https://api.polygon.io)" }).default(
    "https://api.polygon.io",
  ),
  /** Requests a minute for the whole process; the free tier allows 5. */
  rateLimitPerMinute: intIn(1, 100_000).default(5),
  /** Retries of a request after 429, 5xx, timeouts or network errors. */
  maxRetries: intIn(0, 20).default(6),
  /** Time limit of one request, ms (the read timeout). */
  timeoutMs: intIn(100, 600_000).default(30_000),
  /** Time limit of the TCP connect that checks the host before the first request, ms. */
  connectTimeoutMs: intIn(100, 120_000).default(5_000),
  /** Longest `Retry-After` honoured, ms (longer asks wait this long; each counts as a retry). */
  maxRetryAfterMs: intIn(0, 3_600_000).default(300_000),
  /** Bars a page for aggregates (Polygon caps it at 50,000). */
  pageLimit: intIn(1, 50_000).default(50_000),
});

/** The replay source: minute bars from CSV files, one per ticker. */
export const ReplaySchema = z.strictObject({
  /** Minute CSV per ticker (`SPY: path/SPY_1min.csv`); relative paths from the working folder. */
  files: z.record(ticker, z.string().min(1, { error: "is not a file path" })).default({}),
  /** Whether a row's time is the start or the end of its minute. */
  stamp: oneOf(["start", "end"] as const).default("start"),
  /** The row order the files must have (checked); `any` is not checked. */
  order: oneOf(["any", "ascending", "descending"] as const).default("any"),
  /** The zone of the files' naive timestamps. */
  timeZone: oneOf(["America/New_York", "UTC"] as const).default("America/New_York"),
});

/** Which source to read and how. */
export const SourceSchema = z.strictObject({
  /** `auto`: polygon when an API key is set, else the simulator. */
  name: oneOf(["auto", "sim", "polygon", "replay"] as const).default("auto"),
  sim: z.strictObject({ seed: intIn(0, 2 ** 31 - 1).default(42) }).prefault({}),
  polygon: PolygonSchema.prefault({}),
  replay: ReplaySchema.prefault({}),
});

/** `deno task backfill`. */
export const BackfillSchema = z.strictObject({
  /** Which datasets to fill: equity and index minute bars, options, news. */
  datasets: z.array(oneOf(["equity", "index", "options", "news"] as const)).min(1).default([
    "equity",
    "index",
  ]),
  /** Equities and ETFs for `equity_minute`. */
  symbols: z.array(ticker).min(1).default(["SPY"]),
  /** Indices for `index_minute`. */
  indices: z.array(ticker).default(["I:VIX"]),
  /** First trading date (inclusive); required to run a backfill. */
  from: isoDate.nullable().default(null),
  /** Last trading date (inclusive); required to run a backfill. */
  to: isoDate.nullable().default(null),
  /** Partitions fetched at once. */
  concurrency: intIn(1, 64).default(4),
  /** Keep pre- and post-market minutes too. */
  extendedHours: z.boolean().default(false),
  /** Rewrite partitions already complete in the manifest. */
  force: z.boolean().default(false),
  /** Fetch again bar partitions recorded empty (zero bars: a wrong symbol, or a day not yet published). */
  retryEmpty: z.boolean().default(false),
  /** Seconds to wait for the lake lock while another backfill holds it (workers take turns). */
  lockWaitS: intIn(0, 604_800).default(0),
  /** Schema drift (columns or the source's wire fields differ from the baseline): accept | quarantine. */
  schemaDrift: oneOf(["accept", "quarantine"] as const).default("accept"),
});

/** Option contract selection and option bars (`backfill --datasets options`, `discover`). */
export const OptionsSchema = z.strictObject({
  /** Underlyings whose options are selected each day. */
  underlyings: z.array(ticker).min(1).default(["SPY"]),
  /** Call strikes strictly above the day's open. */
  calls: intIn(0, 50).default(2),
  /** Put strikes at or below the day's open. */
  puts: intIn(0, 50).default(2),
  /** Strike grid in dollars (SPY: 1; 0.5 also listed for some names). */
  strikeIncrement: numIn(0.001, 1000).default(1),
  /** same_day (0DTE) | next_trading_day | next_friday | fixed | nearest_listed. */
  expiry: oneOf(EXPIRY_CONVENTIONS).default("same_day"),
  /** The expiry for `fixed`, YYYY-MM-DD. */
  fixedExpiry: isoDate.nullable().default(null),
  /** How far ahead `nearest_listed` looks for listed expiries, calendar days. */
  listedHorizonDays: intIn(1, 730).default(45),
}).refine((o) => o.expiry !== "fixed" || o.fixedExpiry !== null, {
  error: "needs fixedExpiry (YYYY-MM-DD) when expiry is fixed",
  path: ["fixedExpiry"],
}).refine((o) => o.calls + o.puts > 0, { error: "selects no contract: calls + puts must be > 0" });

/** `deno task scan`: option move events (definitions in `lib/scanner/scan.ts`). */
export const ScanSchema = z.strictObject({
  /** Underlyings whose options are scanned. */
  underlyings: z.array(ticker).min(1).default(["SPY"]),
  /** First trading date (inclusive); required to run a scan. */
  from: isoDate.nullable().default(null),
  /** Last trading date (inclusive); required to run a scan. */
  to: isoDate.nullable().default(null),
  /** The move that counts, as a fraction of the reference (0.2 = 20%). */
  threshold: numIn(0.001, 10).default(SCAN_DEFAULTS.threshold),
  /** open (first traded price of the day) | rolling_low | rolling_high (previous N minutes). */
  reference: oneOf(SCAN_REFERENCES).default(SCAN_DEFAULTS.reference),
  /** N for the rolling references, minutes. */
  windowMin: intIn(1, 390).default(SCAN_DEFAULTS.windowMin),
  /** up | down | both. */
  direction: oneOf(SCAN_DIRECTIONS).default(SCAN_DEFAULTS.direction),
  /** Minutes without trades allowed inside an event. */
  gapToleranceMin: intIn(0, 390).default(SCAN_DEFAULTS.gapToleranceMin),
  /** high_low (high for up moves, low for down moves) | close. */
  price: oneOf(SCAN_PRICES).default(SCAN_DEFAULTS.price),
  /** auto: consolidated when it covers every option_minute partition of the range. */
  dataset: oneOf(["auto", "option_minute", "consolidated"] as const).default("auto"),
});

const distinctMinutes = (max: number) =>
  z.array(intIn(1, max)).min(1).refine((a) => new Set(a).size === a.length, {
    error: "has repeated values",
  });

/** Indicators on the underlying's minutes in the consolidated table (`lib/indicators`). */
export const IndicatorsSchema = z.strictObject({
  /** Restart every indicator at each session; false runs them across sessions. */
  session: z.boolean().default(INDICATOR_DEFAULTS.session),
  /** Sessions of the underlying read before `from` when `session` is false. */
  warmupDays: intIn(0, 60).default(INDICATOR_DEFAULTS.warmupDays),
  rsiWindow: intIn(2, 390).default(INDICATOR_DEFAULTS.rsiWindow),
  macdFast: intIn(1, 390).default(INDICATOR_DEFAULTS.macdFast),
  macdSlow: intIn(2, 390).default(INDICATOR_DEFAULTS.macdSlow),
  macdSignal: intIn(1, 390).default(INDICATOR_DEFAULTS.macdSignal),
  bollingerWindow: intIn(2, 390).default(INDICATOR_DEFAULTS.bollingerWindow),
  bollingerStdDevs: numIn(0.1, 10).default(INDICATOR_DEFAULTS.bollingerStdDevs),
  /** Rate-of-change windows, minutes. */
  rocWindows: distinctMinutes(390).default([...INDICATOR_DEFAULTS.rocWindows]),
}).refine((i) => i.macdSlow > i.macdFast, {
  error: "needs macdSlow > macdFast",
  path: ["macdSlow"],
});

/** `deno task consolidate`: the per-option-per-minute research table. */
export const ConsolidateSchema = z.strictObject({
  /** Underlyings whose options are consolidated. */
  underlyings: z.array(ticker).min(1).default(["SPY"]),
  /** First trading date (inclusive); required to run. */
  from: isoDate.nullable().default(null),
  /** Last trading date (inclusive); required to run. */
  to: isoDate.nullable().default(null),
  /** Index joined as the vix_* columns (index_minute); null leaves them null. */
  vix: ticker.nullable().default("I:VIX"),
  /** Risk-free rate for implied vols and Greeks (the simulator's; set yours for real data). */
  rate: numIn(-0.1, 1).default(CONSOLIDATE_DEFAULTS.rate),
  /** Dividend yield for implied vols and Greeks (the simulator's). */
  dividendYield: numIn(-0.1, 1).default(CONSOLIDATE_DEFAULTS.dividendYield),
  /** News look-back, minutes, ending at the end of each row's minute. */
  newsLookbackMin: intIn(1, 10_080).default(CONSOLIDATE_DEFAULTS.newsLookbackMin),
  /** Oldest VIX bar (minutes) an as-of join may carry forward; null: no limit. */
  vixToleranceMin: intIn(0, 10_080).nullable().default(CONSOLIDATE_DEFAULTS.vixToleranceMin),
  /** Lags of the percentage-change features, minutes. */
  featureLags: distinctMinutes(390).default([...CONSOLIDATE_DEFAULTS.featureLags]),
  indicators: IndicatorsSchema.prefault({}),
});

/** `deno task health` and the other operating tools. */
export const OpsSchema = z.strictObject({
  /** A run slower than this many times the median of the earlier runs of its task is flagged. */
  regressionFactor: numIn(1, 100).default(2),
  /** Earlier runs needed before a regression is judged. */
  regressionMinRuns: intIn(1, 1000).default(3),
  /** A stream status older than this many seconds is reported stale. */
  streamStaleS: intIn(1, 86_400).default(120),
});

/** `deno task prepare-training`: targets from the consolidated table. */
export const TrainingSchema = z.strictObject({
  /** Underlyings whose consolidated table is read. */
  underlyings: z.array(ticker).min(1).default(["SPY"]),
  /** First trading date (inclusive); required to run. */
  from: isoDate.nullable().default(null),
  /** Last trading date (inclusive); required to run. */
  to: isoDate.nullable().default(null),
  /** Minutes ahead whose option price is the target. */
  horizonMin: intIn(1, 389).default(TRAINING_DEFAULTS.horizonMin),
  /** Contract-days with a smaller share of eligible rows having a target are dropped. */
  minCoverage: numIn(0, 1).default(TRAINING_DEFAULTS.minCoverage),
  /** The target is the last trade in the `toleranceMin` minutes up to the horizon minute. */
  toleranceMin: intIn(0, 388).default(TRAINING_DEFAULTS.toleranceMin),
}).refine((t) => t.toleranceMin < t.horizonMin, {
  error: "needs toleranceMin < horizonMin",
  path: ["toleranceMin"],
});

/** The whole config. */
export const ConfigSchema = z.strictObject({
  data: DataSchema.prefault({}),
  log: LogSchema.prefault({}),
  source: SourceSchema.prefault({}),
  backfill: BackfillSchema.prefault({}),
  options: OptionsSchema.prefault({}),
  scan: ScanSchema.prefault({}),
  consolidate: ConsolidateSchema.prefault({}),
  training: TrainingSchema.prefault({}),
  ops: OpsSchema.prefault({}),
});

/** The parsed config, every default filled in. */
export type Config = z.infer<typeof ConfigSchema>;
