/**
 * Rebuilds lib/report/_assets/plotly.min.js.lzma.b91 from the pinned plotly.js
 * bundle: `xz --format=lzma -9e` (Debian xz-utils), then basE91 text. Run after
 * changing the plotly.js-dist-min version (tests/report/plotly_blob_test.ts fails
 * until then), and update PLOTLY_SIZE in lib/report/_plotly_blob.ts.
 *
 * Run: deno run -A tests/report/make_plotly_asset.ts
 */
import { base91Encode } from "../../lib/report/_plotly_blob.ts";

const bundle = new URL(import.meta.resolve("plotly.js-dist-min/plotly.min.js")).pathname;
const xz = await new Deno.Command("xz", {
  args: ["--format=lzma", "-9e", "--stdout", bundle],
  stdout: "piped",
}).output();
if (!xz.success) throw new Error("xz failed (apt-get install xz-utils)");
const out = new URL("../../lib/report/_assets/plotly.min.js.lzma.b91", import.meta.url);
await Deno.writeTextFile(out, base91Encode(xz.stdout));
console.log(
  `${out.pathname}: ${xz.stdout.length} bytes LZMA, size ${(await Deno.stat(bundle)).size}`,
);
