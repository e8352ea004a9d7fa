// Flat `name=value` parameters (as `deno task backtest --params` gives them) → strategy options.
import { structureSpec } from "./structures.ts";
import type { OptionStrategyOptions } from "./types.ts";

/** Every flat parameter: its option path and kind (`n` number, `t` HH:MM time, `s` string). */
export const OPTION_PARAMS = {
  dte: ["dte", "n"],
  dte_tolerance: ["dteTolerance", "n"],
  far_dte: ["farDte", "n"],
  delta: ["delta", "n"],
  short_delta: ["delta", "n"],
  moneyness: ["moneyness", "n"],
  strikes: ["strikes", "n"],
  wing_width: ["wingWidth", "n"],
  entry_time: ["entry.time", "t"],
  entry_window_min: ["entry.windowMin", "n"],
  vix_min: ["entry.vixMin", "n"],
  vix_max: ["entry.vixMax", "n"],
  iv_rank_min: ["entry.ivRankMin", "n"],
  iv_rank_max: ["entry.ivRankMax", "n"],
  profit_target: ["exit.profitTarget", "n"],
  stop_loss: ["exit.stopLoss", "n"],
  exit_time: ["exit.time", "t"],
  exit_dte: ["exit.dte", "n"],
  hold_min: ["exit.holdMin", "n"],
  contracts: ["size.contracts", "n"],
  max_risk: ["size.maxRisk", "n"],
  risk_fraction: ["size.riskFraction", "n"],
  equity_fraction: ["size.equityFraction", "n"],
  max_open: ["maxOpen", "n"],
  naked: ["naked", "s"],
  slippage_bps: ["slippage.bps", "n"],
  slippage_range: ["slippage.rangeFraction", "n"],
  volume_fraction: ["slippage.volumeFraction", "n"],
  fee_per_contract: ["feePerContract", "n"],
  fee_per_order: ["feePerOrder", "n"],
  init_cash: ["initCash", "n"],
} as const;

/**
 * The options of `structure` from flat parameters (`short_delta=0.1, wing_width=5,
 * entry_time=10:00`); `entry_time` defaults to 10:00.
 * @throws {RangeError} Naming an unknown parameter (with the known ones) or a bad number.
 */
export function optionStrategyFromParams(
  structure: string,
  params: Record<string, string | number>,
): OptionStrategyOptions {
  structureSpec(structure);
  const out: Record<string, unknown> = { structure, entry: { time: "10:00" } };
  for (const [name, raw] of Object.entries(params)) {
    const spec = (OPTION_PARAMS as Record<string, readonly [string, string]>)[name];
    if (spec === undefined) {
      throw new RangeError(
        `Cannot use option strategy ${structure}: unknown parameter "${name}" (one of ${
          Object.keys(OPTION_PARAMS).join(", ")
        })`,
      );
    }
    const [path, kind] = spec;
    let value: unknown = raw;
    if (kind === "n") {
      value = Number(raw);
      if (String(raw).trim() === "" || !Number.isFinite(value)) {
        throw new RangeError(
          `Cannot use option strategy ${structure}: ${name} must be a number, got "${raw}"`,
        );
      }
    } else value = String(raw);
    const keys = path.split(".");
    let at = out;
    for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
    if (keys[0] === "size") out.size = {};
    (keys[0] === "size" ? out.size as Record<string, unknown> : at)[keys.at(-1)!] = value;
  }
  return out as unknown as OptionStrategyOptions;
}
