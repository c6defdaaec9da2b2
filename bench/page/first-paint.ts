// `npm run bench -- page` (or `--page`): the proposal page's first paint for a long text — how
// soon the server answers and how soon the delegate can type.
//
// Seeded through Prisma before a production server starts (`npm run build` first; the server is
// `tsx server/index.ts` in production mode on a throw-away SQLite file, as the brackets bench's
// browser part runs it): the bench fixture's workshop (bench/fixture.ts), a chair, and proposals
// of 100,000 characters each (bench/exports/fixture.ts longDraft: headings, paragraphs, numbered
// clauses, one paragraph in five in Chinese, Japanese or Korean) with their starting draft and
// version 1, made by the same document-store helpers the app uses.
//
// Two cases, each measured in Chromium (Playwright, executablePath /usr/bin/chromium or
// CHROMIUM_PATH) as one delegate (next-auth session cookie), each load a new page in the same
// context (HTTP cache warm, Next's route code warm — a returning delegate):
//   - "loaded": someone (a headless tab, bench/accord-client.ts) is in the proposal's room the
//     whole time, so the server holds its live Y.Doc; the same proposal is loaded `loads` times;
//   - "not loaded": a proposal nobody has opened since the server started (its room is not in
//     memory, as on the first visit after a restart); every load opens another such proposal, so
//     each is the first (the tab's own join then loads the room).
// One warm-up load of each case first (Next loads the route's code, Prisma and SQLite warm up).
//
// Per load (times in ms from the navigation's start, the page's performance.now()):
//   - TTFB: Navigation Timing responseStart − requestStart (what the server took to start
//     answering), and the HTML's size (decodedBodySize) and download end (responseEnd);
//   - first contentful paint, and the first frame whose DOM holds the whole text (the
//     server-rendered fallback, or the editor) — "text visible";
//   - the doc:sync answer's arrival on the WebSocket (the text's bytes are in the tab), and the
//     bytes the WebSocket received until the editor was interactive;
//   - "editor interactive": the first animation frame (its rendering step's start) in which the
//     page has the TipTap editor (`.ProseMirror`) with contenteditable="true" holding the whole
//     text (its textContent at least the seeded characters). The editor is created only once
//     the provider has synced (components/editor/collaborative-editor.ts), and is editable only
//     when the room's join said this delegate may edit: "synced, editable, with the text".
// Medians of `loads` loads per case; the figures name the machine's load before the measured
// loads (other processes' CPU over 3 s), since a shared 2-core box moves them a lot.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { NOISY_OTHER_CPU_PCT, hostReport, sampleHost } from "../host.ts";
import { startAppServer } from "../app-server.ts";
import { median, round } from "../stats.ts";

export type PageBenchOptions = { loads: number; json: string | null; log: (line: string) => void };

/** The issue's targets (median of the loads, warm). */
export const TARGET = { ttfb_ms: 150, interactive_ms: 1000 } as const;
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHARS = 100_000;
/** BENCH_PAGE_PROFILE=1: after the measured loads, one more load per case under a V8 CPU profile (CDP); the top self times are printed (profiling slows the page: not for the figures). */
const IS_PROFILING = process.env.BENCH_PAGE_PROFILE === "1";
const SERVER_FLAGS = (process.env.BENCH_SERVER_FLAGS ?? "").split(/\s+/).filter(Boolean);
const WARMUPS = 1;
const LOAD_TIMEOUT_MS = 30_000;
/** As playwright.config.ts launches Debian's Chromium (root needs --no-sandbox). */
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export type PageLoad = {
  case: "loaded" | "not-loaded";
  status: number | null;
  ttfb_ms: number | null;
  response_start_ms: number | null;
  response_end_ms: number | null;
  html_bytes: number | null;
  dom_content_loaded_ms: number | null;
  fcp_ms: number | null;
  text_visible_ms: number | null;
  sync_arrived_ms: number | null;
  interactive_ms: number | null;
  ws_bytes_until_interactive: number | null;
  long_task_ms: number;
  /** The socket: created, open; room:join and doc:sync sent → answered (ms from navigation start). */
  socket: { created: number | null; open: number | null; join: [number, number | null] | null; sync: [number, number | null] | null; join_bytes: number | null; sync_bytes: number | null };
};

