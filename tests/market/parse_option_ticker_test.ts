import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { formatOptionTicker, parseOptionTicker } from "@lib/market/mod.ts";

Deno.test("parseOptionTicker() reads the issue's SPY call", () => {
  assert.deepEqual(parseOptionTicker("O:SPY250304C00601000"), {
    underlying: "SPY",
    root: "SPY",
    expiry: "2025-03-04",
    right: "call",
    strike: 601,
  });
});

Deno.test("parseOptionTicker() reads puts, fractional strikes and one-letter roots", () => {
  assert.deepEqual(parseOptionTicker("O:SPY250304P00593500"), {
    underlying: "SPY",
    root: "SPY",
    expiry: "2025-03-04",
    right: "put",
    strike: 593.5,
  });
  assert.equal(parseOptionTicker("O:EVRI240119C00002500").strike, 2.5);
  assert.equal(parseOptionTicker("O:F250117C00012345").strike, 12.345);
  assert.equal(parseOptionTicker("O:A220520C00065000").underlying, "A");
});

Deno.test("parseOptionTicker() accepts adjusted and index roots up to six characters", () => {
  assert.equal(parseOptionTicker("O:SPY1250304C00601000").underlying, "SPY1");
  assert.equal(parseOptionTicker("O:SPXW250304C05800000").strike, 5800);
  assert.equal(parseOptionTicker("O:SPXW250304C05800000").underlying, "I:SPX");
  assert.equal(parseOptionTicker("O:GOOGL1250304C00150000").underlying, "GOOGL1");
});

// Polygon's own REST test mocks (MIT; see shared/data/polygon-api/SOURCES.md): real contract
// records carrying both the ticker and its fields.
const CONTRACT_PAGES = [
  "contracts.json",
  "contracts&cursor=YXA9JTdCJTIySUQlMjIlM0ElMjIy.json",
].map((f) =>
  new URL(
    `../../../shared/data/polygon-api/test_rest/mocks/v3/reference/options/${f}`,
    import.meta.url,
  )
);

Deno.test("parseOptionTicker() agrees with the fields of Polygon's contract records", () => {
  let n = 0;
  for (const url of CONTRACT_PAGES) {
    const page = JSON.parse(readFileSync(url, "utf8"));
    for (const c of page.results) {
      assert.deepEqual(parseOptionTicker(c.ticker), {
        underlying: c.underlying_ticker,
        root: c.ticker.slice(2, -15),
        expiry: c.expiration_date,
        right: c.contract_type,
        strike: c.strike_price,
      });
      assert.equal(formatOptionTicker(parseOptionTicker(c.ticker)), c.ticker);
      n++;
    }
  }
  assert.ok(n >= 20, `read ${n} contracts`);
});

const GENERIC = "expected root (1-6 of A-Z, 0-9) + yymmdd + C or P + 8-digit strike, as in " +
  '"O:SPY250304C00601000"';
const bad: [string, string][] = [
  ["SPY250304C00601000", 'expected the "O:" prefix, as in "O:SPY250304C00601000"'],
  ["O:250304C00601000", 'root "" must be 1-6 of A-Z and 0-9 starting with a letter'],
  ["O:spy250304C00601000", 'root "spy" must be 1-6 of A-Z and 0-9 starting with a letter'],
  ["O:1SPY250304C00601000", 'root "1SPY" must be 1-6 of A-Z and 0-9 starting with a letter'],
  ["O:SPYSPYS250304C00601000", 'root "SPYSPYS" must be 1-6 of A-Z and 0-9 starting with a letter'],
  ["O:SPY250230C00601000", "expiry 250230 is not a real date"],
  ["O:SPY25030xC00601000", GENERIC],
  ["O:SPY250304X00601000", 'right must be C or P, got "X"'],
  ["O:SPY250304c00601000", 'right must be C or P, got "c"'],
  ["O:SPY250304C0060100.", GENERIC],
  ["O:SPY250304C00000000", "strike must be positive, got 00000000"],
  // A typo in Polygon's own OpenAPI example: a 9-digit strike.
  ["O:AAPL211022C000150000", 'strike must be 8 digits (dollars x 1000), got 9 digits "000150000"'],
  ["O:SPY250304C0601000", 'strike must be 8 digits (dollars x 1000), got 7 digits "0601000"'],
  ["O:SPY250304C00601000 ", GENERIC],
  ["O:", GENERIC],
];

Deno.test("parseOptionTicker() rejects malformed tickers, naming the ticker and the fault", () => {
  for (const [ticker, why] of bad) {
    assert.throws(() => parseOptionTicker(ticker), {
      name: "RangeError",
      message: `Cannot parse option ticker ${JSON.stringify(ticker)}: ${why}`,
    });
  }
});

Deno.test("parseOptionTicker() throws TypeError for a non-string", () => {
  assert.throws(() => parseOptionTicker(601 as unknown as string), {
    name: "TypeError",
    message: "Cannot parse option ticker: expected a string, got number",
  });
});
