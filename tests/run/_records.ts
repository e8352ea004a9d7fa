/** A minimal valid run record for tests, and a writer into a temp data folder. */
import type { RunRecord } from "@lib/run/mod.ts";

export function record(over: Partial<RunRecord> = {}): RunRecord {
  return {
    runId: "20250303T143000Z-backfill-000001",
    task: "backfill",
    command: ["deno", "task", "backfill"],
    config: {},
    code: { revision: null, dirty: null },
    versions: { deno: "2.9.6", v8: "14", typescript: "5.9", packages: {} },
    seed: 42,
    inputs: [],
    outputs: [],
    timings: {
      startedAt: "2025-03-03T14:30:00.000Z",
      finishedAt: "2025-03-03T14:30:01.000Z",
      elapsedMs: 1000,
    },
    status: "ok",
    summary: {},
    ...over,
  };
}

export async function writeRecord(dataDir: string, r: RunRecord): Promise<string> {
  const path = `${dataDir}/runs/${r.runId}/manifest.json`;
  await Deno.mkdir(`${dataDir}/runs/${r.runId}`, { recursive: true });
  await Deno.writeTextFile(path, JSON.stringify(r, null, 2));
  return path;
}
