// The brackets benchmark's browser part: how long after the text is loaded a delegate's page
// shows the margin markers (one per paragraph) and the progress summary, for the bracketed
// proposal (100k characters, 300 paragraphs, 150 brackets, 300 options), and the long tasks
// meanwhile. A production server (`tsx server/index.ts`, as bench/compare-health.ts starts it;
// `npm run build` must have been run) on a throw-away SQLite file seeded through Prisma before
// it starts; Playwright's Chromium (executablePath /usr/bin/chromium or CHROMIUM_PATH) with the
// delegate's next-auth session cookie; one warm-up load (Next loads the route's code, the room
// loads), then `loads` loads, each a new page in the same context (HTTP cache warm, as a
// returning delegate).
//
// In the page (an init script, before any of the app's code):
//   - the app's marks if it makes them (components/drafting/render-mark.ts):
//     accord:drafting-text-loaded → accord:drafting-rendered;
//   - independently of the app's code, per animation frame: the first frame whose DOM has the
//     editor with the text (.ProseMirror with ≥ 300 paragraphs), the first with the margin's
//     markers (≥ 300 elements matching BENCH_MARGIN_SELECTOR, default [data-margin-marker] as
//     components/drafting/editor/margin-marker.ts draws them), the first with the progress
//     summary (an element matching BENCH_PROGRESS_SELECTOR, or a text outside the editor
//     reading "N of 300 paragraphs agreed, … 150 brackets open"); a frame's time is when its rendering step began, so
//     "rendered" means "in the next frame the browser paints";
//   - when the doc:sync acknowledgement arrived on the WebSocket (the text's bytes are in the
//     tab: the provider applies them, then the editor is created) — a conservative start;
//   - long tasks (PerformanceObserver "longtask", buffered).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { DRAFTING_MARKS, DRAFTING_RENDER_MEASURE } from "../../components/drafting/render-mark.ts";
import { NOISY_OTHER_CPU_PCT, hostReport, sampleHost } from "../host.ts";
import { startAppServer } from "../app-server.ts";
import { median, round } from "../stats.ts";
import type { BracketsSetup } from "./protocol.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** The margin's marker of a paragraph, and the progress summary (overridable while the UI settles). */
const MARGIN_SELECTOR = process.env.BENCH_MARGIN_SELECTOR ?? "[data-margin-marker]";
const PROGRESS_SELECTOR = process.env.BENCH_PROGRESS_SELECTOR ?? "[data-drafting-progress]";
/** {P} and {B}: the seeded paragraphs and brackets (a summary counted before the text is there reads "0 of 0"). */
/** Default: "N of 300 paragraphs agreed, … 150 brackets open" ("no brackets open" on the plain text); {P} and {B} are replaced. */
const PROGRESS_TEXT = process.env.BENCH_PROGRESS_TEXT ?? null;
const LOAD_TIMEOUT_MS = 30_000;
/** BENCH_BROWSER_DEV=1: against `tsx server/index.ts --dev` instead (checks the harness without a build; figures NOT comparable). */
const IS_DEV = process.env.BENCH_BROWSER_DEV === "1";
/** BENCH_PAGE_PROFILE=1: a V8 CPU profile of each measured page load (CDP); the top self times per text are printed (profiling slows the page: not for the figures). */
const IS_PROFILING = process.env.BENCH_PAGE_PROFILE === "1";

type CpuProfile = { nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }>; samples: number[]; timeDeltas: number[] };

