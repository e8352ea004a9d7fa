/**
 * The live feed: `runStream` subscribes to Polygon's WebSocket clusters, appends every batch
 * to an Arrow IPC write-ahead log, rolls completed minutes into the lake's partitions, fills
 * gaps by REST; `replayLake` replays the lake's partitions as the same typed events.
 *
 * @example
 * ```ts
 * import { backoffDelayMs } from "./mod.ts";
 * import { equal } from "node:assert/strict";
 * equal(backoffDelayMs(0, { baseMs: 1000, random: () => 0 }), 500);
 * ```
 *
 * @module
 */
export { backoffDelayMs, type BackoffOptions } from "./backoff.ts";
export {
  runStream,
  type RunStreamOptions,
  StreamAuthError,
  type StreamResult,
} from "./run_stream.ts";
export {
  decodeWalBytes,
  encodeWalRows,
  readWal,
  type WalContents,
  type WalRow,
  WalWriter,
} from "./wal.ts";
export { type StreamStatus } from "./_status.ts";
export { replayLake, type ReplayLakeOptions, type ReplayMinute } from "./replay_lake.ts";
