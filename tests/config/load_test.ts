import assert from "node:assert/strict";
import YAML from "yaml";
import {
  ConfigError,
  loadConfig,
  type LoadConfigOptions,
  mergeDeep,
  parseDotenv,
} from "@lib/config/mod.ts";

const DEFAULT_YAML = new URL("../../config/default.yaml", import.meta.url);

/** The problems a bad config produces (fails the test when it loads). */
function problemsOf(options: LoadConfigOptions): string[] {
  try {
    loadConfig(options);
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
    assert.equal(e.message, `Invalid config:\n  ${e.problems.join("\n  ")}`);
    return e.problems;
  }
  assert.fail("the config loaded");
}

Deno.test("loadConfig() names a bad date with its path and value", () => {
  assert.deepEqual(problemsOf({ yamlText: "backfill:\n  to: 2025-13-01\n" }), [
    'backfill.to: "2025-13-01" is not a date (YYYY-MM-DD)',
  ]);
  assert.deepEqual(problemsOf({ yamlText: "backfill:\n  from: 2025-02-29\n" }), [
    'backfill.from: "2025-02-29" is not a date (YYYY-MM-DD)',
  ]);
});

Deno.test("loadConfig() says a number is out of range or not whole, with the range", () => {
  assert.deepEqual(problemsOf({ yamlText: "backfill:\n  concurrency: 0\n" }), [
    "backfill.concurrency: 0 is out of range (from 1 to 64)",
  ]);
  assert.deepEqual(problemsOf({ yamlText: "backfill:\n  concurrency: 2.5\n" }), [
    "backfill.concurrency: 2.5 is not a whole number (from 1 to 64)",
  ]);
});

Deno.test("loadConfig() lists the allowed words for a value that is not one of them", () => {
  assert.deepEqual(problemsOf({ yamlText: "log:\n  level: loud\n" }), [
    'log.level: "loud" is not one of debug, info, warn, error',
  ]);
  assert.deepEqual(problemsOf({ yamlText: "source:\n  name: yahoo\n" }), [
    'source.name: "yahoo" is not one of auto, sim, polygon, replay, flatfiles',
  ]);
});

Deno.test("loadConfig() rejects unknown keys at every level and points at default.yaml", () => {
  assert.deepEqual(problemsOf({ yamlText: "log:\n  levle: debug\n  jsn: true\n" }), [
    'log: unknown keys "levle", "jsn" (check the spelling against config/default.yaml)',
  ]);
  assert.deepEqual(problemsOf({ yamlText: "backfil:\n  to: 2025-03-07\n" }), [
    '(config): unknown key "backfil" (check the spelling against config/default.yaml)',
  ]);
});

Deno.test("loadConfig() rejects a lower-case ticker, also as a replay file key", () => {
  const why = "is not a ticker (upper-case letters, digits and dots; indices start with I:)";
  assert.deepEqual(problemsOf({ yamlText: "backfill:\n  symbols: [SPY, spy]\n" }), [
    `backfill.symbols.1: "spy" ${why}`,
  ]);
  assert.deepEqual(problemsOf({ yamlText: "source:\n  replay:\n    files:\n      vix: v.csv\n" }), [
    `source.replay.files.vix: key "vix" ${why}`,
  ]);
});

Deno.test("loadConfig() rejects a base URL that is not a URL, from the environment too", () => {
  assert.deepEqual(problemsOf({ env: { POLYGON_BASE_URL: "localhost 8765" } }), [
    'source.polygon.baseUrl: "localhost 8765" is not a URL (e.g. https://api.polygon.io)',
  ]);
});

Deno.test("loadConfig() reports YAML syntax errors on one line, naming the file", () => {
  const problems = problemsOf({ yamlText: "backfill: [\n", yamlName: "config/mine.yaml" });
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^config\/mine\.yaml: not valid YAML: .*line 2, column 1$/);
  assert.deepEqual(problemsOf({ yamlText: "- SPY\n", yamlName: "config/mine.yaml" }), [
    "config/mine.yaml: expected a mapping of sections at the top level",
  ]);
});

