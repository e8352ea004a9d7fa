/**
 * The replay source: minute bars read back from CSV files on disk (one file per ticker),
 * e.g. a vendor's download, so that real data goes through the same validation and lake
 * writes as the simulator's and Polygon's.
 *
 * @module
 */
import { nyToUtcMs, session } from "../../calendar/mod.ts";
import type { MinuteBar } from "../../market/mod.ts";
import type { MinuteBarsOptions, Source } from "../source.ts";
import {
  type BarCsvFormat,
  type BarField,
  type DailyBar,
  parseDailyCsv,
  parseMinuteCsv,
} from "./_csv.ts";
import type { EpochUnit } from "./_time.ts";

/** Options for {@linkcode createReplaySource}. */
export interface ReplaySourceOptions {
  /** Minute CSV per ticker, e.g. `{ SPY: "SPY_1min.csv", "I:VIX": "VIX_1min.csv" }`. */
  files: Readonly<Record<string, string>>;
  /**
   * Whether a row's time is the START of its minute (Polygon, the lake) or its END (Alpha
   * Vantage: the 09:30–09:31 bar is stamped 09:31). End stamps are moved back one minute.
   */
  stamp: "start" | "end";
  /** The row order the files must have (checked); `any` accepts any order. @default "any" */
  order?: BarCsvFormat["order"];
  /** The zone of the files' naive timestamps (rows with a UTC offset carry their own). @default "America/New_York" */
  timeZone?: BarCsvFormat["timeZone"];
  /** Field → column name where the aliases do not cover a file (`trades: trade_count`). @default {} */
  columns?: Partial<Record<BarField, string>>;
  /** Unit of numeric epoch timestamps. @default "auto" */
  epochUnit?: EpochUnit;
  /** Coarser-than-minute bars in a minute file: refuse, or keep at the minute they complete. @default "refuse" */
  resample?: "refuse" | "complete";
  /** Daily CSV per ticker (a date per row), for `dailyBars`. @default {} */
  dailyFiles?: Readonly<Record<string, string>>;
}

/**
 * Creates a source that replays minute bars from CSV files.
 *
 * A file is read and parsed once, on the first request for its ticker. Bars come back
 * start-stamped and ascending, limited to the regular session (or 04:00–20:00 New York with
 * `extendedHours`); minutes missing from the file stay missing. Tickers starting with `I:`
 * are indices: their volume, VWAP and trade count are null (vendors write 0). Equities get
 * the file's volume, and VWAP and trades when the file has those columns (else null).
 * Everything it yields is labelled `source = "replay"`.
 *
 * @returns A {@linkcode Source} whose `minuteBars` rejects with a RangeError for a ticker
 *   without a file, a closed day, a date the file has no rows for, or a malformed file
 *   (naming the line); `optionContracts` and `news` always reject (minute bars only).
 *
 * @example
 * ```ts
 * import { createReplaySource } from "./replay_source.ts";
 * import { equal } from "node:assert/strict";
 * const csv = await Deno.makeTempFile({ suffix: ".csv" });
 * await Deno.writeTextFile(csv, "datetime,open,high,low,close,volume\n" +
 *   "2019-02-11 09:32:00,271.32,271.32,271.22,271.2399,251600\n" +
 *   "2019-02-11 09:31:00,271.19,271.34,271.07,271.34,1488804\n");
 * const replay = createReplaySource({ files: { SPY: csv }, stamp: "end", order: "descending" });
 * const bars = await replay.minuteBars("SPY", "2019-02-11");
 * equal(bars[0].ts, Date.UTC(2019, 1, 11, 14, 30)); // 09:30 New York, the minute's start
 * equal(bars[1].close, 271.2399);
 * await Deno.remove(csv);
 * ```
 */
export function createReplaySource(options: ReplaySourceOptions): Source {
  const {
    files,
    stamp,
    order = "any",
    timeZone = "America/New_York",
    columns = {},
    epochUnit = "auto",
    resample = "refuse",
    dailyFiles = {},
  } = options;
  const formatOf = (ticker: string): BarCsvFormat => ({
    stamp,
    order,
    timeZone,
    index: ticker.startsWith("I:"),
    columns,
    epochUnit,
    resample,
  });
  const read = (ticker: string, path: string) =>
    Deno.readTextFile(path).catch((cause) => {
      throw new Error(`Cannot replay ${ticker}: cannot read ${path}: ${cause.message}`, { cause });
    });
  const daily = new Map<string, Promise<DailyBar[]>>();
  const loaded = new Map<string, Promise<Map<string, MinuteBar[]>>>();
  const load = (ticker: string, path: string) => {
    let hit = loaded.get(ticker);
    if (!hit) {
      const format = formatOf(ticker);
      hit = Deno.readTextFile(path).then(
        (text) => parseMinuteCsv(text, path, format),
        (cause) => {
          throw new Error(`Cannot replay ${ticker}: cannot read ${path}: ${cause.message}`, {
            cause,
          });
        },
      );
      loaded.set(ticker, hit);
    }
    return hit;
  };
  const minuteOnly = (what: string) =>
    Promise.reject(
      new RangeError(`The replay source holds bars only: cannot ${what}`),
    );
  return {
    name: "replay",
    async minuteBars(ticker: string, date: string, opts: MinuteBarsOptions = {}) {
      const path = files[ticker];
      if (path === undefined) {
        throw new RangeError(
          `Cannot replay ${ticker}: no file for it (the replay source has ${
            Object.keys(files).join(", ") || "no files"
          }; set source.replay.files)`,
        );
      }
      const s = session(date);
      if (!s) throw new RangeError(`Cannot replay ${ticker} on ${date}: the exchange is closed`);
      const byDate = await load(ticker, path);
      const day = byDate.get(date);
      if (!day) {
        const dates = [...byDate.keys()].sort();
        throw new RangeError(
          `Cannot replay ${ticker} on ${date}: ${path} has no rows that day (it holds ${
            dates.length ? `${dates[0]}..${dates[dates.length - 1]}` : "no rows"
          })`,
        );
      }
      const [startMs, endMs] = opts.extendedHours
        ? [nyToUtcMs(date, 4, 0), nyToUtcMs(date, 20, 0)]
        : [s.openMs, s.closeMs];
      return day.filter((b) => b.ts >= startMs && b.ts < endMs).map((b) => ({ ...b }));
    },
    async dailyBars(ticker: string, from: string, to: string) {
      const path = dailyFiles[ticker];
      if (path === undefined) {
        throw new RangeError(
          `Cannot replay daily bars of ${ticker}: no daily file for it (set source.replay.dailyFiles; it has ${
            Object.keys(dailyFiles).join(", ") || "none"
          })`,
        );
      }
      let hit = daily.get(ticker);
      if (!hit) {
        hit = read(ticker, path).then((text) => parseDailyCsv(text, path, formatOf(ticker)));
        daily.set(ticker, hit);
      }
      return (await hit).filter((b) => b.date >= from && b.date <= to).map((b) => ({ ...b }));
    },
    optionContracts(underlying) {
      return minuteOnly(`list ${underlying} option contracts`);
    },
    news(ticker) {
      return minuteOnly(`read news for ${ticker}`);
    },
  };
}