/** Self time per function (name, script file, line:column) in ms. */
function selfTimes(profile: CpuProfile, into: Map<string, number>): void {
  const frame = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  profile.samples.forEach((id, i) => {
    const f = frame.get(id);
    if (!f) return;
    const file = f.url.split("/").pop() || "(native)";
    const key = `${f.functionName || "(anonymous)"} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    into.set(key, (into.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
}
const WARMUPS = 1;

export type LongTask = { start: number; duration: number };

/** One page load, times in ms from the navigation's start (the page's performance.now()). */
export type PageLoad = {
  text: "bracketed" | "plain";
  sync_arrived: number | null;
  text_frame: number | null;
  margin_frame: number | null;
  progress_frame: number | null;
  markers: number;
  progress_text: string | null;
  marks: Record<string, number | null>;
  measure_ms: number | null;
  long_tasks: LongTask[];
};

type TextFigures = {
  loads: number;
  mark_text_to_rendered_ms: number | null;
  dom_text_to_rendered_ms: number | null;
  dom_text_to_margin_ms: number | null;
  dom_text_to_progress_ms: number | null;
  sync_to_text_ms: number | null;
  sync_to_rendered_ms: number | null;
  long_tasks_in_window: number | null;
  long_task_ms_in_window: number | null;
  longest_task_ms: number | null;
};

export type BrowserFigures = {
  /** Measured loads per text. */
  loads: number;
  warmups: number;
  /** "app marks", "DOM per frame" or "none". */
  detection: string;
  /** The figure against the target (see render_basis). */
  render_ms: number | null;
  render_basis: string;
  bracketed: TextFigures | null;
  plain: TextFigures | null;
  /** Median over back-to-back pairs of (bracketed − plain), sync answer → margin and summary drawn. */
  bracketed_minus_plain_ms: number | null;
  per_load: PageLoad[];
  lines: string[];
  /** other_cpu_pct: every process's CPU over 3 s just before the measured loads (nothing of ours running). */
  host: { loadavg_1m_before: number; other_cpu_pct: number | null; noisy: boolean };
  chromium: string;
  skipped?: string;
  problems: string[];
};

/** The init script: runs in the page before the app's code. `cfg` is inlined as JSON. */
function pageScript(cfg: { paragraphs: number; margin: string; progress: string; progressText: string; marks: typeof DRAFTING_MARKS; measure: string }): string {
  return `(() => {
  const cfg = ${JSON.stringify(cfg)};
  const B = { syncArrived: null, textFrame: null, marginFrame: null, progressFrame: null, markers: 0, progressText: null, longTasks: [], done: false };
  window.__accordBench = B;
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) B.longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: "longtask", buffered: true });
  } catch {}
  // The doc:sync acknowledgement: one binary frame (lib/realtime/one-frame-parser.ts):
  // [0xb1][u32 header length][JSON [type, nsp, id, data, lengths]][attachments].
  const syncIds = new Set();
  const head = (buf) => {
    const u = buf instanceof ArrayBuffer ? new Uint8Array(buf) : buf instanceof Uint8Array ? buf : ArrayBuffer.isView(buf) ? new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) : null;
    if (!u || u.byteLength < 5 || u[0] !== 0xb1) return null;
    const len = new DataView(u.buffer, u.byteOffset, u.byteLength).getUint32(1, true);
    return new TextDecoder().decode(u.subarray(5, 5 + Math.min(len, 120)));
  };
  const Native = window.WebSocket;
  class BenchSocket extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (ev) => {
        if (B.syncArrived !== null || typeof ev.data === "string") return;
        const now = performance.now();
        const h = head(ev.data);
        const m = h && /^\\[6,"[^"]*",(\\d+),/.exec(h);
        if (m && syncIds.has(m[1])) B.syncArrived = now;
      });
    }
    send(data) {
      if (typeof data !== "string") {
        const h = head(data);
        const m = h && /^\\[5,"[^"]*",(\\d+),\\["doc:sync"/.exec(h);
        if (m) syncIds.add(m[1]);
      }
      return super.send(data);
    }
  }
  window.WebSocket = BenchSocket;
  const progressRe = new RegExp(cfg.progressText);
  const progressOutsideEditor = () => {
    const el = document.querySelector(cfg.progress);
    if (el) return el.textContent.trim().slice(0, 160) || "(element)";
    if (!document.body) return null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.nodeType === 1 ? (n.classList.contains("ProseMirror") || n.tagName === "SCRIPT" ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP) : NodeFilter.FILTER_ACCEPT),
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.parentElement?.textContent ?? "";
      if (progressRe.test(n.textContent) || (n.textContent.includes(" agreed") && progressRe.test(t))) return t.trim().slice(0, 160);
    }
    return null;
  };
  const started = performance.now();
  const frame = (ts) => {
    const now = performance.now();
    if (B.textFrame === null) {
      const editor = document.querySelector(".ProseMirror");
      if (editor && editor.querySelectorAll(":scope > p").length >= cfg.paragraphs) B.textFrame = now;
    }
    if (B.textFrame !== null) {
      if (B.marginFrame === null) {
        B.markers = document.querySelectorAll(cfg.margin).length;
        if (B.markers >= cfg.paragraphs) B.marginFrame = now;
      }
      if (B.progressFrame === null) {
        const t = progressOutsideEditor();
        if (t !== null) { B.progressText = t; B.progressFrame = now; }
      }
    }
    const hasRendered = performance.getEntriesByName(cfg.marks.rendered, "mark").length > 0;
    const domDone = B.textFrame !== null && B.marginFrame !== null && B.progressFrame !== null;
    if (domDone || (hasRendered && B.textFrame !== null)) {
      // One more second of long tasks after both parts are drawn, then stop.
      if (!B.settleAt) B.settleAt = now + 1000;
      if (now >= B.settleAt) { B.done = true; return; }
    }
    if (now - started > ${LOAD_TIMEOUT_MS}) { B.done = true; B.timedOut = true; return; }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;
}

