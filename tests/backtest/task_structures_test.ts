// `deno task backtest --strategy <structure>` on a consolidated lake, end to end.
import assert from "node:assert/strict";
import { Manifest, partitionKey, writePartition } from "@lib/lake/mod.ts";
import { task } from "./_task.ts";
import { occ, tableOf } from "./options/_chain.ts";

const D = "2025-03-04", C = (k: number) => occ("SPY", D, "C", k);

Deno.test("deno task backtest --strategy bull_call_spread trades the consolidated chain", async () => {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-structures-" });
  try {
    const root = `${dir}/data/lake`,
      id = { dataset: "consolidated" as const, value: "SPY", date: D };
    const manifest = await Manifest.open(root, "consolidated");
    const frame = tableOf([
      { ticker: C(600), date: D, m: 30, close: 2.1, delta: 0.51, spot: 600 },
      { ticker: C(605), date: D, m: 30, close: 0.6, delta: 0.12, spot: 600 },
      { ticker: C(600), date: D, m: 389, close: 6, delta: 1, spot: 606 },
    ]);
    await manifest.record(partitionKey(id), await writePartition(root, id, frame));
    await manifest.flush();
    const args = ["--strategy", "bull_call_spread", "--underlyings", "SPY", "--from", D, "--to", D];
    const ok = await task("backtest", dir, ...args, "--params", "delta=0.5,wing_width=5");
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(
      ok.stdout,
      /bull_call_spread on SPY 2025-03-04\.\.2025-03-04: 1 trades, 0 rejected/,
    );
    // debit 1.50, settles at 606: +5 − 1.50 = 350, fees 2 × 0.65
    assert.match(ok.stdout, /2025-03-04 10:00 → 2025-03-04 15:59\s+expiry\s+pnl\s+348\.70/);
    assert.match(ok.stdout, /buy-and-hold 1\.00 %/);
    const bad = await task("backtest", dir, ...args, "--params", "wings=5");
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown parameter "wings"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
