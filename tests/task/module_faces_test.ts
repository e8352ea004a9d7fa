// One face per module: code outside lib/<m>/ imports lib/<m>/ only through lib/<m>/mod.ts
// (never a private _*.ts file nor another public file), and *_test.ts files live in tests/.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function walk(dir: string, out: string[] = []): string[] {
  for (const e of Deno.readDirSync(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory) walk(p, out);
    else if (e.name.endsWith(".ts")) out.push(p);
  }
  return out;
}

/** The module of a file under lib/ (`lib/backtest/kernels/x.ts` → `backtest`), or null. */
function moduleOf(file: string): string | null {
  const rel = relative(join(ROOT, "lib"), file);
  if (rel.startsWith("..")) return null;
  const parts = rel.split("/");
  return parts.length > 1 ? parts[0] : null;
}

const SPEC = /(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** Every import of another module's file other than its mod.ts, as `file: specifier`. */
export function faceViolations(files: string[]): string[] {
  const bad: string[] = [];
  for (const file of files) {
    const own = moduleOf(file);
    const text = Deno.readTextFileSync(file);
    for (const m of text.matchAll(SPEC)) {
      let spec = m[1] ?? m[2];
      if (spec.startsWith("@lib/")) spec = join(ROOT, "lib", spec.slice(5));
      else if (spec.startsWith(".")) spec = resolve(dirname(file), spec);
      else continue;
      const target = moduleOf(spec);
      if (target === null || target === own) continue;
      // a module's face is its mod.ts; a sub-module (sources/sim/) may have its own
      const inside = relative(join(ROOT, "lib", target), spec);
      if (inside !== "mod.ts" && !inside.endsWith("/mod.ts") || inside.includes("/_")) {
        bad.push(`${relative(ROOT, file)}: ${m[1] ?? m[2]}`);
      }
    }
  }
  return bad.sort();
}

Deno.test("lib/ and tasks/ import another module only through its mod.ts", () => {
  const files = [...walk(join(ROOT, "lib")), ...walk(join(ROOT, "tasks"))];
  assert.deepEqual(faceViolations(files), []);
});

Deno.test("the face check catches a private import and a non-mod.ts import of another module", () => {
  const dir = Deno.makeTempDirSync({ dir: join(ROOT, "lib"), prefix: ".faces-" });
  try {
    const file = join(dir, "x.ts");
    Deno.writeTextFileSync(
      file,
      'import { a } from "../lake/_fsync.ts";\nexport { b } from "../calendar/session.ts";\nimport { c } from "../calendar/mod.ts";\n',
    );
    const name = relative(ROOT, file);
    assert.deepEqual(faceViolations([file]), [
      `${name}: ../calendar/session.ts`,
      `${name}: ../lake/_fsync.ts`,
    ]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("no *_test.ts file lives under lib/ (deno test lib/ would run it)", () => {
  const misplaced = walk(join(ROOT, "lib")).filter((f) => /_test\.ts$/.test(f));
  assert.deepEqual(misplaced.map((f) => relative(ROOT, f)), []);
});

Deno.test("dates are validated by the calendar's one parser: Feb 30 fails everywhere", async () => {
  const { isIsoDate, loadConfig } = await import("../../lib/config/mod.ts");
  const { splitByDate } = await import("../../lib/backtest/mod.ts");
  const { OptionContractSchema } = await import("../../lib/market/mod.ts");
  const pl = (await import("nodejs-polars")).default;
  assert.equal(isIsoDate("2024-02-29"), true);
  assert.equal(isIsoDate("2025-02-29"), false);
  assert.equal(isIsoDate("2025-02-30"), false);
  assert.throws(
    () => loadConfig({ overrides: { scan: { from: "2025-02-30" } } }),
    /scan\.from: "2025-02-30" is not a date \(YYYY-MM-DD\)/,
  );
  const frame = pl.DataFrame({ ts: [Date.UTC(2025, 0, 2), Date.UTC(2025, 2, 3)] });
  assert.throws(
    () => splitByDate(frame, { validationFrom: "2025-02-30", holdoutFrom: "2025-03-10" }),
    /validationFrom must be YYYY-MM-DD or epoch ms, got 2025-02-30/,
  );
  const contract = {
    ticker: "O:SPY250228C00600000",
    underlying: "SPY",
    expiry: "2025-02-28",
    right: "call",
    strike: 600,
    multiplier: 100,
    style: "american",
  };
  assert.equal(OptionContractSchema.safeParse(contract).success, true);
  const bad = OptionContractSchema.safeParse({ ...contract, expiry: "2025-02-30" });
  assert.deepEqual(bad.error?.issues.map((i) => [i.path.join("."), i.message]), [
    ["expiry", "is not a real date (YYYY-MM-DD)"],
  ]);
});
