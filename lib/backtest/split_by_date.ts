// Train / validation / holdout split by date.
import pl from "nodejs-polars";
import { parseIsoDate } from "../calendar/mod.ts";

/** Options of {@linkcode splitByDate}: boundaries as `YYYY-MM-DD` (00:00 UTC) or epoch ms. */
export interface SplitByDateOptions {
  /** First instant of the validation set. */
  validationFrom: string | number;
  /** First instant of the holdout set. */
  holdoutFrom: string | number;
}

function toMs(v: string | number, name: string): number {
  let ms = NaN;
  try {
    ms = typeof v === "number" ? v : Date.parse(`${parseIsoDate(v)}T00:00:00Z`);
  } catch {
    // not a real calendar date (2025-02-30): NaN, reported below
  }
  if (!Number.isFinite(ms)) {
    throw new RangeError(`Cannot split by date: ${name} must be YYYY-MM-DD or epoch ms, got ${v}`);
  }
  return ms;
}

/**
 * Splits a frame on `ts`: `train` before `validationFrom`, `validation` up to
 * `holdoutFrom`, `holdout` from then on. Every row lands in exactly one part.
 * @throws {RangeError} For malformed dates, `holdoutFrom` before `validationFrom`, or an
 * empty part.
 */
export function splitByDate(frame: pl.DataFrame, options: SplitByDateOptions) {
  const v = toMs(options.validationFrom, "validationFrom"),
    h = toMs(options.holdoutFrom, "holdoutFrom");
  if (!(h >= v)) {
    throw new RangeError(`Cannot split by date: holdoutFrom must not be before validationFrom`);
  }
  const ts = pl.col("ts").cast(pl.Int64);
  const parts = {
    train: frame.filter(ts.lt(pl.lit(v))),
    validation: frame.filter(ts.gtEq(pl.lit(v)).and(ts.lt(pl.lit(h)))),
    holdout: frame.filter(ts.gtEq(pl.lit(h))),
  };
  for (const [name, df] of Object.entries(parts)) {
    if (df.height === 0) throw new RangeError(`Cannot split by date: the ${name} part is empty`);
  }
  return parts;
}
