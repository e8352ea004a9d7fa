// `deno task discover`: its output, what it writes to the lake, its exit codes, and the same
// answer from the fake Polygon server (with faults) as from the simulator.
import assert from "node:assert/strict";
import { createSimSource } from "../../lib/sources/sim/mod.ts";
import { startFakePolygon } from "../../lib/sources/polygon/mod.ts";
import { filesUnder, runTask } from "./_run.ts";

const sim = createSimSource({ seed: 42 });
const DATE = "2025-03-04";

async function tempDir(): Promise<string> {
  return await Deno.makeTempDir({ prefix: "strikelab-discover-test-" });
}

/** What discover must print for SPY on DATE with 2 + 2 strikes on a 1.0 grid. */
async function expectedLines(increment = 1): Promise<string[]> {
  const open = (await sim.minuteBars("SPY", DATE))[0].open;
  const k = Math.floor(open); // the open is off the grid: puts k-1, k; calls k+1, k+2
  assert.notEqual(k, open);
  // listed in [open - 4, open + 4] (the window is (2 + 2) increments wide): calls and puts
  const listed = 2 * (Math.floor(open + 4 * increment) - Math.ceil(open - 4 * increment) + 1);
  const row = (right: "call" | "put", strike: number) =>
    `O:SPY250304${right === "call" ? "C" : "P"}00${strike}000    ${right.padEnd(6)} ${
      strike.toFixed(2).padStart(7)
    }  2025-03-04  100`;
  return [
    `SPY 2025-03-04: open ${open}, expiry 2025-03-04 (same_day), ${listed} listed contracts considered`,
    "ticker                  right  strike   expiry      multiplier",
    row("put", k - 1),
    row("put", k),
    row("call", k + 1),
    row("call", k + 2),
  ];
}

Deno.test("deno task discover prints the open, the expiry and the selected contracts, and exits 0", async () => {
  const dir = await tempDir();
  const r = await runTask("discover", ["--date", DATE, "--source", "sim", "--seed", "42"], {
    env: { STRIKELAB_DATA_DIR: dir },
  });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.trimEnd().split("\n"), await expectedLines());
  // it wrote the underlying's bars it needed, and nothing else
  assert.deepEqual((await filesUnder(`${dir}/lake`)).filter((f) => !f.startsWith(".")), [
    "equity_minute/_manifest.json",
    "equity_minute/_schema.json",
    "equity_minute/symbol=SPY/date=2025-03-04/part-0.parquet",
  ]);
  const before = await Deno.readFile(`${dir}/lake/equity_minute/_manifest.json`);
  const again = await runTask("discover", ["--date", DATE, "--source", "sim"], {
    env: { STRIKELAB_DATA_DIR: dir },
  });
  assert.equal(again.stdout, r.stdout);
  assert.deepEqual(await Deno.readFile(`${dir}/lake/equity_minute/_manifest.json`), before);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("deno task discover on a 0.5 grid reports the half strikes as not listed and exits 0", async () => {
  const dir = await tempDir();
  const r = await runTask("discover", [
    "--date",
    DATE,
    "--source",
    "sim",
    "--strike-increment",
    "0.5",
  ], {
    env: { STRIKELAB_DATA_DIR: dir },
  });
  assert.equal(r.code, 0, r.stderr);
  const open = (await sim.minuteBars("SPY", DATE))[0].open;
  const a = Math.floor(open * 2) / 2; // the 0.5 strike at or below the open
  const occ = (right: "C" | "P", strike: number) =>
    `O:SPY250304${right}${String(strike * 1000).padStart(8, "0")}`;
  const wanted = [occ("P", a - 0.5), occ("P", a), occ("C", a + 0.5), occ("C", a + 1)];
  const lines = r.stdout.trimEnd().split("\n");
  const listed = lines.slice(2).filter((l) => !l.includes("not listed")).map((l) =>
    l.split(" ")[0]
  );
  const missing = lines.filter((l) => l.includes("not listed")).map((l) => l.split(" ")[0]);
  // the simulator lists whole strikes only
  assert.deepEqual(listed, wanted.filter((t) => t.endsWith("000")));
  assert.deepEqual(missing, wanted.filter((t) => t.endsWith("500")));
  assert.equal(missing.length, 2);
  for (const t of missing) {
    assert.ok(lines.includes(`${t.padEnd(23)} not listed (reported, not invented)`));
  }
  await Deno.remove(dir, { recursive: true });
});

Deno.test("deno task discover exits 2 for a closed date, a missing date and an unknown convention", async () => {
  const dir = await tempDir();
  const env = { STRIKELAB_DATA_DIR: dir };
  const saturday = await runTask("discover", ["--date", "2025-03-08", "--source", "sim"], { env });
  assert.equal(saturday.code, 2);
  assert.equal(
    saturday.stderr.trim(),
    "error: 2025-03-08 is not a trading day (weekend or NYSE holiday)",
  );
  const missing = await runTask("discover", ["--source", "sim"], { env });
  assert.equal(missing.code, 2);
  assert.match(
    missing.stderr,
    /^error: --date is required \(YYYY-MM-DD\)\n\(deno task discover --help lists the flags\)/,
  );
  const convention = await runTask("discover", ["--date", DATE, "--expiry", "monthly"], { env });
  assert.equal(convention.code, 2);
  assert.match(convention.stderr, /options\.expiry/);
  assert.deepEqual(await filesUnder(dir), []);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("deno task discover through the fake Polygon server with faults prints what the simulator gives", async () => {
  const fake = startFakePolygon({
    provider: sim,
    faults: { rateLimit: { rate: 0.5, retryAfterS: 0 }, overlap: 2 },
    seed: 4,
  });
  const dir = await tempDir();
  try {
    const r = await runTask("discover", [
      "--date",
      DATE,
      "--source",
      "polygon",
      "--base-url",
      fake.url,
      "--rate-limit",
      "6000",
    ], { env: { STRIKELAB_DATA_DIR: dir, POLYGON_API_KEY: "fake-key" } });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trimEnd().split("\n"), await expectedLines());
    assert.ok(fake.stats.faults.rateLimit > 0, "a 429 was retried");
    const paths = fake.stats.log.map((l) => new URL(l.path, fake.url));
    const contracts = paths.filter((u) => u.pathname === "/v3/reference/options/contracts");
    // one query (retried after 429s), for the strike window and the exact expiry
    const q = contracts[0].searchParams;
    assert.equal(q.get("expiration_date.gte"), DATE);
    assert.equal(q.get("expiration_date.lte"), DATE);
    // a window of a few strikes around the day's open (within 10 of it on either side)
    const open = (await sim.minuteBars("SPY", DATE))[0].open;
    const gte = Number(q.get("strike_price.gte")), lte = Number(q.get("strike_price.lte"));
    assert.ok(gte > open - 10 && gte < open && lte > open && lte < open + 10, `${gte}..${lte}`);
    assert.ok(!r.stdout.includes("fake-key") && !r.stderr.includes("fake-key"));
  } finally {
    await fake.close();
    await Deno.remove(dir, { recursive: true });
  }
});
