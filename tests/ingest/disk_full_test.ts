// Disk full during a backfill, on a real 2 MB tmpfs (needs root to mount; skipped otherwise).
import assert from "node:assert/strict";
import { tradingDays } from "../../lib/calendar/mod.ts";
import { ConfigSchema } from "../../lib/config/mod.ts";
import { backfill } from "../../lib/ingest/mod.ts";
import { Manifest } from "../../lib/lake/mod.ts";
import { verifyLake } from "../../lib/ops/mod.ts";
import { createLogger } from "../../lib/run/mod.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";

const FROM = "2025-01-02", TO = "2025-08-29";
const mount = async (...args: string[]) =>
  (await new Deno.Command("mount", { args, stdout: "null", stderr: "null" }).output()).success;

const dir = await Deno.makeTempDir({ prefix: "strikelab-diskfull-" });
const mounted = await mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", dir).catch(() => false);
if (!mounted) {
  console.warn("disk_full_test: skipped, `mount -t tmpfs` is not permitted here (needs root)");
}

Deno.test({
  name:
    "a backfill that fills the disk ends with a summary, a fatal disk-full message and a lake the next run resumes",
  ignore: !mounted,
  fn: async () => {
    const config = ConfigSchema.parse({
      data: { dir },
      source: { name: "sim" },
      backfill: { datasets: ["equity", "index"], from: FROM, to: TO },
    });
    const run = () =>
      backfill(config, {
        source: createSimSource({ seed: 7 }),
        command: ["test"],
        log: createLogger({ level: "error", write: () => {} }),
      });
    const full = await run();
    assert.equal(full.status, "failed");
    assert.match(full.summary.fatal ?? "", /^Disk full .* run the backfill again; it resumes/);
    assert.ok(full.summary.written > 0 && full.summary.written < full.summary.planned);
    // the record could not be written, or was: either way we are told
    assert.ok(full.recordPath !== null || /not written/.test(full.recordError ?? ""));
    // room again: the next run resumes, writes the rest, and the lake is sound
    assert.ok(await mount("-o", "remount,size=64m", dir));
    const again = await run();
    assert.equal(again.status, "ok", again.summary.fatal ?? "");
    assert.ok(again.summary.skipped > 0);
    assert.equal(again.summary.skipped + again.summary.written, again.summary.planned);
    const lake = `${dir}/lake`;
    assert.equal(
      (await Manifest.open(lake, "equity_minute")).keys().length,
      tradingDays(FROM, TO).length,
    );
    assert.equal(
      (await Manifest.open(lake, "index_minute")).keys().length,
      tradingDays(FROM, TO).length,
    );
    const v = await verifyLake(lake);
    assert.deepEqual(v.bad, []);
    assert.deepEqual(v.unrecorded, []);
  },
});

Deno.test("cleanup", async () => {
  if (mounted) await new Deno.Command("umount", { args: [dir] }).output();
  await Deno.remove(dir, { recursive: true });
});
