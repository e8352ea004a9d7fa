// Range checks of SimulateOptions, with messages that name the option and the value.
import { SIZE_TYPES } from "./_enums.ts";
import type { SimulateOptions } from "../types.ts";

/** Throws a RangeError naming the first out-of-range option. */
export function checkSimOptions(o: SimulateOptions): void {
  const bad = (name: string, rule: string, v: unknown) =>
    new RangeError(`Cannot simulate: ${name} must be ${rule}, got ${v}`);
  const inRange = (name: string, v: number | undefined, lo: number, hi: number, rule: string) => {
    if (v !== undefined && !(v >= lo && v < hi)) throw bad(name, rule, v);
  };
  if (o.initCash !== undefined && !(o.initCash > 0 && Number.isFinite(o.initCash))) {
    throw bad("initCash", "a finite number > 0", o.initCash);
  }
  inRange("fees", o.fees, 0, 1, "in [0, 1)");
  inRange("fixedFees", o.fixedFees, 0, Infinity, "a finite number >= 0");
  inRange("slippageBps", o.slippageBps, 0, 10_000, "in [0, 10000)");
  inRange("stopLoss", o.stopLoss, 0, 1, "in [0, 1)");
  inRange("trailingStop", o.trailingStop, 0, 1, "in [0, 1)");
  inRange("takeProfit", o.takeProfit, 0, Infinity, "a finite number >= 0");
  if (o.sizeType !== undefined && !SIZE_TYPES.includes(o.sizeType)) {
    throw bad("sizeType", `one of ${SIZE_TYPES.join(", ")}`, o.sizeType);
  }
  if (o.size !== undefined && !(o.size > 0)) throw bad("size", "> 0", o.size);
  if (o.size === Infinity && o.sizeType !== undefined && o.sizeType !== "shares") {
    throw bad("size", "finite unless sizeType is shares", o.size);
  }
  if (o.execution !== undefined && o.execution !== "nextOpen" && o.execution !== "close") {
    throw bad("execution", "nextOpen or close", o.execution);
  }
  if (o.forceExitBar !== undefined && !Number.isInteger(o.forceExitBar)) {
    throw bad("forceExitBar", "an integer", o.forceExitBar);
  }
}
