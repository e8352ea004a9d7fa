/**
 * Contract-days: the traded minutes of a frame grouped by (ticker, trading date), each group
 * in time order. Frames read from the lake already come grouped and sorted, which one pass
 * checks; anything else is put in order by a stable counting sort (no string sort).
 *
 * @module
 */
import { nyDate } from "../calendar/mod.ts";
import type { MinuteColumns } from "./_columns.ts";

/** Traded rows grouped by contract-day. */
export interface ContractDayIndex {
  /** Frame rows of traded minutes, contract-day by contract-day, ts ascending within each. */
  rows: Int32Array;
  /** Offsets into `rows`: contract-day g is `rows[start[g]] … rows[start[g + 1] - 1]`. */
  start: Int32Array;
  /** Frame row of each contract-day's first bar. */
  firstRow: Int32Array;
  /** Trading date of each contract-day, days since 1970-01-01. */
  day: Int32Array;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function nyDays(tsMs: Float64Array): Int32Array {
  const out = new Int32Array(tsMs.length);
  let last = "", lastDays = 0;
  for (let i = 0; i < tsMs.length; i++) {
    const s = nyDate(tsMs[i]);
    if (s !== last) {
      last = s;
      lastDays = Date.parse(`${s}T00:00:00Z`) / DAY_MS;
    }
    out[i] = lastDays;
  }
  return out;
}

function notMinute(what: string, ts: number, ticker: string, row: number): RangeError {
  const got = Number.isFinite(ts) ? new Date(ts).toISOString() : "null";
  return new RangeError(
    `Cannot ${what}: ts must be minute starts, got ${got} for ${ticker} (row ${row})`,
  );
}

/**
 * Groups the traded rows of `cols` by contract-day. A row is a traded minute when open,
 * high, low and close are present and, with a volume column, volume > 0.
 *
 * @param tickerAt the ticker of a frame row, for error messages.
 * @throws {RangeError} for a `ts` that is not a minute start, or two bars of one contract
 *   in the same minute.
 */
export function indexContractDays(
  cols: MinuteColumns,
  what: string,
  tickerAt: (row: number) => string,
): ContractDayIndex {
  const { n, code, tsMs, open, high, low, close, volume } = cols;
  const day = cols.day ?? nyDays(tsMs);
  const traded = new Int32Array(n), groupOf = new Int32Array(n);
  const groupByKey = new Map<number, number>();
  const firstRow: number[] = [], dayOf: number[] = [];
  let m = 0, g = -1, prevCode = -1, prevDay = NaN, prevTs = -Infinity, ordered = true;
  for (let i = 0; i < n; i++) {
    const t = tsMs[i]; // (float % is a libm call: ten times slower than floor)
    if (Math.floor(t / MINUTE_MS) * MINUTE_MS !== t || !Number.isFinite(t)) {
      throw notMinute(what, t, tickerAt(i), i);
    }
    if (
      !(Number.isFinite(open[i]) && Number.isFinite(high[i]) && Number.isFinite(low[i]) &&
        Number.isFinite(close[i]) && (volume === null || volume[i] > 0))
    ) continue;
    if (code[i] !== prevCode || day[i] !== prevDay) {
      prevCode = code[i];
      prevDay = day[i];
      const key = prevCode * 2 ** 20 + (prevDay + 2 ** 19);
      const known = groupByKey.get(key);
      if (known === undefined) {
        g = firstRow.length;
        groupByKey.set(key, g);
        firstRow.push(i);
        dayOf.push(prevDay);
      } else {
        g = known;
        ordered = false;
      }
    } else if (t <= prevTs) ordered = false;
    prevTs = t;
    groupOf[m] = g;
    traded[m++] = i;
  }
  const nGroups = firstRow.length;
  const start = new Int32Array(nGroups + 1);
  for (let k = 0; k < m; k++) start[groupOf[k] + 1]++;
  for (let k = 0; k < nGroups; k++) start[k + 1] += start[k];
  let rows = traded.subarray(0, m);
  if (!ordered) {
    rows = new Int32Array(m);
    const next = start.slice(0, nGroups);
    for (let k = 0; k < m; k++) rows[next[groupOf[k]]++] = traded[k];
    sortWithinGroups(rows, start, tsMs);
    for (let k = 1; k < m; k++) {
      const a = rows[k - 1], b = rows[k];
      if (tsMs[a] === tsMs[b] && code[a] === code[b]) {
        throw new RangeError(
          `Cannot ${what}: ${tickerAt(b)} has two bars at ${new Date(tsMs[b]).toISOString()}`,
        );
      }
    }
  }
  return { rows, start, firstRow: Int32Array.from(firstRow), day: Int32Array.from(dayOf) };
}

function sortWithinGroups(rows: Int32Array, start: Int32Array, tsMs: Float64Array): void {
  for (let g = 0; g + 1 < start.length; g++) {
    const a = start[g], b = start[g + 1];
    let sorted = true;
    for (let k = a + 1; k < b && sorted; k++) sorted = tsMs[rows[k - 1]] < tsMs[rows[k]];
    if (!sorted) rows.subarray(a, b).sort((x, y) => tsMs[x] - tsMs[y] || x - y);
  }
}
