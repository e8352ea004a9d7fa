// Running `deno task backtest` (and backfill) as subprocesses on a lake in a temp folder.
import pl from "nodejs-polars";
import { Manifest, partitionKey, writePartition } from "@lib/lake/mod.ts";
import { CALL, day } from "./_options.ts";

export const REPO = new URL("../../", import.meta.url).pathname;

/** Runs `tasks/<name>.ts` in `cwd` with the lake at `<cwd>/data`. */
export async function task(name: string, cwd: string, ...args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--config", `${REPO}deno.json`, `${REPO}tasks/${name}.ts`, ...args],
    cwd,
    env: { STRIKELAB_DATA_DIR: `${cwd}/data`, NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

/** The run folder a task printed (`report: <dir>/report.html`). */
export function runDir(stdout: string): string {
  const m = /report: (.*)\/report\.html\n/.exec(stdout);
  if (m === null) throw new Error(`no report line in:\n${stdout}`);
  return m[1];
}

/** Bars of a call on two days (2025-03-04 and 03-05), in the option_minute layout. */
export function optionDays(): [string, pl.DataFrame][] {
  const d1 = day(CALL, "2025-03-04", [
    [0, 1],
    [1, 1, 1.25, 1, 1.2], // +25% from the 1.00 open: trigger
    [2, 1.2, 1.3, 1.15, 1.25], // entry at 1.20
    [3, 1.25, 1.85, 1.2, 1.7], // target 1.80
    [4, 1.7],
  ]);
  const d2 = day("O:SPY250305C00601000", "2025-03-05", [
    [0, 2],
    [1, 2, 2.5, 2, 2.45], // +25%: trigger
    [2, 2.4, 2.45, 2.2, 2.3], // entry at 2.40
    [3, 2.3, 2.35, 1.7, 1.75], // stop 1.80
  ]);
  const frame = (rows: ReturnType<typeof day>) =>
    pl.DataFrame([
      pl.Series("ticker", rows.map((r) => r.ticker), pl.Utf8),
      pl.Series("ts", rows.map((r) => r.tsMs), pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms")),
      ...(["o", "h", "l", "c"] as const).map((k, j) =>
        pl.Series(["open", "high", "low", "close"][j], rows.map((r) => r[k]), pl.Float64)
      ),
      pl.Series("volume", rows.map(() => 10), pl.Float64),
      pl.Series("vwap", rows.map((r) => r.c), pl.Float64),
      pl.Series("trades", rows.map(() => 3), pl.Int64),
      pl.Series("source", rows.map(() => "sim"), pl.Utf8),
    ]);
  return [["2025-03-04", frame(d1)], ["2025-03-05", frame(d2)]];
}

/**
 * Writes `optionDays()` as option_minute partitions of SPY under `<dir>/data/lake`, or as
 * consolidated ones (with an extra `underlying_close` column).
 */
export async function optionLake(
  dir: string,
  dataset: "option_minute" | "consolidated" = "option_minute",
): Promise<void> {
  const root = `${dir}/data/lake`;
  const manifest = await Manifest.open(root, dataset);
  for (const [date, frame] of optionDays()) {
    const id = { dataset, value: "SPY", date };
    const data = dataset === "option_minute"
      ? frame
      : frame.withColumns(pl.lit(600.5).alias("underlying_close"));
    await manifest.record(partitionKey(id), await writePartition(root, id, data));
  }
  await manifest.flush();
}
