import assert from "node:assert/strict";
import { externalReferences } from "../../lib/report/mod.ts";
import { FIXTURES, reportTask } from "./_runner.ts";

Deno.test("report task writes one self-contained page with parameters reaching the notebook", async () => {
  const out = await Deno.makeTempDir({ prefix: "report-" });
  try {
    const r = await reportTask([
      `${FIXTURES}/displays.ipynb`,
      "--param",
      "REPORT_TITLE=Params reached the kernel",
      "--param",
      "POINTS=25",
      "--out-dir",
      out,
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /✓ tests\/fixtures\/report\/displays\.ipynb → .*displays\.html \(\d+\.\d MB/,
    );
    const html = await Deno.readTextFile(`${out}/displays.html`);
    assert.ok(
      html.includes("Params reached the kernel"),
      "REPORT_TITLE was not seen by the notebook",
    );
    assert.ok(html.includes("25 rows × 6 columns"), "POINTS was not seen by the notebook");
    assert.match(html, /<td><code>POINTS<\/code><\/td>\s*<td><code>25<\/code><\/td>/);
    assert.equal(html.match(/data-strikelab-plotly=/g)?.length, 1);
    assert.deepEqual(externalReferences(html), []);
    assert.match(html, /<title>displays<\/title>/);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("report task exits 1 and prints the failing cell and its error", async () => {
  const out = await Deno.makeTempDir({ prefix: "report-" });
  try {
    const r = await reportTask([`${FIXTURES}/failing.ipynb`, "--out-dir", out]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /✗ tests\/fixtures\/report\/failing\.ipynb failed/);
    assert.match(r.stderr, /failed in cell 3 of 4:\n {4}if \(rsiWindow < 2\) \{/);
    assert.match(r.stderr, /RangeError: Cannot compute RSI: window must be >= 2, got 0/);
    assert.ok(
      !r.stderr.includes(String.fromCharCode(27)),
      "error text must be free of terminal colour codes",
    );
    assert.deepEqual([...Deno.readDirSync(out)], [], "no report is written for a failed notebook");
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("report task stops a notebook at its time limit and names the running cell", async () => {
  const dir = await Deno.makeTempDir({ prefix: "report-" });
  try {
    const nb = JSON.parse(await Deno.readTextFile(`${FIXTURES}/failing.ipynb`));
    nb.cells[2].source = "await new Promise((r) => setTimeout(r, 60_000));";
    await Deno.writeTextFile(`${dir}/slow.ipynb`, JSON.stringify(nb));
    const r = await reportTask([`${dir}/slow.ipynb`, "--timeout-s", "4", "--out-dir", dir]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /timed out after 4 s in cell 3 of 4/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("report task without Jupyter on PATH prints the install commands and exits 2", async () => {
  const bin = await Deno.makeTempDir({ prefix: "path-" });
  try {
    await Deno.symlink(Deno.execPath(), `${bin}/deno`);
    const r = await reportTask([`${FIXTURES}/displays.ipynb`], {
      PATH: bin,
      HOME: Deno.env.get("HOME") ?? "/",
    }, true);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^Cannot run notebooks: Jupyter is not installed \(no jupyter-nbconvert, jupyter or python3 on PATH\)/,
    );
    assert.match(
      r.stderr,
      /apt-get install -y --no-install-recommends jupyter-nbconvert python3-nbclient/,
    );
    assert.match(r.stderr, /deno task notebooks:setup/);
    assert.equal(r.stderr.trim().split("\n").filter((l) => l.startsWith("Cannot")).length, 1);
  } finally {
    await Deno.remove(bin, { recursive: true });
  }
});

Deno.test("report task without the Deno kernel registered says how to register it and exits 2", async () => {
  const data = await Deno.makeTempDir({ prefix: "jupyter-data-" });
  try {
    // Jupyter also looks in ~/.local/share/jupyter, so HOME moves too; DENO_DIR stays put.
    const info = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json"],
      stdout: "piped",
    })
      .output();
    const denoDir =
      (JSON.parse(new TextDecoder().decode(info.stdout)) as { denoDir: string }).denoDir;
    const r = await reportTask([`${FIXTURES}/displays.ipynb`, "--out-dir", data], {
      JUPYTER_DATA_DIR: data,
      HOME: data,
      DENO_DIR: denoDir,
    });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^Cannot run notebooks: the Deno Jupyter kernel is not registered/);
    assert.match(r.stderr, /deno task notebooks:setup {4}\(runs: deno jupyter --install --force\)/);
  } finally {
    await Deno.remove(data, { recursive: true });
  }
});

Deno.test("report task rejects a malformed --param", async () => {
  const r = await reportTask([`${FIXTURES}/displays.ipynb`, "--param", "FROM"]);
  assert.equal(r.code, 2); // bad arguments
  assert.match(r.stderr, /must look like NAME=VALUE/);
});
