// The Node client of the P2 benchmark (bench/p2_native.py): N getState calls through the l8sdk Node client,
// then N through a raw connect-es client (createClient + createGrpcTransport, no interceptors), alternating
// for several rounds. Between segments it reads process.ppid, which calls libc getppid(): callgrind dumps
// its counters there (--dump-before=getppid), so each segment is one round of one side.
// Usage: node main.mjs <sdks/node dir> <host:port> <rounds> <calls> [flat]  (flat: the SDK side calls the
// flattened form getStateFlat(store, key)).
// CPU mode (no callgrind): `cpu:flat`, `cpu:obj` or `cpu:control` as the last argument measures, in this one
// process after a shared warm-up, <rounds> groups of <calls> call pairs: side A (the SDK's flattened call, its
// request-object call, or for the control the raw client itself) and side B (the raw client) alternate call by
// call (AB, BA, AB...), each call's client CPU time from process.cpuUsage() (user + system, microseconds); a
// group's figure per side is the median of its calls (robust to GC pauses and HTTP/2 housekeeping, which land
// on either side), and one JSON line {"a": [...], "b": [...]} (one value per group) is written to the file
// named by $L8_BENCH_OUT.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [sdkDir, target, roundsArg, callsArg, form] = process.argv.slice(2);
const rounds = Number(roundsArg);
const calls = Number(callsArg);
const require = createRequire(`${sdkDir}/package.json`);
const load = (name) => import(pathToFileURL(require.resolve(name)).href);
const { createClient } = await load("@connectrpc/connect");
const { createGrpcTransport } = await load("@connectrpc/connect-node");
const sdk = await import(pathToFileURL(`${sdkDir}/dist/index.js`).href);
const { Runtime } = await import(pathToFileURL(`${sdkDir}/dist/gen/spec/proto/runtime/v1/runtime_pb.js`).href);

const client = new sdk.Client({ endpoint: target, env: {} });
const raw = createClient(Runtime, createGrpcTransport({ baseUrl: `http://${target}` }));
const request = () => ({ storeName: "state_demo", key: "bench-key" });
let marks = 0;
const marker = () => {
  marks += process.ppid > 0 ? 1 : 0;
};
for (let i = 0; i < 50; i++) {
  await client.getState(request());
  await raw.getState(request());
}
if (form?.startsWith("cpu:")) {
  const sides = {
    flat: () => client.getStateFlat("state_demo", "bench-key"),
    obj: () => client.getState(request()),
    control: () => raw.getState(request()),
  };
  const a = sides[form.slice(4)];
  const b = () => raw.getState(request());
  if (a === undefined) process.exit(2);
  const once = async (fn) => {
    const start = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(start);
    return used.user + used.system;
  };
  const median = (xs) => {
    const s = [...xs].sort((x, y) => x - y);
    return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
  };
  for (let i = 0; i < 300; i++) {
    await a();
    await b();
  }
  const out = { a: [], b: [] };
  for (let r = 0; r < rounds; r++) {
    const ta = [];
    const tb = [];
    for (let i = 0; i < calls; i++) {
      if (i % 2 === 0) {
        ta.push(await once(a));
        tb.push(await once(b));
      } else {
        tb.push(await once(b));
        ta.push(await once(a));
      }
    }
    out.a.push(median(ta));
    out.b.push(median(tb));
  }
  (await import("node:fs")).writeFileSync(process.env.L8_BENCH_OUT, JSON.stringify(out));
  client.close();
  process.exit(0);
}
const sdkCall = form === "flat" ? () => client.getStateFlat("state_demo", "bench-key") : () => client.getState(request());
await sdkCall();
for (let r = 0; r < rounds; r++) {
  marker();
  for (let i = 0; i < calls; i++) await sdkCall();
  marker();
  for (let i = 0; i < calls; i++) await raw.getState(request());
}
marker();
client.close();
if (marks !== 2 * rounds + 1) process.exit(1);
process.exit(0);
