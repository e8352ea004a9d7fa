/**
 * Option roots: which OCC roots an underlying lists, how each root settles and which
 * expiries and strike increments its chain has. The root is not always the underlying:
 * `SPXW` options are options on the index `I:SPX`.
 *
 * @module
 */

/** How a root's contracts settle: `am` on the expiry date's opening print (time to expiry
 * ends at 09:30 New York), `pm` at the 16:00 close. */
export type Settlement = "am" | "pm";

/** Which expiries a root lists: every weekday (`daily`), Fridays (`weekly`) or only the
 * third Friday (`monthly`); a daily or weekly root lists the monthlies too. */
export type ExpiryCycle = "daily" | "weekly" | "monthly";

/** One OCC option root and its chain rules. */
export interface OptionRoot {
  /** OCC root printed in the ticker, e.g. `SPXW`. */
  root: string;
  /** The underlying it is an option on, e.g. `I:SPX` (Polygon's index form) or `SPY`. */
  underlying: string;
  settlement: Settlement;
  cycle: ExpiryCycle;
  /** Strike spacing near the money, dollars. */
  strikeIncrement: number;
  /** Strike spacing beyond {@linkcode OptionRoot.nearBand} of spot, dollars. */
  farIncrement: number;
  /** Fraction of spot within which strikes are `strikeIncrement` apart. */
  nearBand: number;
  /** `american` (equity and ETF options) or `european` (index options, cash-settled). */
  style: "american" | "european";
}

const index = (
  root: string,
  underlying: string,
  settlement: Settlement,
  cycle: ExpiryCycle,
  strikeIncrement: number,
  farIncrement: number,
): OptionRoot => ({
  root,
  underlying,
  settlement,
  cycle,
  strikeIncrement,
  farIncrement,
  nearBand: 0.05,
  style: "european",
});

/** The index roots known here (CBOE's S&P 500, Nasdaq-100 and Russell 2000 options). */
export const INDEX_ROOTS: readonly OptionRoot[] = [
  index("SPX", "I:SPX", "am", "monthly", 5, 25),
  index("SPXW", "I:SPX", "pm", "daily", 5, 25),
  index("NDX", "I:NDX", "am", "monthly", 10, 50),
  index("NDXP", "I:NDX", "pm", "daily", 10, 50),
  index("RUT", "I:RUT", "am", "monthly", 5, 10),
  index("RUTW", "I:RUT", "pm", "weekly", 5, 10),
];

/** ETFs with options expiring every weekday (SPY and QQQ since 2022, IWM since 2024). */
const DAILY_ETFS = new Set(["SPY", "QQQ", "IWM"]);

const BY_ROOT = new Map(INDEX_ROOTS.map((r) => [r.root, r]));

/** The root of an equity or ETF: the symbol itself, PM-settled, American, $1 strikes. */
function equityRoot(symbol: string): OptionRoot {
  return {
    root: symbol,
    underlying: symbol,
    settlement: "pm",
    cycle: DAILY_ETFS.has(symbol) ? "daily" : "weekly",
    strikeIncrement: 1,
    farIncrement: DAILY_ETFS.has(symbol) ? 1 : 5,
    nearBand: DAILY_ETFS.has(symbol) ? 1 : 0.1,
    style: "american",
  };
}

/**
 * The option roots an underlying lists: `I:SPX` → `SPX` and `SPXW`, `SPY` → `SPY`.
 *
 * @param underlying A stock or ETF symbol, or an index in Polygon's form (`I:SPX`).
 * @returns The roots, monthly (AM) root first for indices.
 * @throws {RangeError} For an index without listed options here (`I:VIX` options settle on a
 *   special opening quotation this lab does not model).
 *
 * @example
 * ```ts
 * import { optionRootsOf } from "@lib/market/mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(optionRootsOf("I:SPX").map((r) => [r.root, r.settlement]), [
 *   ["SPX", "am"], ["SPXW", "pm"],
 * ]);
 * assert.equal(optionRootsOf("SPY")[0].cycle, "daily");
 * ```
 */
export function optionRootsOf(underlying: string): OptionRoot[] {
  if (underlying.startsWith("I:")) {
    const roots = INDEX_ROOTS.filter((r) => r.underlying === underlying);
    if (roots.length === 0) {
      throw new RangeError(
        `Cannot list option roots of ${underlying}: index options are known for ${
          [...new Set(INDEX_ROOTS.map((r) => r.underlying))].join(", ")
        } only`,
      );
    }
    return roots;
  }
  return [equityRoot(underlying)];
}

/**
 * The rules of an OCC root as printed in a ticker: `SPXW` → options on `I:SPX`, PM-settled;
 * any root that is not an index root is an equity root (its own underlying).
 *
 * @example
 * ```ts
 * import { optionRoot } from "@lib/market/mod.ts";
 * import assert from "node:assert/strict";
 * assert.equal(optionRoot("SPXW").underlying, "I:SPX");
 * assert.equal(optionRoot("SPX").settlement, "am");
 * assert.equal(optionRoot("SPY").underlying, "SPY");
 * ```
 */
export function optionRoot(root: string): OptionRoot {
  return BY_ROOT.get(root) ?? equityRoot(root);
}
