// `npm run bench -- --trace FILE.json.gz [--rate N]`: replays a recorded editing trace through
// the real server and protocol (ProposalProvider over socket.io, session cookie, journal) and
// checks that every replica ends with the trace's endContent. See bench/README.md.
import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import * as Y from "yjs";
import { toUint8Array } from "../../lib/protocol.ts";
import { ProposalProvider } from "../../lib/realtime/proposal-provider.ts";
import { closeClients, openProvider, openSocket, type BenchClient, type Endpoint } from "../accord-client.ts";
import { openWindow, safeLabel, serverProblems } from "../engine/window.ts";
import { startServerProcess } from "../server-control.ts";
import { percentiles, round } from "../stats.ts";
import { loadTrace, versionVectors, type LoadedTrace } from "./trace-file.ts";
import { applyTxn, paragraphText, plainText } from "./trace-text.ts";
import { instrumentSocket, type RelayPayload } from "./instrument.ts";
import { describeMismatch, formatTraceResult, latency, type TraceResult } from "./trace-report.ts";

/**
 * The server allows 100 messages/s per socket (burst 200, server/realtime/socket-guard.ts) and
 * refuses the excess for good (RATE_LIMITED is not retried): stay under it with a margin.
 */
const MSGS_PER_S = 90;
const BUCKET_CAPACITY = 90;
/** Updates awaiting their ack per client: "as fast as acks allow". */
const WINDOW = 32;
/** Sequential traces at full speed: consecutive transactions merged into one update (one message). */
const BATCH_TXNS = 100;
const RELAY_TIMEOUT_MS = 30_000;
const SAVE_TIMEOUT_MS = 120_000;
const SETTLE_TIMEOUT_MS = 30_000;
const PROGRESS_EVERY_MS = 10_000;
/**
 * A long catch-up (clownschool's agent 1 joins at txn 19,523 and takes in all of them at once)
 * yields to the event loop this often: acks and relays that arrive meanwhile are timestamped
 * when they arrive, not hundreds of ms later, which would read as server latency.
 */
const CATCH_UP_SLICE_MS = 10;

type Message = { sentAt: number; sender: number; txn: number; txns: number; seenBy: Set<number> };

type Agent = {
  index: number;
  client: BenchClient;
  text: Y.XmlText;
  /** The provider's own doc:update handler: calling it is how a relay reaches this replica. */
  deliver: (payload: RelayPayload) => void;
  /** Relays that arrived, by the trace txn they carry, until the replay needs them. */
  inbox: Map<number, RelayPayload>;
  waiting: Map<number, () => void>;
  /** Per agent: how many of its txns this replica has applied. */
  delivered: Int32Array;
  inflight: number;
  onAck: Array<() => void>;
  tokens: number;
  tokensAt: number;
  refused: Map<string, number>;
};

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}

function keyOf(update: Uint8Array): string {
  return Buffer.from(update.buffer, update.byteOffset, update.byteLength).toString("base64");
}

