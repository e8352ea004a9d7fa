// Shared pieces of the lake tests: temp lakes, a listing of files, small bar sets.
import type { MinuteBar } from "@lib/market/mod.ts";

/** A new empty folder for a test lake. */
export function tempLake(): Promise<string> {
  return Deno.makeTempDir({ prefix: "strikelab-lake-test-" });
}

/** Every file below `dir`, relative and sorted. */
export async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, rel: string): Promise<void> => {
    for await (const e of Deno.readDir(d)) {
      if (e.isDirectory) await walk(`${d}/${e.name}`, `${rel}${e.name}/`);
      else out.push(`${rel}${e.name}`);
    }
  };
  await walk(dir, "");
  return out.sort();
}

/** `n` valid minute bars from `startMs`, prices rising by a cent a minute. */
export function bars(startMs: number, n: number, first = 100): MinuteBar[] {
  return Array.from({ length: n }, (_, i) => {
    const open = first + i / 100;
    return {
      ts: startMs + i * 60_000,
      open,
      high: open + 0.05,
      low: open - 0.03,
      close: open + 0.01,
      volume: 1000 + i,
      vwap: open + 0.005,
      trades: 10 + i,
    };
  });
}
