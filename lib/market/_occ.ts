// Shared pieces of the OCC option-ticker format (OCC Options Symbology Initiative, as
// Polygon writes it): "O:" + root + yymmdd + C|P + strike in thousandths, 8 digits.
import { parseIsoDate } from "../calendar/mod.ts";

/** Put or call. */
export type OptionRight = "call" | "put";

/** The four fields an OCC option ticker encodes. */
export interface OptionTickerFields {
  /** OCC option root, usually the underlying's symbol: 1–6 of A–Z and 0–9, first a letter. */
  underlying: string;
  /** Expiration date `YYYY-MM-DD`, years 2000–2099. */
  expiry: string;
  /** `call` or `put`. */
  right: OptionRight;
  /** Strike in dollars, a positive multiple of 0.001 below 100 000. */
  strike: number;
}

/** Polygon's prefix for option tickers. */
export const OPTION_PREFIX = "O:";
/** OCC root: a letter then up to five letters or digits (adjusted roots such as SPY1). */
export const ROOT_PATTERN = /^[A-Z][A-Z0-9]{0,5}$/;
/** Largest strike in thousandths that fits in 8 digits. */
export const MAX_STRIKE_THOUSANDTHS = 99_999_999;

/** True when a `YYYY-MM-DD` string names a real calendar date. */
export function isRealDate(isoDate: string): boolean {
  try {
    parseIsoDate(isoDate);
    return true;
  } catch {
    return false;
  }
}

/**
 * Strike in dollars as integer thousandths, or NaN when it is not a positive multiple of
 * 0.001 below 100 000. Float noise from arithmetic (593.88 * 1000 = 593880.0000000001) is
 * tolerated up to 1e-6 thousandths.
 */
export function strikeToThousandths(strike: number): number {
  if (typeof strike !== "number" || !Number.isFinite(strike)) return NaN;
  const scaled = strike * 1000;
  const th = Math.round(scaled);
  if (Math.abs(scaled - th) > 1e-6 || th < 1 || th > MAX_STRIKE_THOUSANDTHS) return NaN;
  return th;
}
