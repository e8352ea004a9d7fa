// Settlement style by option root, and fill prices with slippage.
import type { SlippageModel } from "./types.ts";

/** AM-settled cash roots: settle at the expiry day's opening underlying price. */
export const AM_ROOTS = new Set(["SPX", "NDX", "RUT", "VIX"]);
/** PM-settled cash roots: settle at the expiry day's closing underlying price. */
export const PM_CASH_ROOTS = new Set(["SPXW", "XSP", "NDXP", "RUTW", "VIXW", "DJX"]);

/** Settlement of a root: `am` (cash, at the open), `pm_cash`, or `physical` (equity/ETF). */
export type SettlementStyle = "am" | "pm_cash" | "physical";

/** The settlement style keyed off the option root (`SPX` → am, `SPXW` → pm_cash, `SPY` → physical). */
export function settlementStyle(root: string): SettlementStyle {
  return AM_ROOTS.has(root) ? "am" : PM_CASH_ROOTS.has(root) ? "pm_cash" : "physical";
}

/**
 * Fill price of a trade in direction `dir` (+1 buy, −1 sell) at bar price `px`:
 * `px + dir·(px·bps/10⁴ + rangeFraction·(high − low))`, never below 0.
 */
export function fillPrice(
  px: number,
  high: number,
  low: number,
  dir: number,
  s: Required<SlippageModel>,
): number {
  const range = high - low;
  const slip = px * s.bps / 10_000 + (range > 0 ? s.rangeFraction * range : 0);
  return Math.max(px + dir * slip, 0);
}
