import { equal, ok } from "node:assert/strict";
import pl from "nodejs-polars";
import { mulberry32 } from "../../lib/random/mod.ts";
import { createSource } from "../../lib/sources/mod.ts";
import type { FakeWsFaults } from "../../lib/sources/polygon/mod.ts";
import { runStream } from "../../lib/stream/mod.ts";
import { backfillInto, configFor, lakeHashes, quiet, startFakes } from "./_harness.ts";

const FAULTS: [string, FakeWsFaults, (c: Record<string, number>) => boolean][] = [
  ["dropped connections", { drop: [40, 200] }, (c) => c.reconnects >= 2],
  ["duplicated minutes", { duplicateEvery: 3 }, () => true],
  ["out-of-order minutes", { outOfOrderEvery: 4 }, () => true],
  ["a stalled connection", { stall: [120] }, (c) => c.stalls >= 1],
  ["a slow-consumer cut-off", { slowConsumer: [90] }, (c) => c.reconnects >= 1],
];

Deno.test("runStream() recovers from every WebSocket fault with the backfill's partitions", async (t) => {
  const dir = await Deno.makeTempDir();
  const fakes = startFakes({ speed: 6000 });
  try {
    await backfillInto(`${dir}/backfill`, fakes.rest.url);
    const want = await lakeHashes(`${dir}/backfill/lake`);
    const only = Deno.env.get("STREAM_FAULT");
    for (const [name, faults, recovered] of FAULTS.filter(([n]) => !only || n.startsWith(only))) {
      await t.step(name, async () => {
        const fake = startFakes({ speed: 6000, faults });
        try {
          const config = configFor(`${dir}/${name}`, fakes.rest.url, fake.ws.url, {
            stallMs: 500,
          });
          const r = await runStream(config, {
            rest: createSource(config),
            clock: () => fake.ws.marketNowMs(),
            random: mulberry32(3),
            log: quiet,
          });
          ok(fake.ws.stats.faults > 0, "the fault never fired");
          ok(recovered(r.counters), `counters ${JSON.stringify(r.counters)}`);
          equal(r.unfilled.length, 0);
          const got = await lakeHashes(`${dir}/${name}/lake`);
          for (const k of Object.keys(want)) {
            if (got[k] !== want[k]) {
              const [x, y] = [`${dir}/backfill/lake/${k}`, `${dir}/${name}/lake/${k}`];
              const again = await lakeHashes(`${dir}/backfill/lake`);
              const rowsOf = (p: string) => pl.readParquet(p).rows().map((r) => JSON.stringify(r));
              const [rx, ry] = [rowsOf(x), rowsOf(y)];
              await new Promise((r) => setTimeout(r, 3000));
              console.log(
                "stream rehash now equal:",
                (await lakeHashes(`${dir}/${name}/lake`))[k] === want[k],
                rowsOf(y).length,
                ry.length,
              );
              console.log("only backfill", rx.filter((r) => !ry.includes(r)).slice(0, 5));
              console.log("only stream", ry.filter((r) => !rx.includes(r)).slice(0, 5));
              throw new Error(
                `${k} differs: sizes ${(await Deno.stat(x)).size} ${
                  (await Deno.stat(y)).size
                }, backfill rehash ${again[k] === want[k]}, ${JSON.stringify(r.counters)}`,
              );
            }
          }
          equal(Object.keys(got).length, Object.keys(want).length);
        } finally {
          await fake.close();
        }
      });
    }
  } finally {
    await fakes.close();
    if (Deno.env.get("KEEP")) console.log(dir);
    else await Deno.remove(dir, { recursive: true });
  }
});
