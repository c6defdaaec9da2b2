// `npm run bench -- brackets` (or `--brackets`): issue 18's figures for brackets, options,
// paragraph status and readings, on real server processes (bench/server-process.ts, fresh
// SQLite database each) with proposals seeded through Prisma (bench/brackets/fixture.ts): a
// text of 100,000 characters in 300 paragraphs, 150 open brackets with real anchors, 300 options
// (2 per bracket) with supporters, holders from several delegations, and statuses on some
// paragraphs; and the same text with nothing else.
//
// 1. Status change → every client: 50 delegates' tabs (the browser's ProposalProvider, session
//    cookie) and the chair in the bracketed proposal's room; the chair sets one paragraph's
//    status after another (clause:status, cycling statuses over the paragraphs without
//    brackets, the room quiet between changes); per change and tab, the time from the chair's
//    emit until that tab's drafting:changed carrying the new status (after the tab's provider
//    has applied it). Plus the handler's own time in the server and SQL statements per change.
// 2. Typing at P2's load (1 room × 50 tabs × 10 typists × 5 keystrokes/s, 5 s warm-up, 20 s
//    measured; exactly the P2 run, bench/engine/run-target.ts: the typists type into the first
//    paragraph, which on the bracketed text holds a bracket) on the bracketed text and on the
//    plain one, each on a fresh server, the order alternating between runs.
// 3. The browser (bench/brackets/browser.ts): a production server (`npm run build` first),
//    Chromium opens the bracketed proposal as a delegate; in the page, from the editor's text
//    being loaded to the margin markers and the progress summary being rendered, and the long
//    tasks meanwhile. Median of --loads page loads (after one warm-up load).
import { writeFileSync } from "node:fs";
import type { ClauseAck, ClauseView } from "../../lib/protocol.ts";
import type { ClauseStatus } from "../../lib/domain/vocabulary.ts";
import { openProvider } from "../accord-client.ts";
import { formatEventLoop } from "../loop-window.ts";
import { startServerProcess, type ServerHandle } from "../server-control.ts";
import { median, percentiles, round, type Percentiles } from "../stats.ts";
import { f1, met, medianRuns, pad, r1, ratio, sleep } from "../shared-report.ts";
import { closeTabs, endpointOf, openTabs, type PhaseHost, watchHost } from "../shared-tabs.ts";
import { P2, runP2On, typingRun, type TypingRun } from "../shared-typing.ts";
import { measureBrowserRender, type BrowserFigures } from "./browser.ts";
import type { BracketsFixture, BracketsSetup } from "./protocol.ts";

export type BracketsOptions = { changes: number; runs: number; loads: number; json: string | null; log: (line: string) => void };

/** The issue's text: 100k characters, 300 paragraphs, 150 brackets, 300 options. */
export const SEED = { chars: 100_000, paragraphs: 300, brackets: 150, optionsPerBracket: 2 } as const;
const CLIENTS = P2.clients;
const CHANGE_TIMEOUT_MS = 10_000;
/** After every tab has a change, before the next: the room is quiet again. */
const CHANGE_GAP_MS = 100;
/** The chair's cycle of statuses (a paragraph gets the first one that differs from its own). */
const CYCLE: readonly ClauseStatus[] = ["AGREED", "PARKED", "AGREED_AD_REFERENDUM", "OPEN"];

export const TARGET = { status_p95_ms: 100, typing_ratio: 1.15, render_ms: 100 } as const;

// ---- Results ----------------------------------------------------------------------------------

export type StatusFigures = {
  changes: number;
  tabs: number;
  /** Emit → the tab's drafting:changed with the new status (samples = changes × tabs). */
  every_tab_ms: Percentiles;
  slowest_tab_per_change_ms: Percentiles;
  chair_ack_ms: Percentiles;
  handler_ms: Percentiles;
  sql_statements_per_change: number | null;
  /** What the tabs' join answers carried (the first tab's). */
  join: { brackets: number; options: number; clauses: number; handler_p50_ms: number };
  missed: number;
  refused: number;
  host: PhaseHost;
  problems: string[];
};

export type TypingFigures = { text: "plain" | "bracketed" } & TypingRun;

export type BracketsRun = {
  run: number;
  seed: { chars: number; paragraphs: number; brackets: number; options: number; supports: number; holders: number; clause_states: number; seed_s: number };
  status: StatusFigures;
  typing: { plain: TypingFigures; bracketed: TypingFigures; order: string };
};

