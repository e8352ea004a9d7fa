/**
 * A lock on the lake, so that two writers never race on a manifest: `<root>/.lock` holds the
 * writer's PID. A lock whose process is gone (e.g. killed with SIGKILL) is taken over.
 *
 * @module
 */

const HELD = new Map<string, number>();

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
 * Takes the lake lock; returns a function that releases it. Re-entrant within a process: a
 * task holding the lock may call a lib function that takes it too. With `waitMs`, waits
 * (polling every quarter second) while another live process holds it.
 *
 * @throws {LakeBusyError} when a live process holds it (past `waitMs`), naming the PID and
 *   the lock file.
 */
export async function acquireLakeLock(
  root: string,
  options: LakeLockOptions = {},
): Promise<() => Promise<void>> {
  const path = `${root}/.lock`;
  const held = HELD.get(path);
  if (held !== undefined) {
    HELD.set(path, held + 1);
    return () => {
      HELD.set(path, HELD.get(path)! - 1);
      return Promise.resolve();
    };
  }
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (;;) {
    try {
      return await tryLock(root, path);
    } catch (e) {
      if (!(e instanceof LakeBusyError) || Date.now() >= deadline) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function tryLock(root: string, path: string): Promise<() => Promise<void>> {
  await Deno.mkdir(root, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await Deno.writeTextFile(path, `${Deno.pid}\n`, { createNew: true });
      HELD.set(path, 1);
      return async () => {
        const n = HELD.get(path)! - 1;
        if (n > 0) return void HELD.set(path, n);
        HELD.delete(path);
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
