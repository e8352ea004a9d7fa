/**
 * Implied-volatility surface of a chain snapshot, as a strike × expiry table.
 *
 * @module
 */
import pl from "nodejs-polars";
import { rightColumn } from "./_columns.ts";
import { impliedVol } from "./implied_vol.ts";
import { IV_OK } from "./iv_status.ts";
import { yearsToExpiry } from "./years_to_expiry.ts";
import { yearsToExpiryColumn } from "./years_to_expiry_column.ts";

/** Options of {@link ivSurface}. */
export interface IvSurfaceOptions {
  /** Underlying price at the snapshot. */
  spot: number;
  /** Snapshot time, UTC epoch ms; each expiry's time is `yearsToExpiry(tsMs, expiry)`. */
  tsMs: number;
  /** Continuously compounded rate, as a decimal. @default 0 */
  rate?: number;
  /** Continuous dividend yield, as a decimal. @default 0 */
  dividendYield?: number;
  /**
   * Which quote gives the vol at a (strike, expiry): `"otm"` takes the put below the
   * forward F = S·e^{(r−q)T} and the call at or above it (out-of-the-money quotes carry
   * the most information about vol), falling back to the other right when that one has
   * no usable vol; `"call"` or `"put"` take one right only. @default "otm"
   */
  side?: "otm" | "call" | "put";
  /** Column names in the chain. @default right "right", strike "strike", expiry "expiry", price "price" */
  columns?: { right?: string; strike?: string; expiry?: string; price?: string };
}

const WHAT = "build an IV surface";

function series(chain: pl.DataFrame, name: string, dtype?: pl.DataType): pl.Series {
  if (!chain.columns.includes(name)) {
    throw new RangeError(
      `Cannot ${WHAT}: column "${name}" not found (columns: ${chain.columns.join(", ")})`,
    );
  }
  const s = chain.getColumn(name);
  return dtype === undefined
    ? s
    : chain.select(pl.col(name).cast(dtype).alias(name)).getColumn(name);
}

function floats(chain: pl.DataFrame, name: string): Float64Array {
  return Float64Array.from(
    series(chain, name, pl.Float64).toArray() as (number | null)[],
    (v) => v ?? NaN,
  );
}

/** Vols of one (strike, expiry): NaN where missing or not identifiable. */
interface Cell {
  call: number;
  put: number;
  hasCall: boolean;
  hasPut: boolean;
}

/**
 * Implied vols of a chain snapshot (one row per contract: right, strike, expiry, price)
 * pivoted into a table ready for a heatmap: a `strike` column (ascending) and one Float64
 * column per expiry date (ascending, named `YYYY-MM-DD`), null where there is no quote or
 * the price gives no vol (see `impliedVol` statuses).
 *
 * @param chain Snapshot with right ("call"/"put" or 1/−1), strike, expiry (`YYYY-MM-DD`
 * string or Date) and price (per share) columns.
 * @param options Spot, snapshot time, rates, side and column names.
 * @returns The strike × expiry table of implied vols (decimals, 0.2 = 20%).
 * @throws {RangeError} If a column is missing, an expiry is not a valid date, or a
 * contract (right, strike, expiry) appears twice.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { ivSurface } from "./iv_surface.ts";
 * import assert from "node:assert/strict";
 * const chain = pl.DataFrame({
 *   right: ["put", "call", "call"],
 *   strike: [95, 105, 105],
 *   expiry: ["2025-03-21", "2025-03-21", "2025-04-17"],
 *   price: [0.9, 1.1, 2.4],
 * });
 * const table = ivSurface(chain, { spot: 100, tsMs: Date.UTC(2025, 2, 7, 15) });
 * assert.deepEqual(table.columns, ["strike", "2025-03-21", "2025-04-17"]);
 * assert.deepEqual(table.getColumn("strike").toArray(), [95, 105]);
 * assert.equal(table.getColumn("2025-04-17").toArray()[0], null);
 * ```
 */
export function ivSurface(chain: pl.DataFrame, options: IvSurfaceOptions): pl.DataFrame {
  const { spot, tsMs, rate = 0, dividendYield = 0, side = "otm", columns = {} } = options;
  const names = { right: "right", strike: "strike", expiry: "expiry", price: "price", ...columns };
  const n = chain.height;
  const rights = series(chain, names.right);
  const right = rightColumn(
    WHAT,
    rights.dtype.equals(pl.String) ? rights.toArray() as string[] : floats(chain, names.right),
    n,
  );
  const strike = floats(chain, names.strike);
  const price = floats(chain, names.price);
  const expiry = series(chain, names.expiry, pl.String).toArray() as string[];
  const tYears = yearsToExpiryColumn(new Float64Array(n).fill(tsMs), expiry);
  const { vol, status } = impliedVol({ right, price, spot, strike, tYears, rate, dividendYield });

  const cells = new Map<string, Map<number, Cell>>(); // expiry → strike → cell
  const strikes = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (right[i] === 0 || !Number.isFinite(strike[i])) continue;
    let byStrike = cells.get(expiry[i]);
    if (byStrike === undefined) cells.set(expiry[i], byStrike = new Map());
    let cell = byStrike.get(strike[i]);
    if (cell === undefined) {
      byStrike.set(strike[i], cell = { call: NaN, put: NaN, hasCall: false, hasPut: false });
    }
    const isCall = right[i] === 1;
    if (isCall ? cell.hasCall : cell.hasPut) {
      throw new RangeError(
        `Cannot ${WHAT}: ${isCall ? "call" : "put"} ${strike[i]} ${expiry[i]} appears twice`,
      );
    }
    const v = status[i] === IV_OK ? vol[i] : NaN;
    if (isCall) [cell.call, cell.hasCall] = [v, true];
    else [cell.put, cell.hasPut] = [v, true];
    strikes.add(strike[i]);
  }
  const sortedStrikes = Float64Array.from(strikes).sort();
  const expiries = [...cells.keys()].sort();
  const out: pl.Series[] = [pl.Series("strike", sortedStrikes, pl.Float64)];
  for (const date of expiries) {
    const byStrike = cells.get(date)!;
    const t = yearsToExpiry(tsMs, date);
    const forward = spot * Math.exp((rate - dividendYield) * t);
    const values = Array.from(sortedStrikes, (k) => {
      const cell = byStrike.get(k);
      if (cell === undefined) return null;
      const { call, put } = cell;
      const first = side === "call" ? call : side === "put" ? put : k < forward ? put : call;
      const second = side === "otm" ? (k < forward ? call : put) : NaN;
      const v = Number.isNaN(first) ? second : first;
      return Number.isNaN(v) ? null : v;
    });
    out.push(pl.Series(date, values, pl.Float64));
  }
  return pl.DataFrame(out);
}
