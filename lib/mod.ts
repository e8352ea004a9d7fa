/**
 * strikelab: the one import a notebook needs.
 *
 * ```ts ignore
 * import * as lab from "../lib/mod.ts";
 * const spy = await lab.lake.scanLake("../data/lake", "equity_minute", { values: ["SPY"] });
 * ```
 *
 * @example
 * ```ts
 * import * as lab from "./mod.ts";
 * import { equal } from "node:assert/strict";
 * equal(lab.calendar.session("2025-11-28")?.minutes, 210);
 * equal(lab.market.parseOptionTicker("O:SPY250304C00601000").strike, 601);
 * ```
 *
 * @module
 */
export * as backtest from "./backtest/mod.ts";
export * as calendar from "./calendar/mod.ts";
export * as carry from "./carry/mod.ts";
export * as config from "./config/mod.ts";
export * as consolidate from "./consolidate/mod.ts";
export * as greeks from "./greeks/mod.ts";
export * as indicators from "./indicators/mod.ts";
export * as ingest from "./ingest/mod.ts";
export * as lake from "./lake/mod.ts";
export * as market from "./market/mod.ts";
export * as ops from "./ops/mod.ts";
export * as random from "./random/mod.ts";
export * as realism from "./realism/mod.ts";
export * as report from "./report/mod.ts";
export * as run from "./run/mod.ts";
export * as scanner from "./scanner/mod.ts";
export * as sources from "./sources/mod.ts";
export * as task from "./task/mod.ts";
export * as stream from "./stream/mod.ts";
