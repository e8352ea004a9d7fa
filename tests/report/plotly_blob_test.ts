import assert from "node:assert/strict";
import PLOTLY_SOURCE from "plotly.js-dist-min/plotly.min.js" with { type: "text" };
import {
  base125Encode,
  base91Decode,
  base91Encode,
  DECODERS,
  PLOTLY_BLOB,
  PLOTLY_LOADER,
  PLOTLY_SIZE,
  plotlyBlobTag,
} from "../../lib/report/_plotly_blob.ts";

// The page-side decoders, run in Deno from the very source a page carries.
type Decoders = {
  strikelabB91(s: string): Uint8Array;
  strikelabB125(s: string, bytes: number): Uint8Array;
  strikelabLzma(b: Uint8Array, size: number): Uint8Array;
};
const decoders = new Function(
  "window",
  `${DECODERS}; return { strikelabB91, strikelabB125, strikelabLzma };`,
)({}) as Decoders;

Deno.test("the LZMA asset decodes in page code to the pinned plotly.js, byte for byte", () => {
  const bundle = new TextEncoder().encode(PLOTLY_SOURCE);
  assert.equal(bundle.length, PLOTLY_SIZE, "PLOTLY_SIZE (rerun make_plotly_asset.ts)");
  const lzma = decoders.strikelabB91(PLOTLY_BLOB);
  assert.equal(lzma[0], 0x5d, "LZMA-alone props lc=3 lp=0 pb=2");
  const out = decoders.strikelabLzma(lzma, PLOTLY_SIZE);
  assert.equal(out.length, bundle.length);
  let firstDiff = -1;
  for (let i = 0; i < out.length && firstDiff < 0; i++) if (out[i] !== bundle[i]) firstDiff = i;
  assert.equal(firstDiff, -1, `first differing byte ${firstDiff}`);
});

Deno.test("basE91 round-trips every byte value and never writes '<'", () => {
  const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + (i >> 3)) & 255);
  for (const n of [0, 1, 2, 3, 13, 14, 255, 5000]) {
    const text = base91Encode(bytes.subarray(0, n));
    assert.ok(!text.includes("<"));
    assert.deepEqual(decoders.strikelabB91(text), bytes.subarray(0, n), `length ${n}`);
  }
  assert.equal(base91Encode(new TextEncoder().encode("test")), "fPNKd");
});

Deno.test("a corrupt stream fails with a message instead of returning garbage", () => {
  const lzma = decoders.strikelabB91(PLOTLY_BLOB).slice(0, 20_000);
  assert.throws(() => decoders.strikelabLzma(lzma, PLOTLY_SIZE));
  const bad = decoders.strikelabB91(PLOTLY_BLOB).slice();
  bad[13] = 1;
  assert.throws(() => decoders.strikelabLzma(bad, PLOTLY_SIZE), /LZMA: bad stream/);
});

Deno.test("loader and blob are inert, script-safe and small", () => {
  assert.ok(!/<\/?script/i.test(DECODERS));
  assert.ok(PLOTLY_LOADER.length < 5000, `loader ${PLOTLY_LOADER.length} bytes`);
  const tag = plotlyBlobTag();
  assert.ok(tag.length < 1_400_000, `blob ${tag.length} bytes`);
  assert.equal(tag.match(/<\/script/g)?.length, 1);
});

Deno.test("base 125 round-trips every group length and uses no CR, NUL or '<'", () => {
  const bytes = Uint8Array.from({ length: 600 }, (_, i) => (i * 131 + 7) & 255);
  bytes.fill(255, 100, 140);
  bytes.fill(0, 200, 250);
  for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 600]) {
    const text = base125Encode(bytes.subarray(0, n));
    assert.ok(!/[\r\0<]/.test(text));
    assert.deepEqual(decoders.strikelabB125(text, n), bytes.subarray(0, n), `length ${n}`);
  }
  const page = plotlyBlobTag("b125");
  const text = page.slice(page.indexOf(">") + 1, page.lastIndexOf("</script>"));
  const lzma = base91Decode(PLOTLY_BLOB);
  assert.deepEqual(decoders.strikelabB125(text, lzma.length), lzma);
  assert.ok(page.length < 1_310_000, `page copy ${page.length} bytes`);
});
