/**
 * A simulated day as Polygon writes its flat files: every ticker's minute bars, sorted by
 * ticker then `window_start` (ns), in the asset class's column order, gzipped.
 *
 * @module
 */
import type { MinuteBar } from "../../market/mod.ts";
import type { Source } from "../source.ts";
import { FLAT_FILE_HEADER, type FlatFileAsset } from "./object_key.ts";

/** The tickers a fake day holds. */
export interface FakeDayTickers {
  /** Equities of the stocks file. */
  symbols: readonly string[];
  /** Indices of the indices file. */
  indices: readonly string[];
  /** Underlyings whose listed contracts (every one the simulator lists) fill the options file. */
  underlyings: readonly string[];
}

function row(asset: FlatFileAsset, ticker: string, b: MinuteBar): string {
  const ns = `${b.ts}000000`;
  if (asset === "indices") return `${ticker},${b.open},${b.close},${b.high},${b.low},${ns}\n`;
  return `${ticker},${b.volume ?? 0},${b.open},${b.close},${b.high},${b.low},${ns},${
    b.trades ?? 0
  }\n`;
}

/** The day's CSV text of an asset class (header, then rows) and its row count. */
export async function fakeDayCsv(
  sim: Source,
  asset: FlatFileAsset,
  date: string,
  tickers: FakeDayTickers,
): Promise<{ text: string; rows: number }> {
  let names: string[];
  if (asset === "stocks") names = [...tickers.symbols];
  else if (asset === "indices") names = [...tickers.indices];
  else {
    names = [];
    for (const u of tickers.underlyings) {
      for (const c of await sim.optionContracts(u, date)) names.push(c.ticker);
    }
  }
  names = [...new Set(names)].sort();
  const parts = [FLAT_FILE_HEADER[asset] + "\n"];
  let rows = 0;
  for (const t of names) {
    for (const b of await sim.minuteBars(t, date)) {
      parts.push(row(asset, t, b));
      rows++;
    }
  }
  return { text: parts.join(""), rows };
}

/** Gzips bytes with the platform's CompressionStream. */
export async function gzip(data: Uint8Array | string): Promise<Uint8Array> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
