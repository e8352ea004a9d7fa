import assert from "node:assert/strict";
import {
  FlatFileError,
  flatFileKey,
  parseDay,
  parseDecimal,
  parseNanosToMs,
  rootOf,
} from "../../../lib/sources/flatfiles/mod.ts";

const HEADER = "ticker,volume,open,close,high,low,window_start,transactions";
const enc = new TextEncoder();
const bytes = (s: string) => enc.encode(s);

/** A stream of the text cut into `size`-byte chunks (lines split across chunks). */
function chunked(text: string, size: number): ReadableStream<Uint8Array> {
  const b = bytes(text);
  const parts: Uint8Array[] = [];
  for (let i = 0; i < b.length; i += size) parts.push(b.slice(i, i + size));
  return ReadableStream.from(parts);
}

Deno.test("parseDecimal() reads every decimal exactly as Number() does", () => {
  const cases = [
    "0",
    "1",
    "601.5",
    "0.01",
    "0.1",
    "69.86160000000000",
    "1e3",
    "-2.5",
    "123456789.123456789",
    "0.30000000000000004",
    "17.000",
    "5",
    "99999999999999999",
    ".5",
    "1.",
    "4.94065645841247e-324",
  ];
  for (const c of cases) {
    const b = bytes(c);
    assert.equal(parseDecimal(b, 0, b.length), Number(c), c);
  }
  for (const bad of ["", "-", "abc", "1.2.3", "1,2", "0x10", "1e", "NaN"]) {
    const b = bytes(bad);
    assert.ok(Number.isNaN(parseDecimal(b, 0, b.length)), bad);
  }
});

Deno.test("parseNanosToMs() turns window_start nanoseconds into epoch milliseconds", () => {
  const b = bytes("1741012200000000000");
  assert.equal(parseNanosToMs(b, 0, b.length), Date.UTC(2025, 2, 3, 14, 30));
  const odd = bytes("1741012200000000500");
  assert.equal(parseNanosToMs(odd, 0, odd.length), 1741012200000.0005);
  const bad = bytes("17410122000x0000000");
  assert.ok(Number.isNaN(parseNanosToMs(bad, 0, bad.length)));
});

Deno.test("rootOf() finds index and adjusted roots", () => {
  assert.equal(rootOf("O:SPXW250303C05800000"), "SPXW");
  assert.equal(rootOf("O:SPY1250303C00500000"), "SPY1");
  assert.equal(rootOf("O:SPY250303P00500000"), "SPY");
  assert.equal(rootOf("SPY"), null);
});

const CSV = [
  HEADER,
  "O:AAPL250303C00200000,3,1.1,1.2,1.25,1.05,1741012200000000000,2",
  "O:SPY250303C00580000,10,2.5,2.6,2.7,2.4,1741012200000000000,4",
  "O:SPY250303C00580000,5,2.6,2.55,2.65,2.5,1741012260000000000,3",
  "O:SPY250303P00570000,1,1,1,1,1,1741012320000000000,1",
  "O:SPXW250303C05800000,2,10.5,10,10.5,9.5,1741012200000000000,2",
  "O:SPY250303P00570000,2,1.1,1.2,1.2,1.1,1741012260000000000,2",
  "",
].join("\r\n");

Deno.test("parseDay() keeps the wanted tickers as typed columns, whatever the chunking", async () => {
  for (const size of [1, 7, 64, 1 << 20]) {
    const day = await parseDay(chunked(CSV, size), {
      objectKey: "k",
      header: HEADER,
      want: (t) => rootOf(t) === "SPY",
    });
    assert.equal(day.rows, 6);
    assert.equal(day.keptRows, 4);
    assert.deepEqual([...day.tickers.keys()], ["O:SPY250303C00580000", "O:SPY250303P00570000"]);
    const c = day.tickers.get("O:SPY250303C00580000")!;
    assert.deepEqual(
      [[...c.ts], [...c.open], [...c.close], [...c.high], [...c.low], [...c.volume], [...c.trades]],
      [
        [1741012200000, 1741012260000],
        [2.5, 2.6],
        [2.6, 2.55],
        [2.7, 2.65],
        [2.4, 2.5],
        [10, 5],
        [4, 3],
      ],
    );
    assert.deepEqual([...c.line], [3, 4]);
    const p = day.tickers.get("O:SPY250303P00570000")!;
    assert.deepEqual([...p.ts], [1741012320000, 1741012260000], "rows gathered in file order");
    assert.equal(p.ascending, false);
    assert.deepEqual([...p.line], [5, 7]);
  }
});

Deno.test("parseDay() rejects a changed header, naming the object and both headers", async () => {
  const key = flatFileKey("stocks", "2025-03-03");
  const text =
    "ticker,volume,open,close,high,low,window_start,transactions,vwap\nSPY,1,1,1,1,1,1,1,1\n";
  await assert.rejects(
    parseDay(chunked(text, 64), { objectKey: key, header: HEADER, want: () => true }),
    (e: Error) => {
      assert.ok(e instanceof FlatFileError);
      assert.equal(
        e.message,
        `Cannot read ${key}: line 1 is "ticker,volume,open,close,high,low,window_start,transactions,vwap", ` +
          `expected the header "${HEADER}" (Polygon's layout changed, or this is not an aggregates ` +
          "file); no partition of this day was written",
      );
      return true;
    },
  );
});

Deno.test("parseDay() notes malformed rows of wanted tickers with their line, ignores others", async () => {
  const text = [
    HEADER,
    "QQQ,1,x,1,1,1,1741012200000000000,1",
    "SPY,10,580.1,580.2,580.3,580.0,1741012200000000000,7",
    "SPY,10,580.1,abc,580.3,580.0,1741012260000000000,7",
    "SPY,10,580.1,580.2,580.3",
    "SPY,10,580.1,580.2,580.3,580.0,17410122600000x0000,7",
    "",
  ].join("\n");
  const day = await parseDay(chunked(text, 16), {
    objectKey: "k",
    header: HEADER,
    want: (t) => t === "SPY",
  });
  assert.equal(day.keptRows, 1);
  assert.deepEqual(day.malformed.map((m) => [m.ticker, m.line, m.reason]), [
    ["SPY", 4, 'close "abc" is not a number'],
    ["SPY", 5, "expected 8 fields, got 5"],
    ["SPY", 6, 'window_start "17410122600000x0000" is not nanoseconds since 1970'],
  ]);
  assert.equal(day.malformed[0].text, "SPY,10,580.1,abc,580.3,580.0,1741012260000000000,7");
});

Deno.test("parseDay() names the object when the gzip stream is truncated", async () => {
  const gz = new Uint8Array(
    await new Response(
      new Blob([bytes(CSV.repeat(50))]).stream().pipeThrough(new CompressionStream("gzip")),
    ).arrayBuffer(),
  );
  const cut = new Blob([gz.slice(0, Math.floor(gz.length / 2))]).stream()
    .pipeThrough(new DecompressionStream("gzip"));
  await assert.rejects(
    parseDay(cut, { objectKey: "us_options_opra/x.csv.gz", header: HEADER, want: () => true }),
    /^FlatFileError: Cannot read us_options_opra\/x\.csv\.gz: .* after line \d+ \(a truncated or corrupt gzip/,
  );
});
