import assert from "node:assert/strict";
import { blackScholes, type GreekName } from "../../lib/greeks/black_scholes.ts";
import { seededRandom } from "./_reference.ts";

const ALL: GreekName[] = [
  "price",
  "delta",
  "gamma",
  "vega",
  "theta",
  "rho",
  "dividendRho",
  "vanna",
  "charm",
  "vomma",
];

/** n mixed rows (a few invalid), spanning several of the kernel's 512-row blocks. */
function batch(n: number, seed: number) {
  const rand = seededRandom(seed);
  const right = new Int8Array(n), spot = new Float64Array(n), strike = new Float64Array(n);
  const tYears = new Float64Array(n), rate = new Float64Array(n);
  const dividendYield = new Float64Array(n), vol = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    right[i] = rand() < 0.5 ? 1 : -1;
    spot[i] = 10 + 990 * rand();
    strike[i] = spot[i] * (0.2 + 1.6 * rand());
    tYears[i] = 10 ** (-5.7 + 6.4 * rand());
    rate[i] = 0.1 * rand() - 0.02;
    dividendYield[i] = 0.05 * rand();
    vol[i] = 0.01 + 4.99 * rand();
  }
  // Invalid rows in the first, a middle and the last block.
  right[3] = 0;
  spot[600] = -1;
  vol[1100] = NaN;
  tYears[n - 1] = 0;
  return { right, spot, strike, tYears, rate, dividendYield, vol };
}

function assertSameBits(a: Float64Array, b: Float64Array, what: string) {
  assert.equal(a.length, b.length, what);
  for (let i = 0; i < a.length; i++) {
    assert.ok(Object.is(a[i], b[i]), `${what} at row ${i}: ${a[i]} vs ${b[i]}`);
  }
}

Deno.test("blackScholes() computes only the requested outputs, bit for bit as all ten", () => {
  const inputs = batch(1300, 21);
  const all = blackScholes(inputs);
  const subsets: GreekName[][] = [
    ...ALL.map((name) => [name]),
    ["price", "delta"],
    ["delta", "gamma", "theta"],
    ["vanna", "charm", "vomma"],
    ["rho", "dividendRho", "vega"],
  ];
  for (const outputs of subsets) {
    const some = blackScholes({ ...inputs, outputs });
    assert.deepEqual(Object.keys(some).sort(), [...outputs].sort());
    for (const name of outputs) assertSameBits(some[name], all[name], `${outputs}: ${name}`);
  }
});

Deno.test("blackScholes() gives each row the same values whatever the batch around it", () => {
  const inputs = batch(1300, 22);
  const all = blackScholes(inputs);
  for (let i = 0; i < 1300; i += 7) {
    const one = blackScholes({
      right: inputs.right.subarray(i, i + 1),
      spot: inputs.spot[i],
      strike: inputs.strike[i],
      tYears: inputs.tYears[i],
      rate: inputs.rate[i],
      dividendYield: inputs.dividendYield[i],
      vol: inputs.vol[i],
    });
    for (const name of ALL) {
      assert.ok(Object.is(one[name][0], all[name][i]), `${name} at row ${i}`);
    }
  }
  for (const name of ALL) {
    for (const i of [3, 600, 1100, 1299]) assert.ok(Number.isNaN(all[name][i]), `${name}[${i}]`);
  }
});

Deno.test("blackScholes() writes only the requested outputs into out", () => {
  const inputs = batch(700, 23);
  const out = Object.fromEntries(
    ALL.map((name) => [name, new Float64Array(700).fill(-7)]),
  ) as Record<GreekName, Float64Array>;
  const result = blackScholes({ ...inputs, outputs: ["vega", "charm"], out });
  assert.equal(result, out);
  const all = blackScholes(inputs);
  assertSameBits(out.vega, all.vega, "vega");
  assertSameBits(out.charm, all.charm, "charm");
  for (const name of ALL.filter((n) => n !== "vega" && n !== "charm")) {
    assert.ok(out[name].every((v) => v === -7), `${name} untouched`);
  }
});

Deno.test("blackScholes() rejects unknown outputs and an out missing one", () => {
  const inputs = { right: "call" as const, spot: 100, strike: 100, tYears: 1, vol: 0.2 };
  assert.throws(
    // @ts-expect-error: testing a bad name at runtime
    () => blackScholes({ ...inputs, outputs: ["price", "gama"] }),
    new RangeError('Cannot compute Black-Scholes: unknown output "gama"'),
  );
  assert.throws(
    // @ts-expect-error: testing a bad type at runtime
    () => blackScholes({ ...inputs, outputs: "price" }),
    new TypeError("Cannot compute Black-Scholes: outputs must be an array of column names"),
  );
  assert.throws(
    () =>
      blackScholes({
        ...inputs,
        outputs: ["price", "delta"],
        // @ts-expect-error: testing a missing column at runtime
        out: { price: new Float64Array(1) },
      }),
    new RangeError(
      "Cannot compute Black-Scholes: out.delta must be a Float64Array of at least 1 rows",
    ),
  );
});
