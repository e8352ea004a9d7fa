import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { consolidateLake } from "../../lib/consolidate/mod.ts";
import {
  checkDerived,
  listPartitions,
  Manifest,
  partitionFile,
  partitionKey,
  readProvenance,
  StaleDerivedError,
  writePartition,
} from "../../lib/lake/mod.ts";
import { repairLake, verifyLake } from "../../lib/ops/mod.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";
import { runTask } from "../tasks/_run.ts";
import { fillSimLake, FROM, quiet, simConfig, TO } from "./_sim_lake.ts";

const config = await simConfig();
await fillSimLake(config);
const dir = config.data.dir, root = `${dir}/lake`;
const REBUILD = "deno task consolidate --from 2025-03-03 --to 2025-03-04";
const consolidated = () => listPartitions(root, "consolidated", { from: FROM, to: TO });

Deno.test("each consolidated partition records its parameters and the hashes of its same-date inputs", async () => {
  await consolidateLake(root, { underlying: "SPY", from: FROM, to: TO });
  const prov = await readProvenance(root, "consolidated");
  assert.deepEqual([...prov.keys()], [`underlying=SPY/date=${FROM}`, `underlying=SPY/date=${TO}`]);
  const b = prov.get(`underlying=SPY/date=${TO}`)!;
  const m = await Manifest.open(root, "option_minute");
  assert.equal(
    b.inputs[`option_minute/underlying=SPY/date=${TO}`],
    m.get(`underlying=SPY/date=${TO}`)!.sha256,
  );
  assert.deepEqual(Object.keys(b.inputs).sort(), [
    `equity_minute/symbol=SPY/date=${TO}`,
    `index_minute/symbol=I%3AVIX/date=${TO}`,
    `news/ticker=SPY/date=${TO}`,
    `option_contracts/underlying=SPY/date=${TO}`,
    `option_minute/underlying=SPY/date=${TO}`,
  ]);
  assert.equal((b.params as { rate: number }).rate, 0.045);
  await checkDerived(root, "consolidated", await consolidated(), REBUILD); // sound
});

Deno.test("a range consolidated partly at another --rate (a killed rerun) is refused, naming the parameter", async () => {
  await consolidateLake(root, { underlying: "SPY", from: TO, to: TO, rate: 0.05 });
  await assert.rejects(
    async () => checkDerived(root, "consolidated", await consolidated(), REBUILD),
    (e: Error) =>
      e instanceof StaleDerivedError &&
      /^consolidated mixes parameters in this range: 1 \+ 1 partitions were built with 2 different parameter sets \(rate 0\.0(45|5) vs 0\.0(45|5);/
        .test(e.message) &&
      e.message.includes(REBUILD),
  );
  await consolidateLake(root, { underlying: "SPY", from: FROM, to: TO }); // rebuilt: sound again
  await checkDerived(root, "consolidated", await consolidated(), REBUILD);
});

Deno.test("option bars rewritten after consolidation (a --force re-selection): scan refuses the stale table, exit 1", async () => {
  const id = { dataset: "option_minute" as const, value: "SPY", date: TO };
  const bars = pl.readParquet(`${root}/${partitionFile(id)}`);
  const m = await Manifest.open(root, "option_minute");
  await m.forget(partitionKey(id));
  await m.record(partitionKey(id), await writePartition(root, id, bars.head(bars.height - 10)));
  await m.flush();
  await assert.rejects(
    async () => checkDerived(root, "consolidated", await consolidated(), REBUILD),
    new RegExp(
      `consolidated is stale: 1 partition\\(s\\) were built from inputs that changed since: underlying=SPY/date=${TO} \\(option_minute/underlying=SPY/date=${TO} changed\\)`,
    ),
  );
  const r = await runTask("scan", ["--from", FROM, "--to", TO], {
    env: { STRIKELAB_DATA_DIR: dir },
  });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /consolidated is stale/);
  // verify reports it stale; --repair recomputes it from the new bars, and the scan runs
  const v = await verifyLake(root, { datasets: ["consolidated"] });
  assert.deepEqual(v.bad.map((x) => [x.key, x.problem, x.detail]), [
    [
      `underlying=SPY/date=${TO}`,
      "stale",
      `built from option_minute/underlying=SPY/date=${TO} changed`,
    ],
  ]);
  const fixed = await repairLake(config, v.bad, {
    source: createSimSource(),
    log: quiet(),
    command: ["test"],
  });
  assert.deepEqual(fixed.failed, []);
  assert.deepEqual((await verifyLake(root)).bad, []);
  const again = await runTask("scan", ["--from", FROM, "--to", TO], {
    env: { STRIKELAB_DATA_DIR: dir },
  });
  assert.equal(again.code, 0, again.stderr);
  const scanProv = await readProvenance(root, "scan_events");
  assert.ok(scanProv.size > 0);
  const [key, b] = [...scanProv][0];
  assert.deepEqual(Object.keys(b.inputs), [`consolidated/${key}`]);
});

Deno.test("cleanup", async () => {
  await Deno.remove(dir, { recursive: true });
});
