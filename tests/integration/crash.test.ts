// Crash safety: the server is SIGKILLed repeatedly while several clients type. Every change the
// server acknowledged as saved must survive each kill, and what clients typed while it was down
// must merge once it is back. A SIGTERM must flush the journal before exiting.
import { afterAll, describe, expect, it } from "vitest";
import type { ChildProcess } from "node:child_process";
import { createFixture } from "../helpers/fixtures";
import { createTestDb } from "../helpers/test-db";
import { eventually, spawnServerProcess, textOf } from "../helpers/test-server";
import { Typist } from "../helpers/typist";
import { loadDocumentState } from "../../server/document-store/load-document";
import { docFromState } from "../../lib/document/convert";

const KILLS = 3;
const secret = "crash-suite-secret-crash-suite-secret-12";
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill("SIGKILL");
});

async function stored(proposalId: string, db: Awaited<ReturnType<typeof createTestDb>>["db"]) {
  return textOf(docFromState((await loadDocumentState({ db, proposalId })).state));
}

describe("crash safety", () => {
  it(`survives ${KILLS} SIGKILLs while clients type: nothing acknowledged is lost, offline typing merges`, async () => {
    const t = await createTestDb();
    const f = await createFixture(t.db, "Start.");
    const typists = [new Typist("cn"), new Typist("jp"), new Typist("cn2")];
    const users = [f.users.china, f.users.japan, f.users.china2];
    let acknowledgedTotal = 0;
    try {
      for (let kill = 0; kill <= KILLS; kill++) {
        const node = await spawnServerProcess(t.url, secret);
        children.push(node.child);
        await Promise.all(typists.map((ty, i) => ty.connect(node.url, secret, users[i]!, f.proposalId)));
        if (kill === KILLS) {
          // Last round: everything, including what was typed while the server was down, arrives.
          await Promise.all(typists.map((ty) => ty.provider!.whenSaved()));
          break;
        }
        // Type for a while, killing the server in the middle of it.
        const stopAt = Date.now() + 400;
        while (Date.now() < stopAt) {
          for (const ty of typists) ty.type();
          await new Promise((r) => setTimeout(r, 5));
        }
        node.child.kill("SIGKILL");
        await new Promise((r) => node.child.once("exit", r));
        const afterKill = await stored(f.proposalId, t.db);
        for (const ty of typists) {
          for (const token of ty.acknowledged) expect(afterKill, `${token} was acknowledged before kill ${kill + 1}`).toContain(token);
        }
        acknowledgedTotal = typists.reduce((n, ty) => n + ty.acknowledged.size, 0);
        // Keep typing while the server is down.
        for (const ty of typists) ty.type();
        for (const ty of typists) ty.disconnect();
      }
      const final = await stored(f.proposalId, t.db);
      for (const ty of typists) for (const token of ty.typed) expect(final).toContain(token);
      await eventually(() => typists.every((ty) => textOf(ty.doc) === final), "every typist to hold the stored text");
      console.log(`crash test: ${KILLS} SIGKILLs, ${acknowledgedTotal} acknowledged tokens checked after kills, ${typists.reduce((n, ty) => n + ty.typed.length, 0)} tokens typed, 0 lost`);
    } finally {
      for (const ty of typists) ty.disconnect();
      await t.cleanup();
    }
  });

  it("flushes the journal on SIGTERM before exiting", async () => {
    const t = await createTestDb();
    const f = await createFixture(t.db, "Start.");
    const node = await spawnServerProcess(t.url, secret);
    children.push(node.child);
    const ty = new Typist("term");
    await ty.connect(node.url, secret, f.users.japan, f.proposalId);
    for (let i = 0; i < 50; i++) ty.type();
    await ty.provider!.whenSaved();
    const exited = new Promise<number | null>((r) => node.child.once("exit", (code) => r(code)));
    node.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const text = await stored(f.proposalId, t.db);
    for (const token of ty.typed) expect(text).toContain(token);
    ty.disconnect();
    await t.cleanup();
  });
});
