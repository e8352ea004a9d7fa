// Shared pieces of the OCC option-ticker format (OCC Options Symbology Initiative, as
// Polygon writes it): "O:" + root + yymmdd + C|P + strike in thousandths, 8 digits.
import { parseIsoDate } from "../calendar/mod.ts";

/** Put or call. */
export type OptionRight = "call" | "put";

/** The fields an OCC option ticker encodes, and the underlying its root is an option on. */
export interface OptionTickerFields {
  /**
   * The underlying: a stock or ETF symbol (`SPY`, or an adjusted root such as `SPY1`, which is
   * its own underlying here) or an index in Polygon's form (`I:SPX` for the roots SPX and SPXW).
   */
  underlying: string;
  /**
   * OCC option root printed in the ticker, 1–6 of A–Z and 0–9, first a letter: `SPXW` for
   * `I:SPX` weeklies. Optional when formatting a stock's ticker (the root is the symbol);
   * always set by `parseOptionTicker`.
   */
  root?: string;
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
