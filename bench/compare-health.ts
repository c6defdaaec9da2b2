// How responsive the server stays while Compare works on a 10,000-word paragraph rewritten
// from scratch (once a 164-second freeze of every socket and /api/health).
//
//   npx tsx bench/compare-health.ts
//
// With a production build (.next/BUILD_ID) it starts the real server (`tsx server/index.ts`)
// on a throw-away SQLite file, asks for the compare page as a signed-in member, and polls
// /api/health every 20 ms meanwhile. Without a build it calls the same use case in-process and
// measures how late a 20 ms timer fires instead. Either way it prints latency while idle and
// while comparing, and the comparison's duration and level.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encode } from "next-auth/jwt";
import * as Y from "yjs";
import { createDb, type Db } from "../lib/db.ts";
import { stateFromPmJson } from "../lib/document/convert.ts";
import { applyMigrations } from "../server/migrate.ts";
import { compareVersions } from "../server/services/history/compare-versions.ts";
import { cutVersion, freezeText } from "../server/services/history/cut-version.ts";
import { recordStartingDraft } from "../server/document-store/starting-draft.ts";
import { closeDiffPool } from "../server/compute/diff-pool.ts";

const WORDS = 10_000;
const POLL_MS = 20;
const IDLE_MS = 2_000;
const REWRITER_CLIENT_ID = 424_242;

function paragraph(n: number, seed: number): string {
  const vocabulary = ["regional", "public", "health", "exchange", "mechanism", "finance", "capital", "chain", "city", "diplomacy", "warning", "assessment", "security"];
  const out: string[] = [];
  for (let i = 0, x = seed; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(vocabulary[x % vocabulary.length]!);
  }
  return out.join(" ");
}

/** A workshop with one proposal and two versions: the paragraph, then Japan's full rewrite. */
async function prepare(db: Db) {
  const workshop = await db.workshop.create({ data: { title: "Compare bench" } });
  const jpn = await db.delegation.create({ data: { workshopId: workshop.id, name: "Japan", code: "JPN", colour: "#be185d" } });
  const user = async (name: string, role: "MODERATOR" | "DELEGATE" | "OBSERVER", delegationId: string | null) => {
    const u = await db.user.create({ data: { email: `${name}@bench.example`, name, passwordHash: "unused" } });
    await db.member.create({ data: { workshopId: workshop.id, userId: u.id, role, delegationId } });
    return u.id;
  };
  const chair = await user("chair", "MODERATOR", null);
  const japan = await user("japan", "DELEGATE", jpn.id);
  const observer = await user("observer", "OBSERVER", null);
  const proposal = await db.proposal.create({ data: { workshopId: workshop.id, title: "Long paragraph", position: 0 } });
  const state = stateFromPmJson({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: paragraph(WORDS, 1) }] }] });
  await recordStartingDraft(db, { proposalId: proposal.id, state, owner: { userId: chair, delegationId: null } });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const cut = (label: string) =>
    cutVersion(db, { proposalId: proposal.id, workshopId: workshop.id, frozen: freezeText(doc), kind: "NAMED", label, authorId: chair, editors: new Set(), now: new Date() });
  const from = (await cut("Original"))!.number;
  // Japan's client rewrites the paragraph; the ledger row makes that text Japan's.
  doc.clientID = REWRITER_CLIENT_ID;
  const text = (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
  doc.transact(() => {
    text.delete(0, text.length);
    text.insert(0, paragraph(WORDS, 2));
  });
  await db.documentClient.create({ data: { proposalId: proposal.id, clientId: BigInt(REWRITER_CLIENT_ID), userId: japan, delegationId: jpn.id } });
  const to = (await cut("Rewritten"))!.number;
  return { workshopId: workshop.id, proposalId: proposal.id, observer, from, to };
}

/** Samples a latency every POLL_MS until `stop` resolves. */
async function sample(measure: () => Promise<number>, stop: Promise<unknown>): Promise<number[]> {
  let isDone = false;
  void stop.finally(() => (isDone = true));
  const samples: number[] = [];
  while (!isDone) {
    samples.push(await measure());
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return samples;
}

function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
  return `${samples.length} samples, p99 ${p99.toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`;
}

// The first run compares the rewrite with itself: it loads the page's code and starts the
// worker, so the two rewrite runs after it measure the comparison alone.
const RUNS = [
  { label: "warm-up (rewrite vs itself; starts the worker)", isSameVersion: true },
  { label: "rewrite", isSameVersion: false },
  { label: "rewrite again", isSameVersion: false },
];

