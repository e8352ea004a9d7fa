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

/** The lake lock is held by another live process. */
export class LakeBusyError extends Error {
  override readonly name = "LakeBusyError";
}

/** Options for {@linkcode acquireLakeLock}. */
export interface LakeLockOptions {
  /** How long to wait for a live holder to finish, ms (workers take turns). @default 0 */
  waitMs?: number;
}

/**
 * Takes the lake lock; returns a function that releases it. With `waitMs`, waits (polling
 * every quarter second) while a live process holds it.
 *
 * @throws {LakeBusyError} when a live process holds it (past `waitMs`), naming the PID and
 *   the lock file.
 */
export async function acquireLakeLock(
  root: string,
  options: LakeLockOptions = {},
): Promise<() => Promise<void>> {
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (;;) {
    try {
      return await tryLock(root);
    } catch (e) {
      if (!(e instanceof LakeBusyError) || Date.now() >= deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function tryLock(root: string): Promise<() => Promise<void>> {
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
        throw new LakeBusyError(
          `The lake ${root} is being written by process ${pid}: wait for it to finish, or delete ${path} if that process is not strikelab`,
        );
      }
      await Deno.remove(path).catch(() => {});
    }
  }
  throw new Error(`Cannot lock the lake ${root}: ${path} keeps reappearing`);
}
