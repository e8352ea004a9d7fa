import { deepEqual, equal } from "node:assert/strict";
import { RecordBatchReader } from "apache-arrow";
import {
  decodeWalBytes,
  encodeWalRows,
  readWal,
  type WalRow,
  WalWriter,
} from "../../lib/stream/mod.ts";

const bar = (ticker: string, ts: number, close: number): WalRow => ({
  kind: "bar",
  cluster: "stocks",
  ev: "AM",
  ticker,
  ts,
  toMs: NaN,
  open: 1,
  high: 2,
  low: 0.5,
  close,
  volume: 10,
  vwap: null,
  trades: 3,
  origin: "ws",
});

Deno.test("WalWriter segments round-trip through readWal, nulls and NaN included", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const w1 = await WalWriter.open(dir);
    w1.append([bar("SPY", 0, 1.5), bar("SPY", 60_000, 1.25)]);
    await w1.flush();
    w1.append([bar("QQQ", 0, 3)]);
    await w1.close();
    const w2 = await WalWriter.open(dir);
    equal(w2.path.endsWith("seg-000002.arrows"), true);
    w2.append([{ ...bar("I:VIX", 0, 20), volume: null, trades: null, kind: "beat" }]);
    await w2.close();
    const got = await readWal(dir);
    equal(got.segments, 2);
    equal(got.torn, 0);
    deepEqual(got.rows.map((r) => [r.ticker, r.close, r.volume, r.vwap, r.trades, r.kind]), [
      ["SPY", 1.5, 10, null, 3, "bar"],
      ["SPY", 1.25, 10, null, 3, "bar"],
      ["QQQ", 3, 10, null, 3, "bar"],
      ["I:VIX", 20, null, null, null, "beat"],
    ]);
    equal(Number.isNaN(got.rows[0].toMs), true);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("decodeWalBytes() keeps exactly the complete flushes of a segment cut at any byte", () => {
  const first = encodeWalRows([bar("SPY", 0, 1), bar("SPY", 60_000, 2)]);
  const second = encodeWalRows([bar("SPY", 120_000, 3)]);
  const all = new Uint8Array(first.length + second.length);
  all.set(first);
  all.set(second, first.length);
  // Up to the second flush's end-of-stream marker (8 bytes), its batch is incomplete.
  for (let cut = first.length; cut < all.length - 8; cut += 1) {
    equal(decodeWalBytes(all.subarray(0, cut)).rows.length, 2, `cut at ${cut}`);
  }
  equal(decodeWalBytes(all.subarray(0, first.length + 200)).torn, true);
  equal(decodeWalBytes(all).rows.length, 3);
});

Deno.test("a WAL segment is plain Arrow IPC: apache-arrow's own reader opens each flush", () => {
  const bytes = encodeWalRows([bar("SPY", 0, 1)]);
  const batches = [...RecordBatchReader.from(bytes)];
  equal(batches[0].numRows, 1);
  equal(batches[0].getChild("ticker")?.get(0), "SPY");
});
