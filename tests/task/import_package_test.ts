// The lib is importable from a project outside the repository, without copying its import
// map: by path (dependencies resolve from the repository's node_modules, as Node resolution
// does), and as the package @strikelab/lab through a workspace that names the repository.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");

// The doc examples of lib/config/mod.ts and lib/calendar's parseIsoDate, run from outside.
const EXAMPLE = (from: string, calendar: string) => `
import { config } from "${from}";
import { parseIsoDate } from "${calendar}";
import { equal, throws } from "node:assert/strict";
const cfg = config.loadConfig({ yamlText: "backfill:\\n  symbols: [QQQ]\\n" });
equal(cfg.backfill.symbols[0], "QQQ");
equal(cfg.source.sim.seed, 42);
equal(parseIsoDate("2024-02-29"), "2024-02-29");
throws(() => parseIsoDate("2025-02-30"), RangeError);
console.log("example ok", cfg.backfill.symbols.join(","));
`;

async function runIn(dir: string) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "main.ts"],
    cwd: dir,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

Deno.test("a scratch project outside the repo imports lib/mod.ts by path and runs a doc example", async () => {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-scratch-" });
  try {
    assert.ok(!dir.startsWith(ROOT));
    // No import map: only Node-style resolution of the lib's npm dependencies.
    await Deno.writeTextFile(`${dir}/deno.json`, JSON.stringify({ nodeModulesDir: "manual" }));
    await Deno.writeTextFile(
      `${dir}/main.ts`,
      EXAMPLE(`${ROOT}/lib/mod.ts`, `${ROOT}/lib/calendar/mod.ts`),
    );
    const r = await runIn(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "example ok QQQ\n");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a scratch workspace imports @strikelab/lab and its module entries as a package", async () => {
  const dir = await Deno.makeTempDir({ prefix: "strikelab-scratch-" });
  try {
    await Deno.symlink(ROOT, `${dir}/strikelab`);
    await Deno.writeTextFile(`${dir}/deno.json`, JSON.stringify({ workspace: ["./strikelab"] }));
    await Deno.writeTextFile(
      `${dir}/main.ts`,
      EXAMPLE("@strikelab/lab", "@strikelab/lab/calendar"),
    );
    const r = await runIn(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "example ok QQQ\n");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("deno.json exports the lib and one entry per module, each a mod.ts that exists", async () => {
  const json = JSON.parse(await Deno.readTextFile(`${ROOT}/deno.json`));
  assert.equal(json.name, "@strikelab/lab");
  assert.match(json.version, /^\d+\.\d+\.\d+$/);
  const modules = [...Deno.readDirSync(`${ROOT}/lib`)].filter((e) => e.isDirectory)
    .map((e) => e.name).sort();
  const expected: Record<string, string> = { ".": "./lib/mod.ts" };
  for (const m of modules) expected[`./${m}`] = `./lib/${m}/mod.ts`;
  assert.deepEqual(json.exports, expected);
  const surface = await Deno.readTextFile(`${ROOT}/lib/mod.ts`);
  for (const m of modules) {
    assert.match(surface, new RegExp(`export \\* as ${m} from "\\./${m}/mod\\.ts"`), m);
  }
}); // deno-fmt-ignore
