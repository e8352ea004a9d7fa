import assert from "node:assert/strict";
import { acquireLakeLock } from "@lib/lake/mod.ts";
import { tempLake } from "./_helpers.ts";

const LOCK_MODULE = new URL("../../lib/lake/lock.ts", import.meta.url).href;

Deno.test("acquireLakeLock() writes our PID and removes the lock on release", async () => {
  const root = await tempLake();
  const release = await acquireLakeLock(root);
  assert.equal(await Deno.readTextFile(`${root}/.lock`), `${Deno.pid}\n`);
  await release();
  await assert.rejects(Deno.stat(`${root}/.lock`), Deno.errors.NotFound);
  await Deno.remove(root, { recursive: true });
});

Deno.test("acquireLakeLock() refuses a lake another live process holds, naming its PID", async () => {
  const root = await tempLake();
  // a second process takes the lock and holds it until its stdin closes
  const holder = new Deno.Command(Deno.execPath(), {
    args: [
      "eval",
      `const { acquireLakeLock } = await import(${JSON.stringify(LOCK_MODULE)});
       await acquireLakeLock(${JSON.stringify(root)});
       console.log("locked");
       for await (const _ of Deno.stdin.readable) { /* hold */ }`,
    ],
    stdin: "piped",
    stdout: "piped",
  }).spawn();
  const reader = holder.stdout.getReader();
  assert.equal(new TextDecoder().decode((await reader.read()).value).trim(), "locked");
  await assert.rejects(acquireLakeLock(root), {
    message:
      `The lake ${root} is being written by process ${holder.pid}: wait for it to finish, or delete ${root}/.lock if that process is not strikelab`,
  });
  await holder.stdin.close();
  reader.releaseLock();
  await holder.stdout.cancel();
  await holder.status;
  await Deno.remove(root, { recursive: true });
});

Deno.test("acquireLakeLock() takes over a stale lock left by a dead process", async () => {
  const root = await tempLake();
  const gone = new Deno.Command("true").spawn();
  await gone.status; // its PID is now free
  await Deno.writeTextFile(`${root}/.lock`, `${gone.pid}\n`);
  const release = await acquireLakeLock(root);
  assert.equal(await Deno.readTextFile(`${root}/.lock`), `${Deno.pid}\n`);
  await release();
  // a lock file with garbage in it is stale too
  await Deno.writeTextFile(`${root}/.lock`, "not a pid");
  await (await acquireLakeLock(root))();
  await Deno.remove(root, { recursive: true });
});
