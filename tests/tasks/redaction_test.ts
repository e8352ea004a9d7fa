import assert from "node:assert/strict";
import { filesUnder, runTask } from "./_run.ts";

// Two keys: one in the environment and .env, one only in .env (the environment wins, so the
// second is never used, but it is still a secret and must never be printed).
const KEY = "pk_LEAKCHECK_7f3a9c2e";
const DOTENV_ONLY = "pk_DOTENVONLY_41b8d0";

/** Runs backfill in a working folder holding the .env, then greps every byte it wrote. */
async function assertNoKeyWritten(args: string[], expectCode: number, withEnvKey = true) {
  const cwd = await Deno.makeTempDir({ prefix: "strikelab-redaction-test-" });
  const dataDir = `${cwd}/data`;
  const dotenvKey = withEnvKey ? KEY : DOTENV_ONLY;
  await Deno.writeTextFile(`${cwd}/.env`, `POLYGON_API_KEY=${dotenvKey}\n`);
  const env: Record<string, string> = { STRIKELAB_DATA_DIR: dataDir };
  if (withEnvKey) env.POLYGON_API_KEY = KEY;
  const r = await runTask("backfill", args, { cwd, env });
  assert.equal(r.code, expectCode, r.stderr);
  const written: [string, string][] = [["stdout", r.stdout], ["stderr", r.stderr]];
  for (const f of await filesUnder(cwd)) {
    if (f !== ".env") written.push([f, await Deno.readTextFile(`${cwd}/${f}`)]);
  }
  for (const [where, text] of written) {
    for (const key of [KEY, DOTENV_ONLY]) assert.ok(!text.includes(key), `${key} in ${where}`);
  }
  await Deno.remove(cwd, { recursive: true });
  return { r, written };
}

Deno.test("a backfill with POLYGON_API_KEY set writes the key nowhere: output, lake, run record", async () => {
  const { written } = await assertNoKeyWritten(
    ["--source", "sim", "--from", "2025-03-06", "--to", "2025-03-07"],
    0,
  );
  const record = written.find(([f]) => f.startsWith("data/runs/"));
  assert.ok(record, "a run record was written");
  assert.equal(JSON.parse(record[1]).config.source.polygon.apiKey, "***");
  assert.ok(written.some(([f]) => f.endsWith(".parquet")));
});

Deno.test("the key stays hidden with --log-json --log-level debug", async () => {
  const { r } = await assertNoKeyWritten(
    [
      "--source",
      "sim",
      "--from",
      "2025-03-06",
      "--to",
      "2025-03-06",
      "--log-json",
      "--log-level",
      "debug",
    ],
    0,
  );
  const first = JSON.parse(r.stderr.split("\n")[0]);
  assert.equal(first.level, "info");
});

Deno.test("the key stays hidden when flags are bad, even when a flag quotes it", async () => {
  await assertNoKeyWritten(["--source", "sim", "--from", "2025-03-06", "--bogus"], 2);
  const { r } = await assertNoKeyWritten(
    ["--source", "sim", "--from", KEY, "--to", "2025-03-07"],
    2,
  );
  assert.equal(
    r.stderr,
    'error: --from must be a real date YYYY-MM-DD, got "***"\n(deno task backfill --help lists the flags)\n',
  );
  // a key that is only in .env is known before the config parses
  const dotenv = await assertNoKeyWritten(
    ["--source", "sim", "--from", DOTENV_ONLY, "--to", "2025-03-07"],
    2,
    false,
  );
  assert.equal(
    dotenv.r.stderr,
    'error: --from must be a real date YYYY-MM-DD, got "***"\n(deno task backfill --help lists the flags)\n',
  );
  await assertNoKeyWritten([
    "--source",
    "sim",
    "--symbols",
    `${KEY},SPY`,
    "--from",
    "2025-03-06",
    "--to",
    "2025-03-07",
  ], 2);
});
