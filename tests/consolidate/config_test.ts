import assert from "node:assert/strict";
import { parse } from "yaml";
import { ConfigError, ConfigSchema, loadConfig } from "../../lib/config/mod.ts";
import { CONSOLIDATE_DEFAULTS, TRAINING_DEFAULTS } from "../../lib/consolidate/mod.ts";

const yaml = Deno.readTextFileSync(new URL("../../config/default.yaml", import.meta.url));

Deno.test("config/default.yaml documents exactly the consolidate and training defaults of the schema", () => {
  const defaults = ConfigSchema.parse({});
  const file = parse(yaml);
  assert.deepEqual(file.consolidate, defaults.consolidate);
  assert.deepEqual(file.training, defaults.training);
  const { underlyings: _u, from: _f, to: _t, vix: _v, ...consolidate } = defaults.consolidate;
  const { underlying: _, ...lib } = CONSOLIDATE_DEFAULTS;
  assert.deepEqual(consolidate, lib);
  const { underlyings: _tu, from: _tf, to: _tt, ...training } = defaults.training;
  assert.deepEqual(training, TRAINING_DEFAULTS);
});

Deno.test("the consolidate and training sections reject values that cannot work, naming the field", () => {
  const problems = (overrides: Record<string, unknown>) => {
    try {
      loadConfig({ overrides });
      return [];
    } catch (e) {
      assert.ok(e instanceof ConfigError);
      return e.problems;
    }
  };
  assert.match(
    problems({ training: { horizonMin: 5, toleranceMin: 5 } })[0],
    /^training\.toleranceMin: .*needs toleranceMin < horizonMin/,
  );
  assert.match(
    problems({ consolidate: { featureLags: [1, 1] } })[0],
    /^consolidate\.featureLags: .*has repeated values/,
  );
  assert.match(
    problems({ consolidate: { indicators: { macdFast: 30 } } })[0],
    /^consolidate\.indicators\.macdSlow: .*needs macdSlow > macdFast/,
  );
  assert.match(problems({ consolidate: { bogus: 1 } })[0], /bogus/);
  assert.deepEqual(problems({ consolidate: { vix: null, vixToleranceMin: 30 } }), []);
}); // deno-fmt-ignore
