// Every task answers --help with exit 0, its flags and an example, and does nothing else.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const deno = JSON.parse(await Deno.readTextFile(`${ROOT}deno.json`));
const TASKS = Object.entries(deno.tasks as Record<string, string>)
  .map(([name, cmd]) => [name, /tasks\/([a-z_]+)\.ts/.exec(cmd)?.[1]] as const)
  .filter((t): t is readonly [string, string] => t[1] !== undefined);

Deno.test("every deno task answers --help with exit 0, flags, config paths and an example", async () => {
  assert.ok(TASKS.length >= 11, TASKS.map((t) => t[0]).join(" "));
  const dir = await Deno.makeTempDir();
  try {
    for (const [name, file] of TASKS) {
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", "--config", `${ROOT}deno.json`, `${ROOT}tasks/${file}.ts`, "--help"],
        cwd: dir,
        // a Jupyter data folder of its own: notebooks:setup --help must not install a kernel
        env: { NO_COLOR: "1", JUPYTER_DATA_DIR: `${dir}/jupyter` },
        stdout: "piped",
        stderr: "piped",
      }).output();
      const stdout = new TextDecoder().decode(out.stdout);
      assert.equal(out.code, 0, `${name}: ${new TextDecoder().decode(out.stderr)}`);
      assert.match(stdout, new RegExp(`^deno task ${name}: `), name);
      assert.match(stdout, /\n {2}--config FILE /, name);
      assert.match(stdout, /\nexamples?:\n {2}deno task /, name);
      if (name === "notebooks:clean") assert.match(stdout, /--check/);
    }
    assert.deepEqual([...Deno.readDirSync(dir)], [], "--help wrote files");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