type PageResult = {
  syncArrived: number | null;
  textFrame: number | null;
  marginFrame: number | null;
  progressFrame: number | null;
  markers: number;
  progressText: string | null;
  longTasks: LongTask[];
  timedOut?: boolean;
  marks: Record<string, number | null>;
  measure: number | null;
};


const span = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
/** The median of the loads that have the figure (null when none has). */
const med = (xs: Array<number | null>) => {
  const v = xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return v.length > 0 ? round(median(v), 1) : null;
};

function skipped(reason: string, loads: number): BrowserFigures {
  return {
    loads: 0,
    warmups: 0,
    detection: "none",
    render_ms: null,
    render_basis: "not measured",
    bracketed: null,
    plain: null,
    bracketed_minus_plain_ms: null,
    per_load: [],
    lines: [],
    host: { loadavg_1m_before: round(loadavg()[0] ?? 0, 2), other_cpu_pct: null, noisy: false },
    chromium: CHROMIUM_PATH,
    skipped: `${reason} (${loads} page loads asked)`,
    problems: [],
  };
}

export async function measureBrowserRender(opts: { loads: number; seed: Omit<BracketsSetup, "bracketed" | "plain">; log: (l: string) => void }): Promise<BrowserFigures> {
  const { log } = opts;
  if (IS_DEV) log("  BENCH_BROWSER_DEV=1: a development server (pages compiled on demand) — checks the harness; the figures are NOT comparable to a production build");
  else if (!existsSync(join(".next", "BUILD_ID"))) return skipped("no production build (.next/BUILD_ID): run `npm run build`, then `npm run bench -- brackets`", opts.loads);
  if (!existsSync(CHROMIUM_PATH)) return skipped(`no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`, opts.loads);

  // Loaded here, not at the top: the load runs' generator never loads Prisma or Playwright.
  const [{ createDb }, { applyMigrations }, { createBenchFixture }, { seedBracketedProposals }, { encode }, { chromium }] = await Promise.all([
    import("../../lib/db.ts"),
    import("../../server/migrate.ts"),
    import("../fixture.ts"),
    import("./fixture.ts"),
    import("next-auth/jwt"),
    import("@playwright/test"),
  ]);

  const dir = mkdtempSync(join(tmpdir(), "accord-bench-brackets-browser-"));
  const dbUrl = `file:${join(dir, "bench.db")}`;
  const problems: string[] = [];
  let server: Awaited<ReturnType<typeof startAppServer>> | null = null;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  try {
    await applyMigrations(dbUrl);
    const db = createDb(dbUrl);
    const base = await createBenchFixture(db, { rooms: 1, clientsPerRoom: 4 });
    const fx = await seedBracketedProposals(db, base, { ...opts.seed, bracketed: true, plain: true });
    await db.$disconnect();
    log(`  seeded: ${fx.chars} characters, ${fx.paragraphCount} paragraphs; bracketed: ${fx.brackets} brackets, ${fx.options} options, ${fx.clauseStates} statuses; plain: the same text alone`);

    const secret = randomBytes(32).toString("base64url");
    server = await startAppServer(dbUrl, secret, { dev: IS_DEV });
    const delegate = base.delegates[0]!;
    const cookie = await encode({ token: { sub: delegate, name: "Bench delegate" }, secret });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });

    // One context per text (each its own init script: what its progress summary reads), pages alternating.
    const texts = [
      { text: "bracketed" as const, proposalId: fx.bracketedId!, brackets: fx.brackets },
      { text: "plain" as const, proposalId: fx.plainId!, brackets: 0 },
    ];
    const contexts = new Map<string, Awaited<ReturnType<typeof browser.newContext>>>();
    for (const t of texts) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      await context.addCookies([{ name: "next-auth.session-token", value: cookie, url: server.url }]);
      const progressText = (PROGRESS_TEXT ?? `\\d+ of {P} paragraphs? agreed.*${t.brackets > 0 ? "\\b{B} brackets? open" : "no brackets open"}`).replaceAll("{P}", String(fx.paragraphCount)).replaceAll("{B}", String(t.brackets));
      await context.addInitScript({ content: pageScript({ paragraphs: fx.paragraphCount, margin: MARGIN_SELECTOR, progress: PROGRESS_SELECTOR, progressText, marks: DRAFTING_MARKS, measure: DRAFTING_RENDER_MEASURE }) });
      contexts.set(t.text, context);
    }

    const profiles = new Map<string, Map<string, number>>();
    const loadOnce = async (t: (typeof texts)[number], label: string, profile = false): Promise<PageLoad | null> => {
      const page = await contexts.get(t.text)!.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const cdp = profile ? await contexts.get(t.text)!.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
        await cdp.send("Profiler.start");
      }
      try {
        const res = await page.goto(`${server!.url}/workshops/${fx.workshopId}/proposals/${t.proposalId}`, { waitUntil: "domcontentloaded" });
        if (!res || res.status() !== 200) problems.push(`${label}: HTTP ${res?.status() ?? "no response"}`);
        // A function (a string would be eval'd in the page, which its CSP refuses); no named helpers inside.
        await page.waitForFunction(() => (window as unknown as { __accordBench?: { done: boolean } }).__accordBench?.done === true, undefined, { timeout: LOAD_TIMEOUT_MS + 10_000, polling: 250 });
        // A string, not a function: tsx's transform would add helpers (__name) the page lacks.
        const r = (await page.evaluate(`(() => {
          const B = window.__accordBench;
          const marks = ${JSON.stringify(Object.values(DRAFTING_MARKS))};
          const m = performance.getEntriesByName(${JSON.stringify(DRAFTING_RENDER_MEASURE)}, "measure")[0];
          return { ...B, longTasks: [...B.longTasks], marks: Object.fromEntries(marks.map((n) => [n, performance.getEntriesByName(n, "mark")[0]?.startTime ?? null])), measure: m ? m.duration : null };
        })()`)) as PageResult;
        if (r.timedOut) problems.push(`${label}: not everything was seen within ${LOAD_TIMEOUT_MS / 1000} s (editor text ${r.textFrame !== null ? "yes" : "no"}, ${r.markers} markers matching ${MARGIN_SELECTOR}, progress ${r.progressFrame !== null ? "yes" : "no"}, app mark ${r.marks[DRAFTING_MARKS.rendered] !== null ? "yes" : "no"})`);
        for (const e of errors.slice(0, 3)) problems.push(`${label}: page error: ${e.slice(0, 200)}`);
        const load: PageLoad = {
          text: t.text,
          sync_arrived: r.syncArrived,
          text_frame: r.textFrame,
          margin_frame: r.marginFrame,
          progress_frame: r.progressFrame,
          markers: r.markers,
          progress_text: r.progressText,
          marks: r.marks,
          measure_ms: r.measure,
          long_tasks: r.longTasks,
        };
        if (cdp) {
          const { profile: p } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
          const into = profiles.get(t.text) ?? new Map<string, number>();
          selfTimes(p, into);
          profiles.set(t.text, into);
        }
        const both = maxOrNull(load.margin_frame, load.progress_frame);
        log(`  ${label}: sync answer ${f(load.sync_arrived)} → text ${f(load.text_frame)} → margin ${f(load.margin_frame)} (${load.markers} markers), progress ${f(load.progress_frame)} ms after navigation; sync → both ${f(span(load.sync_arrived, both))} ms; app measure ${f(load.measure_ms)} ms`);
        return load;
      } finally {
        await page.close();
        await new Promise((r) => setTimeout(r, 500));
      }
    };

    for (const t of texts) for (let w = 0; w < WARMUPS; w++) await loadOnce(t, `${t.text} warm-up ${w + 1}`);
    // Other processes' CPU over 3 s of quiet just before the measured loads (/proc/stat).
    const h0 = sampleHost();
    await new Promise((r) => setTimeout(r, 3000));
    const idle = hostReport(h0, sampleHost(), 0);
    const results: PageLoad[] = [];
    for (let i = 0; i < opts.loads; i++) {
      // Alternating which text goes first: drift favours neither.
      for (const t of i % 2 === 0 ? texts : [...texts].reverse()) {
        const load = await loadOnce(t, `${t.text} ${i + 1}`);
        if (load) results.push(load);
      }
    }
    if (IS_PROFILING) {
      // Separate loads after the measured ones: profiling slows the page.
      for (let i = 0; i < opts.loads; i++) for (const t of texts) await loadOnce(t, `${t.text} profiled ${i + 1}`, true);
      for (const [text, times] of profiles) {
        const total = [...times.values()].reduce((a, b) => a + b, 0);
        log(`  page profile, ${text} (${opts.loads} loads, whole load, self time; ${(total / opts.loads).toFixed(0)} ms sampled per load):`);
        for (const [key, ms] of [...times].filter(([k]) => !k.startsWith("(idle)") && !k.startsWith("(program)")).sort((a, b) => b[1] - a[1]).slice(0, 15)) log(`    ${(ms / opts.loads).toFixed(1).padStart(7)} ms  ${key}`);
      }
    }
    return summarise(results, problems, { loadavg_1m_before: round(loadavg()[0] ?? 0, 2), other_cpu_pct: idle.busy_cpu_pct, noisy: (idle.busy_cpu_pct ?? 0) > NOISY_OTHER_CPU_PCT });
  } catch (e) {
    const tail = server ? `\n  server output (tail): ${server.output().slice(-1500)}` : "";
    return { ...skipped(`the browser part failed: ${(e as Error).message}${tail}`, opts.loads), problems };
  } finally {
    await browser?.close();
    if (server) {
      const exited = new Promise((r) => server!.child.once("exit", r));
      try {
        process.kill(-server.child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

const f = (n: number | null) => (n === null ? "–" : n.toFixed(1));
const maxOrNull = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.max(a, b));

function figuresOf(loads: PageLoad[]): TextFigures & { hasMarks: boolean; hasDom: boolean } {
  const markRendered = (l: PageLoad) => l.marks[DRAFTING_MARKS.rendered] ?? null;
  const markText = (l: PageLoad) => l.marks[DRAFTING_MARKS.textLoaded] ?? null;
  const hasMarks = loads.length > 0 && loads.every((l) => markRendered(l) !== null && markText(l) !== null);
  const hasDom = loads.length > 0 && loads.every((l) => l.text_frame !== null && l.margin_frame !== null && l.progress_frame !== null);
  const rendered = (l: PageLoad) => maxOrNull(l.margin_frame, l.progress_frame) ?? markRendered(l);
  // Long tasks from the sync answer's arrival to both parts drawn (a task overlapping the window counts whole).
  const inWindow = (l: PageLoad) => {
    const from = l.sync_arrived ?? l.text_frame;
    const to = rendered(l);
    if (from === null || to === null) return [];
    return l.long_tasks.filter((t) => t.start + t.duration >= from && t.start <= to);
  };
  return {
    loads: loads.length,
    hasMarks,
    hasDom,
    mark_text_to_rendered_ms: hasMarks ? med(loads.map((l) => l.measure_ms ?? span(markText(l), markRendered(l)))) : null,
    dom_text_to_rendered_ms: hasDom ? med(loads.map((l) => span(l.text_frame, maxOrNull(l.margin_frame, l.progress_frame)))) : null,
    dom_text_to_margin_ms: med(loads.map((l) => span(l.text_frame, l.margin_frame))),
    dom_text_to_progress_ms: med(loads.map((l) => span(l.text_frame, l.progress_frame))),
    sync_to_text_ms: med(loads.map((l) => span(l.sync_arrived, l.text_frame))),
    sync_to_rendered_ms: med(loads.map((l) => span(l.sync_arrived, rendered(l)))),
    long_tasks_in_window: loads.length ? med(loads.map((l) => inWindow(l).length)) : null,
    long_task_ms_in_window: loads.length ? med(loads.map((l) => inWindow(l).reduce((n, t) => n + t.duration, 0))) : null,
    longest_task_ms: loads.length ? med(loads.map((l) => Math.max(0, ...inWindow(l).map((t) => t.duration)))) : null,
  };
}

function summarise(loads: PageLoad[], problems: string[], host: BrowserFigures["host"]): BrowserFigures {
  const { hasMarks, hasDom, ...bracketed } = figuresOf(loads.filter((l) => l.text === "bracketed"));
  const { hasMarks: _m, hasDom: _d, ...plain } = figuresOf(loads.filter((l) => l.text === "plain"));
  // Per pair (the i-th load of each text, taken back to back): bracketed − plain, sync answer → both parts drawn.
  const b = loads.filter((l) => l.text === "bracketed");
  const p = loads.filter((l) => l.text === "plain");
  const diffs = b.map((l, i) => {
    const q = p[i];
    const x = span(l.sync_arrived, maxOrNull(l.margin_frame, l.progress_frame));
    const y = q ? span(q.sync_arrived, maxOrNull(q.margin_frame, q.progress_frame)) : null;
    return x === null || y === null ? null : x - y;
  });
  const extra = med(diffs);
  const sameFrame = hasDom && (bracketed.dom_text_to_rendered_ms ?? 1) === 0;
  const detection = hasMarks
    ? "app marks (components/drafting/render-mark.ts)"
    : hasDom
      ? `DOM per frame (margin ${MARGIN_SELECTOR}; progress ${PROGRESS_SELECTOR} or the progress sentence)${sameFrame ? " — the text, the margin and the summary appear in the same frame" : ""}`
      : "none: neither the app's marks nor the DOM showed both parts";
  // Against the target: the app's own measure when it makes one; else, when everything appears in
  // one frame, the bracketed text's extra time over the plain one (what its brackets, options
  // and statuses add); else the DOM frames.
  const render = bracketed.mark_text_to_rendered_ms ?? (sameFrame ? extra : bracketed.dom_text_to_rendered_ms);
  const render_basis = bracketed.mark_text_to_rendered_ms !== null ? "app measure" : sameFrame ? "bracketed − plain, sync answer → drawn (median of pairs)" : "DOM frames, text → both parts";
  const row = (label: string, t: TextFigures) =>
    `${label.padEnd(10)} sync answer → text ${f(t.sync_to_text_ms)} ms, → margin and summary ${f(t.sync_to_rendered_ms)} ms | text → margin ${f(t.dom_text_to_margin_ms)}, → summary ${f(t.dom_text_to_progress_ms)} ms | app measure ${f(t.mark_text_to_rendered_ms)} ms | long tasks ${f(t.long_tasks_in_window)}, ${f(t.long_task_ms_in_window)} ms in all, longest ${f(t.longest_task_ms)} ms`;
  const lines = [
    row("bracketed", bracketed),
    row("plain", plain),
    `bracketed − plain (median of ${diffs.filter((d) => d !== null).length} back-to-back pairs): ${f(extra)} ms from the sync answer to the margin and summary drawn`,
    ...(hasMarks ? [] : ["the app makes no accord:drafting-* marks yet (components/drafting/render-mark.ts is not called)"]),
  ];
  return {
    loads: b.length,
    warmups: WARMUPS,
    detection,
    render_ms: render,
    render_basis,
    bracketed,
    plain,
    bracketed_minus_plain_ms: extra,
    per_load: loads,
    lines,
    host,
    chromium: CHROMIUM_PATH,
    problems: [...new Set([...(IS_DEV ? ["BENCH_BROWSER_DEV=1: a development server — these figures are NOT comparable to production"] : []), ...problems])],
  };
}
