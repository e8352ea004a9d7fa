/**
 * Reading run records back: one zod schema for `data/runs/<run-id>/manifest.json`.
 *
 * @module
 */
import { z } from "zod";

/** A hashed input or output of a run; extra fields (bytes, quarantined) are kept. */
export const HashedItemSchema = z.looseObject({
  partition: z.string().min(1),
  rows: z.number().int().nonnegative().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits"),
});

/**
 * The schema of a run record as `writeRunRecord` writes it (see `RunRecord`). Loose at the
 * top level so that records from newer tasks with extra fields still read.
 */
export const RunRecordSchema = z.looseObject({
  runId: z.string().min(1),
  task: z.string().min(1),
  command: z.array(z.string()),
  config: z.unknown(),
  code: z.object({ revision: z.string().nullable(), dirty: z.boolean().nullable() }),
  versions: z.looseObject({
    deno: z.string(),
    v8: z.string(),
    typescript: z.string(),
    packages: z.record(z.string(), z.string()),
  }),
  seed: z.number().nullable(),
  inputs: z.array(HashedItemSchema),
  outputs: z.array(HashedItemSchema),
  timings: z.object({
    startedAt: z.string(),
    finishedAt: z.string(),
    elapsedMs: z.number().nonnegative(),
  }),
  status: z.enum(["ok", "failed", "interrupted"]),
  summary: z.record(z.string(), z.unknown()),
});

/** A run record as read back from disk. */
export type StoredRunRecord = z.infer<typeof RunRecordSchema>;

/**
 * Reads and validates one run record.
 *
 * @param path The record's `manifest.json`.
 * @returns The parsed record.
 * @throws {Deno.errors.NotFound} When the file does not exist.
 * @throws {TypeError} When the file is not JSON or not a run record (the message names the
 *   file and every problem; the parse error is the `cause`).
 *
 * @example
 * ```ts
 * import { readRunRecord } from "./read_run_record.ts";
 * import { rejects } from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/manifest.json`, '{"runId": 3}');
 * await rejects(readRunRecord(`${dir}/manifest.json`), TypeError);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function readRunRecord(path: string): Promise<StoredRunRecord> {
  const text = await Deno.readTextFile(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new TypeError(`Cannot read run record ${path}: not valid JSON`, { cause });
  }
  const parsed = RunRecordSchema.safeParse(json);
  if (!parsed.success) {
    throw new TypeError(
      `Cannot read run record ${path}: ${z.prettifyError(parsed.error)}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}
