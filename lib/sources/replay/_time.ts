/**
 * The timestamp forms real CSV files use, parsed to UTC epoch ms: ISO dates and times with or
 * without a UTC offset (`Z`, `+00:00`, `-0400`), `MM/DD/YYYY[ HH:MM[:SS]]`, date-only rows,
 * and Unix epochs in seconds, milliseconds, microseconds or nanoseconds.
 *
 * @module
 */
import { nyToUtcMs, parseIsoDate } from "../../calendar/mod.ts";

/** The zone of naive (offset-less) times. */
export type NaiveZone = "America/New_York" | "UTC";
/** The unit of numeric epoch times; `auto` decides by the number of digits. */
export type EpochUnit = "auto" | "s" | "ms" | "us" | "ns";

/** A parsed time: UTC ms, and whether the text held a date only (a daily row). */
export interface ParsedTime {
  ms: number;
  dateOnly: boolean;
  /** The New York (naive NY or offset) or UTC calendar date the text named, for date-only rows. */
  date: string;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const EPOCH = /^\d{9,20}(?:\.\d+)?$/;
const SCALE: Record<Exclude<EpochUnit, "auto">, number> = { s: 1e3, ms: 1, us: 1e-3, ns: 1e-6 };

function epochUnit(digits: number): Exclude<EpochUnit, "auto"> {
  return digits <= 11 ? "s" : digits <= 14 ? "ms" : digits <= 17 ? "us" : "ns";
}

/**
 * Parses one timestamp cell; throws a RangeError saying why it is not a time.
 */
export function parseTime(text: string, zone: NaiveZone, unit: EpochUnit): ParsedTime {
  const s = text.trim();
  if (EPOCH.test(s)) {
    const u = unit === "auto" ? epochUnit(s.split(".")[0].length) : unit;
    const ms = Math.round(Number(s) * SCALE[u]);
    return { ms, dateOnly: false, date: new Date(ms).toISOString().slice(0, 10) };
  }
  let y: string, mo: string, d: string, hh: string | undefined, mm: string | undefined;
  let ss: string | undefined, off: string | undefined;
  const iso = ISO.exec(s);
  if (iso) [, y, mo, d, hh, mm, ss, off] = iso;
  else {
    const us = US.exec(s);
    if (!us) throw new RangeError("is not a date or time this reader knows");
    [, mo, d, y, hh, mm, ss] = us;
    mo = mo.padStart(2, "0"), d = d.padStart(2, "0");
  }
  const date = `${y}-${mo}-${d}`;
  try {
    parseIsoDate(date);
  } catch {
    throw new RangeError(`names no real date (${date})`);
  }
  if (hh === undefined) {
    if (off) throw new RangeError("has a UTC offset but no time");
    return { ms: Date.UTC(+y, +mo - 1, +d), dateOnly: true, date };
  }
  const [h, m, sec] = [Number(hh), Number(mm), Number(ss ?? 0)];
  if (h > 23 || m > 59 || sec > 59) throw new RangeError("has an impossible time of day");
  if (off) {
    const sign = off[0] === "-" ? -1 : 1;
    const digits = off.toUpperCase() === "Z" ? "0000" : off.slice(1).replace(":", "");
    const offMin = off.toUpperCase() === "Z"
      ? 0
      : sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    const ms = Date.UTC(+y, +mo - 1, +d, h, m, sec) - offMin * 60_000;
    return { ms, dateOnly: false, date };
  }
  const ms = zone === "UTC"
    ? Date.UTC(+y, +mo - 1, +d, h, m, sec)
    : nyToUtcMs(date, h, m) + sec * 1000;
  return { ms, dateOnly: false, date };
}
