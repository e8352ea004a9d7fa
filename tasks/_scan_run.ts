/**
 * The I/O of `deno task scan`: choose the input dataset, read the lake, scan, write the
 * `scan_events` partitions (one per scanned underlying and date, empty ones too, so a
 * rescan replaces stale events), the CSV and the run record.
 *
 * @module
 */
import { createHash } from "node:crypto";
import type pl from "nodejs-polars";
import type { Config } from "../lib/config/mod.ts";
import {
  acquireLakeLock,
  assertOutsideLake,
  type Built,
  built as builtFrom,
  checkDerived,
  listPartitions,
  Manifest,
  partitionFile,
  type PartitionId,
  partitionKey,
  recordProvenance,
  removeTempFiles,
  scanLake,
  writeFileAtomic,
  writePartition,
} from "../lib/lake/mod.ts";
import type { HashedItem, RunHooks } from "../lib/run/mod.ts";
import {
  scan,
  SCAN_INPUT_COLUMNS,
  scanOutputs,
  type ScanSummary,
  summarize,
} from "../lib/scanner/mod.ts";

/** What a scan run did and where its outputs are. */
export interface ScanRun {
  dataset: "option_minute" | "consolidated";
  /** Why that dataset (for the log). */
  datasetNote: string;
  partitions: number;
  events: pl.DataFrame;
  summary: ScanSummary;
  csvPath: string;
  reportPath: string;
  recordPath: string;
  elapsedMs: number;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function chooseDataset(root: string, s: Config["scan"], range: object) {
  const options = await listPartitions(root, "option_minute", range);
  const consolidated = await listPartitions(root, "consolidated", range);
  if (s.dataset !== "auto") return { dataset: s.dataset, note: "as configured" };
  const have = new Set(consolidated.map((p) => `${p.value}/${p.date}`));
  if (consolidated.length > 0 && options.every((p) => have.has(`${p.value}/${p.date}`))) {
    return { dataset: "consolidated" as const, note: "consolidated covers the range" };
  }
  const note = consolidated.length > 0
    ? `consolidated covers ${consolidated.length} of ${options.length} partitions`
    : "no consolidated partitions";
  return { dataset: "option_minute" as const, note };
}

async function inputHashes(root: string, parts: PartitionId[]): Promise<HashedItem[]> {
  if (parts.length === 0) return [];
  const manifest = await Manifest.open(root, parts[0].dataset);
  return await Promise.all(parts.map(async (id) => {
    const entry = manifest.get(partitionKey(id));
    return {
      partition: `${id.dataset}/${partitionKey(id)}`,
      rows: entry?.rows,
      sha256: entry?.sha256 ?? sha256(await Deno.readFile(`${root}/${partitionFile(id)}`)),
    };
  }));
}

/** Runs the scan `config.scan` describes (from and to must be set). */
export async function runScan(config: Config, hooks: RunHooks, out?: string): Promise<ScanRun> {
  const t0 = performance.now();
  const { runId, command } = hooks;
  const s = config.scan;
  const root = `${config.data.dir}/lake`;
  if (out !== undefined) assertOutsideLake(root, out, "--out");
  const range = { values: s.underlyings, from: s.from!, to: s.to! };
  const { dataset, note } = await chooseDataset(root, s, range);
  const parts = await listPartitions(root, dataset, range);
  if (dataset === "consolidated") {
    const u = s.underlyings.join(",");
    await checkDerived(
      root,
      "consolidated",
      parts,
      `deno task consolidate --underlying ${u} --from ${s.from} --to ${s.to}`,
    );
  }
  const lazy = await scanLake(root, dataset, range);
  const wanted: readonly string[] = SCAN_INPUT_COLUMNS;
  const frame = await lazy.select(...lazy.columns.filter((c) => wanted.includes(c))).collect();
  const events = scan(frame, s);
  const summary = summarize(events, frame);
  const built = scanOutputs(frame, events, summary, {
    partitions: parts,
    title: `Option move scan: ${s.underlyings.join(", ")} ${s.from}..${s.to}`,
    metadata: {
      "run id": runId,
      command: command.join(" "),
      dataset,
      threshold: s.threshold,
      reference: s.reference,
      direction: s.direction,
    },
    scan: s,
  });
  const outputs: HashedItem[] = [];
  const release = await acquireLakeLock(root);
  try {
    await removeTempFiles(`${root}/scan_events`); // left by a killed run
    const manifest = await Manifest.open(root, "scan_events");
    const read = await inputHashes(root, parts);
    const { from: _f, to: _t, underlyings: _u, ...params } = s;
    const provenance = new Map<string, Built>();
    for (const p of built.partitions) {
      const id: PartitionId = { dataset: "scan_events", value: p.value, date: p.date };
      const entry = await writePartition(root, id, p.frame);
      await manifest.record(partitionKey(id), entry);
      const mine = read.filter((i) => i.partition.endsWith(`/${partitionKey(id)}`));
      provenance.set(
        partitionKey(id),
        builtFrom(
          { ...params, dataset },
          Object.fromEntries(mine.map((i) => [i.partition, i.sha256])),
        ),
      );
      outputs.push({
        partition: `scan_events/${partitionKey(id)}`,
        rows: entry.rows,
        sha256: entry.sha256,
      });
    }
    await manifest.flush();
    await recordProvenance(root, "scan_events", provenance);
  } finally {
    await release();
  }
  const csvPath = out ?? `${config.data.dir}/runs/${runId}/scan_events.csv`;
  await writeFileAtomic(csvPath, built.csv);
  outputs.push({ partition: csvPath, rows: events.height, sha256: sha256(built.csv) });
  const reportPath = `${config.data.dir}/runs/${runId}/report.html`;
  await writeFileAtomic(reportPath, built.report);
  outputs.push({ partition: reportPath, sha256: sha256(built.report) });
  const elapsedMs = performance.now() - t0;
  const recordPath = await hooks.record({
    inputs: await inputHashes(root, parts),
    outputs,
    summary: { dataset, ...summary.stats },
  });
  return {
    dataset,
    datasetNote: note,
    partitions: parts.length,
    events,
    summary,
    csvPath,
    reportPath,
    recordPath,
    elapsedMs,
  };
}
