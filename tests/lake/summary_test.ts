import assert from "node:assert/strict";
import { lakeSummary, lakeSummaryFrame, Manifest } from "@lib/lake/mod.ts";
import { tempLake } from "./_helpers.ts";

const entry = (rows: number, quarantined = 0) => ({
  rows,
  bytes: rows * 10,
  sha256: "a".repeat(64),
  quarantined,
});

Deno.test("lakeSummary() counts partitions, rows, values and dates per dataset from the manifests", async () => {
  const root = await tempLake();
  const idx = await Manifest.open(root, "index_minute");
  await idx.record("symbol=I%3AVIX/date=2025-03-04", entry(390));
  await idx.record("symbol=I%3AVIX/date=2025-03-03", entry(390, 2));
  await idx.flush();
  const eq = await Manifest.open(root, "equity_minute");
  await eq.record("symbol=SPY/date=2025-03-03", entry(390));
  await eq.record("symbol=QQQ/date=2025-03-05", entry(210));
  await eq.flush();
  const summary = await lakeSummary(root);
  assert.deepEqual(summary, [
    {
      dataset: "equity_minute",
      partitions: 2,
      rows: 600,
      quarantined: 0,
      values: ["QQQ", "SPY"],
      firstDate: "2025-03-03",
      lastDate: "2025-03-05",
    },
    {
      dataset: "index_minute",
      partitions: 2,
      rows: 780,
      quarantined: 2,
      values: ["I:VIX"],
      firstDate: "2025-03-03",
      lastDate: "2025-03-04",
    },
  ]);
  const frame = lakeSummaryFrame(summary);
  assert.deepEqual(frame.columns, [
    "dataset",
    "partitions",
    "rows",
    "quarantined",
    "values",
    "first_date",
    "last_date",
  ]);
  assert.deepEqual(frame.getColumn("values").toArray(), ["QQQ,SPY", "I:VIX"]);
  assert.deepEqual(await lakeSummary(await tempLake()), []);
  await Deno.remove(root, { recursive: true });
});
