import assert from "node:assert/strict";
import { blackScholes } from "../../lib/greeks/black_scholes.ts";
import { impliedVol } from "../../lib/greeks/implied_vol.ts";
import { IV_STATUS, ivStatusNames } from "../../lib/greeks/iv_status.ts";
import { column, readGreeksReference, seededRandom } from "./_reference.ts";

const OK = 0;

Deno.test("impliedVol() recovers QuantLib's sigma within 1e-11 on every identifiable row", () => {
  const rows = readGreeksReference();
  const { vol, status } = impliedVol({
    right: rows.map((r) => r.type),
    price: column(rows, "price"),
    spot: column(rows, "S"),
    strike: column(rows, "K"),
    tYears: column(rows, "T_years"),
    rate: column(rows, "r"),
    dividendYield: column(rows, "q"),
  });
  let identifiable = 0;
  let worst = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!((r.time_value as number) > 1e-6 * (r.S as number))) continue;
    identifiable++;
    assert.equal(status[i], OK, `row ${r.id}: status ${IV_STATUS[status[i]]}`);
    worst = Math.max(worst, Math.abs(vol[i] - (r.sigma as number)));
  }
  assert.equal(identifiable, 1555);
  assert.ok(worst <= 1e-11, `worst |iv − sigma| ${worst}`);
});

Deno.test("impliedVol() reports a status, never a silent wrong number, on the other rows", () => {
  const rows = readGreeksReference();
  const others = rows.filter((r) => !((r.time_value as number) > 1e-6 * (r.S as number)));
  assert.equal(others.length, 445);
  const inputs = {
    right: others.map((r) => r.type),
    spot: column(others, "S"),
    strike: column(others, "K"),
    tYears: column(others, "T_years"),
    rate: column(others, "r"),
    dividendYield: column(others, "q"),
  };
  const { vol, status } = impliedVol({ ...inputs, price: column(others, "price") });
  const names = ivStatusNames(status);
  // Where a vol is returned it must reprice the option to within rounding of the price.
  const repriced = blackScholes({ ...inputs, vol });
  let answered = 0;
  for (let i = 0; i < others.length; i++) {
    const r = others[i];
    if (names[i] !== "ok") {
      assert.ok(Number.isNaN(vol[i]));
      assert.equal(names[i], "below_intrinsic", `row ${r.id}: ${names[i]}`);
      assert.ok((r.time_value as number) < 1e-12 * (r.S as number), `row ${r.id}`);
      continue;
    }
    answered++;
    assert.ok(vol[i] > 0 && Number.isFinite(vol[i]));
    assert.ok(
      Math.abs(repriced.price[i] - (r.price as number)) <= 1e-12 * (r.S as number),
      `row ${r.id}: vol ${vol[i]} reprices to ${repriced.price[i]}, not ${r.price}`,
    );
  }
  assert.ok(answered > 0 && answered < others.length);
});

