import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { task as scan } from "../../tasks/scan.ts";
import { task as consolidate } from "../../tasks/consolidate.ts";
import { task as backtest } from "../../tasks/backtest.ts";
import { UsageError } from "../../lib/task/mod.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = `${ROOT}tests/task/_fixture_task.ts`;

async function run(args: string[], env: Record<string, string> = {}) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--config", `${ROOT}deno.json`, FIXTURE, ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

Deno.test("help lists each flag with its config path, schema default and help, and an example", () => {
  const help = scan.help();
  assert.match(help, /^deno task scan: find intraday option moves/);
  assert.match(
    help,
    /\n {2}--window N +N for the rolling references, minutes\.\n +config scan\.windowMin, default 30\n/,
  );
  assert.match(
    help,
    /\n {2}--direction up\|down\|both +up \| down \| both\.\n +config scan\.direction, default up\n/,
  );
  assert.match(
    help,
    /\n {2}--from YYYY-MM-DD +First trading date \(inclusive\); required to run a scan\. \(required\)\n/,
  );
  assert.match(
    help,
    /\n {2}--underlyings A,B +Underlyings whose options are scanned\.\n +config scan\.underlyings, default SPY\n/,
  );
  assert.match(
    help,
    /\n {2}--log-json +One JSON object a line instead of text\.\n +config log\.json, default false\n/,
  );
  assert.match(
    help,
    /\nexample:\n {2}deno task scan --from 2025-03-03 --to 2025-03-07 --underlyings SPY --threshold 0\.3\n/,
  );
  assert.match(help, /exit codes: 0 ok, 1 failure, 2 bad flags or config, 130 interrupted$/);
}); // deno-fmt-ignore

Deno.test("flags map to their config paths with the schema's kinds", () => {
  assert.deepEqual(
    scan.parse(["--underlyings", "SPY, QQQ", "--window", "15", "--threshold", "0.25", "--from", "2025-03-03"]).overrides,
    { scan: { underlyings: ["SPY", "QQQ"], windowMin: 15, threshold: 0.25, from: "2025-03-03" } },
  );
  assert.deepEqual(consolidate.parse(["--vix", "none", "--lags", "1,5,15"]).overrides, {
    consolidate: { vix: null, featureLags: [1, 5, 15] },
  });
  const bt = backtest.parse([
    "--strategy", "sma_cross", "--params", "fast=5,slow=20", "--grid", "fast=5,10,slow=20:60:20",
    "--walk-forward", "100:50", "--wf-mode", "anchored", "--stress", "--bootstrap", "500", "--top", "3",
  ]);
  assert.deepEqual(bt.overrides, {
    backtest: {
      strategy: "sma_cross",
      params: { fast: "5", slow: "20" },
      grid: { fast: "5,10", slow: "20:60:20" },
      validation: {
        walkForward: { trainBars: 100, testBars: 50, mode: "anchored" },
        stress: {},
        bootstrap: { n: 500 },
      },
    },
  });
  assert.equal(bt.flags.top, 3);
  assert.equal(backtest.parse([]).flags.top, 10);
}); // deno-fmt-ignore

Deno.test("parse() refuses unknown flags, singular forms with the plural named, and bad values", () => {
  const refuses = (args: string[], message: string) =>
    assert.throws(() => scan.parse(args), (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.equal(e.message, message);
      return true;
    });
  refuses(["--bogus"], "unknown flag --bogus (see --help for the flags)");
  refuses(
    ["--underlying", "SPY"],
    "--underlying is not a flag of this task: use --underlyings (a comma list, e.g. --underlyings SPY,QQQ)",
  );
  refuses(["--window", "1.5"], '--window must be a whole number, got "1.5"');
  refuses(["--threshold", "big"], '--threshold must be a number, got "big"');
  refuses(["--from", "2025-02-30"], '--from must be a real date YYYY-MM-DD, got "2025-02-30"');
  refuses(["--to", "2025-3-7"], '--to must be a real date YYYY-MM-DD, got "2025-3-7"');
  assert.throws(() => backtest.parse(["--symbol", "SPY"]), /use --symbols/);
});