type CaseFigures = {
  loads: number;
  ttfb_ms: number | null;
  response_end_ms: number | null;
  html_bytes: number | null;
  fcp_ms: number | null;
  text_visible_ms: number | null;
  sync_arrived_ms: number | null;
  interactive_ms: number | null;
  ws_bytes_until_interactive: number | null;
  long_task_ms: number | null;
};

export type PageBenchReport = {
  bench: "page";
  chars: number;
  loads: number;
  warmups: number;
  target: typeof TARGET;
  loaded: CaseFigures;
  not_loaded: CaseFigures;
  met: { ttfb_loaded: boolean; interactive_loaded: boolean; ttfb_not_loaded: boolean; interactive_not_loaded: boolean };
  per_load: PageLoad[];
  host: { loadavg_1m_before: number; other_cpu_pct: number | null; noisy: boolean };
  chromium: string;
  problems: string[];
  skipped?: string;
};

/** The init script: runs in every page before any of the app's code. */
function pageScript(cfg: { chars: number }): string {
  return `(() => {
  const cfg = ${JSON.stringify(cfg)};
  const B = { syncArrived: null, textVisible: null, interactive: null, wsBytes: 0, wsBytesAtInteractive: null, longTasks: [], done: false };
  window.__accordPageBench = B;
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) B.longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: "longtask", buffered: true });
  } catch {}
  // Socket.io requests with an acknowledgement, by id: when each was sent and answered. Packets
  // with binary data are one binary frame (lib/realtime/one-frame-parser.ts: [0xb1][u32 header
  // length][JSON [type, nsp, id, data]][attachments]); the others socket.io's text encoding
  // ("4" + type + id + JSON).
  const asked = new Map();
  B.events = {};
  const view = (buf) => buf instanceof ArrayBuffer ? new Uint8Array(buf) : ArrayBuffer.isView(buf) ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : null;
  const head = (buf) => {
    const u = view(buf);
    if (!u || u.byteLength < 5 || u[0] !== 0xb1) return null;
    const len = new DataView(u.buffer, u.byteOffset, u.byteLength).getUint32(1, true);
    return new TextDecoder().decode(u.subarray(5, 5 + Math.min(len, 120)));
  };
  const sent = (data) => {
    if (typeof data === "string") { const m = /^4[25](\\d+)\\["([^"]+)"/.exec(data); return m && { id: m[1], name: m[2] }; }
    const h = head(data); const m = h && /^\\[[25],"[^"]*",(\\d+),\\["([^"]+)"/.exec(h); return m && { id: m[1], name: m[2] };
  };
  const answered = (data) => {
    if (typeof data === "string") { const m = /^4[36](\\d+)/.exec(data); return m && m[1]; }
    const h = head(data); const m = h && /^\\[[36],"[^"]*",(\\d+),/.exec(h); return m && m[1];
  };
  const Native = window.WebSocket;
  class BenchSocket extends Native {
    constructor(...args) {
      super(...args);
      if (B.wsCreated === undefined) B.wsCreated = performance.now();
      this.addEventListener("open", () => { if (B.wsOpen === undefined) B.wsOpen = performance.now(); });
      this.addEventListener("message", (ev) => {
        const now = performance.now();
        if (B.interactive === null) B.wsBytes += typeof ev.data === "string" ? ev.data.length : (ev.data.byteLength ?? ev.data.size ?? 0);
        const id = answered(ev.data);
        const q = id !== null && asked.get(id);
        if (q && B.events[q.name] && B.events[q.name].answered === null) { B.events[q.name].answered = now; B.events[q.name].bytes = typeof ev.data === "string" ? ev.data.length : ev.data.byteLength; }
        if (q && q.name === "doc:sync" && B.syncArrived === null) B.syncArrived = now;
      });
    }
    send(data) {
      const e = sent(data);
      if (e) { asked.set(e.id, e); if (!B.events[e.name]) B.events[e.name] = { sent: performance.now(), answered: null, bytes: null }; }
      return super.send(data);
    }
  }
  window.WebSocket = BenchSocket;
  const started = performance.now();
  const frame = () => {
    const now = performance.now();
    if (B.textVisible === null) {
      const main = document.getElementById("main");
      if (main && main.textContent.length >= cfg.chars) B.textVisible = now;
    }
    if (B.interactive === null) {
      const editor = document.querySelector('.ProseMirror[contenteditable="true"]');
      if (editor && editor.textContent.length >= cfg.chars) { B.interactive = now; B.wsBytesAtInteractive = B.wsBytes; }
    }
    if (B.interactive !== null) {
      // Half a second more of long tasks after it is interactive, then stop.
      if (!B.settleAt) B.settleAt = now + 500;
      if (now >= B.settleAt) { B.done = true; return; }
    }
    if (now - started > ${LOAD_TIMEOUT_MS}) { B.done = true; B.timedOut = true; return; }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;
}

type InPage = {
  scripts: Array<{ name: string; start: number; end: number; bytes: number }>;
  syncArrived: number | null;
  wsCreated?: number;
  wsOpen?: number;
  events: Record<string, { sent: number; answered: number | null; bytes: number | null }>;
  textVisible: number | null;
  interactive: number | null;
  wsBytesAtInteractive: number | null;
  longTasks: Array<{ start: number; duration: number }>;
  timedOut?: boolean;
  nav: { requestStart: number; responseStart: number; responseEnd: number; decodedBodySize: number; domContentLoadedEventStart: number } | null;
  fcp: number | null;
};


async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    return; // already gone
  }
  // A profiled server writes its profile on the way out: give it time.
  await Promise.race([exited, new Promise((r) => setTimeout(r, SERVER_FLAGS.length > 0 ? 60_000 : 15_000))]);
}

const span = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined || b === null || b === undefined ? null : b - a);
const med = (xs: Array<number | null>) => {
  const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return v.length > 0 ? round(median(v), 1) : null;
};
type CpuProfile = { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>; samples: number[]; timeDeltas: number[]; startTime: number };

/** Self time per function and per script over the whole profiled load (navigation to the end of the settle time). */
function printProfile(profile: CpuProfile, label: string, _interactive: number | null, log: (l: string) => void): void {
  const frame = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byFn = new Map<string, number>();
  const byUrl = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const c = frame.get(id);
    if (!c) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const file = c.url.split("/").pop() || "(native)";
    const fn = `${c.functionName || "(anonymous)"} ${file}:${c.lineNumber + 1}:${c.columnNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
    byUrl.set(file, (byUrl.get(file) ?? 0) + ms);
  });
  const top = (m: Map<string, number>, n: number) => [...m].filter(([k]) => !k.startsWith("(idle)") && !k.startsWith("(program)")).sort((a, b) => b[1] - a[1]).slice(0, n);
  log(`  ${label}: self time by script`);
  for (const [k, ms] of top(byUrl, 10)) log(`    ${ms.toFixed(1).padStart(8)} ms  ${k}`);
  log(`  ${label}: self time by function`);
  for (const [k, ms] of top(byFn, 25)) log(`    ${ms.toFixed(1).padStart(8)} ms  ${k}`);
}

