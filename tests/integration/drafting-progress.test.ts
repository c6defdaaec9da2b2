// The workshop board's progress ("N of M paragraphs agreed") is counted on the live text when a
// status or bracket changes, and again at each automatic version, so paragraphs added or removed
// by typing reach the board without anyone setting a status.
import { beforeAll, describe, expect, it } from "vitest";
import { appendParagraph, keysOf, send } from "../helpers/drafting-client";
import { serverSuite } from "../helpers/server-suite";
import { createFixture, type Fixture } from "../helpers/fixtures";
import type { TestServer } from "../helpers/test-server";

// Automatic versions after 150 ms of quiet (scanned every 25 ms).
const suite = serverSuite({ rooms: { autoVersionIdleMs: 150, autoVersionMaxMs: 60_000, versionScanMs: 25 } });
let s: TestServer;
let f: Fixture;
beforeAll(async () => {
  s = suite.server;
  f = await createFixture(s.db, "The Parties agree to cooperate on public health.");
});

async function stored(proposalId: string) {
  const p = await s.db.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { progress: true } });
  return p.progress ? (JSON.parse(p.progress) as { paragraphs: number; agreed: number }) : null;
}

describe("progress on the board", () => {
  it("is recounted at the automatic version after typing, once a status was ever set; untracked texts are left alone", async () => {
    const chair = await suite.client(f.users.chair, f.proposalId);
    expect(await send(chair, "clause:status", { proposalId: f.proposalId, clauseKey: keysOf(chair)[0]!, status: "AGREED" })).toMatchObject({ ok: true });
    expect(await stored(f.proposalId)).toEqual({ paragraphs: 1, agreed: 1, adReferendum: 0, parked: 0 });

    await appendParagraph(chair, "Data shall be shared every month.");
    let counted: Awaited<ReturnType<typeof stored>> = null;
    const start = Date.now();
    while (Date.now() - start < 10_000) {
      counted = await stored(f.proposalId);
      if (counted?.paragraphs === 2) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(counted).toEqual({ paragraphs: 2, agreed: 1, adReferendum: 0, parked: 0 });

    // Another text, typed in, with no status or bracket ever: no count is made for it.
    const other = await suite.client(f.users.chair, f.otherProposalId);
    await appendParagraph(other, "A second paragraph.");
    const versions = async () => s.db.version.count({ where: { proposalId: f.otherProposalId } });
    const before = await versions();
    const start2 = Date.now();
    while (Date.now() - start2 < 5_000 && (await versions()) === before) await new Promise((r) => setTimeout(r, 50));
    expect(await versions()).toBeGreaterThan(before);
    expect(await stored(f.otherProposalId)).toBeNull();
  });
});
