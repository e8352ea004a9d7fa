import assert from "node:assert/strict";
import { Manifest } from "../../lib/lake/mod.ts";
import { listWorkers, planWorkers, verifyLake } from "../../lib/ops/mod.ts";
import { runTask } from "../tasks/_run.ts";

async function waitAllExited(dataDir: string, timeoutMs = 120_000) {
  const t0 = Date.now();
  for (;;) {
    const ws = await listWorkers(dataDir);
    if (ws.every((w) => !w.running)) return ws;
    if (Date.now() - t0 > timeoutMs) {
      throw new Error(`workers still running: ${JSON.stringify(ws)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

Deno.test("planWorkers() splits by symbol, or the trading days into contiguous blocks", () => {
  assert.deepEqual(
    planWorkers({
      by: "symbol",
      symbols: ["SPY", "QQQ"],
      from: "2025-03-03",
      to: "2025-03-04",
      lockWaitS: 9,
    }),
    [
      {
        id: "symbol-SPY",
        args: [
          "--symbols",
          "SPY",
          "--from",
          "2025-03-03",
          "--to",
          "2025-03-04",
          "--lock-wait",
          "9",
        ],
      },
      {
        id: "symbol-QQQ",
        args: [
          "--symbols",
          "QQQ",
          "--from",
          "2025-03-03",
          "--to",
          "2025-03-04",
          "--lock-wait",
          "9",
        ],
      },
    ],
  );
  const r = planWorkers({
    by: "range",
    symbols: ["SPY"],
    from: "2025-03-03",
    to: "2025-03-12",
    parts: 3,
  });
  assert.deepEqual(r.map((p) => [p.args[3], p.args[5]]), [
    ["2025-03-03", "2025-03-05"],
    ["2025-03-06", "2025-03-10"],
    ["2025-03-11", "2025-03-12"],
  ]);
});

Deno.test("deno task workers: two backfill workers by symbol share the lake through its lock, and list shows them exited", async () => {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-workers-" });
  try {
    const env = { STRIKELAB_DATA_DIR: dir };
    const r = await runTask("workers", [
      "start",
      "--by",
      "symbol",
      "--symbols",
      "SPY,QQQ",
      "--from",
      "2025-03-03",
      "--to",
      "2025-03-05",
      "--",
      "--datasets",
      "equity",
      "--source",
      "sim",
    ], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /started symbol-SPY \(pid \d+\)/);
    const ws = await waitAllExited(dir);
    assert.deepEqual(ws.map((w) => w.id), ["symbol-QQQ", "symbol-SPY"]);
    for (const w of ws) assert.match(w.lastLine, /run record: /, w.lastLine);
    const keys = (await Manifest.open(`${dir}/lake`, "equity_minute")).keys();
    assert.equal(keys.length, 6);
    assert.equal((await verifyLake(`${dir}/lake`)).bad.length, 0);
    const listed = await runTask("workers", ["list"], { env });
    assert.match(listed.stdout, /workers in .*: 0 running of 2/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("deno task workers stop interrupts a running worker, which ends with its record", async () => {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-workers-stop-" });
  try {
    const env = { STRIKELAB_DATA_DIR: dir };
    const r = await runTask("workers", [
      "start",
      "--by",
      "range",
      "--parts",
      "1",
      "--from",
      "2024-01-02",
      "--to",
      "2024-12-31",
      "--",
      "--datasets",
      "equity,index",
      "--source",
      "sim",
      "--concurrency",
      "1",
    ], { env });
    assert.equal(r.code, 0, r.stderr);
    // wait until it has written something, then stop it
    for (let i = 0; i < 300; i++) {
      if ((await Manifest.open(`${dir}/lake`, "equity_minute")).keys().length > 0) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    const stop = await runTask("workers", ["stop"], { env });
    assert.match(stop.stdout, /stopping 1 worker\(s\): range-2024-01-02/);
    const [w] = await waitAllExited(dir, 60_000);
    assert.match(w.lastLine, /run record: |interrupted/);
    assert.equal((await verifyLake(`${dir}/lake`)).bad.length, 0);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
