import { equal, ok } from "node:assert/strict";
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
    const only = Deno.env.get("STREAM_FAULT"); // run one fault: STREAM_FAULT=drop
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
          for (const k of Object.keys(want)) equal(got[k], want[k], `${k} differs`);
          equal(Object.keys(got).length, Object.keys(want).length);
        } finally {
          await fake.close();
        }
      });
    }
  } finally {
    await fakes.close();
    await Deno.remove(dir, { recursive: true });
  }
});
