import assert from "node:assert/strict";
import { Manifest } from "../../lib/lake/mod.ts";
import { failureCause, lakeHealth } from "../../lib/ops/mod.ts";
import { type RunRecord, writeRunRecord } from "../../lib/run/mod.ts";

const NOW = Date.parse("2025-03-12T15:00:00Z");
const SHA = "a".repeat(64);

function record(
  n: number,
  patch: Partial<RunRecord> & { rows: number; elapsedMs: number },
): RunRecord {
  const startedAt = new Date(NOW - (10 - n) * 3_600_000).toISOString();
  const { rows, elapsedMs, ...rest } = patch;
  return {
    runId: `run-${n}`,
    task: "backfill",
    command: ["test"],
    config: {},
    code: { revision: null, dirty: null },
    versions: { deno: "2", v8: "1", typescript: "5", packages: {} },
    seed: null,
    inputs: [],
    outputs: [{ partition: `equity_minute/symbol=SPY/date=2025-03-0${n}`, rows, sha256: SHA }],
    timings: { startedAt, finishedAt: startedAt, elapsedMs },
    status: "ok",
    summary: {},
    ...rest,
  };
}

async function constructedLab(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-health-" });
  const root = `${dir}/lake`;
  const m = await Manifest.open(root, "equity_minute");
  // 2025-03-05 and 2025-03-07 missing between the 3rd and the 10th
  for (const d of ["2025-03-03", "2025-03-04", "2025-03-06", "2025-03-10"]) {
    await m.record(`symbol=SPY/date=${d}`, { rows: 390, bytes: 1, sha256: SHA, quarantined: 0 });
  }
  await m.flush();
  const i = await Manifest.open(root, "index_minute");
  await i.record("symbol=I%3AVIX/date=2025-03-03", {
    rows: 390,
    bytes: 1,
    sha256: SHA,
    quarantined: 0,
  });
  await i.flush();
  for (let n = 1; n <= 4; n++) {
    await writeRunRecord(dir, record(n, { rows: 1000, elapsedMs: 100 + n }));
  }
  await writeRunRecord(dir, record(5, { rows: 1000, elapsedMs: 500 })); // 4.9× slower per row
  const fail = (date: string) => ({
    partition: `index_minute/symbol=I%3AVIX/date=${date}`,
    error:
      `Polygon request failed after 7 attempts (HTTP 502): minute aggregates of I:VIX for ${date} (GET /v2/aggs/ticker/I:VIX/range/1/minute/1/2?apiKey=REDACTED)`,
  });
  await writeRunRecord(dir, {
    ...record(6, { rows: 0, elapsedMs: 10 }),
    status: "failed",
    outputs: [],
    summary: { failures: [fail("2025-03-05"), fail("2025-03-06")], fatal: null },
  });
  await Deno.writeTextFile(`${root}/.lock`, "4242\n");
  await Deno.mkdir(`${dir}/runs/20250312T140000Z-scan-abcdef`);
  await Deno.mkdir(`${dir}/stream`);
  await Deno.writeTextFile(
    `${dir}/stream/status.json`,
    JSON.stringify({ state: "connected", lastMessageAt: new Date(NOW - 300_000).toISOString() }),
  );
  return dir;
}

Deno.test("lakeHealth() reports gaps against the calendar, last runs, failures by cause, a dead lock holder, an unfinished run, a regression and a stale stream", async () => {
  const dir = await constructedLab();
  try {
    const h = await lakeHealth(dir, { nowMs: NOW, alive: (pid) => pid !== 4242 });
    assert.deepEqual(h.coverage, [
      {
        dataset: "equity_minute",
        value: "SPY",
        first: "2025-03-03",
        last: "2025-03-10",
        have: 4,
        gaps: ["2025-03-05", "2025-03-07"],
        missing: 2,
      },
      {
        dataset: "index_minute",
        value: "I:VIX",
        first: "2025-03-03",
        last: "2025-03-03",
        have: 1,
        gaps: [],
        missing: 0,
      },
    ]);
    assert.deepEqual(h.lastRuns.map((r) => [r.task, r.runId, r.status]), [[
      "backfill",
      "run-6",
      "failed",
    ]]);
    assert.equal(h.failures.length, 1);
    assert.equal(h.failures[0].count, 2);
    assert.equal(
      h.failures[0].cause,
      "Polygon request failed after N attempts (HTTP N): minute aggregates of I:VIX for <date> (GET …)",
    );
    assert.deepEqual(h.stale, [
      `${dir}/lake/.lock is held by process 4242, which is gone: a killed run; the next writer takes the lock over`,
      "run 20250312T140000Z-scan-abcdef has no record (manifest.json): it was killed or is still running",
    ]);
    assert.equal(h.regressions.length, 1);
    assert.match(
      h.regressions[0],
      /^backfill run-5: 0\.5000 ms a row, 4\.9× the median 0\.1025 of 4 earlier runs$/,
    );
    assert.equal(h.stream, "stream connected: last message 300 s ago (stale)");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("failureCause() generalises dates, numbers and option tickers", () => {
  assert.equal(
    failureCause("not listed: O:SPY250304C00601000 on 2025-03-04 after 3 tries"),
    "not listed: <option> on <date> after N tries",
  );
});
