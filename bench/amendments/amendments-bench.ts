// `npm run bench -- amendments` (or `--amendments`): issue 17's figures for amendments and
// comments, on a real server process (bench/server-process.ts, fresh SQLite database) with
// proposals seeded through Prisma (bench/amendments/fixture.ts): 100,000 characters of text,
// 200 open amendments with real anchors, 500 comment threads (everyone's and delegation-only,
// 1–5 comments each).
//
// 1. Opening the proposal: a delegate's tab (socket with session cookie, the browser's
//    ProposalProvider) joins and syncs. Server time = the room:join handler + the doc:sync
//    handler, each from socket.io's dispatch of the packet to its acknowledgement written
//    (bench/amendments/server-hooks.ts); the tab's own time from connected to synced beside it.
//    Cold: each open is the first of its proposal (room not loaded); the first of all is also
//    the first of a fresh process and is reported alone. Warm: the same proposal again and
//    again while another tab keeps its room loaded.
// 2. Typing at P2's load (1 room × 50 tabs × 10 typists × 5 keystrokes/s, 5 s warm-up, 20 s
//    measured) in "Open drafting" (Yjs updates: exactly the P2 run, bench/engine/run-target.ts)
//    and in "Amendments only" (each typist extends their own amendment with amendment:put,
//    bench/amendments/typing.ts), each on a fresh server: latency per (keystroke, receiver) and
//    server CPU per delivery over the same measured window (bench/engine/window.ts).
// 3. Accepting: the chair accepts one amendment after another; per accept and tab, the time
//    from the chair's emit until that tab has both the doc:update carrying the new text and the
//    amendment:changed saying ACCEPTED.
// Plus SQL statements per warm open, per put and per accept (Prisma query events on the
// server's own client, countSql; the journal's own connection is not counted).
import { writeFileSync } from "node:fs";
import * as Y from "yjs";
import { blockText, resolveSpan, textBlocks, anchorAt } from "../../lib/document/anchors.ts";
import type { AmendmentAck, AmendmentView, AmendmentsAck } from "../../lib/protocol.ts";
import { ProposalProvider, REMOTE_ORIGIN } from "../../lib/realtime/proposal-provider.ts";
import { openProvider, openSocket, SYNC_TIMEOUT_MS } from "../accord-client.ts";
import { withTimeout } from "../engine/connect.ts";
import { openWindow, safeLabel, serverProblems } from "../engine/window.ts";
import { delegateFor } from "../fixture.ts";
import { formatEventLoop } from "../loop-window.ts";
import { startServerProcess, type ServerHandle } from "../server-control.ts";
import { GENERATOR_CPU_LIMIT_PCT, median, percentiles, round, type Percentiles } from "../stats.ts";
import type { HandlerTime } from "../shared-protocol.ts";
import { f1, met, medianRuns, pad, r1, ratio, sleep } from "../shared-report.ts";
import { closeTabs, endpointOf, openTabs, watchHost, type PhaseHost } from "../shared-tabs.ts";
import { P2, runP2On, typingRun, type TypingRun } from "../shared-typing.ts";
import type { AnnotatedFixture, AnnotatedSetup } from "./protocol.ts";
import { AmendmentTracker, AmendmentTypist } from "./typing.ts";

export type AmendmentsOptions = { opens: number; accepts: number; runs: number; json: string | null; log: (line: string) => void };

/** The issue's proposal: 100k characters, 200 open amendments, 500 threads. */
const SEED = { chars: 100_000, amendments: 200, threads: 500 } as const;
const CLIENTS = P2.clients;
const ACCEPT_TIMEOUT_MS = 10_000;
/** After every tab has an accept, before the next: the room is quiet again. */
const ACCEPT_GAP_MS = 100;
const PUT_PROBES = 20;
const SETTLE_MS = 15_000;

const TARGET = { open_p95_ms: 300, typing_ratio: 1.15, accept_p95_ms: 100 } as const;

const sleepUntil = (t: number) => sleep(Math.max(0, t - performance.now()));

// ---- Results ----------------------------------------------------------------------------------

type OpenSample = { server_ms: number; join_ms: number; sync_ms: number; client_ms: number; sql: number | null };
export type OpenFigures = {
  first: OpenSample;
  cold: { opens: number; server_ms: Percentiles; join_ms: Percentiles; sync_ms: Percentiles; client_ms: Percentiles };
  warm: { opens: number; server_ms: Percentiles; join_ms: Percentiles; sync_ms: Percentiles; client_ms: Percentiles; sql_statements: number | null };
  /** What the delegate's join answer carried. */
  amendments_in_answer: number;
  threads_in_answer: number;
  host: PhaseHost;
  problems: string[];
};

