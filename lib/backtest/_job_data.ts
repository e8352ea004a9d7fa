/**
 * The lake side of `deno task backtest`: which dataset and partitions a backtest reads, the
 * frame it gets, and the partitions' hashes for the run record.
 *
 * @module
 */
import { createHash } from "node:crypto";
import pl from "nodejs-polars";
import {
  type Dataset,
  listPartitions,
  Manifest,
  partitionFile,
  type PartitionId,
  partitionKey,
  scanLake,
} from "../lake/mod.ts";
import type { HashedItem } from "../run/mod.ts";

/** What a backtest reads. */
export interface BacktestData {
  dataset: Dataset;
  /** Why that dataset (for the log). */
  note: string;
  frame: pl.DataFrame;
  /** Every partition read, VIX included. */
  parts: PartitionId[];
  /** Whether the frame has a `vix` column (for the stress test's high-VIX regime). */
  vix: boolean;
}

/** The request: strategy input kind, dataset choice, symbols (or underlyings), range. */
export interface DataRequest {
  input: "bars" | "options";
  dataset: "auto" | "equity_minute" | "option_minute" | "consolidated";
  symbols: string[];
  from: string;
  to: string;
  /** Join `I:VIX` closes as a `vix` column when the lake has them (one symbol only). */
  vix: boolean;
}

const OPTION_COLUMNS = ["ticker", "ts", "open", "high", "low", "close", "volume", "date"];

async function chooseDataset(root: string, r: DataRequest) {
  const range = { values: r.symbols, from: r.from, to: r.to };
  if (r.dataset !== "auto") return { dataset: r.dataset, note: "as asked" };
  if (r.input === "bars") return { dataset: "equity_minute" as const, note: "bars" };
  const options = await listPartitions(root, "option_minute", range);
  const consolidated = await listPartitions(root, "consolidated", range);
  const have = new Set(consolidated.map((p) => `${p.value}/${p.date}`));
  if (consolidated.length > 0 && options.every((p) => have.has(`${p.value}/${p.date}`))) {
    return { dataset: "consolidated" as const, note: "consolidated covers the range" };
  }
  const note = consolidated.length > 0
    ? `consolidated covers ${consolidated.length} of ${options.length} partitions`
    : "no consolidated partitions";
  return { dataset: "option_minute" as const, note };
}

/** The backfill command that fills what `r` asks for. */
export function backfillHint(r: DataRequest): string {
  const range = `--from ${r.from} --to ${r.to}`;
  const list = r.symbols.join(",");
  return r.input === "bars"
    ? `deno task backfill ${range} --symbols ${list}`
    : `deno task backfill ${range} --datasets equity,options --symbols ${list} --underlyings ${list}`;
}

/**
 * Reads the frame of a backtest from the lake under `root`.
 * @throws {RangeError} When no partition matches, naming the backfill command that fills it.
 */
export async function loadBacktestData(root: string, r: DataRequest): Promise<BacktestData> {
  const { dataset, note } = await chooseDataset(root, r);
  const range = { values: r.symbols, from: r.from, to: r.to };
  const parts = await listPartitions(root, dataset, range);
  if (parts.length === 0) {
    throw new RangeError(
      `No ${dataset} partitions in ${root} for ${
        r.symbols.join(", ")
      } from ${r.from} to ${r.to}: run \`${backfillHint(r)}\` first`,
    );
  }
  const lazy = await scanLake(root, dataset, range);
  if (r.input === "options") {
    const cols = lazy.columns.filter((c) => OPTION_COLUMNS.includes(c));
    const frame = await lazy.select(...cols).sort(["ticker", "ts"]).collect();
    return { dataset, note, frame, parts, vix: false };
  }
  const bars = ["symbol", "ts", "open", "high", "low", "close"];
  let frame = await lazy.select(...bars).sort(["symbol", "ts"]).collect();
  const vixRange = { values: ["I:VIX"], from: r.from, to: r.to };
  const vixParts = r.vix && r.symbols.length === 1
    ? await listPartitions(root, "index_minute", vixRange)
    : [];
  if (vixParts.length > 0) {
    const vix = (await scanLake(root, "index_minute", vixRange)).select(
      pl.col("ts"),
      pl.col("close").alias("vix"),
    ).collectSync();
    frame = frame.join(vix, { on: "ts", how: "left" }).sort("ts")
      .withColumns(pl.col("vix").forwardFill().backwardFill());
  }
  return { dataset, note, frame, parts: [...parts, ...vixParts], vix: vixParts.length > 0 };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The partitions read, with rows and SHA-256 from their dataset manifests (else hashed here). */
export async function inputHashes(root: string, parts: PartitionId[]): Promise<HashedItem[]> {
  const manifests = new Map<Dataset, Manifest>();
  const out: HashedItem[] = [];
  for (const id of parts) {
    let manifest = manifests.get(id.dataset);
    if (manifest === undefined) {
      manifests.set(id.dataset, manifest = await Manifest.open(root, id.dataset));
    }
    const entry = manifest.get(partitionKey(id));
    out.push({
      partition: `${id.dataset}/${partitionKey(id)}`,
      rows: entry?.rows,
      sha256: entry?.sha256 ?? sha256(await Deno.readFile(`${root}/${partitionFile(id)}`)),
    });
  }
  return out;
}
