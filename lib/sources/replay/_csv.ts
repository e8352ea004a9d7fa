/**
 * Parsing of minute-bar CSV files for the replay source: a header naming the columns
 * (`datetime` or `timestamp`, `open`, `high`, `low`, `close`, `volume`; optional `vwap` and
 * `trades`; others ignored), one bar a row, naive local times `YYYY-MM-DD HH:MM[:SS]`.
 *
 * @module
 */
import { nyDate, nyToUtcMs, parseIsoDate } from "../../calendar/mod.ts";
import type { MinuteBar } from "../../market/mod.ts";

/** How to read the times and order of a minute CSV. */
export interface MinuteCsvFormat {
  /** Whether a row's time is the start or the end of its minute. */
  stamp: "start" | "end";
  /** The row order the file must have; `any` is not checked. */
  order: "any" | "ascending" | "descending";
  /** The zone of the naive timestamps. */
  timeZone: "America/New_York" | "UTC";
  /** An index (`I:VIX`): volume, vwap and trades are null whatever the file says. */
  index: boolean;
}

const TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const REQUIRED = ["open", "high", "low", "close", "volume"] as const;

/** UTC ms of a matched naive time in the given zone; RangeError for an impossible time. */
function stampOf(m: RegExpExecArray, timeZone: MinuteCsvFormat["timeZone"]): number {
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) throw new RangeError(`time ${m[0]} is not valid`);
  const date = parseIsoDate(m[1]);
  const [y, mo, d] = date.split("-").map(Number);
  const minuteMs = timeZone === "UTC"
    ? Date.UTC(y, mo - 1, d, hour, minute)
    : nyToUtcMs(date, hour, minute);
  return minuteMs + second * 1000;
}

function cells(line: string): string[] {
  return line.split(",").map((c) => c.trim().replace(/^"(.*)"$/, "$1"));
}

/**
 * Parses a minute CSV into start-stamped bars grouped by New York trading date, each day
 * ascending by `ts` (the file's own order is checked when `order` says so).
 *
 * @param text The file's text.
 * @param name The file's name, for messages.
 * @throws {RangeError} for a missing column, a bad time or number (naming the line), or a
 *   row out of the declared order.
 */
export function parseMinuteCsv(
  text: string,
  name: string,
  format: MinuteCsvFormat,
): Map<string, MinuteBar[]> {
  const fail = (why: string) => new RangeError(`Cannot read minute bars from ${name}: ${why}`);
  const lines = text.split(/\r?\n/);
  const header = cells(lines[0] ?? "").map((h) => h.toLowerCase());
  const col = (n: string) => header.indexOf(n);
  const timeCol = col("datetime") >= 0 ? col("datetime") : col("timestamp");
  const missing: string[] = REQUIRED.filter((n) => col(n) < 0);
  if (timeCol < 0) missing.unshift("datetime");
  if (missing.length > 0) {
    throw fail(`no ${missing.join(", ")} column (header: ${lines[0]?.slice(0, 80) ?? ""})`);
  }
  const [iOpen, iHigh, iLow, iClose, iVolume] = REQUIRED.map(col);
  const [iVwap, iTrades] = [col("vwap"), col("trades")];
  const shiftMs = format.stamp === "end" ? 60_000 : 0;
  const byDate = new Map<string, MinuteBar[]>();
  let prevMs = NaN;
  for (let n = 1; n < lines.length; n++) {
    if (lines[n].trim() === "") continue;
    const row = cells(lines[n]);
    const where = `line ${n + 1}`;
    const num = (i: number, what: string, nullable = false): number | null => {
      const s = row[i] ?? "";
      if (nullable && s === "") return null;
      const v = s === "" ? NaN : Number(s);
      if (!Number.isFinite(v)) throw fail(`${where}: ${what} ${JSON.stringify(s)} is not a number`);
      return v;
    };
    const m = TIME.exec(row[timeCol] ?? "");
    if (!m) {
      throw fail(
        `${where}: time ${JSON.stringify(row[timeCol] ?? "")} is not YYYY-MM-DD HH:MM[:SS]`,
      );
    }
    let stampMs: number;
    try {
      stampMs = stampOf(m, format.timeZone);
    } catch (cause) {
      throw fail(`${where}: ${(cause as Error).message}`);
    }
    if (
      (format.order === "ascending" && stampMs < prevMs) ||
      (format.order === "descending" && stampMs > prevMs)
    ) {
      throw fail(`${where}: ${m[0]} is out of order (the rows must be ${format.order})`);
    }
    prevMs = stampMs;
    const ts = stampMs - shiftMs;
    const bar: MinuteBar = {
      ts,
      open: num(iOpen, "open")!,
      high: num(iHigh, "high")!,
      low: num(iLow, "low")!,
      close: num(iClose, "close")!,
      volume: format.index ? null : num(iVolume, "volume"),
      vwap: format.index || iVwap < 0 ? null : num(iVwap, "vwap", true),
      trades: format.index || iTrades < 0 ? null : num(iTrades, "trades", true),
    };
    const date = nyDate(ts);
    const day = byDate.get(date);
    if (day) day.push(bar);
    else byDate.set(date, [bar]);
  }
  for (const day of byDate.values()) day.sort((a, b) => a.ts - b.ts);
  return byDate;
}
