/**
 * Durable file operations: write to a temporary file in the same folder, fsync it, rename it
 * over the target, fsync the folder. A reader sees the old complete file or the new one.
 *
 * @module
 */
import { dirname } from "node:path";

/** Temporary files are named `.<name>.<random>.tmp` beside their target. */
export function tempPathFor(path: string): string {
  const slash = path.lastIndexOf("/");
  const rand = crypto.getRandomValues(new Uint32Array(2)).join("");
  return `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}.${rand}.tmp`;
}

/** fsyncs a file or folder by path. */
export async function syncPath(path: string): Promise<void> {
  const f = await Deno.open(path, { read: true });
  try {
    await f.sync();
  } finally {
    f.close();
  }
}

/** Moves a finished temporary file over `path` durably. */
export async function commitTemp(tmp: string, path: string): Promise<void> {
  await syncPath(tmp);
  await commitSynced(tmp, path);
}

/** Moves a temporary file its writer has already fsynced over `path`, and fsyncs the folder. */
export async function commitSynced(tmp: string, path: string): Promise<void> {
  await Deno.rename(tmp, path);
  await syncPath(dirname(path));
}

/** Writes bytes or text to `path` atomically (temp + fsync + rename + folder fsync). */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await Deno.mkdir(dirname(path), { recursive: true });
  const tmp = tempPathFor(path);
  try {
    if (typeof data === "string") await Deno.writeTextFile(tmp, data);
    else await Deno.writeFile(tmp, data);
    await commitTemp(tmp, path);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}
