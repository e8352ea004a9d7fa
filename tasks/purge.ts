/**
 * `deno task purge`: delete by category and age; a dry run unless `--apply`.
 *
 * @module
 */
import { addDays, nyDate } from "../lib/calendar/mod.ts";
import { parseDatasets, purge, PURGE_CATEGORIES, type PurgeCategory } from "../lib/ops/mod.ts";
import { intFlag, list, loadTaskConfig, parseFlags, runTask, say, UsageError } from "./_task.ts";

const USAGE = `usage: deno task purge --category raw,derived,quarantine,runs,logs,cache
                       (--older-than DAYS | --before YYYY-MM-DD | --all) [--apply]

  --category LIST     what to delete: ${PURGE_CATEGORIES.join(", ")}
  --datasets LIST     limit raw/derived/quarantine to these lake datasets
  --older-than DAYS   partitions dated, files modified, more than DAYS days ago
  --before DATE       partitions dated, files modified, before DATE
  --all               whatever the age
  --apply             delete (default: a dry run that lists what would go)
  --config FILE       YAML config (default config/default.yaml)`;

const MB = (b: number) => `${(b / 1e6).toFixed(2)} MB`;

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    category: { type: "string" },
    datasets: { type: "string" },
    "older-than": { type: "string" },
    before: { type: "string" },
    all: { type: "boolean" },
    apply: { type: "boolean" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  const categories = list(f.category) ?? [];
  if (categories.length === 0) throw new UsageError("--category is required");
  for (const c of categories) {
    if (!(PURGE_CATEGORIES as readonly string[]).includes(c)) {
      throw new UsageError(`--category ${c}: expected one of ${PURGE_CATEGORIES.join(", ")}`);
    }
  }
  const days = intFlag("older-than", f["older-than"]);
  if (days !== undefined && days < 0) throw new UsageError("--older-than must be >= 0");
  const before = days !== undefined ? addDays(nyDate(Date.now()), -days) : f.before;
  const config = await loadTaskConfig(f.config, {});
  const r = await purge(config.data.dir, {
    categories: categories as PurgeCategory[],
    datasets: parseDatasets(list(f.datasets)),
    before,
    all: f.all,
    apply: f.apply,
  });
  for (const it of r.items) {
    say(`  ${r.applied ? "deleted" : "would delete"} ${it.category} ${it.path} (${MB(it.bytes)})`);
  }
  say(
    `purge ${config.data.dir}: ${r.items.length} items, ${MB(r.bytes)} ${
      r.applied ? "freed" : "would be freed (dry run: add --apply)"
    }`,
  );
  return 0;
});
