/**
 * Comparing recorded hashes with reproduced ones.
 *
 * @module
 */
import pl from "nodejs-polars";
import type { HashedItem } from "./record.ts";

/** Options for {@linkcode compareHashes}. */
export interface CompareHashesOptions {
  /** Also list reproduced items the record does not have. @default false */
  includeExtra?: boolean;
}

/**
 * Lines up recorded items with reproduced ones by `partition` (the item name) and says
 * whether each reproduces: the same SHA-256, and the same row count where both give one.
 * A recorded item that was not reproduced has null `reproduced` and `match` false.
 *
 * Columns: `item`, `recorded_rows`, `reproduced_rows` (Int64, null when unknown),
 * `recorded`, `reproduced` (SHA-256 hex) and `match` (Bool), in the record's order, then
 * (with `includeExtra`) the extra reproduced items with null `recorded` and `match` false.
 *
 * @param recorded The items of the run record.
 * @param reproduced The items of the re-run.
 * @param options Whether to list reproduced items the record lacks.
 * @returns One row per item.
 * @throws {RangeError} When an item name appears twice in one list.
 *
 * @example
 * ```ts
 * import { compareHashes } from "./compare_hashes.ts";
 * import { deepEqual } from "node:assert/strict";
 * const a = "a".repeat(64), b = "b".repeat(64);
 * const df = compareHashes(
 *   [{ partition: "p1", rows: 2, sha256: a }, { partition: "p2", sha256: a }],
 *   [{ partition: "p1", rows: 2, sha256: a }, { partition: "p2", sha256: b }],
 * );
 * deepEqual(df.getColumn("match").toArray(), [true, false]);
 * ```
 */
export function compareHashes(
  recorded: readonly HashedItem[],
  reproduced: readonly HashedItem[],
  options: CompareHashesOptions = {},
): pl.DataFrame {
  const { includeExtra = false } = options;
  const index = (list: readonly HashedItem[], which: string) => {
    const map = new Map<string, HashedItem>();
    for (const it of list) {
      if (map.has(it.partition)) {
        throw new RangeError(
          `Cannot compare hashes: item "${it.partition}" appears twice in the ${which} list`,
        );
      }
      map.set(it.partition, it);
    }
    return map;
  };
  const rec = index(recorded, "recorded");
  const rep = index(reproduced, "reproduced");
  const names = [...rec.keys()];
  if (includeExtra) names.push(...[...rep.keys()].filter((k) => !rec.has(k)));
  const rows = names.map((name) => {
    const a = rec.get(name), b = rep.get(name);
    const rowsAgree = a?.rows === undefined || b?.rows === undefined || a.rows === b.rows;
    return {
      item: name,
      recorded_rows: a?.rows ?? null,
      reproduced_rows: b?.rows ?? null,
      recorded: a?.sha256 ?? null,
      reproduced: b?.sha256 ?? null,
      match: a !== undefined && b !== undefined && a.sha256 === b.sha256 && rowsAgree,
    };
  });
  return pl.DataFrame([
    pl.Series("item", rows.map((r) => r.item), pl.Utf8),
    pl.Series("recorded_rows", rows.map((r) => r.recorded_rows), pl.Int64),
    pl.Series("reproduced_rows", rows.map((r) => r.reproduced_rows), pl.Int64),
    pl.Series("recorded", rows.map((r) => r.recorded), pl.Utf8),
    pl.Series("reproduced", rows.map((r) => r.reproduced), pl.Utf8),
    pl.Series("match", rows.map((r) => r.match), pl.Bool),
  ]);
}
