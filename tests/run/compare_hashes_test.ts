import assert from "node:assert/strict";
import { compareHashes } from "@lib/run/mod.ts";

const A = "a".repeat(64), B = "b".repeat(64);

Deno.test("compareHashes() matches by item name, hash and row count, in the record's order", () => {
  const df = compareHashes(
    [
      { partition: "p2", rows: 5, sha256: A },
      { partition: "p1", rows: 3, sha256: A },
      { partition: "p3", sha256: B },
      { partition: "p4", rows: 1, sha256: A },
    ],
    [
      { partition: "p1", rows: 3, sha256: A },
      { partition: "p2", rows: 4, sha256: A },
      { partition: "p3", rows: 9, sha256: B },
      { partition: "p9", rows: 1, sha256: A },
    ],
  );
  assert.deepEqual(df.toRecords(), [
    { item: "p2", recorded_rows: 5, reproduced_rows: 4, recorded: A, reproduced: A, match: false },
    { item: "p1", recorded_rows: 3, reproduced_rows: 3, recorded: A, reproduced: A, match: true },
    {
      item: "p3",
      recorded_rows: null,
      reproduced_rows: 9,
      recorded: B,
      reproduced: B,
      match: true,
    },
    {
      item: "p4",
      recorded_rows: 1,
      reproduced_rows: null,
      recorded: A,
      reproduced: null,
      match: false,
    },
  ]);
});

Deno.test("compareHashes() lists extra reproduced items on request", () => {
  const df = compareHashes([{ partition: "p1", sha256: A }], [
    { partition: "p1", sha256: B },
    { partition: "p0", sha256: A },
  ], { includeExtra: true });
  assert.deepEqual(df.select("item", "recorded", "match").toRecords(), [
    { item: "p1", recorded: A, match: false },
    { item: "p0", recorded: null, match: false },
  ]);
});

Deno.test("compareHashes() rejects an item listed twice", () => {
  assert.throws(
    () => compareHashes([], [{ partition: "p", sha256: A }, { partition: "p", sha256: B }]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === 'Cannot compare hashes: item "p" appears twice in the reproduced list',
  );
});
