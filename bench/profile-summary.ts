// Reads a V8 .cpuprofile (BENCH_CPU_PROF=1 writes the server's) and prints where the time went:
// self time by package, then the heaviest functions. DevTools can open the file too; this is
// for a terminal and for pasting into an issue.
//   npx tsx bench/profile-summary.ts /tmp/accord-bench-profiles/CPU.….cpuprofile [N]
import { readFileSync } from "node:fs";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

function packageOf(frame: CallFrame): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (m?.[1]) return m[1];
  const ours = /\/(bench|lib|server|app)\//.exec(frame.url);
  if (ours) return `accord:${ours[1]}`;
  if (frame.url.startsWith("node:")) return "node (built-in)";
  if (frame.url.startsWith("wasm://")) return "wasm (Prisma query compiler)";
  // The profiler's own session (taking and serializing the profile), not the server.
  if (!frame.url && frame.functionName === "dispatch") return "(inspector dispatch)";
  // (idle), (garbage collector), (program), native functions such as writev
  return frame.url || frame.functionName || "(unknown)";
}

function labelOf(frame: CallFrame): string {
  const where = frame.url.replace(/.*node_modules\//, "").replace(/.*\/(bench|lib|server|app)\//, "$1/");
  return `${frame.functionName || "(anonymous)"} ${where}${where ? `:${frame.lineNumber + 1}` : ""}`;
}

function add(map: Map<string, number>, key: string, v: number): void {
  map.set(key, (map.get(key) ?? 0) + v);
}

const file = process.argv[2];
if (!file) {
  console.error("usage: npx tsx bench/profile-summary.ts FILE.cpuprofile [top N]");
  process.exit(2);
}
const top = Number(process.argv[3] ?? 20);
const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));

const selfByNode = new Map<number, number>();
profile.samples.forEach((id, i) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const byPackage = new Map<string, number>();
const byFunction = new Map<string, number>();
let total = 0;
let idle = 0;
for (const [id, us] of selfByNode) {
  const frame = nodes.get(id)?.callFrame;
  if (!frame) continue;
  total += us;
  if (frame.functionName === "(idle)") {
    idle += us;
    continue;
  }
  add(byPackage, packageOf(frame), us);
  add(byFunction, labelOf(frame), us);
}

const busy = total - idle;
const row = (us: number, name: string) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${name}`;
console.log(`sampled ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (${((100 * busy) / total).toFixed(0)} %); shares below are of busy time`);
console.log("\nself time by package:");
for (const [name, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(row(us, name));
console.log("\nself time by function:");
for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(row(us, name));