export type TypingFigures = {
  mode: "open-drafting" | "amendments-only";
  /** Amendments only: puts sent and amendment:changed messages received (per s); null in Open drafting. */
  puts_per_s: number | null;
  changed_messages_per_s: number | null;
  cpu_us_per_keystroke: number;
} & TypingRun;

export type AcceptFigures = {
  accepts: number;
  tabs: number;
  /** Emit → the tab has both the doc change and amendment:changed ACCEPTED (samples = accepts × tabs). */
  every_tab_ms: Percentiles;
  doc_update_ms: Percentiles;
  amendment_changed_ms: Percentiles;
  slowest_tab_per_accept_ms: Percentiles;
  chair_ack_ms: Percentiles;
  handler_ms: Percentiles;
  sql_statements_per_accept: number | null;
  missed: number;
  host: PhaseHost;
  problems: string[];
};

export type PutProbe = { puts: number; handler_ms: Percentiles; ack_ms: Percentiles; sql_statements_per_put: number | null };

export type AmendmentsRun = { run: number; seed: { chars: number; blocks: number; amendments: number; threads: number; seed_s: number }; open: OpenFigures; accept: AcceptFigures; put_probe: PutProbe; typing: { open_drafting: TypingFigures; amendments_only: TypingFigures } };

// ---- Helpers ----------------------------------------------------------------------------------

