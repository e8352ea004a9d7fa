/**
 * The replay source: real minute bars from CSV files (one per ticker), normalised to the
 * lake's conventions — start-of-minute UTC stamps, ascending, indices without volume.
 *
 * @example
 * ```ts
 * import { createReplaySource } from "./mod.ts";
 * import { equal, rejects } from "node:assert/strict";
 * const replay = createReplaySource({ files: {}, stamp: "start" });
 * equal(replay.name, "replay");
 * await rejects(replay.news("SPY", "2019-02-11"), {
 *   name: "RangeError",
 *   message: "The replay source holds bars only: cannot read news for SPY",
 * });
 * ```
 *
 * @module
 */
export { createReplaySource, type ReplaySourceOptions } from "./replay_source.ts";
export { BAR_FIELDS, type BarField, type DailyBar } from "./_csv.ts";
export type { EpochUnit } from "./_time.ts";
