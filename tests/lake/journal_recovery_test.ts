import assert from "node:assert/strict";
import { Manifest, type ManifestEntry } from "../../lib/lake/mod.ts";
import { tempLake } from "./_helpers.ts";

const entry = (rows: number, c: string): ManifestEntry => ({
  rows,
  bytes: rows * 10,
  sha256: c.repeat(64),
  quarantined: 0,
});
const key = (d: number) => `symbol=SPY/date=2025-03-${String(d).padStart(2, "0")}`;

Deno.test("a torn last journal line is folded away, not appended after: a resumed run and the next open keep every entry", async () => {
  const root = await tempLake();
  const journal = `${root}/equity_minute/_manifest.journal`;
  const m = await Manifest.open(root, "equity_minute");
  await m.record(key(3), entry(390, "a"));
  await m.record(key(4), entry(390, "b"));
  // the kill lands mid-append
  await Deno.writeTextFile(journal, '{"key":"symbol=SPY/date=2025-03-05","ent', { append: true });
  // the resumed run records more, then is killed too before its flush
  const resumed = await Manifest.open(root, "equity_minute");
  assert.equal(resumed.journalDamaged, true);
  await resumed.record(key(5), entry(390, "c"));
  await resumed.record(key(6), entry(390, "d"));
  const text = await Deno.readTextFile(journal);
  assert.ok(!text.includes('"ent{'), "no line was appended after the torn bytes");
  const next = await Manifest.open(root, "equity_minute");
  assert.deepEqual(next.keys(), [key(3), key(4), key(5), key(6)]);
  assert.equal(next.journalDamaged, false);
  assert.deepEqual(next.get(key(6)), entry(390, "d"));
  await Deno.remove(root, { recursive: true });
});

Deno.test("a journal an older version appended after a torn line opens with all 130 entries recorded after it", async () => {
  const root = await tempLake();
  await Deno.mkdir(`${root}/option_minute`, { recursive: true });
  const lines = ['{"key":"underlying=SPY/date=2025-01-02","entry":{"rows":1,"by'];
  for (let i = 0; i < 130; i++) {
    const k = `underlying=SPY/date=2025-02-${String(i).padStart(3, "0")}`;
    lines.push(JSON.stringify({ key: k, entry: entry(i + 1, "e") }) + "\n");
  }
  await Deno.writeTextFile(`${root}/option_minute/_manifest.journal`, lines.join(""));
  const m = await Manifest.open(root, "option_minute");
  assert.equal(m.keys().length, 130);
  assert.equal(m.get("underlying=SPY/date=2025-02-000")?.rows, 1);
  assert.equal(m.get("underlying=SPY/date=2025-02-129")?.rows, 130);
  assert.equal(m.get("underlying=SPY/date=2025-01-02"), undefined); // the torn one is redone
  await m.flush();
  const back = await Manifest.open(root, "option_minute");
  assert.equal(back.keys().length, 130);
  assert.equal(back.journalDamaged, false);
  await Deno.remove(root, { recursive: true });
});

Deno.test("a last journal line complete but for its newline is kept", async () => {
  const root = await tempLake();
  await Deno.mkdir(`${root}/news`, { recursive: true });
  const k = "ticker=SPY/date=2025-03-03";
  await Deno.writeTextFile(
    `${root}/news/_manifest.journal`,
    JSON.stringify({ key: k, entry: entry(3, "f") }),
  );
  const m = await Manifest.open(root, "news");
  assert.deepEqual(m.keys(), [k]);
  await m.record("ticker=SPY/date=2025-03-04", entry(4, "f"));
  assert.deepEqual((await Manifest.open(root, "news")).keys(), [k, "ticker=SPY/date=2025-03-04"]);
  await Deno.remove(root, { recursive: true });
});