Deno.test("loadConfig() names the expected type for a wrong type and lists every problem", () => {
  assert.deepEqual(
    problemsOf({ yamlText: "backfill:\n  force: yes\n  concurrency: '4'\n  datasets: []\n" }),
    [
      "backfill.datasets: [] needs at least 1 item(s)",
      'backfill.concurrency: "4" is not a number (a whole number from 1 to 64)',
      'backfill.force: "yes" is not true or false',
    ],
  );
  assert.deepEqual(problemsOf({ yamlText: "backfill: 3\n" }), [
    "backfill: 3 is not a section (a mapping of keys)",
  ]);
});

Deno.test("loadConfig() never shows the API key in an error", () => {
  assert.deepEqual(problemsOf({ yamlText: "source:\n  polygon:\n    apiKey: ''\n" }), [
    "source.polygon.apiKey: (hidden) is empty",
  ]);
  assert.deepEqual(problemsOf({ yamlText: "source:\n  polygon:\n    apiKey: [sk-123]\n" }), [
    "source.polygon.apiKey: (hidden) is not text",
  ]);
});

Deno.test("loadConfig() layers file < .env < environment < flags, each winning over the last", () => {
  const yamlText = "data:\n  dir: from-file\n";
  const dotenvText = "STRIKELAB_DATA_DIR=from-dotenv\n";
  const env = { STRIKELAB_DATA_DIR: "from-env" };
  const overrides = { data: { dir: "from-flag" } };
  assert.equal(loadConfig({}).data.dir, "data");
  assert.equal(loadConfig({ yamlText }).data.dir, "from-file");
  assert.equal(loadConfig({ yamlText, dotenvText }).data.dir, "from-dotenv");
  assert.equal(loadConfig({ yamlText, dotenvText, env }).data.dir, "from-env");
  assert.equal(loadConfig({ yamlText, dotenvText, env, overrides }).data.dir, "from-flag");
  // an empty environment variable does not hide the layers below it
  assert.equal(
    loadConfig({ yamlText, dotenvText, env: { STRIKELAB_DATA_DIR: "" } }).data.dir,
    "from-dotenv",
  );
});

Deno.test("loadConfig() merges sections key by key and lets a list replace the lower one", () => {
  const config = loadConfig({
    yamlText: "backfill:\n  symbols: [SPY, QQQ]\n  concurrency: 8\n",
    overrides: { backfill: { symbols: ["IWM"] } },
  });
  assert.deepEqual(config.backfill.symbols, ["IWM"]);
  assert.equal(config.backfill.concurrency, 8);
  assert.deepEqual(mergeDeep({ a: { b: 1, c: [1, 2] } }, { a: { c: [3] } }), {
    a: { b: 1, c: [3] },
  });
});

Deno.test("loadConfig() reads the API key from the environment or .env, environment first", () => {
  assert.equal(
    loadConfig({ dotenvText: "POLYGON_API_KEY=k-dotenv" }).source.polygon.apiKey,
    "k-dotenv",
  );
  assert.equal(
    loadConfig({ dotenvText: "POLYGON_API_KEY=k-dotenv", env: { POLYGON_API_KEY: "k-env" } })
      .source.polygon.apiKey,
    "k-env",
  );
  assert.equal(loadConfig({}).source.polygon.apiKey, null);
});

Deno.test("parseDotenv() reads KEY=value lines with quotes, comments and export", () => {
  const text = [
    "# a comment",
    "export POLYGON_API_KEY='abc 123'",
    'POLYGON_BASE_URL="http://127.0.0.1:8765" ',
    "STRIKELAB_DATA_DIR=/tmp/lake # trailing comment",
    "NOT A LINE",
    "=no-name",
    "",
  ].join("\r\n");
  assert.deepEqual(parseDotenv(text), {
    POLYGON_API_KEY: "abc 123",
    POLYGON_BASE_URL: "http://127.0.0.1:8765",
    STRIKELAB_DATA_DIR: "/tmp/lake",
  });
});

Deno.test("config/default.yaml holds exactly the schema's defaults, every knob listed", async () => {
  const text = await Deno.readTextFile(DEFAULT_YAML);
  const defaults = loadConfig({});
  // every key with its default value, nothing more: the raw YAML equals the parsed defaults
  assert.deepEqual(YAML.parse(text), defaults);
  assert.deepEqual(loadConfig({ yamlText: text, yamlName: "config/default.yaml" }), defaults);
});
