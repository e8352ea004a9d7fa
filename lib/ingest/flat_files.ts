/**
 * Backfill from Polygon's flat files: each trading day, one pass over the day's stocks,
 * indices and options files (through the flat-file source) fills `equity_minute`,
 * `index_minute`, and, for each configured underlying, `option_contracts` (every contract
 * of its roots seen trading that day) and `option_minute` (all of their bars), with the same
 * atomic partitions, manifests, resume and quarantine as the other sources.
 *
 * `option_contracts` is derived from the OCC tickers in the file: contracts that did not
 * trade that day are absent, and a non-standard deliverable (an adjusted contract after a
 * split or special dividend) cannot be told from the ticker, so multiplier 100 is assumed.
 *
 * @module
 */
import pl from "nodejs-polars";
import { session } from "../calendar/mod.ts";
import { nyToUtcMs } from "../calendar/mod.ts";
import { contractsFrame, DATASET_SCHEMAS } from "../lake/mod.ts";
import type { QuarantinedRow } from "../lake/mod.ts";
import { barViolation } from "../market/mod.ts";
import type { FlatFilesSource, TickerBars } from "../sources/flatfiles/mod.ts";
import { assertWellFormed, chainOf } from "../sources/flatfiles/mod.ts";
import { backfillDays, barsJob } from "./plan.ts";
import type { PartitionJob } from "./run_jobs.ts";

/** Options for {@linkcode planFlatFiles}. */
export interface PlanFlatFilesOptions {
  datasets: readonly ("equity" | "index" | "options" | "news")[];
  symbols: readonly string[];
  indices: readonly string[];
  underlyings: readonly string[];
  from: string;
  to: string;
  /** Keep 04:00–20:00 New York instead of the regular session. @default false */
  extendedHours?: boolean;
}

function windowOf(date: string, extendedHours: boolean) {
  const s = session(date);
  if (!s) throw new RangeError(`Cannot import ${date}: the exchange is closed`);
  return extendedHours
    ? { startMs: nyToUtcMs(date, 4, 0), endMs: nyToUtcMs(date, 20, 0) }
    : { startMs: s.openMs, endMs: s.closeMs };
}

/** A job writing every contract of the underlying seen trading on the date. */
export function flatContractsJob(
  source: FlatFilesSource,
  underlying: string,
  date: string,
): PartitionJob {
  return {
    id: { dataset: "option_contracts", value: underlying, date },
    async produce(signal) {
      const contracts = await source.optionContracts(underlying, date, { signal });
      return { frame: contractsFrame(contracts, source.name), quarantine: [] };
    },
  };
}

/**
 * Whether a row certainly passes {@linkcode barViolation} (checked on the columns, without
 * building a bar); a row that fails here is handed to `barViolation` for the reason.
 */
function plainlyValid(b: TickerBars, i: number, startMs: number, endMs: number): boolean {
  const o = b.open[i], h = b.high[i], l = b.low[i], c = b.close[i], ts = b.ts[i];
  return o > 0 && h > 0 && l > 0 && c > 0 && h < Infinity && h >= o && h >= c && l <= o &&
    l <= c && b.volume[i] >= 0 && b.trades[i] >= 0 && ts % 60_000 === 0 && ts >= startMs &&
    ts < endMs;
}

/**
 * The valid rows of one contract (ascending, unique minutes), appended to `keep`; rows set
 * aside go to `quarantine` naming the object and line. Minutes outside the window (pre- and
 * post-market) are dropped, not quarantined: they are real trades the lake does not keep.
 */
function cleanTicker(
  b: TickerBars,
  window: { startMs: number; endMs: number },
  objectKey: string,
  quarantine: QuarantinedRow[],
): Int32Array {
  const { startMs, endMs } = window;
  const keep = new Int32Array(b.length);
  let n = 0;
  for (let i = 0; i < b.length; i++) {
    const ts = b.ts[i];
    if (ts < startMs || ts >= endMs) continue;
    if (plainlyValid(b, i, startMs, endMs)) {
      keep[n++] = i;
      continue;
    }
    const bar = {
      ts,
      open: b.open[i],
      high: b.high[i],
      low: b.low[i],
      close: b.close[i],
      volume: b.volume[i],
      vwap: null,
      trades: b.trades[i],
    };
    const reason = barViolation(bar, window);
    if (reason === null) keep[n++] = i;
    else {
      quarantine.push({
        reason: `${b.ticker}: ${objectKey} line ${b.line[i]}: ${reason}`,
        row: { ticker: b.ticker, ...bar },
      });
    }
  }
  let rows = keep.subarray(0, n);
  if (!b.ascending) rows = rows.slice().sort((x, y) => b.ts[x] - b.ts[y] || x - y);
  else return rows;
  const unique = new Int32Array(rows.length);
  let u = 0;
  for (const i of rows) {
    const last = u > 0 ? unique[u - 1] : -1;
    if (last >= 0 && b.ts[last] === b.ts[i]) {
      const same = b.open[i] === b.open[last] && b.high[i] === b.high[last] &&
        b.low[i] === b.low[last] && b.close[i] === b.close[last] &&
        b.volume[i] === b.volume[last] && b.trades[i] === b.trades[last];
      if (!same) {
        quarantine.push({
          reason: `${b.ticker}: ${objectKey} line ${b.line[i]}: conflicting duplicate of ts ${
            b.ts[i]
          }`,
          row: { ticker: b.ticker, ts: b.ts[i], open: b.open[i], close: b.close[i] },
        });
      }
      continue;
    }
    unique[u++] = i;
  }
  return unique.subarray(0, u);
}

