/**
 * Parsing of bar CSV files for the replay source, as real files come: Polars' CSV reader
 * (BOM, quoted fields, CRLF), column names matched case-insensitively with the usual
 * aliases or a configured map, every common timestamp form (see `_time.ts`), the bar
 * interval detected and checked against the dataset, and bad rows reported by class with a
 * count and the first line.
 *
 * @module
 */
import pl from "nodejs-polars";
import { nyDate } from "../../calendar/mod.ts";
import type { DailyBar, MinuteBar } from "../../market/mod.ts";
import { type EpochUnit, type NaiveZone, parseTime } from "./_time.ts";

/** The fields a bar has; `time` is the timestamp column. */
export const BAR_FIELDS = [
  "time",
  "open",
  "high",
  "low",
  "close",
  "volume",
  "vwap",
  "trades",
] as const;
/** A bar field name. */
export type BarField = (typeof BAR_FIELDS)[number];

/** Column names recognised for each field when no map names them (lower case). */
const ALIASES: Record<BarField, readonly string[]> = {
  time: ["datetime", "timestamp", "time", "date", "timestamp_et", "window_start", "t"],
  open: ["open", "o"],
  high: ["high", "h"],
  low: ["low", "l"],
  close: ["close", "c"],
  volume: ["volume", "vol", "v"],
  vwap: ["vwap", "vw"],
  trades: ["trades", "transactions", "trade_count", "number_of_trades", "n"],
};

/** How to read a bar CSV. */
export interface BarCsvFormat {
  /** Whether a row's time is the start or the end of its bar. */
  stamp: "start" | "end";
  /** The row order the file must have; `any` is not checked. */
  order: "any" | "ascending" | "descending";
  /** The zone of naive timestamps (rows with an offset carry their own). */
  timeZone: NaiveZone;
  /** An index (`I:VIX`): volume, vwap and trades are null whatever the file says. */
  index: boolean;
  /** Field → the file's column name, for names the aliases do not cover. @default {} */
  columns?: Partial<Record<BarField, string>>;
  /** Unit of numeric epoch timestamps. @default "auto" (by digit count) */
  epochUnit?: EpochUnit;
  /**
   * Bars coarser than a minute in a minute dataset: `refuse` them, or `complete`: keep each
   * as one bar stamped at the start of the last minute it covers, when all of it is known
   * (a 09:30–09:35 bar becomes the 09:34 bar), so nothing is known before it happened.
   * @default "refuse"
   */
  resample?: "refuse" | "complete";
}

export type { DailyBar };

interface Row {
  line: number;
  ms: number;
  dateOnly: boolean;
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
  vwap: number | null;
  trades: number | null;
}

/** Bad rows of one kind: how many, and the first. */
interface BadClass {
  count: number;
  line: number;
  value: string;
}

function readTable(text: string, name: string): pl.DataFrame {
  try {
    return pl.readCSV(text, { inferSchemaLength: 0, hasHeader: true });
  } catch (cause) {
    throw new RangeError(
      `Cannot read bars from ${name}: not a CSV file (${(cause as Error).message})`,
      { cause },
    );
  }
}

/** The file column for each field, or −1; missing required fields named in one error. */
function resolveColumns(
  header: string[],
  format: BarCsvFormat,
  name: string,
  daily: boolean,
): Record<BarField, number> {
  const lower = header.map((h) => h.trim().toLowerCase());
  const out = {} as Record<BarField, number>;
  for (const f of BAR_FIELDS) {
    const mapped = format.columns?.[f];
    if (mapped !== undefined) {
      const i = lower.indexOf(mapped.toLowerCase());
      if (i < 0) {
        throw new RangeError(
          `Cannot read bars from ${name}: the column map names "${mapped}" for ${f}, but the header is ${
            header.join(",")
          }`,
        );
      }
      out[f] = i;
    } else out[f] = lower.findIndex((h) => ALIASES[f].includes(h));
  }
  const required: BarField[] = ["time", "open", "high", "low", "close"];
  if (!format.index) required.push("volume");
  const missing = required.filter((f) => out[f] < 0);
  if (missing.length > 0) {
    throw new RangeError(
      `Cannot read ${daily ? "daily" : "minute"} bars from ${name}: no ${
        missing.join(", ")
      } column (header: ${
        header.join(",").slice(0, 120)
      }); name them in source.replay.columns (e.g. ${missing[0]}: <column>)`,
    );
  }
  return out;
}

