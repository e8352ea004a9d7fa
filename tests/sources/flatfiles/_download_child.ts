/** Child process of the kill test: downloads one object into a cache folder. */
import {
  createS3Client,
  downloadObject,
  FlatFileCache,
} from "../../../lib/sources/flatfiles/mod.ts";

const [endpoint, key, dir] = Deno.args;
const client = createS3Client({
  endpoint,
  bucket: "flatfiles",
  region: "us-east-1",
  accessKeyId: "S3RVER",
  secretAccessKey: "S3RVER",
});
const cache = await FlatFileCache.open(dir, { maxBytes: 1e9 });
console.log("started");
await downloadObject(client, cache, key);
console.log("done");
