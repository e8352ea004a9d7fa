/**
 * plotly.js shipped small: the bundle compressed with LZMA (`xz --format=lzma -9e`,
 * 1.12 MB for the 4.83 MB bundle) and written as basE91 text (1.38 MB), decoded in
 * the page by a 2 KB script. The browser's own `DecompressionStream` only knows
 * gzip and deflate, which leave 1.48 MB of bytes (1.97 MB as base64): too much for
 * a page under 1.5 MB.
 *
 * On a page: {@linkcode plotlyBlobTag} holds the text once; every figure script
 * calls `window.strikelabPlotly()` (defined by {@linkcode PLOTLY_LOADER}), a
 * promise of `window.Plotly` that decodes the first blob it finds in the document,
 * waiting for one to appear (a notebook reloaded in the browser renders its saved
 * outputs one by one).
 *
 * The asset is made by `deno run -A tests/report/make_plotly_asset.ts`; a test
 * checks that it decodes to the pinned bundle byte for byte.
 *
 * @module
 */
import { deflateRawSync } from "node:zlib";
import BLOB from "./_assets/plotly.min.js.lzma.b91" with { type: "text" };
import PLOTLY_SOURCE from "plotly.js-dist-min/plotly.min.js" with { type: "text" };

/** basE91 alphabet with `-` in place of `<`, so the text never holds `</script`. */
export const B91 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" +
  '!#$%&()*+,./:;-=>?@[]^_`{|}~"';

/** basE91 text of `bytes` (Henke's encoding, alphabet {@linkcode B91}). */
export function base91Encode(bytes: Uint8Array): string {
  let out = "";
  let b = 0, n = 0;
  for (const byte of bytes) {
    b |= byte << n;
    n += 8;
    if (n > 13) {
      let v = b & 8191;
      if (v > 88) {
        b >>= 13;
        n -= 13;
      } else {
        v = b & 16383;
        b >>= 14;
        n -= 14;
      }
      out += B91[v % 91] + B91[(v / 91) | 0];
    }
  }
  if (n) {
    out += B91[b % 91];
    if (n > 7 || b > 90) out += B91[(b / 91) | 0];
  }
  return out;
}

/** The 125 one-byte characters an HTML file can carry raw in a script: U+0001–U+007F but CR and `<`. */
export const B125: string = Array.from({ length: 127 }, (_, i) => String.fromCharCode(i + 1))
  .filter((c) => c !== "\r" && c !== "<").join("");

/** basE91 bytes back (the TypeScript twin of the page decoder). */
export function base91Decode(text: string): Uint8Array {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < 91; i++) table[B91.charCodeAt(i)] = i;
  const out = new Uint8Array(Math.ceil((text.length * 14) / 16) + 8);
  let k = 0, v = -1, b = 0, n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const d = c < 128 ? table[c] : -1;
    if (d < 0) continue;
    if (v < 0) v = d;
    else {
      v += d * 91;
      b |= v << n;
      n += (v & 8191) > 88 ? 13 : 14;
      do {
        out[k++] = b & 255;
        b >>= 8;
        n -= 8;
      } while (n > 7);
      v = -1;
    }
  }
  if (v > -1) out[k++] = (b | (v << n)) & 255;
  return out.subarray(0, k);
}

/** Digits per group of `k` bytes in {@linkcode base125Encode} (`125^d >= 256^k`). */
const B125_DIGITS = [0, 2, 3, 4, 5, 6, 7];

/**
 * Text of `bytes` in base 125 over {@linkcode B125}: each 6 bytes (a 48-bit
 * number, little-endian) become 7 characters, least significant digit first;
 * a last group of k bytes takes {@linkcode B125_DIGITS}[k]. 1.167 characters
 * (bytes of UTF-8) per byte, against 1.23 for basE91 and 1.33 for base64; only
 * for HTML files, as JSON escapes the control characters it uses.
 */
export function base125Encode(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 6) {
    const k = Math.min(6, bytes.length - i);
    let x = 0;
    for (let j = k - 1; j >= 0; j--) x = x * 256 + bytes[i + j];
    let chunk = "";
    for (let d = 0; d < B125_DIGITS[k]; d++) {
      const r = x % 125;
      chunk += B125[r];
      x = (x - r) / 125;
    }
    parts.push(chunk);
  }
  return parts.join("");
}

/**
 * The page-side decoders as one script: `strikelabB91(text)` → bytes,
 * `strikelabLzma(bytes, size)` → bytes (an LZMA-alone stream, after the
 * reference decoder LzmaSpec.cpp), `window.strikelabPlotly()`, and
 * `window.strikelabFigure(el)` (a figure's JSON compressed by `compactFigures`). Plain ES2017,
 * no `<`-slash sequence. Tests run the same source in Deno.
 */
