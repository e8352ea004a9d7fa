/**
 * A lock on the lake, so that two writers never race on a manifest: `<root>/.lock` holds the
 * writer's PID. A lock whose process is gone (e.g. killed with SIGKILL) is taken over.
 *
 * @module
 */

/** Whether a process with this id is running (signal 0 semantics through SIGCONT). */
export function processAlive(pid: number): boolean {
  try {
    Deno.kill(pid, "SIGCONT");
    return true;
  } catch (e) {
    return !(e instanceof Deno.errors.NotFound || (e as Error).message.includes("ESRCH"));
  }
}

/**
 * Takes the lake lock; returns a function that releases it.
 *
 * @throws {Error} when a live process holds it, naming the PID and the lock file.
 */
export async function acquireLakeLock(root: string): Promise<() => Promise<void>> {
  await Deno.mkdir(root, { recursive: true });
  const path = `${root}/.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await Deno.writeTextFile(path, `${Deno.pid}\n`, { createNew: true });
      return async () => {
        await Deno.remove(path).catch(() => {});
      };
    } catch (e) {
      if (!(e instanceof Deno.errors.AlreadyExists)) throw e;
      const pid = Number((await Deno.readTextFile(path).catch(() => "")).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== Deno.pid && processAlive(pid)) {
        throw new Error(
          `The lake ${root} is being written by process ${pid}: wait for it to finish, or delete ${path} if that process is not strikelab`,
        );
      }
      await Deno.remove(path).catch(() => {});
    }
  }
  throw new Error(`Cannot lock the lake ${root}: ${path} keeps reappearing`);
}
