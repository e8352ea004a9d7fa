/**
 * The schema drift check of each partition before it is written: its columns and the
 * source's wire fields against the dataset's baseline (see `lib/lake/schema_drift.ts`).
 *
 * @module
 */
import type pl from "nodejs-polars";
import {
  acceptBaseline,
  compareSchemas,
  type DriftEvent,
  frameColumnTypes,
  type IncomingSchema,
  logDriftEvents,
  readBaselines,
  writePartition,
} from "../lake/mod.ts";
import { partitionDir, type PartitionId, partitionKey } from "../lake/mod.ts";

const FIRST = "first ingest";

/** What schema drift does: accept the new schema as the baseline, or set the partition aside. */
export type DriftPolicy = "accept" | "quarantine";

/** What the check found: warnings for the summary; a failure message when set aside. */
export interface DriftOutcome {
  warnings: string[];
  quarantined: string | null;
}

/**
 * A checker for one run. Checks run one at a time (a baseline is read, compared and perhaps
 * rewritten as one step), so concurrent partitions of a dataset never race on its baseline.
 */
export function createDriftCheck(root: string, policy: DriftPolicy) {
  let chain: Promise<unknown> = Promise.resolve();
  const check = async (
    id: PartitionId,
    frame: pl.DataFrame,
    wireFields: Record<string, string> = {},
  ): Promise<DriftOutcome> => {
    const incoming: IncomingSchema = {
      columns: frameColumnTypes(frame.schema),
      fields: wireFields,
    };
    const baselines = await readBaselines(root, id.dataset);
    const current = baselines?.baselines.at(-1);
    if (!current) {
      // the first one; "first ingest", not a date: with concurrent partitions which comes
      // first varies, and the same inputs must give the same lake bytes
      await acceptBaseline(root, id.dataset, incoming, FIRST);
      return { warnings: [], quarantined: null };
    }
    const diffs = compareSchemas(current, incoming);
    if (diffs.length === 0) {
      // a baseline taken without wire fields (an empty day, another source) learns them
      if (Object.keys(current.fields).length === 0 && Object.keys(wireFields).length > 0) {
        await acceptBaseline(root, id.dataset, { ...current, fields: wireFields }, current.since);
      }
      return { warnings: [], quarantined: null };
    }
    const action = policy === "accept" ? "accepted" : "quarantined";
    const partition = partitionKey(id);
    const events: DriftEvent[] = diffs.map((d) => ({
      dataset: id.dataset,
      partition,
      ...d,
      action,
    }));
    await logDriftEvents(root, events);
    const what = diffs.map((d) =>
      `${d.kind.replace("_", " ")} ${d.name}${
        d.expected && d.got ? ` (${d.expected} → ${d.got})` : ` (${d.expected ?? d.got})`
      }`
    ).join(", ");
    if (policy === "accept") {
      await acceptBaseline(root, id.dataset, incoming, id.date);
      return {
        warnings: [`schema drift accepted as the new baseline: ${what}`],
        quarantined: null,
      };
    }
    await writePartition(`${root}/_drift`, id, frame);
    return {
      warnings: [],
      quarantined: `schema drift (${what}): the partition is set aside in ${root}/_drift/${
        partitionDir(id)
      }; set backfill.schemaDrift to accept to take the new schema as the baseline`,
    };
  };
  return (id: PartitionId, frame: pl.DataFrame, wireFields?: Record<string, string>) => {
    const next = chain.then(() => check(id, frame, wireFields));
    chain = next.catch(() => {});
    return next;
  };
}
