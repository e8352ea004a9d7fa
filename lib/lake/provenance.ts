/**
 * What each derived partition (`consolidated`, `scan_events`) was built from: the parameters
 * and the hashes of its input partitions, in `<root>/<dataset>/_provenance.json`. A reader
 * checks a range before using it: a partition whose inputs changed since (option bars
 * re-selected with `--force`, a repaired file), or a range built with different parameters
 * (a run killed after its `--rate` changed), is refused with a message saying what to rerun.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { writeFileAtomic } from "./_fsync.ts";
import { Manifest } from "./manifest.ts";
import { type Dataset, type PartitionId, partitionKey } from "./paths.ts";

const BuiltSchema = z.strictObject({
  /** SHA-256 of the parameters' canonical JSON. */
  paramsHash: z.string(),
  params: z.unknown(),
  /** Input partition (`<dataset>/<key>`) → the SHA-256 read. */
  inputs: z.record(z.string(), z.string()),
});

/** How one derived partition was built. */
export type Built = z.infer<typeof BuiltSchema>;

const FileSchema = z.strictObject({
  dataset: z.string(),
  version: z.literal(1),
  partitions: z.record(z.string(), BuiltSchema),
});

/** JSON with object keys sorted at every level: the same value gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
        : v,
  );
}

/** A {@linkcode Built} record for `params` and `inputs`. */
export function built(params: unknown, inputs: Record<string, string>): Built {
  const paramsHash = createHash("sha256").update(canonicalJson(params)).digest("hex");
  return { paramsHash, params, inputs };
}

const pathOf = (root: string, dataset: Dataset) => `${root}/${dataset}/_provenance.json`;

/** The provenance of a derived dataset (empty when none was recorded). */
export async function readProvenance(root: string, dataset: Dataset): Promise<Map<string, Built>> {
  let text: string;
  try {
    text = await Deno.readTextFile(pathOf(root, dataset));
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return new Map();
    throw e;
  }
  const parsed = FileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(
      `Cannot read ${pathOf(root, dataset)}: ${
        z.prettifyError(parsed.error)
      }; delete it and rebuild the dataset`,
    );
  }
  return new Map(Object.entries(parsed.data.partitions));
}

/** Records (replaces) the provenance of some partitions, atomically; call under the lake lock. */
export async function recordProvenance(
  root: string,
  dataset: Dataset,
  entries: ReadonlyMap<string, Built>,
): Promise<void> {
  if (entries.size === 0) return;
  const all = await readProvenance(root, dataset);
  for (const [k, v] of entries) all.set(k, v);
  const partitions = Object.fromEntries([...all].sort(([a], [b]) => (a < b ? -1 : 1)));
  await writeFileAtomic(
    pathOf(root, dataset),
    JSON.stringify({ dataset, version: 1, partitions }, null, 1) + "\n",
  );
}

/** A derived range that no longer matches its inputs, or mixes parameters. */
export class StaleDerivedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StaleDerivedError";
  }
}

/**
 * The derived partitions among `keys` whose recorded inputs no longer have the hash they were
 * built from (per the inputs' manifests), each with the first input that changed.
 */
export async function staleDerived(
  root: string,
  dataset: Dataset,
  keys: readonly string[],
  provenance?: Map<string, Built>,
): Promise<{ key: string; why: string }[]> {
  const prov = provenance ?? await readProvenance(root, dataset);
  const manifests = new Map<string, Manifest>();
  const out: { key: string; why: string }[] = [];
  for (const key of keys) {
    const b = prov.get(key);
    if (!b) continue;
    for (const [input, sha] of Object.entries(b.inputs)) {
      const slash = input.indexOf("/");
      const ds = input.slice(0, slash);
      if (!manifests.has(ds)) manifests.set(ds, await Manifest.open(root, ds as Dataset));
      const now = manifests.get(ds)!.get(input.slice(slash + 1))?.sha256;
      if (now !== sha) {
        out.push({ key, why: `${input} ${now ? "changed" : "is gone"}` });
        break;
      }
    }
  }
  return out;
}

/**
 * Checks derived partitions before they are read: each has a provenance record, every input
 * it lists still has the hash it was built from (per the inputs' manifests), and all were
 * built with the same parameters. Partitions without a record (built before provenance was
 * kept) pass.
 *
 * @param rebuild The command that rebuilds the range, for the message.
 * @throws {StaleDerivedError} naming the partitions and what changed.
 */
export async function checkDerived(
  root: string,
  dataset: Dataset,
  parts: readonly PartitionId[],
  rebuild: string,
): Promise<void> {
  const prov = await readProvenance(root, dataset);
  const byParams = new Map<string, { params: unknown; keys: string[] }>();
  for (const id of parts) {
    const key = partitionKey(id);
    const b = prov.get(key);
    if (!b) continue;
    const group = byParams.get(b.paramsHash) ?? { params: b.params, keys: [] };
    group.keys.push(key);
    byParams.set(b.paramsHash, group);
  }
  const stale = (await staleDerived(root, dataset, parts.map(partitionKey), prov))
    .map((s) => `${s.key} (${s.why})`);
  if (stale.length > 0) {
    throw new StaleDerivedError(
      `${dataset} is stale: ${stale.length} partition(s) were built from inputs that changed since: ${
        stale.slice(0, 3).join(", ")
      }${stale.length > 3 ? ", ..." : ""}; rebuild with \`${rebuild}\``,
    );
  }
  if (byParams.size > 1) {
    const groups = [...byParams.values()].sort((a, b) => b.keys.length - a.keys.length);
    const differing = diffParams(groups[0].params, groups[1].params);
    throw new StaleDerivedError(
      `${dataset} mixes parameters in this range: ${
        groups.map((g) => g.keys.length).join(" + ")
      } partitions were built with ${groups.length} different parameter sets (${differing}; e.g. ${
        groups[0].keys[0]
      } and ${groups[1].keys[0]}); rebuild the range with \`${rebuild}\``,
    );
  }
}

/** The top-level (and one level down) parameter names whose values differ, with both values. */
function diffParams(a: unknown, b: unknown, prefix = ""): string {
  const out: string[] = [];
  const ao = (a ?? {}) as Record<string, unknown>, bo = (b ?? {}) as Record<string, unknown>;
  for (const k of [...new Set([...Object.keys(ao), ...Object.keys(bo)])].sort()) {
    if (canonicalJson(ao[k]) === canonicalJson(bo[k])) continue;
    if (!prefix && ao[k] && typeof ao[k] === "object" && !Array.isArray(ao[k])) {
      out.push(diffParams(ao[k], bo[k], `${k}.`));
    } else out.push(`${prefix}${k} ${canonicalJson(ao[k])} vs ${canonicalJson(bo[k])}`);
  }
  return out.join(", ");
}
