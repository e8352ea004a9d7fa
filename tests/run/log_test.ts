import assert from "node:assert/strict";
import { createLogger } from "@lib/run/mod.ts";

const KEY = "pk_Zx81-secret";

function capture(options: Parameters<typeof createLogger>[0] = {}) {
  const lines: string[] = [];
  const log = createLogger({ ...options, write: (l) => lines.push(l), now: () => 0 });
  return { log, lines };
}

Deno.test("createLogger() writes level-prefixed lines at or above its level", () => {
  const { log, lines } = capture({ level: "warn" });
  log.debug("d");
  log.info("i");
  log.warn("w", { partition: "SPY" });
  log.error("e");
  assert.deepEqual(lines, ['warn: w {"partition":"SPY"}', "error: e"]);
});

Deno.test("createLogger() redacts secrets in messages and fields, text and JSON", () => {
  for (const json of [false, true]) {
    const { log, lines } = capture({ level: "debug", json, secrets: [KEY] });
    log.debug(`request with ${KEY}`, { url: `https://x/y?apiKey=${KEY}`, key: KEY });
    log.error(`GET /v3?apiKey=${KEY} failed`);
    assert.equal(lines.length, 2);
    for (const line of lines) assert.ok(!line.includes(KEY), line);
  }
});

Deno.test("createLogger() writes one JSON object a line with time, level and fields", () => {
  const { log, lines } = capture({ json: true, secrets: [KEY] });
  log.info(`key ${KEY}`, { rows: 390 });
  assert.deepEqual(JSON.parse(lines[0]), {
    time: "1970-01-01T00:00:00.000Z",
    level: "info",
    message: "key ***",
    rows: 390,
  });
});
