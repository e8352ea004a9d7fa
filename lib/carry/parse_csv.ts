/**
 * The CSV shapes rate curves and dividends come in.
 *
 * @module
 */
import { type Compounding, type RateCurve, rateCurve, type RateQuote } from "./rate_curve.ts";
import { type Dividend, type DividendSchedule, dividendSchedule } from "./dividends.ts";

/** Options of {@link parseRateCsv}. */
export interface ParseRateCsvOptions {
  /** A label for the curve's origin (a file name). @default "csv" */
  source?: string;
  /** How the quotes compound; LEAN's single-column files are annual. @default "annual" */
  compounding?: Compounding;
}

function rows(text: string): string[][] {
  return text.replace(/^\uFEFF/, "").split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "")
    .map((l) => l.split(",").map((c) => c.trim().replace(/^"(.*)"$/, "$1")));
}

/**
 * Parses a rate curve CSV, rates in percent. Two shapes: `date,tenor_days,rate` (one row
 * per date and tenor), or a date column and one rate column (LEAN's `DATE,PCREDIT8`, a
 * single tenor: flat across expiries).
 *
 * @param text The file's text.
 * @param options Source label and compounding.
 * @returns The curve.
 * @throws {RangeError} Naming the line when a row is malformed.
 */
export function parseRateCsv(text: string, options: ParseRateCsvOptions = {}): RateCurve {
  const { source = "csv", compounding = "annual" } = options;
  const [header, ...body] = rows(text);
  if (!header) throw new RangeError(`Cannot read rates from ${source}: the file is empty`);
  const cols = header.map((h) => h.toLowerCase());
  const quotes: RateQuote[] = [];
  const three = cols.length === 3 && cols[1].startsWith("tenor");
  if (!three && cols.length !== 2) {
    throw new RangeError(
      `Cannot read rates from ${source}: expected columns date,tenor_days,rate or date,rate; got ${
        header.join(",")
      }`,
    );
  }
  body.forEach((r, i) => {
    const rate = Number(r[three ? 2 : 1]) / 100;
    const tenorDays = three ? Number(r[1]) : 1;
    if (r.length !== cols.length || !Number.isFinite(rate) || !Number.isFinite(tenorDays)) {
      throw new RangeError(
        `Cannot read rates from ${source}: line ${i + 2} "${r.join(",")}" is malformed`,
      );
    }
    quotes.push({ date: r[0], tenorDays, rate });
  });
  return rateCurve(quotes, { compounding, source });
}

/**
 * Parses a dividends CSV with columns `symbol,ex_date,amount` (cash per share).
 *
 * @param text The file's text.
 * @param source A label for the file. @default "csv"
 * @returns The schedule.
 * @throws {RangeError} Naming the line when a row is malformed.
 */
export function parseDividendCsv(text: string, source = "csv"): DividendSchedule {
  const [header, ...body] = rows(text);
  const cols = (header ?? []).map((h) => h.toLowerCase());
  if (cols.join(",") !== "symbol,ex_date,amount") {
    throw new RangeError(
      `Cannot read dividends from ${source}: expected columns symbol,ex_date,amount; got ${
        header?.join(",") ?? "an empty file"
      }`,
    );
  }
  const divs: Dividend[] = body.map((r, i) => {
    const amount = Number(r[2]);
    if (r.length !== 3 || r[0] === "" || !Number.isFinite(amount)) {
      throw new RangeError(
        `Cannot read dividends from ${source}: line ${i + 2} "${r.join(",")}" is malformed`,
      );
    }
    return { symbol: r[0], exDate: r[1], amount };
  });
  return dividendSchedule(divs, source);
}