Deno.test("a --config file is the base layer, flags override it, a missing file exits 2", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const file = `${dir}/lab.yaml`;
    await Deno.writeTextFile(
      file,
      `data:\n  dir: ${dir}/data\nscan:\n  windowMin: 45\n  threshold: 0.5\n  from: "2025-03-03"\n  to: "2025-03-07"\n`,
    );
    const { config } = await scan.load(["--config", file, "--threshold", "0.3"]);
    assert.equal(config!.data.dir, `${dir}/data`);
    assert.equal(config!.scan.windowMin, 45);
    assert.equal(config!.scan.threshold, 0.3);
    assert.equal(config!.scan.from, "2025-03-03");
    assert.equal(config!.scan.reference, "open");
    const missing = await run(["--config", `${dir}/nope.yaml`]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, `Invalid config:\n  --config ${dir}/nope.yaml: no such file\n`);
    await Deno.writeTextFile(file, "scan:\n  windowMin: 0\n");
    const bad = await scan.load(["--config", file]).catch((e) => e as Error);
    assert.match(String(bad), /scan\.windowMin: 0 is out of range \(from 1 to 390\)/);
    const flagged = await scan.load(["--window", "0"]).catch((e) => e as Error);
    assert.match(
      String(flagged),
      /scan\.windowMin: 0 is out of range \(from 1 to 390\) \(flag --window\)/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("exit codes: 0 ok, 1 failure, 2 bad flags, dates, ranges or input", async () => {
  const ok = await run(["--symbols", "QQQ,IWM", "--from", "2025-03-03"]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout, "symbols QQQ,IWM from 2025-03-03\n");
  const fail = await run(["--mode", "fail"]);
  assert.equal(fail.code, 1);
  assert.equal(fail.stderr, "error: Cannot finish: the fixture fails on purpose\n");
  const usage = await run(["--mode", "usage"]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /^error: the fixture refuses its input\n/);
  const unknown = await run(["--symbol", "SPY"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^error: --symbol is not a flag of this task: use --symbols/);
  const feb30 = await run(["--from", "2025-02-30"]);
  assert.equal(feb30.code, 2);
  assert.match(feb30.stderr, /^error: --from must be a real date YYYY-MM-DD, got "2025-02-30"/);
  const backwards = await run(["--from", "2025-03-07", "--to", "2025-03-03"]);
  assert.equal(backwards.code, 2);
  assert.match(backwards.stderr, /^error: --from 2025-03-07 is after --to 2025-03-03/);
  const help = await run(["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^deno task fixture: exercise the task layer/);
});

Deno.test("Ctrl-C: the run's signal aborts and the task exits 130", async () => {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--config", `${ROOT}deno.json`, FIXTURE, "--mode", "wait"],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const reader = child.stdout.getReader();
  let seen = "";
  while (!seen.includes("ready")) {
    const { value, done } = await reader.read();
    if (done) break;
    seen += new TextDecoder().decode(value);
  }
  reader.releaseLock();
  child.kill("SIGINT");
  const out = await child.output();
  assert.equal(out.code, 130);
  assert.match(
    new TextDecoder().decode(out.stderr),
    /^warn: stopping after the work under way \(Ctrl-C again to quit at once\)$/m,
  );
});

Deno.test("--log-json makes every stderr line JSON: logs, progress and the error", async () => {
  const r = await run(["--mode", "progress", "--log-json"]);
  assert.equal(r.code, 1);
  const lines = r.stderr.trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => [l.level, l.message]), [
    ["info", "starting"],
    ["info", "progress"],
    ["info", "progress"],
    ["warn", "a warning"],
    ["error", "error: Cannot finish after progress"],
  ]);
  assert.deepEqual(lines[0].symbols, ["SPY"]);
  assert.deepEqual([lines[2].done, lines[2].total, lines[2].rows, lines[2].label], [
    3,
    3,
    30,
    "steps",
  ]);
  assert.equal(lines[4].exitCode, 1);
  const bad = await run(["--from", "2025-02-30", "--log-json"]);
  assert.equal(bad.code, 2);
  assert.equal(JSON.parse(bad.stderr).exitCode, 2);
}); // deno-fmt-ignore
