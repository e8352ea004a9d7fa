/**
 * Schema baselines and drift events. Each dataset's baseline, `<root>/<dataset>/_schema.json`,
 * holds the columns (name → type) of its partitions and the source's wire fields (name → JSON
 * type, e.g. Polygon's `t`, `o`, `vw`), as first seen, and every baseline accepted since.
 * Each ingest compares what it is about to write with the current baseline; each difference
 * is a drift event appended to `<root>/_schema_drift.jsonl`.
 *
 * @module
 */
import { z } from "zod";
import { writeFileAtomic } from "./_fsync.ts";
import type { Dataset } from "./paths.ts";

/** What a partition brings: its columns and (if the source has a wire format) its fields. */
export const IncomingSchemaSchema = z.strictObject({
  columns: z.record(z.string(), z.string()),
  fields: z.record(z.string(), z.string()),
});

/** What a partition brings: its columns and (if the source has a wire format) its fields. */
export type IncomingSchema = z.infer<typeof IncomingSchemaSchema>;

const BaselineFileSchema = z.strictObject({
  dataset: z.string(),
  version: z.literal(1),
  /** Oldest first; the last is current. */
  baselines: z.array(IncomingSchemaSchema.extend({ since: z.string() })),
});

/** A dataset's baselines, oldest first. */
export type SchemaBaselines = z.infer<typeof BaselineFileSchema>;

/** One difference between a partition's schema and the baseline. */
export interface DriftEvent {
  dataset: Dataset;
  /** The manifest key of the partition. */
  partition: string;
  kind:
    | "new_column"
    | "missing_column"
    | "column_type"
    | "new_field"
    | "missing_field"
    | "field_type";
  name: string;
  expected: string | null;
  got: string | null;
  /** What was done: the new schema became the baseline, or the partition was set aside. */
  action: "accepted" | "quarantined";
}

const baselinePath = (root: string, dataset: Dataset) => `${root}/${dataset}/_schema.json`;

/** The baselines of `dataset`, or null before its first ingest. */
export async function readBaselines(
  root: string,
  dataset: Dataset,
): Promise<SchemaBaselines | null> {
  const path = baselinePath(root, dataset);
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  const parsed = BaselineFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`Cannot read schema baseline ${path}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Appends `incoming` as the current baseline of `dataset` (atomically). */
export async function acceptBaseline(
  root: string,
  dataset: Dataset,
  incoming: IncomingSchema,
  since: string,
): Promise<void> {
  const file = (await readBaselines(root, dataset)) ??
    { dataset, version: 1 as const, baselines: [] };
  file.baselines.push({ ...incoming, since });
  await writeFileAtomic(baselinePath(root, dataset), JSON.stringify(file, null, 1) + "\n");
}

/**
 * The differences of `incoming` from `baseline`, in a fixed order (columns then fields, each
 * by name). Fields are compared only when both sides have some (a source without a wire
 * format reports none).
 */
export function compareSchemas(
  baseline: IncomingSchema,
  incoming: IncomingSchema,
): Omit<DriftEvent, "dataset" | "partition" | "action">[] {
  const out: Omit<DriftEvent, "dataset" | "partition" | "action">[] = [];
  const diff = (a: Record<string, string>, b: Record<string, string>, what: "column" | "field") => {
    for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const expected = a[name] ?? null, got = b[name] ?? null;
      if (expected === got) continue;
      const kind = expected === null
        ? `new_${what}`
        : got === null
        ? `missing_${what}`
        : `${what}_type`;
      out.push({ kind: kind as DriftEvent["kind"], name, expected, got });
    }
  };
  diff(baseline.columns, incoming.columns, "column");
  if (Object.keys(baseline.fields).length > 0 && Object.keys(incoming.fields).length > 0) {
    diff(baseline.fields, incoming.fields, "field");
  }
  return out;
}

/** Appends drift events to `<root>/_schema_drift.jsonl` (one JSON object a line, fsynced). */
export async function logDriftEvents(root: string, events: readonly DriftEvent[]): Promise<void> {
  if (events.length === 0) return;
  await Deno.mkdir(root, { recursive: true });
  const f = await Deno.open(`${root}/_schema_drift.jsonl`, { append: true, create: true });
  try {
    const bytes = new TextEncoder().encode(events.map((e) => JSON.stringify(e) + "\n").join(""));
    for (let off = 0; off < bytes.length;) off += await f.write(bytes.subarray(off));
    await f.sync();
  } finally {
    f.close();
  }
}

/** Every drift event logged under `root`, oldest first (a torn last line is skipped). */
export async function readDriftEvents(root: string): Promise<DriftEvent[]> {
  let text: string;
  try {
    text = await Deno.readTextFile(`${root}/_schema_drift.jsonl`);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
  const out: DriftEvent[] = [];
  for (const line of text.split("\n")) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line));
    } catch {
      // torn by a kill mid-append
    }
  }
  return out;
}

/** A Polars frame's columns as name → type text (`Float64`, `Datetime(ms)`, `String`). */
export function frameColumnTypes(schema: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, t] of Object.entries(schema)) {
    const { variant, timeUnit, timeZone } = t as {
      variant: string;
      timeUnit?: string;
      timeZone?: string;
    };
    out[name] = variant === "Utf8" || variant === "String"
      ? "String"
      : variant === "Datetime"
      ? `Datetime(${timeUnit}${timeZone ? `, ${timeZone}` : ""})`
      : variant;
  }
  return out;
}

/**
 * The JSON type of a wire value: `number`, `string`, `boolean`, `array`, `object`, `null`
 * (no integer type: JSON does not tell 10 from 10.0).
 */
export function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}