// ---- Helpers ----------------------------------------------------------------------------------

async function setupServer(label: string, setup: BracketsSetup, countSql: boolean): Promise<{ server: ServerHandle; fx: BracketsFixture }> {
  const server = await startServerProcess({ label: `brackets-${label}-${Date.now()}`, rooms: 1, clientsPerRoom: CLIENTS, countSql });
  try {
    const { fixture } = await server.brackets!({ op: "setup", setup });
    return { server, fx: fixture! };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

const baseSetup = { chars: SEED.chars, paragraphs: SEED.paragraphs, brackets: SEED.brackets, optionsPerBracket: SEED.optionsPerBracket };

// ---- 1. Status change → every tab -------------------------------------------------------------

async function measureStatusChanges(server: ServerHandle, fx: BracketsFixture, changes: number, log: (l: string) => void): Promise<StatusFigures> {
  const proposalId = fx.bracketedId!;
  const problems: string[] = [];
  await server.brackets!({ op: "handler-times" });
  const tabs = await openTabs(server, proposalId, CLIENTS);
  const chair = await openProvider(endpointOf(server), fx.chairId, proposalId);
  try {
    const joins = (await server.brackets!({ op: "handler-times" })).times!.filter((t) => t.event === "room:join" && t.ok).map((t) => t.ms);
    // What the join answers carried: every tab must hold every bracket, option and status.
    const first = tabs[0]!.provider.drafting.snapshot();
    const join = {
      brackets: first.brackets.length,
      options: first.brackets.reduce((n, b) => n + b.options.length, 0),
      clauses: first.clauses.size,
      handler_p50_ms: round(median(joins), 1),
    };
    for (const t of tabs) {
      const s = t.provider.drafting.snapshot();
      const options = s.brackets.reduce((n, b) => n + b.options.length, 0);
      if (s.brackets.length !== fx.brackets || options !== fx.options || s.clauses.size !== fx.clauseStates) {
        problems.push(`a tab's join answer carried ${s.brackets.length} brackets, ${options} options and ${s.clauses.size} statuses (expected ${fx.brackets}, ${fx.options}, ${fx.clauseStates})`);
      }
    }

    // The change in progress, and when each tab had it.
    let current: { key: string; status: ClauseStatus; at: number[]; left: number; done: () => void } | null = null;
    tabs.forEach((tab, i) => {
      // Registered after the provider's own listener: the time includes the tab applying it.
      tab.socket.on("drafting:changed", (change: { proposalId: string; clauses?: ClauseView[] }) => {
        const c = current;
        if (!c || change.proposalId !== proposalId || c.at[i]! >= 0) return;
        if (change.clauses?.some((v) => v.key === c.key && v.status === c.status)) {
          c.at[i] = performance.now();
          if (--c.left === 0) c.done();
        }
      });
    });

    const statuses = new Map(fx.paragraphs.map((p) => [p.key, p.status]));
    // Paragraphs without brackets may take any status; spread the changes over the text.
    const candidates = fx.paragraphs.filter((p) => !p.bracketed);
    const every: number[] = [];
    const slowest: number[] = [];
    const ackMs: number[] = [];
    const sql: number[] = [];
    let missed = 0;
    let refused = 0;
    await server.brackets!({ op: "handler-times" });
    const host = await watchHost(server);
    for (let k = 0; k < changes; k++) {
      const p = candidates[(k * 37) % candidates.length]!;
      const was = statuses.get(p.key) ?? "OPEN";
      let status = CYCLE[k % CYCLE.length]!;
      if (status === was) status = CYCLE[(k + 1) % CYCLE.length]!;
      const awaiting = status === "AGREED_AD_REFERENDUM" ? fx.delegationIds.slice(0, 2) : [];
      let done!: () => void;
      const all = new Promise<void>((r) => (done = r));
      current = { key: p.key, status, at: tabs.map(() => -1), left: tabs.length, done };
      await server.brackets!({ op: "sql-statements" });
      const t0 = performance.now();
      let ok = false;
      const acked = new Promise<void>((resolve) =>
        chair.socket.emit("clause:status", { proposalId, clauseKey: p.key, status, awaiting }, (res: ClauseAck) => {
          ackMs.push(performance.now() - t0);
          ok = res.ok;
          if (!res.ok) problems.push(`clause:status refused: ${res.error.code}: ${res.error.message}`);
          resolve();
        }),
      );
      await acked;
      if (ok) await Promise.race([all, sleep(CHANGE_TIMEOUT_MS)]);
      else refused++;
      const s = (await server.brackets!({ op: "sql-statements" })).statements;
      if (typeof s === "number") sql.push(s);
      const c = current;
      current = null;
      if (ok) {
        statuses.set(p.key, status);
        const per = c.at.filter((t) => t >= 0).map((t) => t - t0);
        missed += tabs.length - per.length;
        every.push(...per);
        if (per.length > 0) slowest.push(Math.max(...per));
      }
      await sleep(CHANGE_GAP_MS);
    }
    const statusHost = await host();
    const handler = (await server.brackets!({ op: "handler-times" })).times!.filter((t) => t.event === "clause:status").map((t) => t.ms);
    // Every tab's state agrees with what the chair set.
    const wrong = tabs.filter((t) => {
      const held = t.provider.drafting.snapshot().clauses;
      return [...statuses].some(([key, s]) => (held.get(key)?.status ?? "OPEN") !== s);
    }).length;
    if (wrong > 0) problems.push(`${wrong} tabs hold paragraph statuses that differ from the chair's`);
    log(`  status changes: ${changes} done (${refused} refused, ${missed} (change, tab) pairs missed)`);
    return {
      changes,
      tabs: tabs.length,
      every_tab_ms: r1(percentiles(every)),
      slowest_tab_per_change_ms: r1(percentiles(slowest)),
      chair_ack_ms: r1(percentiles(ackMs)),
      handler_ms: r1(percentiles(handler)),
      sql_statements_per_change: sql.length ? median(sql) : null,
      join,
      missed,
      refused,
      host: statusHost,
      problems: [...new Set(problems)],
    };
  } finally {
    closeTabs([chair, ...tabs]);
  }
}

// ---- 2. Typing --------------------------------------------------------------------------------

async function typeOn(text: "plain" | "bracketed", log: (l: string) => void): Promise<TypingFigures> {
  const { server, fx } = await setupServer(`typing-${text}`, { ...baseSetup, bracketed: text === "bracketed", plain: text === "plain" }, false);
  try {
    const proposalId = text === "bracketed" ? fx.bracketedId! : fx.plainId!;
    const r = await runP2On(server, proposalId, `P2-${text}`, log);
    return { text, ...typingRun(r) };
  } finally {
    await server.stop();
  }
}

// ---- One run, several runs, the report --------------------------------------------------------

async function runOnce(run: number, opts: BracketsOptions): Promise<BracketsRun> {
  const { log } = opts;
  log(`── run ${run}: status changes (bracketed text, ${CLIENTS} tabs + the chair, SQL counted)`);
  const a = await setupServer("status", { ...baseSetup, bracketed: true, plain: false }, true);
  let status: StatusFigures;
  try {
    const fx = a.fx;
    log(`  seeded in ${(fx.seedMs / 1000).toFixed(1)} s: ${fx.chars} characters in ${fx.paragraphCount} paragraphs, ${fx.brackets} brackets, ${fx.options} options (${fx.supports} supports), ${fx.holders} holders, ${fx.clauseStates} statuses`);
    status = await measureStatusChanges(a.server, fx, opts.changes, log);
  } finally {
    await a.server.stop();
  }
  // Typing: a fresh server per text; the order alternates so that drift over a run favours neither.
  const order: Array<"plain" | "bracketed"> = run % 2 === 1 ? ["plain", "bracketed"] : ["bracketed", "plain"];
  const typing: Partial<Record<"plain" | "bracketed", TypingFigures>> = {};
  for (const text of order) {
    log(`── run ${run}: typing on the ${text} text (P2 load)`);
    typing[text] = await typeOn(text, log);
  }
  const fx = a.fx;
  return {
    run,
    seed: { chars: fx.chars, paragraphs: fx.paragraphCount, brackets: fx.brackets, options: fx.options, supports: fx.supports, holders: fx.holders, clause_states: fx.clauseStates, seed_s: round(fx.seedMs / 1000, 1) },
    status,
    typing: { plain: typing.plain!, bracketed: typing.bracketed!, order: order.join(" → ") },
  };
}

function reportBrowser(browser: BrowserFigures | null, log: (l: string) => void): void {
  log(`3. Browser render — Chromium, production server, the bracketed proposal opened by a delegate; in the page: text loaded in the editor → margin markers and progress summary rendered`);
  if (!browser) log(`   not run (--loads 0)`);
  else if (browser.skipped) log(`   NOT MEASURED: ${browser.skipped}`);
  else {
    const b = browser;
    log(`   ${b.loads} page loads of each text (bracketed, plain) after ${b.warmups} warm-up each; detection: ${b.detection}`);
    for (const line of b.lines) log(`   ${line}`);
    if (b.render_ms !== null) log(`   target: ≤ ${TARGET.render_ms} ms — ${met(b.render_ms <= TARGET.render_ms)} (${f1(b.render_ms)} ms: ${b.render_basis})`);
    log(`   host: every process used ${f1(b.host.other_cpu_pct)} % of a core over 3 s of quiet before the loads${b.host.noisy ? " — NOISY" : ""}`);
  }
}

function report(m: BracketsRun | null, runs: BracketsRun[], browser: BrowserFigures | null, opts: BracketsOptions): void {
  const { log } = opts;
  if (!m) {
    log("");
    log(`══ brackets (issue 18) · --runs 0: the browser part only`);
    reportBrowser(browser, log);
    for (const p of browser?.problems ?? []) log(`  ! browser: ${p}`);
    return;
  }
  const st = m.status;
  const pl = m.typing.plain;
  const br = m.typing.bracketed;
  log("");
  log(`══ brackets (issue 18)${runs.length > 1 ? ` · median of ${runs.length} runs` : " · one run"}: a text of ${m.seed.chars.toLocaleString("en")} characters in ${m.seed.paragraphs} paragraphs, ${m.seed.brackets} open brackets, ${m.seed.options} options (${m.seed.supports} supports), ${m.seed.holders} holders, ${m.seed.clause_states} paragraph statuses`);
  log("");
  const pr = (p: Percentiles) => `p50 ${f1(p.p50)}  p95 ${f1(p.p95)}  p99 ${f1(p.p99)}  max ${f1(p.max)} ms`;
  log(`1. Status change → every tab — the chair sets ${st.changes} paragraphs' statuses one after another; per change and tab (${st.tabs} delegates' tabs): emit → drafting:changed with it, applied`);
  log(`   (each join answer carried ${st.join.brackets} brackets, ${st.join.options} options, ${st.join.clauses} statuses; room:join handler p50 ${f1(st.join.handler_p50_ms)} ms)`);
  log(`   every tab                  ${pr(st.every_tab_ms)}  (samples = changes × tabs)`);
  log(`   slowest tab per change     ${pr(st.slowest_tab_per_change_ms)}`);
  log(`   clause:status handler      ${pr(st.handler_ms)}; chair's ack p50 ${f1(st.chair_ack_ms.p50)} p95 ${f1(st.chair_ack_ms.p95)} ms; SQL statements per change ${st.sql_statements_per_change ?? "–"}`);
  log(`   target: p95 ≤ ${TARGET.status_p95_ms} ms — ${met(st.every_tab_ms.p95 <= TARGET.status_p95_ms && st.missed === 0 && st.refused === 0)}${st.missed ? ` (${st.missed} (change, tab) pairs never arrived)` : ""}${st.refused ? ` (${st.refused} changes refused)` : ""}`);
  log(`   host: other processes used ${f1(st.host.other_cpu_pct)} % of a core meanwhile${st.host.noisy ? " — NOISY" : ""}`);
  log("");
  log(`2. Typing at P2's load (1 room × ${P2.clients} tabs × ${P2.typists} typists × ${P2.rate}/s, ${P2.seconds} s measured after ${P2.warmup} s warm-up, into the first paragraph); latency = keystroke → seen by each other tab`);
  log(`   ${pad("", 24)}latency p50    p95    p99 | keys/s  deliv/s | CPU %  µs/delivery | persist p95 | gen CPU % | other CPU % | lost | converged`);
  const trow = (label: string, t: TypingFigures) =>
    log(
      `   ${pad(label, 24)}${t.latency_ms.p50.toFixed(2).padStart(11)} ${t.latency_ms.p95.toFixed(2).padStart(6)} ${t.latency_ms.p99.toFixed(2).padStart(6)} | ${f1(t.keystrokes_per_s).padStart(6)} ${f1(t.deliveries_per_s).padStart(8)} | ${f1(t.server_cpu_pct).padStart(5)} ${f1(t.cpu_us_per_delivery).padStart(12)} | ${f1(t.persist_ms?.p95).padStart(11)} | ${f1(t.generator_cpu_pct).padStart(9)} | ${f1(t.other_cpu_pct).padStart(11)} | ${String(t.lost).padStart(4)} | ${t.converged ? "yes" : "NO"}${t.noisy ? " NOISY" : ""}${t.valid ? "" : " INVALID"}`,
    );
  trow("plain text", pl);
  trow("bracketed text", br);
  // The ratio of the medians, and the median of each run's own ratio (the pairs share a run's conditions).
  const rs = { p50: ratio(br.latency_ms.p50, pl.latency_ms.p50), p95: ratio(br.latency_ms.p95, pl.latency_ms.p95), p99: ratio(br.latency_ms.p99, pl.latency_ms.p99), cpu: ratio(br.cpu_us_per_delivery, pl.cpu_us_per_delivery) };
  log(`   ${pad("bracketed ÷ plain", 24)}${`${rs.p50}×`.padStart(11)} ${`${rs.p95}×`.padStart(6)} ${`${rs.p99}×`.padStart(6)} | ${"".padStart(15)} | ${"".padStart(5)} ${`${rs.cpu}×`.padStart(12)}`);
  if (runs.length > 1) {
    const per = (f: (t: TypingFigures) => number) => runs.map((r) => ratio(f(r.typing.bracketed), f(r.typing.plain)));
    const show = (xs: number[]) => `${median(xs)}× (${Math.min(...xs)}–${Math.max(...xs)})`;
    log(`   per-run ratios, median (range): p50 ${show(per((t) => t.latency_ms.p50))}, p95 ${show(per((t) => t.latency_ms.p95))}, p99 ${show(per((t) => t.latency_ms.p99))}, µs/delivery ${show(per((t) => t.cpu_us_per_delivery))}`);
  }
  const within = Math.max(rs.p50, rs.p95, rs.p99) <= TARGET.typing_ratio;
  log(`   target: latency within 15 % (p50, p95, p99 ratios ≤ ${TARGET.typing_ratio}) — ${met(within)}; CPU per delivery ${rs.cpu}×`);
  log(`   event loop: plain ${pl.event_loop ? formatEventLoop(pl.event_loop) : "–"}; bracketed ${br.event_loop ? formatEventLoop(br.event_loop) : "–"}`);
  log("");
  reportBrowser(browser, log);
  const problems = [...st.problems.map((p) => `status: ${p}`), ...pl.problems.map((p) => `typing (plain): ${p}`), ...br.problems.map((p) => `typing (bracketed): ${p}`), ...(browser?.problems ?? []).map((p) => `browser: ${p}`)];
  for (const p of problems) log(`  ! ${p}`);
}

export async function runBracketsBench(opts: BracketsOptions): Promise<number> {
  const runs: BracketsRun[] = [];
  for (let i = 1; i <= opts.runs; i++) {
    const r = await runOnce(i, opts);
    runs.push(r);
    if (opts.runs > 1) {
      const t = r.typing;
      opts.log(
        `  run ${i}: status p95 ${f1(r.status.every_tab_ms.p95)} ms | typing p50/p95/p99 plain ${t.plain.latency_ms.p50.toFixed(2)}/${t.plain.latency_ms.p95.toFixed(2)}/${t.plain.latency_ms.p99.toFixed(2)} vs bracketed ${t.bracketed.latency_ms.p50.toFixed(2)}/${t.bracketed.latency_ms.p95.toFixed(2)}/${t.bracketed.latency_ms.p99.toFixed(2)} ms, µs/delivery ${f1(t.plain.cpu_us_per_delivery)} vs ${f1(t.bracketed.cpu_us_per_delivery)} | other CPU % status ${f1(r.status.host.other_cpu_pct)}, typing ${f1(t.plain.other_cpu_pct)} / ${f1(t.bracketed.other_cpu_pct)}`,
      );
    }
  }
  let browser: BrowserFigures | null = null;
  if (opts.loads > 0) {
    opts.log(`── browser: ${opts.loads} page loads of the bracketed proposal (production server, Chromium)`);
    browser = await measureBrowserRender({ loads: opts.loads, seed: baseSetup, log: opts.log });
  }
  const m = runs.length > 0 ? medianRuns(runs) : null;
  report(m, runs, browser, opts);
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ command: "brackets", runs: runs.length, changes: opts.changes, loads: opts.loads, median: m, browser, per_run: runs }, null, 2));
  const failed = runs.some((r) => !r.typing.plain.converged || !r.typing.bracketed.converged || r.status.missed > 0 || r.status.refused > 0 || r.status.problems.length > 0) || Boolean(browser?.problems.length);
  return failed ? 1 : 0;
}