async function setupServer(label: string, setup: AnnotatedSetup, countSql: boolean): Promise<{ server: ServerHandle; annotated: AnnotatedFixture }> {
  const server = await startServerProcess({ label: `amendments-${label}-${Date.now()}`, rooms: 1, clientsPerRoom: CLIENTS, countSql });
  try {
    const { fixture } = await server.annotated!({ op: "setup", setup });
    return { server, annotated: fixture! };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

async function handlerTimes(server: ServerHandle): Promise<HandlerTime[]> {
  return (await server.annotated!({ op: "handler-times" })).times ?? [];
}
async function sqlStatements(server: ServerHandle): Promise<number | null> {
  return (await server.annotated!({ op: "sql-statements" })).statements ?? null;
}

/** A word boundary near the middle of a block: where a typist's amendment inserts. */
function insertionPoint(text: Y.XmlText): number {
  const s = blockText(text);
  let i = Math.floor(s.length / 2);
  while (i < s.length && s[i - 1] !== " ") i++;
  return i;
}

// ---- 1. Opening -------------------------------------------------------------------------------

async function timedOpen(server: ServerHandle, userId: string, proposalId: string): Promise<{ sample: OpenSample; amendments: number; threads: number; delegationId: string | null }> {
  await sqlStatements(server);
  const socket = await openSocket(endpointOf(server), userId);
  let connectedAt = Number.NaN;
  socket.once("connect", () => (connectedAt = performance.now()));
  const provider = new ProposalProvider(socket, proposalId);
  try {
    await withTimeout(provider.whenSynced(), SYNC_TIMEOUT_MS, () => `open of ${proposalId} did not sync (${provider.lastError?.code ?? "no answer"})`);
    const client = performance.now() - connectedAt;
    const sql = await sqlStatements(server);
    const times = (await handlerTimes(server)).filter((t) => t.proposalId === proposalId);
    const join = times.find((t) => t.event === "room:join" && t.ok);
    const sync = times.find((t) => t.event === "doc:sync" && t.ok);
    if (!join || !sync) throw new Error(`the server recorded no handler time for this open (${times.map((t) => t.event).join(", ") || "none"})`);
    const snap = provider.annotations.snapshot();
    return {
      sample: { server_ms: join.ms + sync.ms, join_ms: join.ms, sync_ms: sync.ms, client_ms: client, sql },
      amendments: snap.amendments.length,
      threads: snap.threads.length,
      delegationId: provider.self?.delegation?.id ?? null,
    };
  } finally {
    provider.destroy();
    socket.disconnect();
  }
}

async function measureOpens(server: ServerHandle, annotated: AnnotatedFixture, opens: number, log: (l: string) => void): Promise<OpenFigures> {
  const problems: string[] = [];
  const check = (o: Awaited<ReturnType<typeof timedOpen>>) => {
    const threads = o.delegationId ? annotated.threadsVisibleTo[o.delegationId] : undefined;
    if (o.amendments !== SEED.amendments || o.threads !== threads) problems.push(`a join answer carried ${o.amendments} amendments and ${o.threads} threads (expected ${SEED.amendments} and ${threads})`);
  };
  // Cold: the first open of each proposal; the very first is also the process's first.
  const cold: OpenSample[] = [];
  let shape = { amendments: 0, threads: 0 };
  const host = await watchHost(server);
  for (let i = 0; i < opens; i++) {
    const o = await timedOpen(server, delegateFor(server.fixture, 0, i % CLIENTS), annotated.proposalIds[i]!);
    check(o);
    shape = { amendments: o.amendments, threads: o.threads };
    cold.push(o.sample);
    await sleep(50);
  }
  log(`  opening: ${opens} cold opens done`);
  // Warm: another tab keeps proposal 1's room loaded while delegates open it one after another.
  const holder = await openProvider(endpointOf(server), server.fixture.observer, annotated.proposalIds[0]!);
  const warm: OpenSample[] = [];
  try {
    await handlerTimes(server);
    for (let i = 0; i < opens; i++) {
      const o = await timedOpen(server, delegateFor(server.fixture, 0, i % CLIENTS), annotated.proposalIds[0]!);
      check(o);
      warm.push(o.sample);
      await sleep(50);
    }
  } finally {
    holder.provider.destroy();
    holder.socket.disconnect();
  }
  log(`  opening: ${opens} warm opens done`);
  const pick = (xs: OpenSample[], f: (s: OpenSample) => number) => r1(percentiles(xs.map(f)));
  const rest = cold.slice(1);
  return {
    first: { ...cold[0]!, server_ms: round(cold[0]!.server_ms, 1), join_ms: round(cold[0]!.join_ms, 1), sync_ms: round(cold[0]!.sync_ms, 1), client_ms: round(cold[0]!.client_ms, 1) },
    cold: { opens: rest.length, server_ms: pick(rest, (s) => s.server_ms), join_ms: pick(rest, (s) => s.join_ms), sync_ms: pick(rest, (s) => s.sync_ms), client_ms: pick(rest, (s) => s.client_ms) },
    warm: {
      opens: warm.length,
      server_ms: pick(warm, (s) => s.server_ms),
      join_ms: pick(warm, (s) => s.join_ms),
      sync_ms: pick(warm, (s) => s.sync_ms),
      client_ms: pick(warm, (s) => s.client_ms),
      sql_statements: warm[0]?.sql === null ? null : median(warm.map((s) => s.sql ?? Number.NaN)),
    },
    amendments_in_answer: shape.amendments,
    threads_in_answer: shape.threads,
    host: await host(),
    problems: [...new Set(problems)],
  };
}

// ---- 3. Accepting (and the put probe, on the same room) ---------------------------------------

async function measureAccepts(server: ServerHandle, annotated: AnnotatedFixture, accepts: number, log: (l: string) => void): Promise<{ accept: AcceptFigures; probe: PutProbe }> {
  const proposalId = annotated.proposalIds[0]!;
  const tabs = await openTabs(server, proposalId, CLIENTS);
  const chair = await openProvider(endpointOf(server), annotated.chairId, proposalId);
  const problems: string[] = [];
  try {
    // The accept in progress, and when each tab had each half of it.
    let current: { id: string; marker: string; blocks: Array<Y.XmlText | null>; docAt: number[]; eventAt: number[]; left: number; done: () => void } | null = null;
    const settle = (i: number) => {
      if (current && current.docAt[i]! >= 0 && current.eventAt[i]! >= 0 && --current.left === 0) current.done();
    };
    tabs.forEach((tab, i) => {
      tab.provider.doc.on("update", (_u: Uint8Array, origin: unknown) => {
        if (!current || origin !== REMOTE_ORIGIN || current.docAt[i]! >= 0) return;
        const block = current.blocks[i];
        if (block && blockText(block).includes(current.marker)) {
          current.docAt[i] = performance.now();
          settle(i);
        }
      });
      tab.socket.on("amendment:changed", ({ amendments }: { amendments: AmendmentView[] }) => {
        if (!current || current.eventAt[i]! >= 0) return;
        if (amendments.some((a) => a.id === current!.id && a.status === "ACCEPTED")) {
          current.eventAt[i] = performance.now();
          settle(i);
        }
      });
    });

    await handlerTimes(server);
    const host = await watchHost(server);
    const every: number[] = [];
    const docMs: number[] = [];
    const eventMs: number[] = [];
    const slowest: number[] = [];
    const ackMs: number[] = [];
    const sql: number[] = [];
    let missed = 0;
    const order = Array.from({ length: accepts }, (_, k) => annotated.amendments[Math.floor((k * annotated.amendments.length) / accepts)]!);
    for (const target of order) {
      // Where the passage is in each tab's own replica (resolved before the change arrives).
      const blocks = tabs.map((t) => {
        const view = t.provider.annotations.snapshot().amendments.find((a) => a.id === target.id);
        return view ? (resolveSpan(t.provider.doc, view.from, view.to)?.text ?? null) : null;
      });
      if (blocks.some((b) => b === null)) problems.push(`amendment ${target.key}: some tab could not resolve its anchors`);
      let done!: () => void;
      const all = new Promise<void>((r) => (done = r));
      current = { id: target.id, marker: target.marker, blocks, docAt: tabs.map(() => -1), eventAt: tabs.map(() => -1), left: tabs.length, done };
      await sqlStatements(server);
      const t0 = performance.now();
      const acked = new Promise<void>((resolve) =>
        chair.socket.emit("amendment:accept", { proposalId, amendmentId: target.id }, (res: AmendmentsAck) => {
          ackMs.push(performance.now() - t0);
          if (!res.ok) problems.push(`accept refused: ${res.error.code}: ${res.error.message}`);
          resolve();
        }),
      );
      await Promise.race([all, sleep(ACCEPT_TIMEOUT_MS)]);
      await acked;
      const statements = await sqlStatements(server);
      if (statements !== null) sql.push(statements);
      const c = current;
      current = null;
      const per: number[] = [];
      for (let i = 0; i < tabs.length; i++) {
        if (c.docAt[i]! < 0 || c.eventAt[i]! < 0) {
          missed++;
          continue;
        }
        docMs.push(c.docAt[i]! - t0);
        eventMs.push(c.eventAt[i]! - t0);
        per.push(Math.max(c.docAt[i]!, c.eventAt[i]!) - t0);
      }
      every.push(...per);
      if (per.length > 0) slowest.push(Math.max(...per));
      await sleep(ACCEPT_GAP_MS);
    }
    const acceptHost = await host();
    const handler = (await handlerTimes(server)).filter((t) => t.event === "amendment:accept").map((t) => t.ms);
    log(`  accepting: ${accepts} accepts done`);
    const accept: AcceptFigures = {
      accepts,
      tabs: tabs.length,
      every_tab_ms: r1(percentiles(every)),
      doc_update_ms: r1(percentiles(docMs)),
      amendment_changed_ms: r1(percentiles(eventMs)),
      slowest_tab_per_accept_ms: r1(percentiles(slowest)),
      chair_ack_ms: r1(percentiles(ackMs)),
      handler_ms: r1(percentiles(handler)),
      sql_statements_per_accept: sql.length ? median(sql) : null,
      missed,
      host: acceptHost,
      problems: [...new Set(problems)],
    };

    // The put probe: one delegate extends a new amendment by a character, one put at a time,
    // while the 50 tabs are in the room (each put reaches all of them).
    const prober = tabs[0]!;
    const key = `probe-${Math.random().toString(36).slice(2, 10)}`;
    const block = textBlocks(prober.provider.doc)[annotated.freeBlocks[0] ?? 0]!;
    const anchor = anchorAt(block, insertionPoint(block));
    const putSql: number[] = [];
    const putAck: number[] = [];
    let insert = "";
    await handlerTimes(server);
    for (let i = 0; i < PUT_PROBES; i++) {
      insert += "abcdefghij"[i % 10];
      await sqlStatements(server);
      const t0 = performance.now();
      const res = await new Promise<AmendmentAck>((resolve) => prober.socket.emit("amendment:put", { proposalId, key, from: anchor, to: anchor, insert }, resolve));
      putAck.push(performance.now() - t0);
      if (!res.ok) problems.push(`probe put refused: ${res.error.code}: ${res.error.message}`);
      const s = await sqlStatements(server);
      if (s !== null) putSql.push(s);
      await sleep(20);
    }
    const putHandler = (await handlerTimes(server)).filter((t) => t.event === "amendment:put").map((t) => t.ms);
    const probe: PutProbe = { puts: PUT_PROBES, handler_ms: r1(percentiles(putHandler)), ack_ms: r1(percentiles(putAck)), sql_statements_per_put: putSql.length ? median(putSql) : null };
    accept.problems = [...new Set(problems)];
    return { accept, probe };
  } finally {
    closeTabs([chair, ...tabs]);
  }
}

// ---- 2. Typing --------------------------------------------------------------------------------

async function typeOpenDrafting(server: ServerHandle, proposalId: string, log: (l: string) => void): Promise<TypingFigures> {
  const r = await runP2On(server, proposalId, "P2-open-drafting", log);
  const keystrokes = r.edits_per_s;
  return {
    mode: "open-drafting",
    ...typingRun(r),
    puts_per_s: null,
    changed_messages_per_s: null,
    cpu_us_per_keystroke: round((r.server.cpu_us_per_delivery * r.deliveries_per_s) / Math.max(1e-9, keystrokes), 1),
  };
}

async function typeAmendments(server: ServerHandle, annotated: AnnotatedFixture, log: (l: string) => void): Promise<TypingFigures> {
  const load = P2;
  const proposalId = annotated.proposalIds[0]!;
  const tracker = new AmendmentTracker();
  const problems: string[] = [];
  const start = performance.now();
  const tabs = await openTabs(server, proposalId, load.clients);
  let typists: AmendmentTypist[] = [];
  try {
    log(`  [amendments only] ${tabs.length} clients connected and synced in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    for (const tab of tabs) {
      tab.socket.on("amendment:changed", ({ proposalId: p, amendments }: { proposalId: string; amendments: AmendmentView[] }) => {
        if (p === proposalId) tracker.changed(tab.slot, amendments, performance.now());
      });
    }
    // Each typist inserts into a paragraph no seeded amendment touches, in its own replica.
    typists = tabs.slice(0, load.typists).map((tab, i) => {
      const blocks = textBlocks(tab.provider.doc);
      const block = blocks[annotated.freeBlocks[i % Math.max(1, annotated.freeBlocks.length)] ?? i]!;
      const key = `bench-typist-${tab.slot}-${Math.random().toString(36).slice(2, 10)}`;
      tracker.register(key, tab.slot);
      return new AmendmentTypist(tab.socket, proposalId, key, anchorAt(block, insertionPoint(block)), load.rate, tracker);
    });
    tracker.windowStart = performance.now() + load.warmup * 1000;
    tracker.windowEnd = tracker.windowStart + load.seconds * 1000;
    for (const t of typists) t.start();
    log(`  [amendments only] typing: ${load.warmup} s warm-up, then ${load.seconds} s measured…`);
    await sleepUntil(tracker.windowStart);
    const measuring = await openWindow({ usage: (o) => server.usage(o), diagnostics: server }, safeLabel("amendments-only"));
    await sleepUntil(tracker.windowEnd);
    const w = await measuring.close();
    for (const t of typists) t.stop();
    const cpuProfile = await measuring.saveProfile();
    if (cpuProfile) log(`  [amendments only] server CPU profile of the measured window (profiling inflates CPU figures): ${cpuProfile}`);

    // Settle: every put acknowledged, then every tab has every keystroke (or SETTLE_MS passed).
    const deadline = performance.now() + SETTLE_MS;
    while (performance.now() < deadline && !typists.every((t) => t.isSettled)) await sleep(50);
    const slots = tabs.map((t) => t.slot);
    while (performance.now() < deadline && tracker.missing(slots).keystrokes > 0) await sleep(50);
    const missing = tracker.missing(slots);
    if (missing.keystrokes > 0) problems.push(`${missing.keystrokes} keystrokes (${missing.deliveries} deliveries) never reached some tab`);
    if (tracker.refusals.length > 0) problems.push(`${tracker.refusals.length} puts refused, e.g. ${tracker.refusals[0]}`);
    // The server's copy: a fresh tab's join answer has every typist's whole text.
    const fresh = await openProvider(endpointOf(server), server.fixture.observer, proposalId);
    const stored = new Map(fresh.provider.annotations.snapshot().amendments.map((a) => [a.key, a.insert]));
    fresh.provider.destroy();
    fresh.socket.disconnect();
    const diverged = typists.filter((t) => stored.get(t.key) !== t.text);
    if (diverged.length > 0) problems.push(`${diverged.length} typists' amendments differ in a fresh tab's join answer`);
    const isValid = w.generatorCpuPct <= GENERATOR_CPU_LIMIT_PCT;
    if (!isValid) problems.push(`generator used ${w.generatorCpuPct.toFixed(0)} % of a core (> ${GENERATOR_CPU_LIMIT_PCT} %): INVALID`);
    if (w.host.noisy) problems.push(`NOISY: other processes used ${w.host.other_cpu_pct} % of a core`);
    problems.push(...serverProblems(server, w.eventLoop));
    const latency = percentiles(tracker.latencies);
    const persist = percentiles(tracker.persistLags);
    const deliveries = Math.max(1, tracker.deliveriesInWindow);
    return {
      mode: "amendments-only",
      latency_ms: { p50: round(latency.p50, 3), p95: round(latency.p95, 3), p99: round(latency.p99, 3), max: round(latency.max, 3) },
      latency_samples: tracker.latencies.length,
      keystrokes_per_s: round(tracker.keystrokesInWindow / load.seconds, 1),
      deliveries_per_s: round(tracker.deliveriesInWindow / load.seconds, 1),
      puts_per_s: round(tracker.putsInWindow / load.seconds, 1),
      changed_messages_per_s: round(tracker.messagesInWindow / load.seconds, 1),
      server_cpu_pct: round(w.serverCpuPct, 1),
      cpu_us_per_delivery: round(w.serverCpuUs / deliveries, 2),
      cpu_us_per_keystroke: round(w.serverCpuUs / Math.max(1, tracker.keystrokesInWindow), 1),
      persist_ms: tracker.persistLags.length ? { p50: round(persist.p50, 3), p95: round(persist.p95, 3) } : null,
      generator_cpu_pct: round(w.generatorCpuPct, 1),
      event_loop: w.eventLoop,
      other_cpu_pct: w.host.other_cpu_pct,
      noisy: w.host.noisy,
      valid: isValid,
      lost: missing.keystrokes,
      converged: missing.keystrokes === 0 && diverged.length === 0,
      ...(cpuProfile ? { cpu_profile: cpuProfile } : {}),
      problems,
    };
  } finally {
    for (const t of typists) t.stop();
    closeTabs(tabs);
  }
}

// ---- One run, several runs, the report --------------------------------------------------------

async function runOnce(run: number, opts: AmendmentsOptions): Promise<AmendmentsRun> {
  const { log } = opts;
  const base = { chars: SEED.chars, amendments: SEED.amendments, threads: SEED.threads };
  // Opening and accepting: one server, SQL counted; the opens first, while rooms are cold.
  log(`── run ${run}: opening and accepting (${opts.opens} proposals seeded, SQL counted)`);
  const a = await setupServer("open", { ...base, proposals: opts.opens, mode: "AMENDMENTS" }, true);
  let open: OpenFigures;
  let accepted: { accept: AcceptFigures; probe: PutProbe };
  try {
    log(`  seeded in ${(a.annotated.seedMs / 1000).toFixed(1)} s: ${a.annotated.chars} characters in ${a.annotated.blocks} blocks per proposal`);
    open = await measureOpens(a.server, a.annotated, opts.opens, log);
    accepted = await measureAccepts(a.server, a.annotated, opts.accepts, log);
  } finally {
    await a.server.stop();
  }
  // Typing: a fresh server per mode, nothing counted.
  log(`── run ${run}: typing, Open drafting (P2 load, Yjs updates)`);
  const b = await setupServer("open-drafting", { ...base, proposals: 1, mode: "OPEN" }, false);
  let openDrafting: TypingFigures;
  try {
    openDrafting = await typeOpenDrafting(b.server, b.annotated.proposalIds[0]!, log);
  } finally {
    await b.server.stop();
  }
  log(`── run ${run}: typing, Amendments only (P2 load, amendment:put)`);
  const c = await setupServer("amendments-only", { ...base, proposals: 1, mode: "AMENDMENTS" }, false);
  let amendmentsOnly: TypingFigures;
  try {
    amendmentsOnly = await typeAmendments(c.server, c.annotated, log);
  } finally {
    await c.server.stop();
  }
  return {
    run,
    seed: { chars: a.annotated.chars, blocks: a.annotated.blocks, amendments: SEED.amendments, threads: SEED.threads, seed_s: round(a.annotated.seedMs / 1000, 1) },
    open,
    accept: accepted.accept,
    put_probe: accepted.probe,
    typing: { open_drafting: openDrafting, amendments_only: amendmentsOnly },
  };
}

function report(m: AmendmentsRun, runs: number, opts: AmendmentsOptions): void {
  const { log } = opts;
  const o = m.open;
  const od = m.typing.open_drafting;
  const ao = m.typing.amendments_only;
  const ac = m.accept;
  log("");
  log(`══ amendments (issue 17)${runs > 1 ? ` · median of ${runs} runs` : " · one run"}: a proposal of ${m.seed.chars.toLocaleString("en")} characters (${m.seed.blocks} blocks), ${m.seed.amendments} open amendments, ${m.seed.threads} comment threads (3 in 5 everyone's, 2 in 5 delegation-only, 1–5 comments each)`);
  log("");
  log(`1. Opening the proposal — a delegate's tab: room:join + doc:sync; server time = both handlers, dispatch → acknowledgement written`);
  log(`   (the join answer carried ${o.amendments_in_answer} amendments and ${o.threads_in_answer} threads; client = the tab's connected → synced)`);
  log(`   ${pad("", 34)}server p50   p95    max | join p50  sync p50 | client p50   p95 | SQL/open`);
  const row = (label: string, s: { server_ms: Percentiles; join_ms: Percentiles; sync_ms: Percentiles; client_ms: Percentiles }, sql: string) =>
    log(`   ${pad(label, 34)}${f1(s.server_ms.p50).padStart(10)} ${f1(s.server_ms.p95).padStart(5)} ${f1(s.server_ms.max).padStart(6)} | ${f1(s.join_ms.p50).padStart(8)} ${f1(s.sync_ms.p50).padStart(9)} | ${f1(s.client_ms.p50).padStart(10)} ${f1(s.client_ms.p95).padStart(5)} | ${sql}`);
  log(`   ${pad("first open of a fresh process", 34)}${f1(o.first.server_ms).padStart(10)} ${"".padStart(5)} ${"".padStart(6)} | ${f1(o.first.join_ms).padStart(8)} ${f1(o.first.sync_ms).padStart(9)} | ${f1(o.first.client_ms).padStart(10)} ${"".padStart(5)} |`);
  row(`cold (room not loaded), ${o.cold.opens} opens`, o.cold, "");
  row(`warm (room loaded), ${o.warm.opens} opens`, o.warm, o.warm.sql_statements === null ? "–" : String(o.warm.sql_statements));
  const worstP95 = Math.max(o.cold.server_ms.p95, o.warm.server_ms.p95);
  log(`   target: server time ≤ ${TARGET.open_p95_ms} ms — ${met(worstP95 <= TARGET.open_p95_ms && o.first.server_ms <= TARGET.open_p95_ms)} (worst p95 ${f1(worstP95)} ms; first open ${f1(o.first.server_ms)} ms)`);
  log(`   host: other processes used ${f1(o.host.other_cpu_pct)} % of a core meanwhile${o.host.noisy ? " — NOISY" : ""}`);
  log("");
  log(`2. Typing at P2's load (1 room × ${P2.clients} tabs × ${P2.typists} typists × ${P2.rate}/s, ${P2.seconds} s measured after ${P2.warmup} s warm-up); latency = keystroke → seen by each other tab`);
  log(`   ${pad("", 28)}latency p50    p95    p99 | keys/s  deliv/s | CPU %  µs/delivery  µs/keystroke | persist p95 | gen CPU % | other CPU % | lost | converged`);
  const trow = (label: string, t: TypingFigures) =>
    log(
      `   ${pad(label, 28)}${t.latency_ms.p50.toFixed(2).padStart(11)} ${t.latency_ms.p95.toFixed(2).padStart(6)} ${t.latency_ms.p99.toFixed(2).padStart(6)} | ${f1(t.keystrokes_per_s).padStart(6)} ${f1(t.deliveries_per_s).padStart(8)} | ${f1(t.server_cpu_pct).padStart(5)} ${f1(t.cpu_us_per_delivery).padStart(12)} ${f1(t.cpu_us_per_keystroke).padStart(13)} | ${f1(t.persist_ms?.p95).padStart(11)} | ${f1(t.generator_cpu_pct).padStart(9)} | ${f1(t.other_cpu_pct).padStart(11)} | ${String(t.lost).padStart(4)} | ${t.converged ? "yes" : "NO"}${t.noisy ? " NOISY" : ""}${t.valid ? "" : " INVALID"}`,
    );
  trow("Open drafting (Yjs)", od);
  trow("Amendments only (put)", ao);
  const rs = { p50: ratio(ao.latency_ms.p50, od.latency_ms.p50), p95: ratio(ao.latency_ms.p95, od.latency_ms.p95), p99: ratio(ao.latency_ms.p99, od.latency_ms.p99), cpu: ratio(ao.cpu_us_per_delivery, od.cpu_us_per_delivery) };
  log(`   ${pad("Amendments ÷ Open", 28)}${`${rs.p50}×`.padStart(11)} ${`${rs.p95}×`.padStart(6)} ${`${rs.p99}×`.padStart(6)} | ${"".padStart(15)} | ${"".padStart(5)} ${`${rs.cpu}×`.padStart(12)}`);
  log(`   amendments only: ${f1(ao.puts_per_s)} puts/s sent, ${f1(ao.changed_messages_per_s)} amendment:changed messages/s received`);
  const within = Math.max(rs.p50, rs.p95, rs.p99, rs.cpu) <= TARGET.typing_ratio;
  log(`   target: within 15 % (every ratio ≤ ${TARGET.typing_ratio}) — ${met(within)}`);
  log(`   event loop: open drafting ${od.event_loop ? formatEventLoop(od.event_loop) : "–"}; amendments only ${ao.event_loop ? formatEventLoop(ao.event_loop) : "–"}`);
  log("");
  log(`3. Accepting — the chair accepts ${ac.accepts} of the ${m.seed.amendments}, one after another; per accept and tab (${ac.tabs} delegates' tabs): emit → doc:update with the change AND amendment:changed ACCEPTED`);
  const pr = (p: Percentiles) => `p50 ${f1(p.p50)}  p95 ${f1(p.p95)}  max ${f1(p.max)} ms`;
  log(`   every tab                  ${pr(ac.every_tab_ms)}  (samples = accepts × tabs)`);
  log(`   doc:update / changed       p95 ${f1(ac.doc_update_ms.p95)} / ${f1(ac.amendment_changed_ms.p95)} ms`);
  log(`   slowest tab per accept     ${pr(ac.slowest_tab_per_accept_ms)}`);
  log(`   accept handler (server)    ${pr(ac.handler_ms)}; chair's ack ${pr(ac.chair_ack_ms)}; SQL statements per accept ${ac.sql_statements_per_accept ?? "–"}`);
  log(`   target: p95 ≤ ${TARGET.accept_p95_ms} ms — ${met(ac.every_tab_ms.p95 <= TARGET.accept_p95_ms && ac.missed === 0)}${ac.missed ? ` (${ac.missed} (accept, tab) pairs never complete)` : ""}`);
  log(`   host: other processes used ${f1(ac.host.other_cpu_pct)} % of a core meanwhile${ac.host.noisy ? " — NOISY" : ""}`);
  log("");
  const pp = m.put_probe;
  log(`   put probe (${pp.puts} puts one at a time, ${ac.tabs} tabs in the room): handler ${pr(pp.handler_ms)}; ack ${pr(pp.ack_ms)}; SQL statements per put ${pp.sql_statements_per_put ?? "–"}`);
  const problems = [...o.problems, ...od.problems.map((p) => `open drafting: ${p}`), ...ao.problems.map((p) => `amendments only: ${p}`), ...ac.problems.map((p) => `accepting: ${p}`)];
  for (const p of problems) log(`  ! ${p}`);
}

export async function runAmendmentsBench(opts: AmendmentsOptions): Promise<number> {
  const runs: AmendmentsRun[] = [];
  for (let i = 1; i <= opts.runs; i++) {
    const r = await runOnce(i, opts);
    runs.push(r);
    if (opts.runs > 1) {
      const t = r.typing;
      opts.log(
        `  run ${i}: open warm p95 ${f1(r.open.warm.server_ms.p95)} ms, cold p95 ${f1(r.open.cold.server_ms.p95)} ms | typing p95 ${t.open_drafting.latency_ms.p95.toFixed(2)} vs ${t.amendments_only.latency_ms.p95.toFixed(2)} ms, µs/delivery ${f1(t.open_drafting.cpu_us_per_delivery)} vs ${f1(t.amendments_only.cpu_us_per_delivery)} | accept p95 ${f1(r.accept.every_tab_ms.p95)} ms | other CPU % open ${f1(r.open.host.other_cpu_pct)}, typing ${f1(t.open_drafting.other_cpu_pct)} / ${f1(t.amendments_only.other_cpu_pct)}, accept ${f1(r.accept.host.other_cpu_pct)}`,
      );
    }
  }
  const m = medianRuns(runs);
  report(m, runs.length, opts);
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ command: "amendments", runs: runs.length, opens: opts.opens, accepts: opts.accepts, median: m, per_run: runs }, null, 2));
  const failed = runs.some((r) => !r.typing.open_drafting.converged || !r.typing.amendments_only.converged || r.accept.missed > 0 || r.open.problems.length > 0);
  return failed ? 1 : 0;
}
