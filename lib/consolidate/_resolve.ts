/**
 * Fills in the defaults of the consolidation options and rejects values that cannot work.
 *
 * @module
 */
import {
  CONSOLIDATE_DEFAULTS,
  type ConsolidateOptions,
  INDICATOR_DEFAULTS,
  type IndicatorOptions,
  type PrepareTrainingOptions,
  TRAINING_DEFAULTS,
} from "./options.ts";

/** Consolidation options with every default filled in. */
export interface Resolved {
  underlying: string;
  rate: number;
  dividendYield: number;
  newsLookbackMin: number;
  vixToleranceMin: number | null;
  featureLags: number[];
  indicators: Required<IndicatorOptions>;
}

const WHAT = "Cannot consolidate";

function integer(value: number, min: number, name: string, what = WHAT): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${what}: ${name} must be an integer >= ${min}, got ${value}`);
  }
  return value;
}

function finite(value: number, name: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(`${WHAT}: ${name} must be a finite number, got ${value}`);
  }
  return value;
}

function lags(values: readonly number[], name: string): number[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new RangeError(`${WHAT}: ${name} must be a non-empty array of integers`);
  }
  for (const v of values) integer(v, 1, `each of ${name}`);
  if (new Set(values).size !== values.length) {
    throw new RangeError(`${WHAT}: ${name} must be distinct, got [${values.join(", ")}]`);
  }
  return [...values];
}

/** The consolidation options with defaults; RangeError/TypeError for unusable values. */
export function resolveConsolidate(options: ConsolidateOptions): Resolved {
  const o = { ...CONSOLIDATE_DEFAULTS, ...options };
  const ind = { ...INDICATOR_DEFAULTS, ...options.indicators };
  if (typeof o.underlying !== "string" || o.underlying.length === 0) {
    throw new TypeError(`${WHAT}: underlying must be a non-empty symbol`);
  }
  if (o.vixToleranceMin !== null) integer(o.vixToleranceMin, 0, "vixToleranceMin");
  integer(ind.warmupDays, 0, "indicators.warmupDays");
  integer(ind.rsiWindow, 2, "indicators.rsiWindow");
  integer(ind.macdFast, 1, "indicators.macdFast");
  integer(ind.macdSignal, 1, "indicators.macdSignal");
  integer(ind.bollingerWindow, 2, "indicators.bollingerWindow");
  if (integer(ind.macdSlow, 2, "indicators.macdSlow") <= ind.macdFast) {
    throw new RangeError(
      `${WHAT}: indicators.macdSlow must exceed macdFast, got ${ind.macdSlow} <= ${ind.macdFast}`,
    );
  }
  if (!(finite(ind.bollingerStdDevs, "indicators.bollingerStdDevs") > 0)) {
    throw new RangeError(
      `${WHAT}: indicators.bollingerStdDevs must be > 0, got ${ind.bollingerStdDevs}`,
    );
  }
  return {
    underlying: o.underlying,
    rate: finite(o.rate, "rate"),
    dividendYield: finite(o.dividendYield, "dividendYield"),
    newsLookbackMin: integer(o.newsLookbackMin, 1, "newsLookbackMin"),
    vixToleranceMin: o.vixToleranceMin,
    featureLags: lags(o.featureLags, "featureLags"),
    indicators: { ...ind, rocWindows: lags(ind.rocWindows, "indicators.rocWindows") },
  };
}

/** The training options with defaults; RangeError for unusable values. */
export function resolveTraining(options: PrepareTrainingOptions): Required<PrepareTrainingOptions> {
  const what = "Cannot prepare training targets";
  const o = { ...TRAINING_DEFAULTS, ...options };
  integer(o.horizonMin, 1, "horizonMin", what);
  integer(o.toleranceMin, 0, "toleranceMin", what);
  if (o.toleranceMin >= o.horizonMin) {
    throw new RangeError(
      `${what}: toleranceMin must be below horizonMin, got ${o.toleranceMin} >= ${o.horizonMin}`,
    );
  }
  if (!(o.minCoverage >= 0 && o.minCoverage <= 1)) {
    throw new RangeError(`${what}: minCoverage must be in [0, 1], got ${o.minCoverage}`);
  }
  return o;
}
