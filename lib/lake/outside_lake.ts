/**
 * Guarding the lake against a task's output file: `--out` may never point inside it, where
 * it could overwrite a partition or a manifest.
 *
 * @module
 */
import { resolve, sep } from "node:path";

function real(path: string): string {
  // resolve symlinks of the part that exists, so `ln -s data/lake x; --out x/...` is caught too
  let head = resolve(path), tail = "";
  for (;;) {
    try {
      return resolve(Deno.realPathSync(head), tail);
    } catch {
      const up = resolve(head, "..");
      if (up === head) return resolve(path);
      tail = tail ? `${head.slice(up.length + 1)}${sep}${tail}` : head.slice(up.length + 1);
      head = up;
    }
  }
}

/**
 * Throws a RangeError when `path` is the lake folder `root` or inside it (after resolving
 * `..` and symlinks), naming the flag.
 *
 * @example
 * ```ts
 * import { assertOutsideLake } from "./outside_lake.ts";
 * import { throws } from "node:assert/strict";
 * assertOutsideLake("/tmp/no-such-lake", "/tmp/out.csv", "--out");
 * throws(() => assertOutsideLake("/tmp/no-such-lake", "/tmp/no-such-lake/x/../y.csv", "--out"), RangeError);
 * ```
 */
export function assertOutsideLake(root: string, path: string, flag: string): void {
  const lake = real(root), target = real(path);
  if (target === lake || target.startsWith(lake + sep)) {
    throw new RangeError(
      `${flag} ${path} is inside the lake ${root}: the lake holds only partitions and manifests; write it elsewhere (e.g. reports/ or data/runs/)`,
    );
  }
}
