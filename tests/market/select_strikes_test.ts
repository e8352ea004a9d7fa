import assert from "node:assert/strict";
import { listedStrikes, selectStrikes } from "@lib/market/mod.ts";
import { mulberry32 } from "@lib/random/mod.ts";

Deno.test("selectStrikes() picks the issue's 2 + 2 strikes around 593.88 on a 0.5 grid", () => {
  assert.deepEqual(selectStrikes({ open: 593.88, increment: 0.5, nCalls: 2, nPuts: 2 }), {
    calls: [594, 594.5],
    puts: [593.5, 593],
  });
});

Deno.test("selectStrikes() on a 1.0 grid", () => {
  assert.deepEqual(selectStrikes({ open: 593.88, increment: 1, nCalls: 3, nPuts: 2 }), {
    calls: [594, 595, 596],
    puts: [593, 592],
  });
});

Deno.test("selectStrikes() makes an open exactly on a strike the first put", () => {
  assert.deepEqual(selectStrikes({ open: 593.5, increment: 0.5, nCalls: 2, nPuts: 2 }), {
    calls: [594, 594.5],
    puts: [593.5, 593],
  });
  assert.deepEqual(selectStrikes({ open: 600, increment: 1, nCalls: 1, nPuts: 1 }), {
    calls: [601],
    puts: [600],
  });
});

Deno.test("selectStrikes() treats an open a float-rounding away from a strike as on it", () => {
  // 0.1 + 0.2 = 0.30000000000000004 and 0.7 / 0.1 = 6.999999999999999 in float64.
  assert.deepEqual(selectStrikes({ open: 0.1 + 0.2, increment: 0.1, nCalls: 1, nPuts: 1 }), {
    calls: [0.4],
    puts: [0.3],
  });
  assert.deepEqual(selectStrikes({ open: 0.7, increment: 0.1, nCalls: 2, nPuts: 2 }), {
    calls: [0.8, 0.9],
    puts: [0.7, 0.6],
  });
});

Deno.test("selectStrikes() returns clean decimals on awkward grids", () => {
  assert.deepEqual(selectStrikes({ open: 12.34, increment: 0.05, nCalls: 3, nPuts: 3 }), {
    calls: [12.35, 12.4, 12.45],
    puts: [12.3, 12.25, 12.2],
  });
  assert.deepEqual(selectStrikes({ open: 101.01, increment: 2.5, nCalls: 2, nPuts: 2 }), {
    calls: [102.5, 105],
    puts: [100, 97.5],
  });
});

Deno.test("selectStrikes() allows zero calls or zero puts", () => {
  assert.deepEqual(selectStrikes({ open: 593.88, increment: 1, nCalls: 0, nPuts: 1 }), {
    calls: [],
    puts: [593],
  });
});

Deno.test("selectStrikes() keeps its invariants on 5 000 random opens and grids", () => {
  const rand = mulberry32(593);
  const increments = [0.5, 1, 2.5, 5, 0.25, 0.1, 0.01];
  for (let i = 0; i < 5000; i++) {
    const increment = increments[Math.floor(rand() * increments.length)];
    const open = Math.round((50 + rand() * 900) * 100) / 100;
    const nCalls = Math.floor(rand() * 6);
    const nPuts = Math.floor(rand() * 6);
    const { calls, puts } = selectStrikes({ open, increment, nCalls, nPuts });
    const label = `open ${open} increment ${increment}`;
    assert.equal(calls.length, nCalls);
    assert.equal(puts.length, nPuts);
    for (const k of [...calls, ...puts]) {
      // On the grid and printable: the value equals its own 3-decimal rounding.
      assert.equal(k, Number(k.toFixed(3)), label);
      const steps = k / increment;
      assert.ok(Math.abs(steps - Math.round(steps)) < 1e-9, label);
    }
    if (nCalls > 0) {
      assert.ok(calls[0] > open && calls[0] - open <= increment + 1e-9, label);
    }
    if (nPuts > 0) assert.ok(puts[0] <= open && open - puts[0] < increment, label);
    for (let j = 1; j < calls.length; j++) {
      assert.ok(Math.abs(calls[j] - calls[j - 1] - increment) < 1e-9);
    }
    for (let j = 1; j < puts.length; j++) {
      assert.ok(Math.abs(puts[j - 1] - puts[j] - increment) < 1e-9);
    }
    // Every selected strike is on the chain the simulator lists around the open.
    if (increment === 1 || increment === 0.5) {
      const chain = new Set(listedStrikes(open, { increment, width: 10 }));
      for (const k of [...calls, ...puts]) assert.ok(chain.has(k), `${label}: ${k} listed`);
    }
  }
});

Deno.test("selectStrikes() rejects bad inputs with the value in the message", () => {
  const base = { open: 593.88, increment: 0.5, nCalls: 2, nPuts: 2 };
  const cases: [Partial<typeof base>, string][] = [
    [{ open: 0 }, "open must be a finite number > 0, got 0"],
    [{ open: NaN }, "open must be a finite number > 0, got NaN"],
    [{ increment: 0 }, "increment must be a positive multiple of 0.001, got 0"],
    [{ increment: 0.0005 }, "increment must be a positive multiple of 0.001, got 0.0005"],
    [{ nCalls: -1 }, "nCalls must be an integer >= 0, got -1"],
    [{ nPuts: 1.5 }, "nPuts must be an integer >= 0, got 1.5"],
    [
      { open: 1.2, nPuts: 3 },
      "3 put strikes at or below open 1.2 on a 0.5 grid would reach a strike <= 0",
    ],
  ];
  for (const [patch, why] of cases) {
    assert.throws(() => selectStrikes({ ...base, ...patch }), {
      name: "RangeError",
      message: `Cannot select strikes: ${why}`,
    });
  }
});
