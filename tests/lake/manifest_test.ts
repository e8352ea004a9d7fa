import assert from "node:assert/strict";
import { Manifest, type ManifestEntry } from "@lib/lake/mod.ts";
import { filesUnder, tempLake } from "./_helpers.ts";

const entry = (rows: number, fill: string): ManifestEntry => ({
  rows,
  bytes: rows * 10,
  sha256: fill.repeat(64),
  quarantined: 0,
});

Deno.test("Manifest.open() of a dataset without a manifest is empty and writes nothing", async () => {
  const root = await tempLake();
  const m = await Manifest.open(root, "equity_minute");
  assert.deepEqual(m.keys(), []);
  await m.flush();
  assert.deepEqual(await filesUnder(root), []);
  await Deno.remove(root, { recursive: true });
});

Deno.test("Manifest round-trips its entries through the file, keys sorted, no temp file left", async () => {
  const root = await tempLake();
  const m = await Manifest.open(root, "index_minute");
  await Promise.all([
    m.record("symbol=I%3AVIX/date=2025-03-04", entry(390, "b")),
    m.record("symbol=I%3AVIX/date=2025-03-03", entry(390, "a")),
    m.record("symbol=I%3AVIX/date=2025-03-05", entry(210, "c")),
  ]);
  await m.forget("symbol=I%3AVIX/date=2025-03-05");
  const back = await Manifest.open(root, "index_minute");
  assert.deepEqual(back.keys(), [
    "symbol=I%3AVIX/date=2025-03-03",
    "symbol=I%3AVIX/date=2025-03-04",
  ]);
  assert.deepEqual(back.get("symbol=I%3AVIX/date=2025-03-04"), entry(390, "b"));
  assert.deepEqual(back.toJSON(), m.toJSON());
  // recorded lines live in the journal until flush() folds them into the manifest
  assert.deepEqual(await filesUnder(root), ["index_minute/_manifest.journal"]);
  await m.flush();
  assert.deepEqual(await filesUnder(root), ["index_minute/_manifest.json"]);
  assert.deepEqual((await Manifest.open(root, "index_minute")).toJSON(), m.toJSON());
  await Deno.remove(root, { recursive: true });
});

Deno.test("Manifest bytes depend only on the entries, not on the order they were recorded", async () => {
  const [a, b] = [await tempLake(), await tempLake()];
  const keys = [
    "symbol=SPY/date=2025-03-03",
    "symbol=QQQ/date=2025-03-03",
    "symbol=SPY/date=2025-03-04",
  ];
  const ma = await Manifest.open(a, "equity_minute");
  for (const k of keys) await ma.record(k, entry(390, "d"));
  const mb = await Manifest.open(b, "equity_minute");
  for (const k of keys.slice().reverse()) await mb.record(k, entry(390, "d"));
  await ma.flush();
  await mb.flush();
  const text = await Deno.readTextFile(`${a}/equity_minute/_manifest.json`);
  assert.equal(await Deno.readTextFile(`${b}/equity_minute/_manifest.json`), text);
  assert.deepEqual(Object.keys(JSON.parse(text).partitions), [...keys].sort());
  await Deno.remove(a, { recursive: true });
  await Deno.remove(b, { recursive: true });
});

Deno.test("Manifest.open() names a corrupt manifest and says how to recover", async () => {
  const root = await tempLake();
  const path = `${root}/news/_manifest.json`;
  await Deno.mkdir(`${root}/news`);
  await Deno.writeTextFile(path, '{"dataset": "news", "version": 1, "partit');
  await assert.rejects(Manifest.open(root, "news"), {
    message: `Cannot read manifest ${path}: not valid JSON; delete it to rebuild`,
  });
  await Deno.writeTextFile(
    path,
    JSON.stringify({
      dataset: "news",
      version: 1,
      partitions: { "ticker=SPY/date=2025-03-03": { rows: -1 } },
    }),
  );
  await assert.rejects(Manifest.open(root, "news"), (e: Error) => {
    assert.match(e.message, new RegExp(`^Cannot read manifest ${path}: `));
    assert.match(e.message, /at partitions\["ticker=SPY\/date=2025-03-03"\]\.rows/);
    assert.match(e.message, /; delete it to rebuild$/);
    return true;
  });
  await Deno.remove(root, { recursive: true });
});

Deno.test("Manifest.open() replays a killed run's journal and ignores a torn last line", async () => {
  const root = await tempLake();
  const m = await Manifest.open(root, "equity_minute");
  await m.record("symbol=SPY/date=2025-03-03", entry(390, "a"));
  await m.flush();
  await m.record("symbol=SPY/date=2025-03-04", entry(390, "b"));
  const journal = `${root}/equity_minute/_manifest.journal`;
  await Deno.writeTextFile(journal, '{"key":"symbol=SPY/date=2025-03-05","ent', { append: true });
  const back = await Manifest.open(root, "equity_minute");
  assert.deepEqual(back.keys(), ["symbol=SPY/date=2025-03-03", "symbol=SPY/date=2025-03-04"]);
  assert.equal(back.journalDamaged, true);
  // Lines that are no entry at all are passed over (their partitions are produced again).
  await Deno.writeTextFile(journal, '{"key":"x"}\n{"key":"symbol=SPY/date=2025-03-06"}\n');
  const junk = await Manifest.open(root, "equity_minute");
  assert.deepEqual(junk.keys(), ["symbol=SPY/date=2025-03-03"]);
  assert.equal(junk.journalDamaged, true);
  await Deno.remove(root, { recursive: true });
});

Deno.test("Manifest journals lines recorded during an append together (group commit), in order", async () => {
  const root = await tempLake();
  const m = await Manifest.open(root, "option_minute");
  const opens: string[] = [];
  const open = Deno.open;
  Deno.open = ((path: string | URL, options?: Deno.OpenOptions) => {
    opens.push(String(path));
    return open(path, options);
  }) as typeof Deno.open;
  const keys = Array.from(
    { length: 40 },
    (_, i) => `underlying=SPY/date=2025-03-${String(i).padStart(2, "0")}`,
  );
  let settled = 0;
  try {
    await m.record(keys[0], entry(1, "a")); // the first append starts at once, alone
    await Promise.all(
      keys.slice(1).map((k, i) => m.record(k, entry(i + 2, "b")).then(() => settled++)),
    );
  } finally {
    Deno.open = open;
  }
  assert.equal(settled, 39, "every record() resolves");
  const journalOpens = opens.filter((p) => p.endsWith("_manifest.journal")).length;
  assert.equal(journalOpens, 2, "39 lines queued at once share one append");
  const lines = (await Deno.readTextFile(`${root}/option_minute/_manifest.journal`)).trimEnd()
    .split("\n");
  assert.deepEqual(lines.map((l) => JSON.parse(l).key), keys);
  const back = await Manifest.open(root, "option_minute");
  assert.deepEqual(back.get(keys[39]), entry(40, "b"));
  await Deno.remove(root, { recursive: true });
});
