import assert from "node:assert/strict";
import { envParams } from "@lib/run/mod.ts";

const DEFAULTS = { DATA_DIR: "../data", FROM: "2025-03-03", SEED: 42, RATE: 0.045, FILL: true };

Deno.test("envParams() gives the defaults when nothing (or an empty value) is set", () => {
  assert.deepEqual(envParams(DEFAULTS, { env: { SEED: "", OTHER: "x" } }), DEFAULTS);
});

Deno.test("envParams() parses set values by the type of their default", () => {
  const p = envParams(DEFAULTS, {
    env: { DATA_DIR: "/tmp/d", SEED: " 7 ", RATE: "4.5e-2", FILL: "no", FROM: "2025-04-01" },
  });
  assert.deepEqual(p, {
    DATA_DIR: "/tmp/d",
    FROM: "2025-04-01",
    SEED: 7,
    RATE: 0.045,
    FILL: false,
  });
  assert.equal(envParams({ FILL: false }, { env: { FILL: "yes" } }).FILL, true);
  assert.equal(envParams({ FILL: false }, { env: { FILL: "1" } }).FILL, true);
  assert.equal(envParams({ FILL: true }, { env: { FILL: "false" } }).FILL, false);
});

Deno.test("envParams() names the parameter and its value when it does not parse", () => {
  const bad = (env: Record<string, string>, message: string) =>
    assert.throws(
      () => envParams(DEFAULTS, { env }),
      (e: Error) => e instanceof TypeError && e.message === message,
    );
  bad({ SEED: "abc" }, 'Cannot read notebook parameter SEED: expected a number, got "abc"');
  bad(
    { RATE: "Infinity" },
    'Cannot read notebook parameter RATE: expected a number, got "Infinity"',
  );
  bad({ SEED: "  " }, 'Cannot read notebook parameter SEED: expected a number, got "  "');
  bad(
    { FILL: "maybe" },
    'Cannot read notebook parameter FILL: expected 1, 0, true, false, yes or no, got "maybe"',
  );
});

Deno.test("envParams() reads the process environment by default", () => {
  Deno.env.set("STRIKELAB_TEST_PARAM", "12");
  try {
    assert.equal(envParams({ STRIKELAB_TEST_PARAM: 1 }).STRIKELAB_TEST_PARAM, 12);
  } finally {
    Deno.env.delete("STRIKELAB_TEST_PARAM");
  }
});
