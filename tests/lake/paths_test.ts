import assert from "node:assert/strict";
import {
  datasetKey,
  decodeValue,
  encodeValue,
  partitionDir,
  partitionFile,
  partitionKey,
} from "@lib/lake/mod.ts";
import { mulberry32 } from "@lib/random/mod.ts";

Deno.test("encodeValue() percent-encodes everything outside A-Za-z0-9._- and decodeValue() undoes it", () => {
  const cases: [string, string][] = [
    ["SPY", "SPY"],
    ["BRK.B", "BRK.B"],
    ["I:VIX", "I%3AVIX"],
    ["O:SPY250304C00601000", "O%3ASPY250304C00601000"],
    ["a b", "a%20b"],
    ["x/y", "x%2Fy"],
    ["50%", "50%25"],
    ["é€", "%C3%A9%E2%82%AC"],
    ["..", ".."],
  ];
  for (const [value, encoded] of cases) {
    assert.equal(encodeValue(value), encoded);
    assert.equal(decodeValue(encoded), value);
  }
});

Deno.test("encodeValue() round-trips random unicode strings and never emits a path separator", () => {
  const rand = mulberry32(20250303);
  const alphabet = [..."AZaz09._-:/ %=\\?#*é€😀\u0000\n"];
  for (let i = 0; i < 500; i++) {
    const n = 1 + Math.floor(rand() * 12);
    const value = Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)])
      .join("");
    const encoded = encodeValue(value);
    assert.match(encoded, /^[A-Za-z0-9._%-]+$/);
    assert.equal(decodeValue(encoded), value);
  }
});

Deno.test("encodeValue() refuses an empty value and decodeValue() broken escapes", () => {
  assert.throws(() => encodeValue(""), {
    name: "RangeError",
    message: "Cannot encode an empty partition value",
  });
  assert.throws(() => decodeValue("I%3"), {
    name: "RangeError",
    message: 'Cannot decode partition value "I%3": not percent-encoded UTF-8',
  });
});

Deno.test("partition paths are hive-style below the dataset, with the key of each dataset", () => {
  const vix = { dataset: "index_minute" as const, value: "I:VIX", date: "2025-03-03" };
  assert.equal(partitionDir(vix), "index_minute/symbol=I%3AVIX/date=2025-03-03");
  assert.equal(partitionKey(vix), "symbol=I%3AVIX/date=2025-03-03");
  assert.equal(partitionFile(vix), "index_minute/symbol=I%3AVIX/date=2025-03-03/part-0.parquet");
  assert.equal(
    partitionFile({ dataset: "option_minute", value: "SPY", date: "2025-03-04" }),
    "option_minute/underlying=SPY/date=2025-03-04/part-0.parquet",
  );
  assert.equal(datasetKey("news"), "ticker");
  assert.throws(() => datasetKey("bars"), {
    name: "TypeError",
    message:
      'Unknown dataset "bars": expected one of equity_minute, index_minute, option_contracts, option_minute, news, consolidated, training, scan_events',
  });
});