/** Parses every row, collecting bad rows by class; throws one message listing them all. */
function parseRows(text: string, name: string, format: BarCsvFormat, daily: boolean): Row[] {
  const df = readTable(text, name);
  const header = df.columns;
  const at = resolveColumns(header, format, name, daily);
  const col = (f: BarField) =>
    at[f] < 0 ? null : (df.getColumn(header[at[f]]).toArray() as (string | null)[]);
  const cells = Object.fromEntries(BAR_FIELDS.map((f) => [f, col(f)])) as Record<
    BarField,
    (string | null)[] | null
  >;
  const bad = new Map<string, BadClass>();
  const flag = (what: string, line: number, value: string) => {
    const c = bad.get(what);
    if (c) c.count++;
    else bad.set(what, { count: 1, line, value });
  };
  const rows: Row[] = [];
  for (let i = 0; i < df.height; i++) {
    const line = i + 2;
    const raw = cells.time![i] ?? "";
    let t;
    try {
      t = parseTime(raw, format.timeZone, format.epochUnit ?? "auto");
    } catch (e) {
      flag(`a time that ${(e as Error).message}`, line, raw);
      continue;
    }
    const num = (f: BarField, optional: boolean): number | null | undefined => {
      const c = cells[f];
      if (c === null) return null;
      const s = (c[i] ?? "").trim();
      if (s === "" && optional) return null;
      const v = s === "" ? NaN : Number(s);
      if (!Number.isFinite(v)) {
        flag(`a ${f} that is not a number`, line, s);
        return undefined;
      }
      return v;
    };
    const open = num("open", false), high = num("high", false), low = num("low", false);
    const close = num("close", false);
    const volume = format.index ? null : num("volume", false);
    const vwap = format.index ? null : num("vwap", true);
    const trades = format.index ? null : num("trades", true);
    if ([open, high, low, close, volume, vwap, trades].includes(undefined)) continue;
    rows.push({
      line,
      ms: t.ms,
      dateOnly: t.dateOnly,
      date: t.date,
      open: open!,
      high: high!,
      low: low!,
      close: close!,
      volume: volume ?? null,
      vwap: vwap ?? null,
      trades: trades === null || trades === undefined ? null : Math.round(trades),
    });
  }
  if (bad.size > 0) {
    const parts = [...bad].map(([what, c]) =>
      `${c.count} row${c.count === 1 ? "" : "s"} with ${what} (${
        c.count === 1 ? "" : "first at "
      }line ${c.line}: ${JSON.stringify(c.value)})`
    );
    throw new RangeError(`Cannot read bars from ${name}: ${parts.join("; ")}`);
  }
  if (format.order !== "any") {
    for (let i = 1; i < rows.length; i++) {
      const wrong = format.order === "ascending"
        ? rows[i].ms < rows[i - 1].ms
        : rows[i].ms > rows[i - 1].ms;
      if (wrong) {
        throw new RangeError(
          `Cannot read bars from ${name}: line ${
            rows[i].line
          } is out of order (the rows must be ${format.order})`,
        );
      }
    }
  }
  return rows;
}

/** The most common positive gap between consecutive bars of a day, ms (0 for none). */
export function typicalGapMs(stampsByDay: Iterable<number[]>): number {
  const counts = new Map<number, number>();
  for (const day of stampsByDay) {
    const s = [...day].sort((a, b) => a - b);
    for (let i = 1; i < s.length; i++) {
      const g = s[i] - s[i - 1];
      if (g > 0) counts.set(g, (counts.get(g) ?? 0) + 1);
    }
  }
  let best = 0, bestN = 0;
  for (const [g, n] of counts) if (n > bestN || (n === bestN && g < best)) best = g, bestN = n;
  return best;
}

const MINUTE_MS = 60_000;

