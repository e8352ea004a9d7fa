// The strategies sweep workers can run, without the modules that load nodejs-polars.
import { scannerCallsCore } from "./_scanner_calls_core.ts";
import { bollingerBreakout } from "./bollinger_breakout.ts";
import { momentumRotation } from "./momentum_rotation.ts";
import { rsiReversion } from "./rsi_reversion.ts";
import { smaCross } from "./sma_cross.ts";
import type { Strategy } from "./types.ts";

/** Built-in strategies by name, as workers need them (plan and simulate; no indicators). */
export const WORKER_STRATEGIES: Readonly<Record<string, Strategy>> = Object.freeze({
  [smaCross.name]: smaCross,
  [rsiReversion.name]: rsiReversion,
  [bollingerBreakout.name]: bollingerBreakout,
  [momentumRotation.name]: momentumRotation,
  [scannerCallsCore.name]: scannerCallsCore,
});
