import { equal, ok } from "node:assert/strict";
import pl from "nodejs-polars";
import { session } from "../../lib/calendar/mod.ts";
import { mulberry32 } from "../../lib/random/mod.ts";
import { readWal } from "../../lib/stream/mod.ts";
import { backfillInto, DATE, lakeHashes, startFakes } from "./_harness.ts";

const TASK = new URL("../../tasks/stream.ts", import.meta.url).pathname;

function yamlFor(dir: string, restUrl: string, wsUrl: string): string {
  return `data: { dir: "${dir}" }
source: { name: polygon, polygon: { baseUrl: "${restUrl}", rateLimitPerMinute: 100000 } }
backfill: { symbols: [SPY], indices: ["I:VIX"], datasets: [equity, index, options, news] }
options: { calls: 2, puts: 2 }
stream: { date: "${DATE}", wsUrl: "${wsUrl}", flushMs: 50, statusMs: 200, stallMs: 3000,
  backoffBaseMs: 20, backoffMaxMs: 200, newsIntervalMin: 120 }
`;
}

/** Rows of every minute partition of a lake, as `dataset|ticker|ts`. */
function lakeRows(lake: string): Set<string> {
  const out = new Set<string>();
  for (const [ds, key] of [["equity_minute", "SPY"], ["index_minute", "I%3AVIX"]] as const) {
    const df = pl.readParquet(`${lake}/${ds}/symbol=${key}/date=${DATE}/part-0.parquet`);
    for (const ts of df.getColumn("ts").toArray()) {
      out.add(`${decodeURIComponent(key)}|${Number(ts as unknown as Date)}`);
    }
  }
  try {
    const o = pl.readParquet(`${lake}/option_minute/underlying=SPY/date=${DATE}/part-0.parquet`);
    const t = o.getColumn("ticker").toArray(), ts = o.getColumn("ts").toArray();
    t.forEach((x, i) => out.add(`${x}|${Number(ts[i] as unknown as Date)}`));
  } catch { /* not written yet */ }
  return out;
}

Deno.test("deno task stream killed 5 times, then SIGTERM, then resumed gives the backfill's partitions", async () => {
  const dir = await Deno.makeTempDir();
  const speed = 400;
  const fakes = startFakes({ speed, autoStart: true });
  const random = mulberry32(11);
  try {
    await backfillInto(`${dir}/backfill`, fakes.rest.url);
    const want = await lakeHashes(`${dir}/backfill/lake`);
    const config = `${dir}/stream.yaml`;
    await Deno.writeTextFile(config, yamlFor(`${dir}/s`, fakes.rest.url, fakes.ws.url));
    const follow = `${session(DATE)!.openMs},${fakes.ws.wallStartMs},${speed}`;
    const spawn = () =>
      new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", TASK, "--config", config, "--follow-replay", follow],
        env: { POLYGON_API_KEY: "fake-key" },
        stdout: "piped",
        stderr: "piped",
      }).spawn();
    const statusPath = `${dir}/s/stream/status.json`;
    /** Resolves once the child is streaming (its status file names it). */
    const streaming = async (pid: number) => {
      for (let t = 0; t < 1200; t++) {
        const st = await Deno.readTextFile(statusPath).then(JSON.parse).catch(() => null);
        if (st?.pid === pid && st.phase === "streaming") return;
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    for (let k = 0; k < 5; k++) {
      const child = spawn();
      await streaming(child.pid);
      await new Promise((r) => setTimeout(r, 100 + random() * 1400));
      try {
        child.kill("SIGKILL");
      } catch { /* exited: the output says why */ }
      const out = await child.output();
      equal(out.signal, "SIGKILL", new TextDecoder().decode(out.stderr));
    }
    // SIGTERM mid-session: exits 0 and every bar acknowledged in the log is in the lake.
    const child = spawn();
    await streaming(child.pid);
    await new Promise((r) => setTimeout(r, 500));
    try {
      child.kill("SIGTERM");
    } catch { /* already at the close: exit 0 all the same */ }
    const term = await child.output();
    equal(term.code, 0, new TextDecoder().decode(term.stderr));
    const wal = await readWal(`${dir}/s/stream/wal/${DATE}`);
    ok(
      wal.segments === 6 && wal.torn <= wal.segments,
      `segments ${wal.segments}, torn ${wal.torn}`,
    );
    const rows = lakeRows(`${dir}/s/lake`);
    const logged = wal.rows.filter((r) => r.kind === "bar" && r.ev === "AM");
    ok(logged.length > 100);
    for (const r of logged) {
      ok(rows.has(`${r.ticker}|${r.ts}`), `${r.ticker} ${r.ts} not rolled up`);
    }
    // Resume to the close.
    const last = await spawn().output();
    equal(last.code, 0, new TextDecoder().decode(last.stderr));
    const got = await lakeHashes(`${dir}/s/lake`);
    for (const k of Object.keys(want)) equal(got[k], want[k], `${k} differs`);
    equal(Object.keys(got).length, Object.keys(want).length);
  } finally {
    await fakes.close();
    await Deno.remove(dir, { recursive: true });
  }
});