const pair = (e: { sent: number; answered: number | null } | undefined): [number, number | null] | null => (e ? [round(e.sent, 1), e.answered === null ? null : round(e.answered, 1)] : null);
const f = (n: number | null) => (n === null ? "–" : n.toFixed(1));
const kb = (n: number | null) => (n === null ? "–" : `${(n / 1024).toFixed(0)} kB`);

function figures(loads: PageLoad[]): CaseFigures {
  return {
    loads: loads.length,
    ttfb_ms: med(loads.map((l) => l.ttfb_ms)),
    response_end_ms: med(loads.map((l) => l.response_end_ms)),
    html_bytes: med(loads.map((l) => l.html_bytes)),
    fcp_ms: med(loads.map((l) => l.fcp_ms)),
    text_visible_ms: med(loads.map((l) => l.text_visible_ms)),
    sync_arrived_ms: med(loads.map((l) => l.sync_arrived_ms)),
    interactive_ms: med(loads.map((l) => l.interactive_ms)),
    ws_bytes_until_interactive: med(loads.map((l) => l.ws_bytes_until_interactive)),
    long_task_ms: med(loads.map((l) => l.long_task_ms)),
  };
}

function skipped(reason: string, loads: number): PageBenchReport {
  const empty = figures([]);
  return {
    bench: "page",
    chars: 0,
    loads: 0,
    warmups: 0,
    target: TARGET,
    loaded: empty,
    not_loaded: empty,
    met: { ttfb_loaded: false, interactive_loaded: false, ttfb_not_loaded: false, interactive_not_loaded: false },
    per_load: [],
    host: { loadavg_1m_before: round(loadavg()[0] ?? 0, 2), other_cpu_pct: null, noisy: false },
    chromium: CHROMIUM_PATH,
    problems: [],
    skipped: `${reason} (${loads} page loads asked)`,
  };
}

