// A storage fault while people type: three typists keep typing before, during and after an
// outage that `fault` starts and ends, while an observer's socket keeps asking the server for
// something that needs no database. Used by the SQLite (npm test) and PostgreSQL (test:scale)
// suites; the suites check the report against the database.
import { PROTOCOL_VERSION } from "../../lib/protocol";
import type { ChildProcess } from "node:child_process";
import { expect } from "vitest";
import type { Db } from "../../lib/db.ts";
import { docFromState } from "../../lib/document/convert.ts";
import { loadDocumentState } from "../../server/document-store/load-document.ts";
import { openClient, openSocket, spawnServerProcess, textOf } from "./test-server.ts";
import { Typist } from "./typist.ts";
import type { TestDb } from "./test-db.ts";
import type { Fixture } from "./fixtures.ts";

export type Fault = { begin(): Promise<void>; end(): Promise<void> };

export type DrillReport = {
  typists: Typist[];
  /** Probes sent while the storage was down, and how many were answered before it came back. */
  probes: { sentDuringOutage: number; answeredDuringOutage: number };
};

const TYPE_EVERY_MS = 40;
const PROBE_EVERY_MS = 250;

async function typeFor(typists: Typist[], ms: number): Promise<void> {
  const stopAt = Date.now() + ms;
  while (Date.now() < stopAt) {
    for (const t of typists) t.type();
    await new Promise((r) => setTimeout(r, TYPE_EVERY_MS));
  }
}

export async function typeThroughFault(opts: {
  url: string;
  secret: string;
  proposalId: string;
  writers: string[];
  observer: string;
  fault: Fault;
  outageMs: number;
}): Promise<DrillReport> {
  const typists = opts.writers.map((_, i) => new Typist(`w${i}k`));
  await Promise.all(typists.map((t, i) => t.connect(opts.url, opts.secret, opts.writers[i]!, opts.proposalId)));
  const probe = await openSocket({ url: opts.url, secret: opts.secret }, opts.observer);
  const joined = await probe.timeout(10_000).emitWithAck("room:join", { proposalId: opts.proposalId, clientId: 7_000_001, protocol: PROTOCOL_VERSION });
  if (!joined.ok) throw new Error(`probe could not join: ${joined.error.code}`);

  await typeFor(typists, 1000);
  await Promise.all(typists.map((t) => t.provider!.whenSaved()));

  await opts.fault.begin();
  const probes: Array<{ isAnswered: boolean }> = [];
  let isDown = true;
  const probing = (async () => {
    while (isDown) {
      const p = { isAnswered: false };
      probes.push(p);
      void probe
        .timeout(60_000)
        .emitWithAck("doc:sync", { proposalId: opts.proposalId, stateVector: new Uint8Array([0]) })
        .then(() => void (p.isAnswered = true))
        .catch(() => {});
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
    }
  })();
  await typeFor(typists, opts.outageMs);
  isDown = false;
  await probing;
  // Give the last probes a moment, then count while storage is still down.
  await new Promise((r) => setTimeout(r, PROBE_EVERY_MS * 2));
  const answeredDuringOutage = probes.filter((p) => p.isAnswered).length;
  await opts.fault.end();

  await typeFor(typists, 1000);
  await Promise.all(typists.map((t) => t.provider!.whenSaved()));
  probe.disconnect();
  return { typists, probes: { sentDuringOutage: probes.length, answeredDuringOutage } };
}

/**
 * What the drill must leave behind: the server answered while storage was down, every editor
 * said "Not saved — retrying" then confirmed everything, and every acknowledged token is in the
 * database (read after a SIGKILL, so nothing can come from the server's memory) and in a fresh
 * client of a restarted server.
 */
export async function expectNothingLost(
  report: DrillReport,
  opts: { server: { child: ChildProcess }; db: Db; dbUrl: string; secret: string; proposalId: string; observer: string; spawned: ChildProcess[] },
): Promise<number> {
  expect(report.probes.sentDuringOutage).toBeGreaterThan(10);
  expect(report.probes.answeredDuringOutage).toBe(report.probes.sentDuringOutage);
  for (const ty of report.typists) {
    expect(ty.statuses, ty.name).toContain("retrying");
    expect(ty.acknowledged.size).toBe(ty.typed.length);
    ty.disconnect();
  }
  opts.server.child.kill("SIGKILL");
  await new Promise((r) => opts.server.child.once("exit", r));
  const stored = textOf(docFromState((await loadDocumentState({ db: opts.db, proposalId: opts.proposalId })).state));
  const acknowledged = report.typists.flatMap((ty) => [...ty.acknowledged]);
  const missing = acknowledged.filter((token) => !stored.includes(token));
  expect(missing, `${missing.length} of ${acknowledged.length} acknowledged tokens missing`).toEqual([]);

  const second = await spawnServerProcess(opts.dbUrl, opts.secret);
  opts.spawned.push(second.child);
  const fresh = await openClient({ url: second.url, secret: opts.secret }, opts.observer, opts.proposalId);
  expect(acknowledged.filter((token) => !textOf(fresh.doc).includes(token))).toEqual([]);
  fresh.close();
  second.child.kill("SIGKILL");
  return acknowledged.length;
}

/** The whole drill on a server process of its own: three fixture delegates type through `fault`. */
export async function drillOnServerProcess(opts: {
  t: TestDb;
  f: Fixture;
  secret: string;
  fault: Fault;
  outageMs: number;
  spawned: ChildProcess[];
}): Promise<{ checked: number; report: DrillReport }> {
  const { t, f, secret } = opts;
  const server = await spawnServerProcess(t.url, secret);
  opts.spawned.push(server.child);
  const report = await typeThroughFault({
    url: server.url,
    secret,
    proposalId: f.proposalId,
    writers: [f.users.china, f.users.japan, f.users.china2],
    observer: f.users.observer,
    fault: opts.fault,
    outageMs: opts.outageMs,
  });
  const checked = await expectNothingLost(report, { server, db: t.db, dbUrl: t.url, secret, proposalId: f.proposalId, observer: f.users.observer, spawned: opts.spawned });
  return { checked, report };
}
