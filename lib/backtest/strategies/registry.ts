// The built-in strategies by name, and parameter checking.
import { bollingerBreakout } from "./bollinger_breakout.ts";
import { momentumRotation } from "./momentum_rotation.ts";
import { momentumPortfolio } from "./momentum_portfolio.ts";
import { rsiReversion } from "./rsi_reversion.ts";
import { scannerCalls } from "./scanner_calls.ts";
import { smaCross } from "./sma_cross.ts";
import type { Params, Strategy } from "./types.ts";

/** Built-in strategies by name. */
export const STRATEGIES: Readonly<Record<string, Strategy>> = Object.freeze({
  [smaCross.name]: smaCross,
  [rsiReversion.name]: rsiReversion,
  [bollingerBreakout.name]: bollingerBreakout,
  [momentumRotation.name]: momentumRotation,
  [momentumPortfolio.name]: momentumPortfolio,
  [scannerCalls.name]: scannerCalls,
});

/**
 * Looks a strategy up by name (or passes a {@linkcode Strategy} through).
 * @throws {RangeError} For an unknown name, listing the known ones.
 */
export function getStrategy(
  s: string | Strategy,
  registry: Readonly<Record<string, Strategy>> = STRATEGIES,
): Strategy {
  if (typeof s !== "string") return s;
  const found = registry[s];
  if (found === undefined) {
    const known = Object.keys(registry).sort().join(", ");
    throw new RangeError(`Cannot find strategy "${s}": known strategies are ${known}`);
  }
  return found;
}

/** The message for one out-of-range value, or null when `v` fits `name`'s spec. */
export function paramProblem(strategy: Strategy, name: string, v: number): string | null {
  const spec = strategy.params[name];
  if (spec === undefined) {
    const known = Object.keys(strategy.params).join(", ");
    return `unknown parameter "${name}" (parameters: ${known})`;
  }
  if (spec.choices !== undefined) {
    const ok = Number.isInteger(v) && v >= 0 && v < spec.choices.length;
    return ok ? null : `${name} must be one of ${spec.choices.join(", ")}, got ${v}`;
  }
  const kind = spec.integer ? "an integer" : "a number";
  const ok = typeof v === "number" && v >= spec.min && v <= spec.max &&
    (!spec.integer || Number.isInteger(v));
  return ok ? null : `${name} must be ${kind} in [${spec.min}, ${spec.max}], got ${v}`;
}

/**
 * Fills defaults into `params` and checks every value and the cross-parameter rule.
 * @throws {RangeError} `Cannot use strategy sma_cross: fast must be an integer in [1, 100000], got 0`.
 */
export function resolveParams(strategy: Strategy, params: Partial<Params> = {}): Params {
  const out: Params = {};
  for (const [k, spec] of Object.entries(strategy.params)) out[k] = params[k] ?? spec.default;
  for (const [k, v] of Object.entries({ ...params, ...out })) {
    const problem = paramProblem(strategy, k, v as number);
    if (problem !== null) throw new RangeError(`Cannot use strategy ${strategy.name}: ${problem}`);
  }
  const rule = strategy.check(out);
  if (rule !== null) throw new RangeError(`Cannot use strategy ${strategy.name}: ${rule}`);
  return out;
}
