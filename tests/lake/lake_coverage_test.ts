import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { lakeCoverage, Manifest, partitionKey, writePartition } from "@lib/lake/mod.ts";

const HASH = (c: string) => c.repeat(64);

async function lakeWith(entries: Record<string, Record<string, [number, number, string]>>) {
  const root = await Deno.makeTempDir({ prefix: "coverage-" });
  for (const [dataset, parts] of Object.entries(entries)) {
    await Deno.mkdir(`${root}/${dataset}`, { recursive: true });
    const partitions = Object.fromEntries(
      Object.entries(parts).map(([k, [rows, bytes, c]]) => [
        k,
        { rows, bytes, sha256: HASH(c), quarantined: 0 },
      ]),
    );
    await Deno.writeTextFile(
      `${root}/${dataset}/_manifest.json`,
      JSON.stringify({ dataset, version: 1, partitions }),
    );
  }
  return root;
}

Deno.test("lakeCoverage() lists every manifest entry with decoded values, sorted", async () => {
  const root = await lakeWith({
    index_minute: { "symbol=I%3AVIX/date=2025-03-04": [390, 900, "b"] },
    equity_minute: {
      "symbol=SPY/date=2025-03-04": [390, 1100, "d"],
      "symbol=QQQ/date=2025-03-03": [388, 1000, "c"],
      "symbol=SPY/date=2025-03-03": [390, 1200, "a"],
    },
  });
  try {
    const df = await lakeCoverage(root);
    assert.deepEqual(df.columns, [
      "dataset",
      "key",
      "value",
      "date",
      "rows",
      "bytes",
      "quarantined",
      "sha256",
    ]);
    assert.deepEqual(df.drop("sha256").toRecords(), [
      {
        dataset: "equity_minute",
        key: "symbol",
        value: "QQQ",
        date: "2025-03-03",
        rows: 388,
        bytes: 1000,
        quarantined: 0,
      },
      {
        dataset: "equity_minute",
        key: "symbol",
        value: "SPY",
        date: "2025-03-03",
        rows: 390,
        bytes: 1200,
        quarantined: 0,
      },
      {
        dataset: "equity_minute",
        key: "symbol",
        value: "SPY",
        date: "2025-03-04",
        rows: 390,
        bytes: 1100,
        quarantined: 0,
      },
      {
        dataset: "index_minute",
        key: "symbol",
        value: "I:VIX",
        date: "2025-03-04",
        rows: 390,
        bytes: 900,
        quarantined: 0,
      },
    ]);
    assert.deepEqual(df.getColumn("sha256").toArray(), ["c", "a", "d", "b"].map(HASH));
    assert.ok(df.getColumn("rows").dtype.equals(pl.Int64));
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("lakeCoverage() filters by dataset and date range", async () => {
  const root = await lakeWith({
    equity_minute: {
      "symbol=SPY/date=2025-03-03": [390, 1, "a"],
      "symbol=SPY/date=2025-03-04": [390, 1, "b"],
      "symbol=SPY/date=2025-03-05": [390, 1, "c"],
    },
    news: { "ticker=SPY/date=2025-03-04": [7, 1, "d"] },
  });
  try {
    const df = await lakeCoverage(root, {
      datasets: ["equity_minute"],
      from: "2025-03-04",
      to: "2025-03-05",
    });
    assert.deepEqual(df.getColumn("date").toArray(), ["2025-03-04", "2025-03-05"]);
    assert.deepEqual(df.getColumn("dataset").toArray(), ["equity_minute", "equity_minute"]);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("lakeCoverage() of a missing lake is an empty frame with the same columns", async () => {
  const df = await lakeCoverage("/nonexistent-strikelab-lake");
  assert.equal(df.height, 0);
  assert.equal(df.columns.length, 8);
});

Deno.test("lakeCoverage() agrees with what writePartition recorded", async () => {
  const root = await Deno.makeTempDir({ prefix: "coverage-" });
  try {
    const id = { dataset: "equity_minute" as const, value: "SPY", date: "2025-03-03" };
    const entry = await writePartition(root, id, pl.DataFrame({ ts: [1, 2], close: [1, 2] }));
    const m = await Manifest.open(root, "equity_minute");
    await m.record(partitionKey(id), entry);
    const [row] = (await lakeCoverage(root)).toRecords();
    assert.equal(row.rows, 2);
    assert.equal(row.bytes, entry.bytes);
    assert.equal(row.sha256, entry.sha256);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("lakeCoverage() rejects an unknown dataset and names a broken manifest", async () => {
  await assert.rejects(
    lakeCoverage("/tmp", { datasets: ["trades" as "news"] }),
    (e: Error) => e instanceof TypeError && /^Unknown dataset "trades"/.test(e.message),
  );
  const root = await Deno.makeTempDir({ prefix: "coverage-" });
  try {
    await Deno.mkdir(`${root}/news`);
    await Deno.writeTextFile(`${root}/news/_manifest.json`, "{");
    await assert.rejects(
      lakeCoverage(root),
      (e: Error) => e.message.startsWith(`Cannot read manifest ${root}/news/_manifest.json`),
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
