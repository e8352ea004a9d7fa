import assert from "node:assert/strict";
import { listedStrikes } from "@lib/market/mod.ts";

Deno.test("listedStrikes() lists width strikes each side of the strike nearest spot", () => {
  assert.deepEqual(listedStrikes(593.88, { width: 2 }), [592, 593, 594, 595, 596]);
  assert.deepEqual(listedStrikes(593.2, { width: 1 }), [592, 593, 594]);
  assert.deepEqual(listedStrikes(593.5, { width: 1 }), [593, 594, 595]); // halfway rounds up
});

Deno.test("listedStrikes() defaults to a $1 grid, 30 strikes each side", () => {
  const strikes = listedStrikes(600.2);
  assert.equal(strikes.length, 61);
  assert.equal(strikes[0], 570);
  assert.equal(strikes[60], 630);
});

Deno.test("listedStrikes() prints fractional grids exactly", () => {
  assert.deepEqual(listedStrikes(10.04, { increment: 0.1, width: 2 }), [9.8, 9.9, 10, 10.1, 10.2]);
});

Deno.test("listedStrikes() drops strikes that would be <= 0", () => {
  assert.deepEqual(listedStrikes(1.7, { width: 3 }), [1, 2, 3, 4, 5]);
});

Deno.test("listedStrikes() rejects bad spot, increment and width", () => {
  assert.throws(() => listedStrikes(-1), {
    name: "RangeError",
    message: "Cannot list strikes: spot must be a finite number > 0, got -1",
  });
  assert.throws(() => listedStrikes(600, { increment: 0.0001 }), {
    name: "RangeError",
    message: "Cannot list strikes: increment must be a positive multiple of 0.001, got 0.0001",
  });
  assert.throws(() => listedStrikes(600, { width: -2 }), {
    name: "RangeError",
    message: "Cannot list strikes: width must be an integer >= 0, got -2",
  });
});