export const DECODERS = String.raw`
function strikelabB91(s){var A=${
  JSON.stringify(B91)
},t=new Int16Array(128).fill(-1),i;for(i=0;i<91;i++)t[A.charCodeAt(i)]=i;
var o=new Uint8Array(Math.ceil(s.length*14/16)+8),k=0,v=-1,b=0,n=0;for(i=0;i<s.length;i++){var c=s.charCodeAt(i),d=c<128?t[c]:-1;if(d<0)continue;
if(v<0){v=d;}else{v+=d*91;b|=v<<n;n+=(v&8191)>88?13:14;do{o[k++]=b&255;b>>=8;n-=8;}while(n>7);v=-1;}}
if(v>-1)o[k++]=(b|v<<n)&255;return o.subarray(0,k);}
function strikelabB125(s,nb){var A=${
  JSON.stringify(B125)
},t=new Int16Array(128).fill(-1),i,j;for(i=0;i<125;i++)t[A.charCodeAt(i)]=i;
var o=new Uint8Array(nb),k=0,D=[0,2,3,4,5,6,7];for(i=0;k<nb;){var g=nb-k<6?nb-k:6,x=0,m=1;for(j=0;j<D[g];j++){x+=t[s.charCodeAt(i++)]*m;m*=125;}
for(j=0;j<g;j++){var r=x%256;o[k++]=r;x=(x-r)/256;}}return o;}
function strikelabLzma(src,size){var p=0,d=src[p++],lc=d%9;d=(d/9)|0;var lp=d%5,pb=(d/5)|0;p+=12;
var out=new Uint8Array(size),op=0,range=4294967295,code=0,i;if(src[p++]!==0)throw new Error("LZMA: bad stream");
for(i=0;i<4;i++)code=code*256+src[p++];
function P(n){var a=new Uint16Array(n);a.fill(1024);return a;}
function bit(a,j){var q=a[j],bound=(range>>>11)*q,r;if(code<bound){range=bound;a[j]=q+((2048-q)>>5);r=0;}
else{range-=bound;code-=bound;a[j]=q-(q>>5);r=1;}if(range<16777216){range*=256;code=code*256+src[p++];}return r;}
function tree(a,base,nb){var m=1;for(var j=0;j<nb;j++)m=(m<<1)+bit(a,base+m);return m-(1<<nb);}
function rtree(a,base,nb){var m=1,s=0;for(var j=0;j<nb;j++){var x=bit(a,base+m);m=(m<<1)+x;s|=x<<j;}return s;}
function direct(nb){var r=0;do{range=range/2>>>0;var x=0;if(code>=range){code-=range;x=1;}r=r*2+x;
if(range<16777216){range*=256;code=code*256+src[p++];}}while(--nb);return r;}
function Len(){return{c:P(2),low:P(256),mid:P(256),high:P(256)};}
function len(L,ps){if(!bit(L.c,0))return tree(L.low,ps<<3,3);if(!bit(L.c,1))return 8+tree(L.mid,ps<<3,3);return 16+tree(L.high,0,8);}
var lit=P(768<<(lc+lp)),isMatch=P(192),isRep=P(12),g0=P(12),g1=P(12),g2=P(12),rep0Long=P(192),
slot=P(256),posP=P(115),align=P(16),L=Len(),R=Len(),state=0,r0=0,r1=0,r2=0,r3=0,pbm=(1<<pb)-1,lpm=(1<<lp)-1;
while(op<size){var ps=op&pbm;if(!bit(isMatch,(state<<4)+ps)){var prev=op>0?out[op-1]:0,
base=768*(((op&lpm)<<lc)+(prev>>(8-lc))),s=1;if(state>=7){var mb=out[op-r0-1];
do{var mbit=(mb>>7)&1;mb<<=1;var x=bit(lit,base+((1+mbit)<<8)+s);s=(s<<1)|x;if(mbit!==x)break;}while(s<256);}
while(s<256)s=(s<<1)|bit(lit,base+s);out[op++]=s-256;state=state<4?0:state<10?state-3:state-6;continue;}
var n;if(bit(isRep,state)){if(op===0)throw new Error("LZMA: bad stream");
if(!bit(g0,state)){if(!bit(rep0Long,(state<<4)+ps)){state=state<7?9:11;out[op]=out[op-r0-1];op++;continue;}}
else{var dist;if(!bit(g1,state)){dist=r1;}else{if(!bit(g2,state)){dist=r2;}else{dist=r3;r3=r2;}r2=r1;}r1=r0;r0=dist;}
n=len(R,ps);state=state<7?8:11;}else{r3=r2;r2=r1;r1=r0;n=len(L,ps);state=state<7?7:10;
var ls=n<3?n:3,sl=tree(slot,ls<<6,6);if(sl<4){r0=sl;}else{var nd=(sl>>1)-1,dd=(2|(sl&1))*Math.pow(2,nd);
if(sl<14){dd+=rtree(posP,dd-sl,nd);}else{dd+=direct(nd-4)*16;dd+=rtree(align,0,4);}r0=dd;}
if(r0===4294967295)break;if(r0>=op)throw new Error("LZMA: bad distance");}
n+=2;for(i=0;i<n&&op<size;i++){out[op]=out[op-r0-1];op++;}}
if(op!==size)throw new Error("LZMA: stream ended early");return out;}
window.strikelabFigure=window.strikelabFigure||function(el){var b=strikelabB125(el.textContent,+el.getAttribute("data-deflate-bytes"));
return new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream("deflate-raw"))).text().then(JSON.parse);};
window.strikelabPlotly=window.strikelabPlotly||function(){if(window.Plotly)return Promise.resolve(window.Plotly);
if(window.strikelabPlotlyP)return window.strikelabPlotlyP;window.strikelabPlotlyP=new Promise(function(ok,fail){var t0=Date.now();
(function look(){var el=document.querySelector("script[data-"+"strikelab-plotly]");
if(!el){if(Date.now()-t0>15000){window.strikelabPlotlyP=null;fail(new Error("no plotly.js on this page: show a figure again to send it"));}else setTimeout(look,50);return;}
try{var tx=el.textContent,enc=el.getAttribute("data-encoding")==="b125"?strikelabB125(tx,+el.getAttribute("data-bytes")):strikelabB91(tx);
var js=new TextDecoder().decode(strikelabLzma(enc,+el.getAttribute("data-size")));
var s=document.createElement("script");s.textContent=js;document.head.appendChild(s);ok(window.Plotly);}catch(e){window.strikelabPlotlyP=null;fail(e);}})();});
return window.strikelabPlotlyP;};
`;

