/**
 * Realism statistics: the stylized facts of a market (return autocorrelations, intraday
 * U-shapes, fat tails, volatility clustering, the leverage effect, VIX range, overnight gaps,
 * quieter half days, the option skew) measured on plain bar arrays, each with a target band
 * and its source. `deno task sim-check` runs them on the simulator and on real bars.
 *
 * @example
 * ```ts
 * import { figurePasses, realismFigures } from "./mod.ts";
 * import { equal } from "node:assert/strict";
 * const f = realismFigures({ surface: { rr25Long: 5 } }).find((x) => x.id === "rr25Long")!;
 * equal(figurePasses(f), true);
 * ```
 *
 * @module
 */
export {
  figurePasses,
  intradayAutocorr,
  REALISM_BANDS,
  type RealismDaily,
  type RealismFigure,
  realismFigures,
  type RealismInput,
  type RealismSession,
  type RealismSurface,
  type RealismVix,
} from "./realism_figures.ts";
export { acf, corr, excessKurtosis } from "./_stats.ts";
