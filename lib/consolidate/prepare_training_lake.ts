/**
 * Prepares the `training` dataset of one underlying for a date range from the
 * `consolidated` dataset of a lake root. Its only I/O is `lib/lake`.
 *
 * @module
 */
import pl from "nodejs-polars";
import { acquireLakeLock, datasetKey, removeTempFiles } from "../lake/mod.ts";
import { type LakeItem, readRange, writeDates } from "./_lake_io.ts";
import { resolveTraining } from "./_resolve.ts";
import { keepCovered, withTargets } from "./_targets.ts";
import type { PrepareTrainingOptions } from "./options.ts";

/** Options for {@linkcode prepareTrainingLake}. */
export interface PrepareTrainingLakeOptions extends PrepareTrainingOptions {
  /** The underlying whose consolidated partitions are read. */
  underlying: string;
  /** First trading date, inclusive. */
  from: string;
  /** Last trading date, inclusive. */
  to: string;
}

/** Counts of one training preparation. */
export interface TrainingStats {
  /** Consolidated rows read. */
  rowsIn: number;
  /** Rows whose horizon lies inside their session. */
  eligible: number;
  /** Eligible rows with a target. */
  withTarget: number;
  /** Contract-days read and kept (coverage ≥ minCoverage, at least one target). */
  contractDays: number;
  contractDaysKept: number;
  /** Rows written to `training`. */
  rowsOut: number;
}

/** What {@linkcode prepareTrainingLake} read, wrote and counted. */
export interface PrepareTrainingLakeResult {
  underlying: string;
  dates: string[];
  inputs: LakeItem[];
  outputs: LakeItem[];
  stats: TrainingStats;
}

/**
 * Reads the `consolidated` partitions of `underlying` in [from, to], adds the targets of
 * `prepareTraining` and writes one `training` partition per consolidated date (empty when
 * nothing is kept, so a rerun replaces stale rows). Never writes to `consolidated`.
 *
 * @throws {RangeError} If no consolidated partition is in the range, or for bad options.
 */
export async function prepareTrainingLake(
  root: string,
  options: PrepareTrainingLakeOptions,
): Promise<PrepareTrainingLakeResult> {
  const { underlying, from, to, ...rest } = options;
  const o = resolveTraining(rest);
  const read = await readRange(root, "consolidated", underlying, from, to);
  if (read.frame === null) {
    throw new RangeError(
      `Cannot prepare training targets for ${underlying}: no consolidated partitions from ` +
        `${from} to ${to}; run \`deno task consolidate\` first`,
    );
  }
  const dates = read.parts.map((p) => p.date);
  const all = withTargets(read.frame, o);
  const kept = keepCovered(all, o.minCoverage);
  const count = (df: pl.DataFrame) => df.select(pl.col("ticker"), pl.col("date")).unique().height;
  const eligible = all.filter(pl.col("_eligible"));
  const stats: TrainingStats = {
    rowsIn: read.frame.height,
    eligible: eligible.height,
    withTarget: eligible.filter(pl.col("target_close").isNotNull()).height,
    contractDays: count(all),
    contractDaysKept: count(kept),
    rowsOut: kept.height,
  };
  const release = await acquireLakeLock(root);
  let outputs: LakeItem[];
  try {
    await removeTempFiles(`${root}/training`); // left by a killed run
    outputs = await writeDates(root, "training", underlying, dates, kept, datasetKey("training"));
  } finally {
    await release();
  }
  return { underlying, dates, inputs: read.items, outputs, stats };
}