/** `<script>` defining `window.strikelabPlotly` (about 3 KB; repeat it freely). */
export const PLOTLY_LOADER = `<script>${DECODERS}</script>`;

/** Version of the bundle, from the pinned package's own header. */
export const PLOTLY_VERSION: string = /plotly\.js v(\d+\.\d+\.\d+)/.exec(PLOTLY_SOURCE)?.[1] ??
  "unknown";

/** Decoded length of the bundle in bytes, written on the blob tag. */
export const PLOTLY_SIZE = 4_834_409;

let pageText: string | undefined;

/**
 * The compressed bundle as an inert `<script>` element, marked with
 * `data-strikelab-plotly` (a page's one copy of plotly.js): in basE91 (1.38 MB,
 * printable, for notebook outputs, which travel as JSON) or in base 125 for an
 * HTML file (1.30 MB).
 */
export function plotlyBlobTag(encoding: "b91" | "b125" = "b91"): string {
  const head = `<script data-strikelab-plotly="${PLOTLY_VERSION}" type="text/plain" ` +
    `data-size="${PLOTLY_SIZE}"`;
  if (encoding === "b91") return `${head} data-encoding="b91">${BLOB}</script>`;
  const lzma = base91Decode(BLOB);
  pageText ??= base125Encode(lzma);
  return `${head} data-encoding="b125" data-bytes="${lzma.length}">${pageText}</script>`;
}

/** The asset text itself (for tests and the asset maker). */
export const PLOTLY_BLOB: string = BLOB;

/** A figure's inert JSON element, as `figureHtml` writes it. */
const FIGURE_JSON =
  /<script type="application\/json" id="([A-Za-z][\w-]*-json)">([\s\S]*?)<\/script>/g;

/**
 * Compresses the JSON of every figure of an HTML file (deflate, level 9, then
 * base 125; decoded by `window.strikelabFigure` with the browser's
 * `DecompressionStream`): figure data shrinks about 3.5 times. Only for a page
 * that also holds the loader.
 */
export function compactFigures(html: string): string {
  return html.replace(FIGURE_JSON, (_m, id: string, json: string) => {
    const bytes = deflateRawSync(new TextEncoder().encode(json), { level: 9 });
    return `<script type="text/plain" id="${id}" data-deflate-bytes="${bytes.length}">` +
      `${base125Encode(bytes)}</script>`;
  });
}
