/**
 * Black–Scholes–Merton price and Greeks over typed-array columns (the hot loop).
 *
 * @module
 */
import {
  BLOCK,
  fillBlock,
  invalidRow,
  SINK,
  writeDensityGreeks,
  writePriceDelta,
  writeTimeGreeks,
} from "./_bs_block.ts";
import { phiBlock } from "./_phi_block.ts";

/** Output columns of the kernel, one value per row (NaN for an invalid row). */
export interface BlackScholesColumns {
  /** Option value, in the currency of spot and strike (per share). */
  price: Float64Array;
  /** ∂V/∂S, spot delta (includes e^{−qT}). */
  delta: Float64Array;
  /** ∂²V/∂S². */
  gamma: Float64Array;
  /** ∂V/∂σ per 1.0 of volatility. */
  vega: Float64Array;
  /** ∂V/∂t per year as calendar time passes (= −∂V/∂T). */
  theta: Float64Array;
  /** ∂V/∂r per 1.0 of rate. */
  rho: Float64Array;
  /** ∂V/∂q per 1.0 of dividend yield. */
  dividendRho: Float64Array;
  /** ∂²V/∂S∂σ (= ∂delta/∂σ) per 1.0 of volatility. */
  vanna: Float64Array;
  /** ∂delta/∂t per year as calendar time passes (= −∂²V/∂S∂T). */
  charm: Float64Array;
  /** ∂²V/∂σ² (volga) per 1.0 of volatility squared. */
  vomma: Float64Array;
}

/** Names of the output columns, in order. */
export const GREEK_NAMES: readonly (keyof BlackScholesColumns)[] = [
  "price",
  "delta",
  "gamma",
  "vega",
  "theta",
  "rho",
  "dividendRho",
  "vanna",
  "charm",
  "vomma",
];

/** Allocates output columns of n rows: all ten, or the given ones. */
export function allocateColumns(n: number): BlackScholesColumns;
export function allocateColumns<K extends keyof BlackScholesColumns>(
  n: number,
  names: readonly K[],
): Pick<BlackScholesColumns, K>;
export function allocateColumns(
  n: number,
  names: readonly (keyof BlackScholesColumns)[] = GREEK_NAMES,
): Partial<BlackScholesColumns> {
  // Separate buffers: glibc then recycles freed 8 MB blocks (its mmap threshold adapts),
  // where one 80 MB buffer is always a fresh mapping, page-faulted anew (measured: slower).
  const columns: Partial<BlackScholesColumns> = {};
  for (const name of names) columns[name] = new Float64Array(n);
  return columns;
}

/**
 * Fills the columns present in `o` with price and Greeks for rows [0, n). `right` is 1 for
 * a call, −1 for a put. Each input has n values, or one value used for every row.
 * A row whose right is not ±1, whose spot, strike, tYears or vol is not finite and
 * positive, or whose rate or dividend yield is not finite, gets NaN in every column.
 *
 * Written for V8, a block of rows at a time, in passes whose hot loops have no calls
 * (which spill every live register), no data-dependent branches (mixed batches mispredict
 * them) and no boxed numbers: `fillBlock` (ln(S/K), d1, d2, the exponentials), `phiBlock`
 * (Φ(w·d1) and Φ(w·d2), only if a requested column needs them), then one loop for each
 * group of requested columns: price and delta; gamma, vega, vanna and vomma; theta, rho,
 * dividendRho and charm.
 */
export function blackScholesKernel(
  n: number,
  right: Int8Array,
  spot: Float64Array,
  strike: Float64Array,
  tYears: Float64Array,
  rate: Float64Array,
  dividendYield: Float64Array,
  vol: Float64Array,
  o: Partial<BlackScholesColumns>,
): void {
  const { price, delta, gamma, vega, theta, rho, dividendRho, vanna, charm, vomma } = o;
  const priceDelta = price !== undefined || delta !== undefined;
  const density = gamma !== undefined || vega !== undefined || vanna !== undefined ||
    vomma !== undefined;
  const time = theta !== undefined || rho !== undefined || dividendRho !== undefined ||
    charm !== undefined;
  // Φ(w·d2) is needed by price, theta and rho; Φ(w·d1) by every column of those groups.
  const phiArgs = price !== undefined || time ? 2 : delta !== undefined ? 1 : 0;
  // A column nobody asked for, in a group that runs, goes to the block-sized sink.
  const col = (c: Float64Array | undefined) => c ?? SINK;
  const off = (c: Float64Array | undefined, lo: number) => c === undefined ? lo : 0;
  for (let lo = 0; lo < n; lo += BLOCK) {
    const m = Math.min(n - lo, BLOCK);
    const nInvalid = fillBlock(lo, m, right, spot, strike, tYears, rate, dividendYield, vol);
    phiBlock(phiArgs * m);
    if (priceDelta) writePriceDelta(lo, m, col(price), off(price, lo), col(delta), off(delta, lo));
    if (density) {
      writeDensityGreeks(
        lo,
        m,
        col(gamma),
        off(gamma, lo),
        col(vega),
        off(vega, lo),
        col(vanna),
        off(vanna, lo),
        col(vomma),
        off(vomma, lo),
      );
    }
    if (time) {
      writeTimeGreeks(
        lo,
        m,
        col(theta),
        off(theta, lo),
        col(rho),
        off(rho, lo),
        col(dividendRho),
        off(dividendRho, lo),
        col(charm),
        off(charm, lo),
      );
    }
    for (let k = 0; k < nInvalid; k++) {
      const i = invalidRow(k);
      for (const name of GREEK_NAMES) {
        const column = o[name];
        if (column !== undefined) column[i] = NaN;
      }
    }
  }
}
