import assert from "node:assert/strict";
import { consolidateLake } from "../../lib/consolidate/mod.ts";
import { Manifest, partitionFile, type PartitionId } from "../../lib/lake/mod.ts";
import { repairLake, verifyLake } from "../../lib/ops/mod.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";
import { fillSimLake, flipBytes, FROM, quiet, simConfig, TO } from "./_sim_lake.ts";

const config = await simConfig();
await fillSimLake(config);
const root = `${config.data.dir}/lake`;
const optionDay: PartitionId = { dataset: "option_minute", value: "SPY", date: TO };
const equityDay: PartitionId = { dataset: "equity_minute", value: "SPY", date: FROM };
const fileOf = (id: PartitionId) => `${root}/${partitionFile(id)}`;
const options = { underlying: "SPY", from: FROM, to: TO };

Deno.test("verifyLake() finds a freshly filled lake sound, every partition read", async () => {
  const r = await verifyLake(root);
  assert.equal(r.bad.length, 0);
  assert.deepEqual(r.unrecorded, []);
  // 2 days × (SPY bars, VIX bars, SPY news, SPY contracts, SPY option bars)
  assert.equal(r.checked, 10);
});

Deno.test("4 flipped bytes mid-partition: verify names the file, consolidate fails naming it, repair restores the same bytes", async () => {
  const path = fileOf(optionDay);
  const original = await Deno.readFile(path);
  await flipBytes(path, Math.floor(original.length / 2));
  const r = await verifyLake(root, { datasets: ["option_minute", "equity_minute"] });
  assert.equal(r.checked, 4);
  assert.deepEqual(r.bad.map((b) => [b.path, b.problem]), [[path, "hash"]]);
  await assert.rejects(
    () => consolidateLake(root, options),
    (e: Error) => e.message.includes(path) && /Corrupt partition/.test(e.message),
  );
  const fixed = await repairLake(config, r.bad, {
    source: createSimSource({ seed: 42 }),
    log: quiet(),
    command: ["test"],
  });
  assert.deepEqual(fixed, { repaired: [`option_minute/underlying=SPY/date=${TO}`], failed: [] });
  assert.deepEqual(await Deno.readFile(path), original);
  assert.equal((await verifyLake(root)).bad.length, 0);
});

Deno.test("a corrupt footer: verify and consolidate name the file, even when no manifest lists it", async () => {
  const path = fileOf(equityDay);
  const original = await Deno.readFile(path);
  await flipBytes(path, -40, 4); // inside the footer's column metadata, PAR1 framing intact
  const r = await verifyLake(root, { datasets: ["equity_minute"] });
  assert.deepEqual(r.bad.map((b) => b.path), [path]);
  await assert.rejects(
    () => consolidateLake(root, options),
    (e: Error) => e.message.includes(path),
  );
  // Without a manifest to compare with, the Parquet error itself names the file.
  const manifestPath = `${root}/equity_minute/_manifest.json`;
  const manifestText = await Deno.readTextFile(manifestPath);
  await Deno.remove(manifestPath);
  try {
    await assert.rejects(
      () => consolidateLake(root, options),
      (e: Error) => e.message.includes(path) && /does not parse as Parquet/.test(e.message),
    );
  } finally {
    await Deno.writeTextFile(manifestPath, manifestText);
    await Deno.writeFile(path, original);
  }
  assert.equal((await Manifest.open(root, "equity_minute")).keys().length, 2);
  assert.equal((await verifyLake(root)).bad.length, 0);
});

Deno.test("a consolidate run record lists the hashes of the bytes it read", async () => {
  const r = await consolidateLake(root, options);
  const m = await Manifest.open(root, "option_minute");
  const item = r.inputs.find((i) => i.partition === `option_minute/underlying=SPY/date=${TO}`);
  assert.equal(item?.sha256, m.get(`underlying=SPY/date=${TO}`)!.sha256);
});

Deno.test("cleanup", async () => {
  await Deno.remove(config.data.dir, { recursive: true });
});
