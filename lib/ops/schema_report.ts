/**
 * The lake's schema baselines and drift events, as `deno task schema` prints them.
 *
 * @module
 */
import { type Dataset, type DriftEvent, readBaselines, readDriftEvents } from "../lake/mod.ts";
import { ALL_DATASETS } from "./_lake_walk.ts";

/**
 * Lines describing each dataset's current baseline (columns and wire fields, how many
 * baselines it has had) and every drift event, oldest first.
 */
export async function schemaReport(
  root: string,
  datasets: readonly Dataset[] = ALL_DATASETS,
): Promise<{ lines: string[]; events: DriftEvent[] }> {
  const lines: string[] = [];
  for (const dataset of datasets) {
    const b = await readBaselines(root, dataset);
    if (!b) continue;
    const cur = b.baselines.at(-1)!;
    const cols = Object.entries(cur.columns).map(([n, t]) => `${n}:${t}`).join(", ");
    const fields = Object.entries(cur.fields).map(([n, t]) => `${n}:${t}`).join(", ");
    lines.push(`${dataset}: baseline ${b.baselines.length} since ${cur.since}`);
    lines.push(`  columns: ${cols}`);
    lines.push(`  wire fields: ${fields || "(none: a source without a wire format)"}`);
  }
  const wanted = new Set<string>(datasets);
  const events = (await readDriftEvents(root)).filter((e) => wanted.has(e.dataset));
  lines.push(`drift events: ${events.length}`);
  for (const e of events) {
    lines.push(
      `  ${e.dataset}/${e.partition}: ${e.kind} ${e.name} (${e.expected ?? "-"} → ${
        e.got ?? "-"
      }), ${e.action}`,
    );
  }
  return { lines, events };
}
