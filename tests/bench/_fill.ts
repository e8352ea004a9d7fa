import { chainLake } from "./_chain_lake.ts";
await chainLake(Deno.args[0] as "week");
