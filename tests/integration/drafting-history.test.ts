// History and Compare list the bracket, status and reading events of a proposal in the order they
// happened (server/services/history/drafting-events.ts), between two versions for Compare; anyone
// who may read the history may read them, nobody else.
import { beforeAll, describe, expect, it } from "vitest";
import { listDraftingEvents } from "../../server/services/history/drafting-events";
import { anchorsOf, keysOf, send } from "../helpers/drafting-client";
import { serverSuite } from "../helpers/server-suite";
import { createFixture, type Fixture } from "../helpers/fixtures";
import type { TestServer } from "../helpers/test-server";

const suite = serverSuite();
let s: TestServer;
let f: Fixture;
beforeAll(async () => {
  s = suite.server;
  f = await createFixture(s.db, "The Parties agree to cooperate on public health and to share data every month.");
});

/** A named version now; its saving time bounds what Compare lists. */
const cut = async (label: string): Promise<Date> => {
  const v = await s.server.rooms.cutVersionNow(f.proposalId, { kind: "NAMED", label, authorId: f.users.chair, skipIfUnchanged: false });
  return (await s.db.version.findUniqueOrThrow({ where: { id: v!.id }, select: { createdAt: true } })).createdAt;
};

describe("drafting events in history", () => {
  it("are listed oldest first, only those between two versions for Compare, to members only", async () => {
    const chair = await suite.client(f.users.chair, f.proposalId);
    const china = await suite.client(f.users.china, f.proposalId);
    const japan = await suite.client(f.users.japan, f.proposalId);
    const before = await cut("Before");
    const placed = await send(china, "bracket:place", { proposalId: f.proposalId, ...anchorsOf(china.doc, "every month") });
    expect(placed.ok).toBe(true);
    expect((await send(japan, "bracket:option", { proposalId: f.proposalId, bracketId: placed.bracket!.id, text: "every quarter" })).ok).toBe(true);
    const middle = await cut("Middle");
    expect((await send(chair, "bracket:lift", { proposalId: f.proposalId, bracketId: placed.bracket!.id })).ok).toBe(true);
    expect((await send(chair, "clause:status", { proposalId: f.proposalId, clauseKey: keysOf(chair)[0]!, status: "AGREED" })).ok).toBe(true);

    const all = await listDraftingEvents({ db: s.db, userId: f.users.observer, proposalId: f.proposalId });
    expect(all.events.map((e) => e.action)).toEqual(["bracket.place", "bracket.option", "bracket.lift", "clause.status"]);
    expect(all.events[0]).toMatchObject({ actor: "Li Wei", detail: { passage: "every month" } });
    expect(all.isCut).toBe(false);

    const between = await listDraftingEvents({ db: s.db, userId: f.users.chair, proposalId: f.proposalId, since: before, until: middle });
    expect(between.events.map((e) => e.action)).toEqual(["bracket.place", "bracket.option"]);

    // Other audit entries (the versions cut) are not drafting events; another workshop's member sees nothing.
    await expect(listDraftingEvents({ db: s.db, userId: f.users.outsider, proposalId: f.proposalId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