Deno.test("impliedVol() inverts blackScholes() across σ 1%–400%, T 1 minute–5 years, moneyness ±80%", () => {
  const minute = 1 / (365 * 24 * 60);
  const vols = [0.01, 0.03, 0.1, 0.2, 0.5, 1, 2, 4];
  const times = [minute, 1 / 365 / 24, 1 / 365, 7 / 365, 0.1, 0.5, 1, 2, 5];
  const moneyness = [0.2, 0.5, 0.8, 0.95, 0.99, 1, 1.01, 1.05, 1.25, 1.5, 1.8];
  const rand = seededRandom(3);
  const cols: Record<string, number[]> = {
    right: [],
    spot: [],
    strike: [],
    tYears: [],
    rate: [],
    q: [],
    vol: [],
  };
  for (const vol of vols) {
    for (const t of times) {
      for (const m of moneyness) {
        for (const right of [1, -1]) {
          cols.right.push(right);
          cols.spot.push(100);
          cols.strike.push(100 * m);
          cols.tYears.push(t);
          cols.rate.push(rand() < 0.3 ? 0 : 0.05 * rand());
          cols.q.push(rand() < 0.5 ? 0 : 0.03 * rand());
          cols.vol.push(vol);
        }
      }
    }
  }
  const inputs = {
    right: Int8Array.from(cols.right),
    spot: cols.spot,
    strike: cols.strike,
    tYears: cols.tYears,
    rate: cols.rate,
    dividendYield: cols.q,
  };
  const g = blackScholes({ ...inputs, vol: cols.vol });
  const { vol, status } = impliedVol({ ...inputs, price: g.price });
  let checked = 0;
  for (let i = 0; i < vol.length; i++) {
    const t = cols.tYears[i];
    const lower = Math.max(
      cols.right[i] *
        (100 * Math.exp(-cols.q[i] * t) - cols.strike[i] * Math.exp(-cols.rate[i] * t)),
      0,
    );
    const timeValue = g.price[i] - lower;
    const where = `right ${cols.right[i]} K ${cols.strike[i]} T ${t} σ ${cols.vol[i]}`;
    if (timeValue > 1e-6 * 100) {
      // Identifiable: the vol comes back to within what the price's own rounding allows,
      // a few ulps of σ plus (price error ≈ ε·(S + K))/vega; that is below 1e-11 except
      // where vega is tiny (deep in the money at high vol and short expiry).
      assert.equal(status[i], OK, where);
      const error = Math.abs(vol[i] - cols.vol[i]);
      const limit = 2 ** -52 * (cols.vol[i] + (100 + cols.strike[i]) / g.vega[i]);
      assert.ok(error <= 2 * limit, `${where}: got ${vol[i]}, limit ${limit}`);
      if (limit <= 2.5e-12) assert.ok(error <= 1e-11, `${where}: got ${vol[i]}`);
      checked++;
    } else if (status[i] === OK) {
      // Not identifiable: any vol returned must still reproduce the price.
      const back = blackScholes({
        ...inputs,
        right: cols.right[i] === 1 ? "call" : "put",
        spot: 100,
        strike: cols.strike[i],
        tYears: t,
        rate: cols.rate[i],
        dividendYield: cols.q[i],
        vol: vol[i],
      });
      assert.ok(Math.abs(back.price[0] - g.price[i]) <= 1e-12 * 100, where);
    } else {
      assert.equal(IV_STATUS[status[i]], "below_intrinsic", where);
    }
  }
  assert.ok(checked > 800, `only ${checked} identifiable cases`);
});

Deno.test("impliedVol() returns NaN with a reason code for impossible or invalid inputs", () => {
  // S = 100, K = 100, T = 1, r = 5%: call lower bound 100 − 100·e^{−0.05} = 4.877, upper 100.
  const { vol, status } = impliedVol({
    right: ["call", "call", "call", "put", "call", "call", "call", "call", "call", "foo", "call"],
    price: [4.8, 100, 150, 95.2, 10, 10, NaN, 10, 10, 10, -1],
    spot: [100, 100, 100, 100, 100, 0, 100, 100, Infinity, 100, 100],
    strike: 100,
    tYears: [1, 1, 1, 1, 0, 1, 1, -1, 1, 1, 1],
    rate: 0.05,
  });
  assert.deepEqual(ivStatusNames(status), [
    "below_intrinsic",
    "above_max",
    "above_max",
    "above_max",
    "zero_time",
    "bad_input",
    "bad_input",
    "zero_time",
    "bad_input",
    "bad_input",
    "below_intrinsic",
  ]);
  for (const v of vol) assert.ok(Number.isNaN(v));
});

Deno.test("impliedVol() calls a price at intrinsic plus rounding noise below_intrinsic", () => {
  // A deep in-the-money put whose time value is far below one ulp of its price.
  const g = blackScholes({ right: "put", spot: 100, strike: 200, tYears: 0.01, vol: 0.1 });
  assert.equal(g.price[0], 100);
  const r = impliedVol({
    right: "put",
    price: [100, 100 + 1e-13, 100 + 1e-9],
    spot: 100,
    strike: 200,
    tYears: 0.01,
  });
  assert.deepEqual(ivStatusNames(r.status), ["below_intrinsic", "below_intrinsic", "ok"]);
});

Deno.test("impliedVol() checks column lengths and a scalar right", () => {
  assert.throws(
    () =>
      impliedVol({ right: "call", price: [1, 2], spot: [100, 100, 100], strike: 100, tYears: 1 }),
    new RangeError("Cannot compute implied volatility: spot has 3 rows but price has 2"),
  );
  assert.throws(
    // @ts-expect-error: testing a bad right at runtime
    () => impliedVol({ right: "C", price: 1, spot: 100, strike: 100, tYears: 1 }),
    new RangeError('Cannot compute implied volatility: right must be "call" or "put", got "C"'),
  );
});