function describeGap(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000}-day`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}-hour`;
  if (ms % MINUTE_MS === 0) return `${ms / MINUTE_MS}-minute`;
  return `${ms / 1000}-second`;
}

/**
 * Parses a minute CSV into start-stamped minute bars grouped by New York trading date, each
 * day ascending by `ts`. The bar interval is the most common gap between a day's rows; it
 * must be one minute (coarser bars are refused, or with `resample: "complete"` placed at the
 * last minute they cover).
 *
 * @param text The file's text.
 * @param name The file's name, for messages.
 * @param format How to read it.
 * @returns Bars by trading date.
 * @throws {RangeError} For missing columns, bad rows (by class, with counts and lines), rows
 * out of the declared order, daily rows, or an interval that is not one minute.
 */
export function parseMinuteCsv(
  text: string,
  name: string,
  format: BarCsvFormat,
): Map<string, MinuteBar[]> {
  const rows = parseRows(text, name, format, false);
  if (rows.length > 0 && rows.every((r) => r.dateOnly)) {
    throw new RangeError(
      `Cannot read minute bars from ${name}: its rows are dates without times (daily bars); load it into a daily dataset (equity_daily, index_daily)`,
    );
  }
  const byRawDay = new Map<string, number[]>();
  for (const r of rows) {
    const d = nyDate(r.ms);
    const list = byRawDay.get(d);
    if (list) list.push(r.ms);
    else byRawDay.set(d, [r.ms]);
  }
  const gap = typicalGapMs(byRawDay.values()) || MINUTE_MS;
  if (gap < MINUTE_MS || (gap > MINUTE_MS && (format.resample ?? "refuse") === "refuse")) {
    throw new RangeError(
      `Cannot read minute bars from ${name}: its rows are ${
        describeGap(gap)
      } bars (the most common gap between rows); a minute dataset takes 1-minute bars` +
        (gap > MINUTE_MS
          ? `. Set source.replay.resample: complete to keep each bar at the minute it completes (no look-ahead)`
          : ""),
    );
  }
  const span = gap; // a bar covers [start, start + span)
  const byDate = new Map<string, MinuteBar[]>();
  for (const r of rows) {
    const start = format.stamp === "end" ? r.ms - span : r.ms;
    const ts = start + span - MINUTE_MS; // the bar's last minute (itself for minute bars)
    const bar: MinuteBar = {
      ts,
      open: r.open,
      high: r.high,
      low: r.low,
      close: r.close,
      volume: r.volume,
      vwap: r.vwap,
      trades: r.trades,
    };
    const date = nyDate(ts);
    const day = byDate.get(date);
    if (day) day.push(bar);
    else byDate.set(date, [bar]);
  }
  for (const day of byDate.values()) day.sort((a, b) => a.ts - b.ts);
  return byDate;
}

/**
 * Parses a daily CSV (one row per trading date: a date, or a timestamp at midnight) into
 * daily bars ascending by date. Duplicated dates are refused (naming both lines).
 *
 * @param text The file's text.
 * @param name The file's name, for messages.
 * @param format How to read it (`stamp` and `resample` do not apply).
 * @returns The bars.
 * @throws {RangeError} For missing columns, bad rows, intraday rows, or a date twice.
 */
export function parseDailyCsv(text: string, name: string, format: BarCsvFormat): DailyBar[] {
  const rows = parseRows(text, name, format, true);
  const seen = new Map<string, number>();
  const out: DailyBar[] = [];
  for (const r of rows) {
    const midnight = r.dateOnly || r.ms % 86_400_000 === 0;
    if (!midnight) {
      throw new RangeError(
        `Cannot read daily bars from ${name}: line ${r.line} has a time of day; a daily dataset takes one row per date`,
      );
    }
    const date = r.dateOnly ? r.date : new Date(r.ms).toISOString().slice(0, 10);
    const first = seen.get(date);
    if (first !== undefined) {
      throw new RangeError(
        `Cannot read daily bars from ${name}: ${date} appears twice (lines ${first} and ${r.line})`,
      );
    }
    seen.set(date, r.line);
    const { open, high, low, close, volume, vwap, trades } = r;
    out.push({ date, open, high, low, close, volume, vwap, trades });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}