const LEVEL_OF_PAGE: Array<[string, string]> = [
  ["Too large to compare word by word or by paragraph", "whole"],
  ["Too large to compare word by word; showing paragraph changes.", "paragraph"],
];

async function startServer(dbUrl: string, secret: string): Promise<{ child: ChildProcess; url: string }> {
  // Its own process group, so stopping it stops tsx's node child too.
  const child = spawn(join("node_modules", ".bin", "tsx"), ["server/index.ts"], {
    env: { ...process.env, DATABASE_URL: dbUrl, NEXTAUTH_SECRET: secret, ACCORD_SKIP_SEED: "1", PORT: "0", HOST: "127.0.0.1", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  const port = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /ready on http:\/\/localhost:(\d+)/.exec(out);
      if (ready) resolve(ready[1]!);
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}) before it was ready:\n${out}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function viaServer(dbUrl: string, data: Awaited<ReturnType<typeof prepare>>): Promise<void> {
  const secret = randomBytes(32).toString("base64url");
  const { child, url } = await startServer(dbUrl, secret);
  try {
    const cookie = `next-auth.session-token=${await encode({ token: { sub: data.observer, name: "observer" }, secret })}`;
    const health = async () => {
      const t = performance.now();
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      return performance.now() - t;
    };
    // Next loads a route's code on its first request: not what this measures.
    for (let i = 0; i < 5; i++) await health();
    console.log(`idle:      /api/health ${summary(await sample(health, new Promise((r) => setTimeout(r, IDLE_MS))))}`);
    // A page's first request after a start costs what any page costs then (Next loads its code,
    // React and the queries warm up): measured on the history page, so the compare runs after
    // it show what comparing itself costs.
    {
      const t = performance.now();
      const page = fetch(`${url}/workshops/${data.workshopId}/proposals/${data.proposalId}/history`, { headers: { cookie } }).then((r) => r.text());
      const samples = await sample(health, page);
      await page;
      console.log(`first page: /api/health ${summary(samples)}`);
      console.log(`  history page, first request after the start: ${(performance.now() - t).toFixed(0)} ms`);
    }
    for (const run of RUNS) {
      const t = performance.now();
      const query = `from=${run.isSameVersion ? data.to : data.from}&to=${data.to}`;
      const page = fetch(`${url}/workshops/${data.workshopId}/proposals/${data.proposalId}/compare?${query}`, { headers: { cookie } }).then(async (r) => ({ status: r.status, html: await r.text() }));
      const samples = await sample(health, page);
      const { status, html } = await page;
      const level = LEVEL_OF_PAGE.find(([notice]) => html.includes(notice))?.[1] ?? "word";
      console.log(`comparing: /api/health ${summary(samples)}`);
      console.log(`  compare page, ${run.label}: HTTP ${status}, ${(performance.now() - t).toFixed(0)} ms, level ${level}, ${(html.length / 1024).toFixed(0)} KiB of HTML`);
    }
  } finally {
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

async function inProcess(db: Db, data: Awaited<ReturnType<typeof prepare>>): Promise<void> {
  const timerLateness = () => {
    const t = performance.now();
    return new Promise<number>((r) => setTimeout(() => r(performance.now() - t - 1), 1));
  };
  console.log(`idle:      timer ${summary(await sample(timerLateness, new Promise((r) => setTimeout(r, IDLE_MS))))}`);
  for (const run of RUNS) {
    const t = performance.now();
    const cmp = compareVersions({ db, userId: data.observer, proposalId: data.proposalId, from: run.isSameVersion ? data.to : data.from, to: data.to });
    const samples = await sample(timerLateness, cmp);
    const { level } = await cmp;
    console.log(`comparing: timer lateness ${summary(samples)}`);
    console.log(`  compareVersions, ${run.label}: ${(performance.now() - t).toFixed(0)} ms, level ${level}`);
  }
  await closeDiffPool();
}

const dir = mkdtempSync(join(tmpdir(), "accord-compare-bench-"));
const dbUrl = `file:${join(dir, "bench.db")}`;
try {
  await applyMigrations(dbUrl);
  const db = createDb(dbUrl);
  const data = await prepare(db);
  const hasBuild = existsSync(join(".next", "BUILD_ID"));
  console.log(`Compare of a ${WORDS.toLocaleString("en")}-word paragraph rewritten from scratch — ${hasBuild ? "production server, page over HTTP" : "no production build: in-process use case"}`);
  if (hasBuild) {
    await db.$disconnect();
    await viaServer(dbUrl, data);
  } else {
    await inProcess(db, data);
    await db.$disconnect();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
