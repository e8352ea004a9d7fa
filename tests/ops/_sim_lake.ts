// A small simulated lake for the ops tests: two days of SPY bars, VIX, SPY options and news.
import { type Config, ConfigSchema } from "../../lib/config/mod.ts";
import { backfill } from "../../lib/ingest/mod.ts";
import { createLogger } from "../../lib/run/mod.ts";
import { createSimSource } from "../../lib/sources/sim/mod.ts";

export const FROM = "2025-03-03", TO = "2025-03-04";

/** A quiet logger. */
export const quiet = () => createLogger({ level: "error", write: () => {} });

/** A config for a lake in a new temporary data folder. */
export async function simConfig(): Promise<Config> {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-ops-" });
  return ConfigSchema.parse({
    data: { dir },
    source: { name: "sim" },
    backfill: { datasets: ["equity", "index", "options", "news"], from: FROM, to: TO },
    consolidate: { from: FROM, to: TO },
  });
}

/** Fills the configured lake from the simulator (seed 42). */
export async function fillSimLake(config: Config): Promise<void> {
  const r = await backfill(config, {
    source: createSimSource({ seed: 42 }),
    command: ["test"],
    log: quiet(),
  });
  if (r.status !== "ok") throw new Error(`test lake backfill ${r.status}`);
}

/** XORs `n` bytes at `offset` (negative: from the end) of a file with 0xff. */
export async function flipBytes(path: string, offset: number, n = 4): Promise<void> {
  const bytes = await Deno.readFile(path);
  const at = offset < 0 ? bytes.length + offset : offset;
  for (let i = at; i < at + n; i++) bytes[i] ^= 0xff;
  // keep the mtime moving even within one clock tick, as an editor would
  await Deno.writeFile(path, bytes);
  const t = new Date(Date.now() + 5_000);
  await Deno.utime(path, t, t);
}