/**
 * The chain's kept rows as an `option_minute` frame, sorted by ticker then minute. The
 * ticker column comes from a join on a row code (one string per contract, not per row).
 */
function chainFrame(chain: { bars: TickerBars; rows: Int32Array }[], source: string): pl.DataFrame {
  const n = chain.reduce((k, c) => k + c.rows.length, 0);
  const code = new Int32Array(n);
  const cols = {
    ts: new Float64Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    volume: new Float64Array(n),
    trades: new Float64Array(n),
  };
  let j = 0;
  chain.forEach(({ bars, rows }, k) => {
    for (const i of rows) {
      code[j] = k;
      cols.ts[j] = bars.ts[i];
      cols.open[j] = bars.open[i];
      cols.high[j] = bars.high[i];
      cols.low[j] = bars.low[i];
      cols.close[j] = bars.close[i];
      cols.volume[j] = bars.volume[i];
      cols.trades[j] = bars.trades[i];
      j++;
    }
  });
  const names = pl.DataFrame([
    pl.Series("code", Int32Array.from(chain.keys()), pl.Int32),
    pl.Series("ticker", chain.map((c) => c.bars.ticker), pl.Utf8),
  ]);
  const schema = DATASET_SCHEMAS.option_minute!;
  return pl.DataFrame([
    pl.Series("code", code, pl.Int32),
    pl.Series("ts", cols.ts, pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
    pl.Series("open", cols.open, pl.Float64),
    pl.Series("high", cols.high, pl.Float64),
    pl.Series("low", cols.low, pl.Float64),
    pl.Series("close", cols.close, pl.Float64),
    pl.Series("volume", cols.volume, pl.Float64),
    pl.Series("trades", cols.trades, pl.Float64).cast(pl.Int64),
  ]).join(names, { on: "code", how: "left" }).withColumns(
    pl.lit(null).cast(pl.Float64).alias("vwap"),
    pl.lit(source).cast(pl.Utf8).alias("source"),
  ).select(...Object.keys(schema));
}

/** A job writing the minute bars of the underlying's whole traded chain on the date. */
export function flatChainBarsJob(
  source: FlatFilesSource,
  underlying: string,
  date: string,
  extendedHours = false,
): PartitionJob {
  return {
    id: { dataset: "option_minute", value: underlying, date },
    async produce(signal) {
      const window = windowOf(date, extendedHours);
      const day = await source.day("options", date, { signal });
      const chain = chainOf(day, underlying);
      const quarantine: QuarantinedRow[] = [];
      const kept = chain.map((bars) => {
        assertWellFormed(day, bars.ticker);
        return { bars, rows: cleanTicker(bars, window, day.objectKey, quarantine) };
      });
      return { frame: chainFrame(kept, source.name), quarantine };
    },
  };
}

/**
 * The jobs of a flat-file backfill, date-major (every partition of a day before the next
 * day), so one day's files are read once and an interrupted run leaves whole days behind.
 *
 * @throws {RangeError} for news (flat files carry none), or a range without trading days.
 */
export function planFlatFiles(
  source: FlatFilesSource,
  options: PlanFlatFilesOptions,
): PartitionJob[] {
  const { datasets, symbols, indices, underlyings, from, to, extendedHours = false } = options;
  if (datasets.includes("news")) {
    throw new RangeError(
      "Flat files carry no news: drop news from backfill.datasets (--datasets) or backfill " +
        "news with --source polygon or sim",
    );
  }
  const days = backfillDays(from, to);
  const jobs: PartitionJob[] = [];
  for (const date of days) {
    if (datasets.includes("equity")) {
      for (const s of symbols) jobs.push(barsJob(source, "equity_minute", s, date, extendedHours));
    }
    if (datasets.includes("index")) {
      for (const s of indices) jobs.push(barsJob(source, "index_minute", s, date, extendedHours));
    }
    if (datasets.includes("options")) {
      for (const u of underlyings) {
        jobs.push(flatContractsJob(source, u, date));
        jobs.push(flatChainBarsJob(source, u, date, extendedHours));
      }
    }
  }
  return jobs;
}