export async function measureFirstPaint(opts: PageBenchOptions): Promise<PageBenchReport> {
  const { log } = opts;
  if (!existsSync(join(".next", "BUILD_ID"))) return skipped("no production build (.next/BUILD_ID): run `npm run build`, then `npm run bench -- page`", opts.loads);
  if (!existsSync(CHROMIUM_PATH)) return skipped(`no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`, opts.loads);

  // Loaded here, not at the top: `npm run bench -- help` never loads Prisma or Playwright.
  const [{ createDb }, { applyMigrations }, { createBenchFixture }, { addChair, newProposal }, { longDraft, charCount }, convert, { freezeText }, { openProvider }, { encode }, { chromium }] = await Promise.all([
    import("../../lib/db.ts"),
    import("../../server/migrate.ts"),
    import("../fixture.ts"),
    import("../shared-seed.ts"),
    import("../exports/fixture.ts"),
    import("../../lib/document/convert.ts"),
    import("../../server/services/history/cut-version.ts"),
    import("../accord-client.ts"),
    import("next-auth/jwt"),
    import("@playwright/test"),
  ]);

  const dir = mkdtempSync(join(tmpdir(), "accord-bench-page-"));
  const dbUrl = `file:${join(dir, "bench.db")}`;
  const problems: string[] = [];
  let server: Awaited<ReturnType<typeof startAppServer>> | null = null;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  let holder: Awaited<ReturnType<typeof openProvider>> | null = null;
  try {
    await applyMigrations(dbUrl);
    const db = createDb(dbUrl);
    const base = await createBenchFixture(db, { rooms: 1, clientsPerRoom: 2 });
    const chairId = await addChair(db, base.workshopId);
    const state = convert.stateFromPmJson(longDraft(CHARS));
    const doc = convert.docFromState(state);
    const chars = charCount(doc);
    const frozen = freezeText(doc);
    doc.destroy();
    const seed = (title: string, position: number) => newProposal(db, { workshopId: base.workshopId, chairId, title, position, state, frozen });
    const loadedId = await seed("Long text (room loaded)", 100);
    // Each not-loaded load opens a proposal nobody has opened yet.
    const coldIds: string[] = [];
    for (let i = 0; i < WARMUPS + opts.loads; i++) coldIds.push(await seed(`Long text ${i + 1} (room not loaded)`, 101 + i));
    await db.$disconnect();
    log(`  seeded: ${1 + coldIds.length} proposals of ${chars} characters each (starting draft + version 1)`);

    const secret = randomBytes(32).toString("base64url");
    server = await startAppServer(dbUrl, secret, { nodeFlags: SERVER_FLAGS });
    // Someone is in the loaded proposal's room the whole time (another delegate's tab).
    holder = await openProvider({ url: server.url, secret }, base.delegates[1]!, loadedId);
    const cookie = await encode({ token: { sub: base.delegates[0]!, name: "Bench delegate" }, secret });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies([{ name: "next-auth.session-token", value: cookie, url: server.url }]);
    await context.addInitScript({ content: pageScript({ chars }) });

    const loadOnce = async (which: PageLoad["case"], proposalId: string, label: string, profile = false): Promise<PageLoad> => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const cdp = profile ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
        await cdp.send("Profiler.start");
      }
      try {
        const res = await page.goto(`${server!.url}/workshops/${base.workshopId}/proposals/${proposalId}`, { waitUntil: "domcontentloaded" });
        if (!res || res.status() !== 200) problems.push(`${label}: HTTP ${res?.status() ?? "no response"}`);
        await page.waitForFunction(() => (window as unknown as { __accordPageBench?: { done: boolean } }).__accordPageBench?.done === true, undefined, { timeout: LOAD_TIMEOUT_MS + 10_000, polling: 100 });
        // A string, not a function: tsx's transform would add helpers (__name) the page lacks.
        const r = (await page.evaluate(`(() => {
          const B = window.__accordPageBench;
          const n = performance.getEntriesByType("navigation")[0];
          const fcp = performance.getEntriesByName("first-contentful-paint")[0];
          const scripts = performance.getEntriesByType("resource").filter((e) => e.initiatorType === "script").map((e) => ({ name: e.name.split("/").pop(), start: Math.round(e.startTime), end: Math.round(e.responseEnd), bytes: e.decodedBodySize }));
          return { ...B, longTasks: [...B.longTasks], scripts, fcp: fcp ? fcp.startTime : null,
            nav: n ? { requestStart: n.requestStart, responseStart: n.responseStart, responseEnd: n.responseEnd, decodedBodySize: n.decodedBodySize, domContentLoadedEventStart: n.domContentLoadedEventStart } : null };
        })()`)) as InPage;
        if (r.timedOut) problems.push(`${label}: the editor was not interactive with the whole text within ${LOAD_TIMEOUT_MS / 1000} s`);
        for (const e of errors.slice(0, 3)) problems.push(`${label}: page error: ${e.slice(0, 200)}`);
        const until = r.interactive ?? Infinity;
        const load: PageLoad = {
          case: which,
          status: res?.status() ?? null,
          ttfb_ms: r.nav ? round(r.nav.responseStart - r.nav.requestStart, 1) : null,
          response_start_ms: r.nav ? round(r.nav.responseStart, 1) : null,
          response_end_ms: r.nav ? round(r.nav.responseEnd, 1) : null,
          html_bytes: r.nav?.decodedBodySize ?? null,
          dom_content_loaded_ms: r.nav ? round(r.nav.domContentLoadedEventStart, 1) : null,
          fcp_ms: r.fcp === null ? null : round(r.fcp, 1),
          text_visible_ms: r.textVisible === null ? null : round(r.textVisible, 1),
          sync_arrived_ms: r.syncArrived === null ? null : round(r.syncArrived, 1),
          interactive_ms: r.interactive === null ? null : round(r.interactive, 1),
          ws_bytes_until_interactive: r.wsBytesAtInteractive,
          socket: {
            created: r.wsCreated === undefined ? null : round(r.wsCreated, 1),
            open: r.wsOpen === undefined ? null : round(r.wsOpen, 1),
            join: pair(r.events["room:join"]),
            sync: pair(r.events["doc:sync"]),
            join_bytes: r.events["room:join"]?.bytes ?? null,
            sync_bytes: r.events["doc:sync"]?.bytes ?? null,
          },
          long_task_ms: round(
            r.longTasks.filter((t) => t.start <= until).reduce((n, t) => n + t.duration, 0),
            1,
          ),
        };
        if (cdp) {
          const { profile: p } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
          printProfile(p, label, load.interactive_ms, log);
          log(`  ${label}: scripts ${r.scripts.map((x) => `${x.name} ${x.start}→${x.end} ${kb(x.bytes)}`).join(", ")}`);
          log(`  ${label}: long tasks ${r.longTasks.map((t) => `${Math.round(t.start)}+${Math.round(t.duration)}`).join(", ")}`);
        }
        const s = load.socket;
        log(
          `  ${label.padEnd(18)} socket created ${f(s.created)}, open ${f(s.open)}, join ${f(s.join?.[0] ?? null)} → ${f(s.join?.[1] ?? null)} (${kb(s.join_bytes)}), sync ${f(s.sync?.[0] ?? null)} → ${f(s.sync?.[1] ?? null)} (${kb(s.sync_bytes)})`,
        );
        log(
          `  ${label.padEnd(18)} TTFB ${f(load.ttfb_ms)} ms (HTML ${kb(load.html_bytes)}, received by ${f(load.response_end_ms)}), FCP ${f(load.fcp_ms)}, text visible ${f(load.text_visible_ms)}, sync answer ${f(load.sync_arrived_ms)}, editor interactive ${f(load.interactive_ms)} ms; WebSocket ${kb(load.ws_bytes_until_interactive)}; long tasks ${f(load.long_task_ms)} ms`,
        );
        return load;
      } finally {
        await page.close();
        await new Promise((r) => setTimeout(r, 300));
      }
    };

    for (let w = 0; w < WARMUPS; w++) {
      await loadOnce("loaded", loadedId, `loaded warm-up ${w + 1}`);
      await loadOnce("not-loaded", coldIds[w]!, `not loaded warm-up ${w + 1}`);
    }
    // Other processes' CPU over 3 s of quiet just before the measured loads (/proc/stat).
    const h0 = sampleHost();
    await new Promise((r) => setTimeout(r, 3000));
    const idle = hostReport(h0, sampleHost(), 0);
    const results: PageLoad[] = [];
    for (let i = 0; i < opts.loads; i++) {
      // Alternating which case goes first: drift favours neither.
      const pair = [() => loadOnce("loaded", loadedId, `loaded ${i + 1}`), () => loadOnce("not-loaded", coldIds[WARMUPS + i]!, `not loaded ${i + 1}`)];
      for (const run of i % 2 === 0 ? pair : pair.reverse()) results.push(await run());
    }
    if (IS_PROFILING) {
      await loadOnce("loaded", loadedId, "loaded profiled", true);
      await loadOnce("not-loaded", coldIds[0]!, "not loaded profiled (room warm by now)", true);
    }
    const loaded = figures(results.filter((l) => l.case === "loaded"));
    const notLoaded = figures(results.filter((l) => l.case === "not-loaded"));
    const ok = (v: number | null, max: number) => v !== null && v <= max;
    return {
      bench: "page",
      chars,
      loads: opts.loads,
      warmups: WARMUPS,
      target: TARGET,
      loaded,
      not_loaded: notLoaded,
      met: {
        ttfb_loaded: ok(loaded.ttfb_ms, TARGET.ttfb_ms),
        interactive_loaded: ok(loaded.interactive_ms, TARGET.interactive_ms),
        ttfb_not_loaded: ok(notLoaded.ttfb_ms, TARGET.ttfb_ms),
        interactive_not_loaded: ok(notLoaded.interactive_ms, TARGET.interactive_ms),
      },
      per_load: results,
      host: { loadavg_1m_before: round(loadavg()[0] ?? 0, 2), other_cpu_pct: idle.busy_cpu_pct, noisy: (idle.busy_cpu_pct ?? 0) > NOISY_OTHER_CPU_PCT },
      chromium: CHROMIUM_PATH,
      problems: [...new Set(problems)],
    };
  } catch (e) {
    const tail = server ? `\n  server output (tail): ${server.output().slice(-1500)}` : "";
    return { ...skipped(`the page bench failed: ${(e as Error).message}${tail}`, opts.loads), problems };
  } finally {
    if (holder) {
      holder.provider.destroy();
      holder.socket.disconnect();
    }
    await browser?.close();
    if (server) await stopServer(server.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function reportLines(r: PageBenchReport): string[] {
  if (r.skipped) return [`page: skipped — ${r.skipped}`, ...r.problems.map((p) => `  problem: ${p}`)];
  const row = (label: string, c: CaseFigures) =>
    `${label.padEnd(11)} TTFB ${f(c.ttfb_ms)} ms | HTML ${kb(c.html_bytes)}, received by ${f(c.response_end_ms)} ms | FCP ${f(c.fcp_ms)} | text visible ${f(c.text_visible_ms)} | sync answer ${f(c.sync_arrived_ms)} | editor interactive ${f(c.interactive_ms)} ms | WebSocket ${kb(c.ws_bytes_until_interactive)} | long tasks ${f(c.long_task_ms)} ms`;
  const met = (ok: boolean) => (ok ? "met" : "NOT met");
  return [
    `page: a proposal of ${r.chars} characters, medians of ${r.loads} loads per case after ${r.warmups} warm-up (ms from navigation start; TTFB = responseStart − requestStart)`,
    row("loaded", r.loaded),
    row("not loaded", r.not_loaded),
    `targets: TTFB ≤ ${TARGET.ttfb_ms} ms — loaded ${met(r.met.ttfb_loaded)}, not loaded ${met(r.met.ttfb_not_loaded)}; interactive ≤ ${TARGET.interactive_ms} ms — loaded ${met(r.met.interactive_loaded)}, not loaded ${met(r.met.interactive_not_loaded)}`,
    `host before the measured loads: other processes ${f(r.host.other_cpu_pct)} % of one core, load average ${r.host.loadavg_1m_before}${r.host.noisy ? " — NOISY: figures not comparable" : ""}`,
    ...r.problems.map((p) => `  problem: ${p}`),
  ];
}

export async function runPageBench(opts: PageBenchOptions): Promise<number> {
  opts.log(`page: the proposal page's first paint (${CHARS} characters; production server, Chromium)`);
  const report = await measureFirstPaint(opts);
  for (const line of reportLines(report)) opts.log(line);
  if (opts.json) {
    writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
    opts.log(`wrote ${opts.json}`);
  }
  return report.skipped ? 1 : 0;
}
