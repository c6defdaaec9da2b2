// Which stretches of a V8 .cpuprofile kept the event loop busy, and with what: each run of
// consecutive non-idle samples longer than a threshold, with its heaviest functions (self) and
// the Accord frames (server/, lib/) it spent its time under (inclusive). A long gap between two
// samples is also reported: the profiler's thread did not get to sample, i.e. the process was
// not running (a busy machine) — not something the server's code did.
//   npx tsx bench/profile-long-tasks.ts /tmp/accord-bench-profiles/server-….cpuprofile [MIN_MS]
import { readFileSync } from "node:fs";

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };

/** Default: the server bench's target for the event loop's worst delay. */
const DEFAULT_MIN_MS = 100;
/** A pause between two samples this much above the sampling interval means the process was not running. */
const DESCHEDULED_GAP_MS = 20;
const LISTED_FUNCTIONS = 6;
const ACCORD_CODE = /^(?!.*node_modules).*\/(server|lib)\//;

function labelOf(frame: CallFrame): string {
  const where = frame.url.replace(/.*node_modules\//, "").replace(/.*\/(bench|lib|server|app)\//, "$1/");
  return `${frame.functionName || "(anonymous)"} ${where}${where ? `:${frame.lineNumber + 1}` : ""}`;
}

const file = process.argv[2];
if (!file) {
  console.error("usage: npx tsx bench/profile-long-tasks.ts FILE.cpuprofile [MIN_MS]");
  process.exit(2);
}
const minMs = Number(process.argv[3] ?? DEFAULT_MIN_MS);
const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const isIdle = (id: number) => nodes.get(id)?.callFrame.functionName === "(idle)";

type Task = { startMs: number; endMs: number; samples: Array<{ id: number; us: number }>; longestGapMs: number };
const tasks: Task[] = [];
let t = 0;
let task: Task | null = null;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  t += delta;
  if (isIdle(id)) {
    if (task && task.endMs - task.startMs >= minMs) tasks.push(task);
    task = null;
    return;
  }
  task ??= { startMs: (t - delta) / 1000, endMs: t / 1000, samples: [], longestGapMs: 0 };
  task.endMs = t / 1000;
  task.longestGapMs = Math.max(task.longestGapMs, delta / 1000);
  task.samples.push({ id, us: delta });
});
const last = task as Task | null;
if (last && last.endMs - last.startMs >= minMs) tasks.push(last);

const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, LISTED_FUNCTIONS);
console.log(`${tasks.length} busy stretches ≥ ${minMs} ms in ${(t / 1e6).toFixed(1)} s of profile (times from the profile's start)`);
for (const k of tasks.sort((a, b) => b.endMs - b.startMs - (a.endMs - a.startMs))) {
  const self = new Map<string, number>();
  const under = new Map<string, number>();
  for (const s of k.samples) {
    const frame = nodes.get(s.id)?.callFrame;
    if (frame) self.set(labelOf(frame), (self.get(labelOf(frame)) ?? 0) + s.us);
    // Inclusive time: each distinct frame on the stack counts the sample once.
    const seen = new Set<string>();
    for (let id: number | undefined = s.id; id !== undefined; id = parent.get(id)) {
      const f = nodes.get(id)?.callFrame;
      if (!f || !ACCORD_CODE.test(f.url)) continue;
      const label = labelOf(f);
      if (!seen.has(label)) under.set(label, (under.get(label) ?? 0) + s.us);
      seen.add(label);
    }
  }
  const gap = k.longestGapMs > DESCHEDULED_GAP_MS ? ` — longest pause between samples ${k.longestGapMs.toFixed(0)} ms: the process was not running` : "";
  console.log(`\n${(k.endMs - k.startMs).toFixed(0)} ms busy at ${(k.startMs / 1000).toFixed(2)} s (${k.samples.length} samples)${gap}`);
  console.log("  self:");
  for (const [label, us] of sorted(self)) console.log(`    ${(us / 1000).toFixed(0).padStart(6)} ms  ${label}`);
  console.log("  under Accord frames (inclusive):");
  for (const [label, us] of sorted(under)) console.log(`    ${(us / 1000).toFixed(0).padStart(6)} ms  ${label}`);
}
