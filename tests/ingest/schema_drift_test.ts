import assert from "node:assert/strict";
import { nyToUtcMs } from "../../lib/calendar/mod.ts";
import { barsJob, runJobs } from "../../lib/ingest/mod.ts";
import { Manifest, readBaselines, readDriftEvents } from "../../lib/lake/mod.ts";
import { schemaReport } from "../../lib/ops/mod.ts";
import { createPolygonSource } from "../../lib/sources/polygon/mod.ts";
import { removeLake, tempLake } from "./_options_lake.ts";

const bar = (date: string, extra: Record<string, unknown> = {}) => ({
  t: nyToUtcMs(date, 9, 30),
  o: 10,
  h: 10.5,
  l: 9.5,
  c: 10.2,
  v: 100,
  vw: 10.1,
  n: 7,
  ...extra,
});

/** A server whose bars gain a field `x` (a string) from 2025-03-05, and lose `vw`. */
function driftingServer() {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
    const from = Number(new URL(req.url).pathname.split("/")[8]);
    const date = new Date(from).toISOString().slice(0, 10);
    const b = date >= "2025-03-05" ? { ...bar(date, { x: "new" }), vw: undefined } : bar(date);
    return Response.json({ status: "OK", resultsCount: 1, results: [b] });
  });
  return { url: `http://127.0.0.1:${server.addr.port}`, close: () => server.shutdown() };
}

const jobs = (url: string, dates: string[]) => {
  const source = createPolygonSource({ apiKey: "k", baseUrl: url, rateLimitPerMinute: 100_000 });
  return dates.map((d) => barsJob(source, "equity_minute", "SPY", d));
};

Deno.test("the first ingest sets the baseline from Polygon's fields; a new and a missing field are drift, accepted into a new baseline", async () => {
  const server = driftingServer();
  const root = await tempLake();
  try {
    const a = await runJobs(jobs(server.url, ["2025-03-03", "2025-03-04"]), {
      root,
      concurrency: 1,
    });
    assert.deepEqual(a.warnings, []);
    const first = await readBaselines(root, "equity_minute");
    assert.equal(first?.baselines.length, 1);
    assert.deepEqual(first!.baselines[0].fields, {
      c: "number",
      h: "number",
      l: "number",
      n: "number",
      o: "number",
      t: "number",
      v: "number",
      vw: "number",
    });
    assert.equal(first!.baselines[0].columns.ts, "Datetime(ms)");
    const b = await runJobs(jobs(server.url, ["2025-03-05", "2025-03-06"]), {
      root,
      concurrency: 1,
    });
    assert.equal(b.written, 2);
    assert.deepEqual(b.warnings, [
      "equity_minute/symbol=SPY/date=2025-03-05: schema drift accepted as the new baseline: missing field vw (number), new field x (string)",
    ]);
    const events = await readDriftEvents(root);
    assert.deepEqual(
      events.map((e) => [e.partition, e.kind, e.name, e.expected, e.got, e.action]),
      [
        ["symbol=SPY/date=2025-03-05", "missing_field", "vw", "number", null, "accepted"],
        ["symbol=SPY/date=2025-03-05", "new_field", "x", null, "string", "accepted"],
      ],
    );
    const report = await schemaReport(root, ["equity_minute"]);
    assert.deepEqual(report.lines.slice(0, 1), ["equity_minute: baseline 2 since 2025-03-05"]);
    assert.equal(
      report.lines[2],
      "  wire fields: c:number, h:number, l:number, n:number, o:number, t:number, v:number, x:string",
    );
    assert.equal(
      report.lines.at(-1),
      "  equity_minute/symbol=SPY/date=2025-03-05: new_field x (- → string), accepted",
    );
    const after = await readBaselines(root, "equity_minute");
    assert.equal(after?.baselines.length, 2);
    assert.equal(after!.baselines[1].since, "2025-03-05");
  } finally {
    await server.close();
    await removeLake(root);
  }
});

Deno.test("with schemaDrift quarantine a drifting partition is set aside under _drift and fails; the others are written", async () => {
  const server = driftingServer();
  const root = await tempLake();
  try {
    await runJobs(jobs(server.url, ["2025-03-04"]), { root });
    const r = await runJobs(jobs(server.url, ["2025-03-05"]), { root, schemaDrift: "quarantine" });
    assert.equal(r.failed, 1);
    assert.match(
      r.failures[0].error,
      /^schema drift \(missing field vw \(number\), new field x \(string\)\): the partition is set aside in .*\/_drift\/equity_minute\/symbol=SPY\/date=2025-03-05/,
    );
    await Deno.stat(`${root}/_drift/equity_minute/symbol=SPY/date=2025-03-05/part-0.parquet`);
    assert.deepEqual((await Manifest.open(root, "equity_minute")).keys(), [
      "symbol=SPY/date=2025-03-04",
    ]);
    assert.equal((await readBaselines(root, "equity_minute"))?.baselines.length, 1);
    assert.deepEqual((await readDriftEvents(root)).map((e) => e.action), [
      "quarantined",
      "quarantined",
    ]);
  } finally {
    await server.close();
    await removeLake(root);
  }
});
