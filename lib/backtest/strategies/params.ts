// Parameter values as people write them: numbers, or the names of categorical choices.
import type { GridSpec } from "../grid.ts";
import type { Strategy } from "./types.ts";

const fail = (s: Strategy, msg: string) => new RangeError(`Cannot use strategy ${s.name}: ${msg}`);

/**
 * The numeric value of parameter `name` given as a number, a numeric string (`"10"`), or
 * for a categorical parameter the name of a choice (`"rolling_low"` → its index). Range
 * checks are left to `resolveParams`; an unknown name passes through unchanged.
 * @throws {RangeError} For a string that is neither a number nor one of the choices.
 */
export function encodeParam(strategy: Strategy, name: string, value: number | string): number {
  if (typeof value === "number") return value;
  const spec = strategy.params[name];
  const at = spec?.choices?.indexOf(value.trim()) ?? -1;
  if (at >= 0) return at;
  const n = value.trim() === "" ? NaN : Number(value);
  if (Number.isFinite(n)) return n;
  const want = spec?.choices ? `one of ${spec.choices.join(", ")}` : "a number";
  throw fail(strategy, `${name} must be ${want}, got "${value}"`);
}

/**
 * A grid axis with choice names replaced by their indices (`"open,rolling_low"` → `[0, 1]`);
 * axes of numeric parameters are returned as given, for `parseAxis`.
 * @throws {RangeError} For a name that is not one of the parameter's choices.
 */
export function encodeAxis(
  strategy: Strategy,
  name: string,
  axis: GridSpec[string],
): GridSpec[string] {
  if (strategy.params[name]?.choices === undefined || typeof axis === "number") return axis;
  const items = typeof axis === "string" ? axis.split(",") : [...axis];
  return items.map((v) => encodeParam(strategy, name, v));
}

/** A parameter value for people: the choice name of a categorical parameter, else the number. */
export function formatParam(strategy: Strategy, name: string, value: number): string {
  return strategy.params[name]?.choices?.[value] ?? String(value);
}