export async function runTrace(opts: { file: string; rate: number | null; json: string | null }): Promise<number> {
  const name = basename(opts.file).replace(/\.json(\.gz)?$/, "");
  const trace: LoadedTrace = loadTrace(opts.file);
  const { vv, byAgent } = versionVectors(trace);
  const n = trace.txns.length;
  const A = trace.agents;
  // Sequential traces at full speed batch; everything else sends one update per transaction.
  const isBatched = !trace.isConcurrent && opts.rate === null;
  const mode = isBatched
    ? `batched: up to ${BATCH_TXNS} consecutive transactions per Yjs update (one message), ≤ ${MSGS_PER_S} msgs/s per client`
    : `one Yjs update per transaction, ${opts.rate === null ? "as fast as acks allow" : `paced at ${opts.rate} txns/s`} (window ${WINDOW}), ≤ ${MSGS_PER_S} msgs/s per client`;
  console.log(`\ntrace ${name}: ${n} transactions, ${trace.patchCount} patches, ${A} agent${A === 1 ? "" : "s"} (${trace.isConcurrent ? "concurrent" : "sequential"}), endContent ${trace.endContent.length} chars`);
  console.log(`  mode: ${mode}`);

  const server = await startServerProcess({ label: `trace_${name.replace(/\W/g, "_")}`, rooms: 1, clientsPerRoom: A + 1 });
  const endpoint: Endpoint = { url: server.url, secret: server.secret };
  const proposalId = server.fixture.proposalIds[0]!;
  const all: BenchClient[] = [];
  const onSigint = () => {
    closeClients(all);
    void server.stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSigint);
  try {
    // The fixture's proposal holds a one-paragraph draft: empty the paragraph and put startContent in.
    {
      const setup = await openProvider(endpoint, server.fixture.delegates[A]!, proposalId);
      const text = paragraphText(setup.provider.doc);
      setup.provider.doc.transact(() => {
        text.delete(0, text.length);
        if (trace.startContent) text.insert(0, trace.startContent);
      });
      await setup.provider.whenSaved();
      setup.provider.destroy();
      setup.socket.disconnect();
    }

    const messages = new Map<string, Message[]>();
    const emptyTxn = new Uint8Array(n);
    const ackLat: number[] = [];
    const relayLat: number[] = [];
    let unmatchedRelays = 0;
    let sends = 0;
    let current: { txn: number; txns: number; sender: number } | null = null;

    /** Which message a relay carries (identical bytes from two senders: the first unseen one). */
    function match(update: Uint8Array, receiver: number): Message | null {
      const list = messages.get(keyOf(update));
      const m = list?.find((x) => x.sender !== receiver && !x.seenBy.has(receiver));
      if (!m) return null;
      m.seenBy.add(receiver);
      relayLat.push(performance.now() - m.sentAt);
      return m;
    }

    const agents: Agent[] = [];
    const clientIdBase = 1 + Math.floor(Math.random() * (0x7fffffff - A));
    for (let i = 0; i < A; i++) {
      const socket = await openSocket(endpoint, server.fixture.delegates[i]!);
      const agent = { index: i, inbox: new Map(), waiting: new Map(), delivered: new Int32Array(A), inflight: 0, onAck: [], tokens: BUCKET_CAPACITY, tokensAt: performance.now(), refused: new Map() } as unknown as Agent;
      const hooks = instrumentSocket(socket, {
        captureRelays: true,
        onSend(update) {
          if (!current || current.sender !== i) return null;
          const m: Message = { sentAt: performance.now(), sender: i, txn: current.txn, txns: current.txns, seenBy: new Set() };
          const k = keyOf(update);
          const list = messages.get(k);
          if (list) list.push(m);
          else messages.set(k, [m]);
          agent.inflight++;
          sends++;
          return m;
        },
        onAck(m) {
          if (m) ackLat.push(performance.now() - (m as Message).sentAt);
          agent.inflight = Math.max(0, agent.inflight - 1);
          for (const w of agent.onAck.splice(0)) w();
        },
        onRelay(payload) {
          const m = match(toUint8Array(payload.update), i);
          if (!m) {
            unmatchedRelays++;
            agent.deliver(payload); // not one of the trace's updates (e.g. a resync): apply as is
            return;
          }
          agent.inbox.set(m.txn, payload);
          agent.waiting.get(m.txn)?.();
        },
      });
      // Yjs orders concurrent inserts at one place by client id, and the trace's endContent
      // has such ties resolved in agent order: ids follow the agents (random ones reach
      // endContent in about half the runs). Fresh per run, from a random base. (A doc handed
      // to the provider is caught up once on join: one relay that carries only deletions every
      // replica already has, reported as "matched no sent update".)
      const doc = new Y.Doc();
      doc.clientID = clientIdBase + i;
      const provider = new ProposalProvider(socket, proposalId, { doc });
      provider.on("refused", (e) => agent.refused.set(e.code, (agent.refused.get(e.code) ?? 0) + 1));
      const client: BenchClient = { room: 0, socket, provider };
      all.push(client);
      await Promise.race([provider.whenSynced(), sleep(30_000).then(() => Promise.reject(new Error(`agent ${i} did not sync`)))]);
      Object.assign(agent, { client, text: paragraphText(provider.doc), deliver: hooks.deliver });
      agents.push(agent);
    }
    // A replica that only receives, straight from the server (no causal gating): "other replicas" for sequential traces too.
    const passive = await openProvider(endpoint, server.fixture.observer, proposalId);
    all.push({ room: 0, ...passive });
    passive.socket.on("doc:update", (payload) => {
      if (!match(toUint8Array(payload.update), A)) unmatchedRelays++;
    });
    for (const a of agents) {
      if (plainText(a.client.provider.doc) !== trace.startContent) throw new Error(`agent ${a.index} did not start from startContent`);
    }

    async function take(a: Agent, txn: number): Promise<RelayPayload> {
      for (;;) {
        const p = a.inbox.get(txn);
        if (p) {
          a.inbox.delete(txn);
          a.waiting.delete(txn);
          return p;
        }
        const arrived = new Promise<void>((resolve) => a.waiting.set(txn, resolve));
        const timedOut = await Promise.race([arrived.then(() => false), sleep(RELAY_TIMEOUT_MS).then(() => true)]);
        if (timedOut) throw new Error(`agent ${a.index}: the relay of txn ${txn} did not arrive within ${RELAY_TIMEOUT_MS} ms`);
      }
    }

    /**
     * Makes `a`'s replica hold exactly the other agents' txns in `target` (a version vector row),
     * delivered in global transaction order: a k-way merge over the agents' lists, smallest
     * index first. The trace's order is causal, so no update reaches the replica before the
     * ones it builds on. (Agent by agent, an update whose Yjs dependencies come later is held
     * by Yjs as pending and the pending set is re-merged on every later update: quadratic,
     * seconds of a blocked generator on a three-agent trace.)
     */
    async function catchUp(a: Agent, target: (b: number) => number): Promise<void> {
      let sliceStart = performance.now();
      for (;;) {
        let next = -1;
        for (let b = 0; b < A; b++) {
          if (b === a.index || a.delivered[b]! >= target(b)) continue;
          if (next < 0 || byAgent[b]![a.delivered[b]!]! < byAgent[next]![a.delivered[next]!]!) next = b;
        }
        if (next < 0) return;
        const j = byAgent[next]![a.delivered[next]!]!;
        if (!emptyTxn[j]) a.deliver(await take(a, j));
        a.delivered[next]!++;
        if (performance.now() - sliceStart > CATCH_UP_SLICE_MS) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
    }

    async function sendSlot(a: Agent): Promise<void> {
      while (a.inflight >= WINDOW) await new Promise<void>((r) => a.onAck.push(r));
      for (;;) {
        const now = performance.now();
        a.tokens = Math.min(BUCKET_CAPACITY, a.tokens + ((now - a.tokensAt) * MSGS_PER_S) / 1000);
        a.tokensAt = now;
        if (a.tokens >= 1) break;
        await sleep(((1 - a.tokens) * 1000) / MSGS_PER_S);
      }
      a.tokens -= 1;
    }

    // The measured window is the replay (as for the load runs, BENCH_CPU_PROF=1 profiles the server over it).
    const measuring = await openWindow({ usage: (o) => server.usage(o), diagnostics: server }, `trace-${safeLabel(name)}`);
    const t0 = performance.now();
    let lastProgress = t0;
    let waitedMs = 0;
    let messagesSent = 0;
    for (let i = 0; i < n; ) {
      const txn = trace.txns[i]!;
      const a = agents[txn.agent ?? 0]!;
      if (opts.rate !== null) await sleep(t0 + (i * 1000) / opts.rate - performance.now());
      if (trace.isConcurrent) {
        const w = performance.now();
        await catchUp(a, (b) => vv[i * A + b]!);
        waitedMs += performance.now() - w;
      }
      await sendSlot(a);
      const count = isBatched ? Math.min(BATCH_TXNS, n - i) : 1;
      current = { txn: i, txns: count, sender: a.index };
      const before = sends;
      a.client.provider.doc.transact(() => {
        for (let k = 0; k < count; k++) applyTxn(a.text, trace.txns[i + k]!, trace.isBmpOnly);
      });
      current = null;
      if (sends === before) emptyTxn[i] = 1; // nothing changed: nothing to relay
      else messagesSent++;
      i += count;
      const now = performance.now();
      if (now - lastProgress > PROGRESS_EVERY_MS) {
        lastProgress = now;
        console.log(`  … ${i}/${n} transactions in ${((now - t0) / 1000).toFixed(0)} s (${((i * 1000) / (now - t0)).toFixed(0)} txns/s)`);
      }
    }
    const sentAllMs = performance.now() - t0;

    // Every replica takes in the rest, then everything must be durable.
    const totals = (b: number) => byAgent[b]!.length;
    for (const a of agents) await catchUp(a, totals);
    const saveDeadline = performance.now() + SAVE_TIMEOUT_MS;
    while (agents.some((a) => a.client.provider.status !== "saved") && performance.now() < saveDeadline) await sleep(20);
    const savedMs = performance.now() - t0;
    const w = await measuring.close();
    const eventLoop = w.eventLoop;
    const profilePath = await measuring.saveProfile();
    if (profilePath) console.log(`  server CPU profile of the replay (profiling inflates CPU figures): ${profilePath}`);
    const unsaved = agents.filter((a) => a.client.provider.status !== "saved").length;

    const settleDeadline = performance.now() + SETTLE_TIMEOUT_MS;
    while (plainText(passive.provider.doc) !== trace.endContent && performance.now() < settleDeadline) await sleep(50);
    const fresh = await openProvider(endpoint, server.fixture.observer, proposalId);
    const replicas: Array<{ name: string; result: string }> = [
      ...agents.map((a) => ({ name: `agent ${a.index}`, result: describeMismatch(plainText(a.client.provider.doc), trace.endContent) })),
      { name: "receive-only replica", result: describeMismatch(plainText(passive.provider.doc), trace.endContent) },
      { name: "fresh client (server's copy)", result: describeMismatch(plainText(fresh.provider.doc), trace.endContent) },
    ];
    const paragraphs = fresh.provider.doc.getXmlFragment("default").length;
    fresh.provider.destroy();
    fresh.socket.disconnect();
    const isAllEqual = replicas.every((r) => r.result === "equal") && unsaved === 0 && paragraphs === 1;

    const refused = agents.flatMap((a) => [...a.refused].map(([code, k]) => `agent ${a.index}: ${k} × ${code}`));
    const problems: string[] = [];
    if (unsaved > 0) problems.push(`${unsaved} agents not saved after ${SAVE_TIMEOUT_MS} ms`);
    if (paragraphs !== 1) problems.push(`the server's document has ${paragraphs} paragraphs`);
    if (unmatchedRelays > 0) problems.push(`${unmatchedRelays} relays matched no sent update (resyncs?)`);
    if (refused.length > 0) problems.push(`refused updates: ${refused.join(", ")}`);
    problems.push(...serverProblems(server, eventLoop));
    const result: TraceResult = {
      trace: name,
      concurrent: trace.isConcurrent,
      agents: A,
      txns: n,
      patches: trace.patchCount,
      mode,
      rate: opts.rate,
      update_messages: messagesSent,
      seconds_until_saved: round(savedMs / 1000, 2),
      seconds_until_sent: round(sentAllMs / 1000, 2),
      txns_per_s: round((n * 1000) / savedMs, 1),
      edits_per_s: round((trace.patchCount * 1000) / savedMs, 1),
      ack_ms: latency(percentiles(ackLat), ackLat.length),
      relay_ms: latency(percentiles(relayLat), relayLat.length),
      causal_wait_s: round(waitedMs / 1000, 2),
      server: { cpu_pct: round(w.serverCpuPct, 1), rss_mb: round(w.end.rssBytes / 2 ** 20, 1) },
      generator: { cpu_pct: round(w.generatorCpuPct, 1) },
      event_loop: eventLoop,
      host: w.host,
      replicas,
      all_equal: isAllEqual,
      refused,
      server_error_lines: server.errorSummary().total,
      problems,
    };
    console.log(formatTraceResult(result));
    if (opts.json) {
      writeFileSync(opts.json, `${JSON.stringify(result, null, 2)}\n`);
      console.log(`\nwrote ${opts.json}`);
    }
    return isAllEqual && eventLoop.server_responsive !== false ? 0 : 1;
  } finally {
    process.off("SIGINT", onSigint);
    closeClients(all);
    await server.stop();
  }
}
