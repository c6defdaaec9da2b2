import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "../../server/seed/seed";
import { seedOtherWorkshop, OTHER_WORKSHOP } from "../../e2e/fixtures/other-workshop";
import { verifyCredentials } from "../../server/services/people/verify-credentials";
import { getWorkshopOverview } from "../../server/services/workshop/get-workshop-overview";
import { getProposalView } from "../../server/services/proposals/get-proposal-view";
import { listMyWorkshops } from "../../server/services/workshop/list-my-workshops";
import { createInvite } from "../../server/services/invites/create-invite";
import { acceptInvite } from "../../server/services/invites/accept-invite";
import { inspectInvite } from "../../server/services/invites/inspect-invite";
import { revokeInvite } from "../../server/services/invites/revoke-invite";
import { moveAgendaItem } from "../../server/services/workshop/move-agenda-item";
import { plainTextOf } from "../../lib/document/convert";
import { silentNotifier } from "../../server/services/live-notifier";
import { docFromState } from "../../lib/document/convert";
import { resolveSpan } from "../../lib/document/anchors";
import { paragraphKeys } from "../../lib/document/clauses";
import { loadDocumentState } from "../../server/document-store/load-document";
import { DRAFTING_DEMO_TITLE } from "../../server/seed/seed";
import { DEMO_BRACKET } from "../../server/seed/drafting-demo";

let t: TestDb;
let workshopId: string;
let other: { workshopId: string; proposalId: string };
const ids: Record<string, string> = {};
const now = new Date("2026-11-28T10:00:00Z");

beforeAll(async () => {
  t = await createTestDb();
  ({ workshopId } = await seedDemo(t.db));
  other = await seedOtherWorkshop(t.db);
  for (const u of await t.db.user.findMany()) ids[u.email] = u.id;
});
afterAll(async () => t.cleanup());

describe("seeded demo", () => {
  it("shows a reading in progress on one text: a bracket with an option, an Agreed and a Parked clause, all on its own text", async () => {
    const proposal = await t.db.proposal.findFirstOrThrow({ where: { workshopId, title: DRAFTING_DEMO_TITLE } });
    // As the server will load it: the rows must name what is really in the stored text.
    const doc = docFromState((await loadDocumentState({ db: t.db, proposalId: proposal.id })).state);
    const [bracket] = await t.db.bracket.findMany({ where: { proposalId: proposal.id }, include: { options: { include: { supports: true } }, holders: true } });
    expect(bracket).toMatchObject({ status: "OPEN", passage: DEMO_BRACKET.passage });
    expect(resolveSpan(doc, bracket!.anchorFrom, bracket!.anchorTo)?.passage).toBe(DEMO_BRACKET.passage);
    expect(bracket!.options.map((o) => [o.text, o.supports.length])).toEqual([[DEMO_BRACKET.option, 2]]);
    const keys = paragraphKeys(doc);
    expect(keys).toContain(bracket!.clauseKey);
    const statuses = await t.db.clauseState.findMany({ where: { proposalId: proposal.id } });
    expect(statuses.map((c) => c.status).sort()).toEqual(["AGREED", "PARKED"]);
    for (const c of statuses) expect(keys).toContain(c.clauseKey);
    expect(JSON.parse(proposal.progress!)).toEqual({ paragraphs: keys.length, agreed: 1, adReferendum: 0, parked: 1 });
    expect(await t.db.auditEvent.count({ where: { proposalId: proposal.id, action: { in: ["bracket.place", "bracket.option", "clause.status"] } } })).toBe(4);
    doc.destroy();
  });

  it("has the four delegations, two delegates each, a chair, an observer and four drafted proposals", async () => {
    const view = await getWorkshopOverview({ db: t.db, userId: ids["chair@accord.example"]!, workshopId });
    expect(view.workshop.title).toBe("China–Japan Economic and Trade Cooperation under COVID-19");
    expect(view.delegations.map((d) => d.name)).toEqual(["China", "Japan", "Republic of Korea", "ASEAN"]);
    for (const d of view.delegations) {
      expect(view.members.filter((m) => m.delegationId === d.id && m.role === "DELEGATE").length).toBeGreaterThanOrEqual(2);
    }
    expect(view.members.filter((m) => m.role === "MODERATOR")).toHaveLength(1);
    expect(view.members.filter((m) => m.role === "OBSERVER")).toHaveLength(1);
    expect(view.proposals.map((p) => p.title)).toEqual([
      "Regional public-health exchange and cooperation mechanism",
      "SME financing and capital-chain continuity",
      "Urban diplomacy: city-to-city exchange",
      "Industrial-chain security warning and assessment mechanism",
    ]);
    for (const p of view.proposals) {
      const { content } = await getProposalView({ db: t.db, userId: ids["observer@accord.example"]!, proposalId: p.id });
      const clauses = plainTextOf(content).split("\n").filter((l) => /^\d+\. /.test(l));
      expect(clauses.length).toBeGreaterThanOrEqual(4);
    }
  });

  it("lets every demo account sign in with the documented password", async () => {
    for (const u of DEMO_USERS.slice(0, 3)) {
      expect(await verifyCredentials({ db: t.db, email: u.email, password: DEMO_PASSWORD })).toMatchObject({ email: u.email });
    }
  });
});

describe("sign-in", () => {
  it("refuses a wrong password and an unknown account alike", async () => {
    expect(await verifyCredentials({ db: t.db, email: "china1@accord.example", password: "wrong" })).toBeNull();
    expect(await verifyCredentials({ db: t.db, email: "nobody@accord.example", password: DEMO_PASSWORD })).toBeNull();
    // Email case and spaces do not matter; the password does.
    expect(await verifyCredentials({ db: t.db, email: "  China1@Accord.example ", password: DEMO_PASSWORD })).not.toBeNull();
  });
});

describe("workshop isolation", () => {
  it("hides another workshop from a delegate, as not found", async () => {
    const china = ids["china1@accord.example"]!;
    expect((await listMyWorkshops({ db: t.db, userId: china })).map((w) => w.title)).not.toContain(OTHER_WORKSHOP.title);
    await expect(getWorkshopOverview({ db: t.db, userId: china, workshopId: other.workshopId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getProposalView({ db: t.db, userId: china, proposalId: other.proposalId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getWorkshopOverview({ db: t.db, userId: null, workshopId })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("invites", () => {
  async function japanId() {
    return (await t.db.delegation.findFirstOrThrow({ where: { workshopId, code: "JPN" } })).id;
  }

  it("only the chair creates them", async () => {
    for (const email of ["china1@accord.example", "observer@accord.example", OTHER_WORKSHOP.delegate.email]) {
      await expect(
        createInvite({ db: t.db, userId: ids[email]!, workshopId, now, input: { role: "OBSERVER", delegationId: null } }),
      ).rejects.toMatchObject({ code: email.startsWith("other") ? "NOT_FOUND" : "FORBIDDEN" });
    }
    expect(await t.db.invite.count()).toBe(0);
  });

  it("admits exactly as many people as it has uses, even when they race", async () => {
    const { token } = await createInvite({
      db: t.db,
      userId: ids["chair@accord.example"]!,
      workshopId,
      now,
      input: { role: "DELEGATE", delegationId: await japanId(), maxUses: 1 },
    });
    const attempts = await Promise.allSettled(
      [1, 2, 3].map((i) =>
        acceptInvite({ db: t.db, token, now, newAccount: { name: `Racer ${i}`, email: `racer${i}@accord.example`, password: "long-enough-pw" } }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(attempts.filter((a) => a.status === "rejected").map((a) => (a as PromiseRejectedResult).reason.code)).toEqual(["INVITE_USED_UP", "INVITE_USED_UP"]);
    expect(await t.db.user.count({ where: { email: { startsWith: "racer" } } })).toBe(1);
    expect((await inspectInvite({ db: t.db, token, now })).status).toBe("USED_UP");
    const joined = await t.db.member.findFirstOrThrow({ where: { user: { email: { startsWith: "racer" } } } });
    expect(joined).toMatchObject({ role: "DELEGATE", delegationId: await japanId(), workshopId });
  });

  it("refuses expired, revoked and unknown links and changes nothing", async () => {
    const chair = ids["chair@accord.example"]!;
    const expired = await createInvite({ db: t.db, userId: chair, workshopId, now, input: { role: "OBSERVER", delegationId: null, expiresInDays: 1 } });
    const dayLater = new Date(now.getTime() + 86_400_000);
    await expect(
      acceptInvite({ db: t.db, token: expired.token, now: dayLater, newAccount: { name: "Late", email: "late@accord.example", password: "long-enough-pw" } }),
    ).rejects.toMatchObject({ code: "INVITE_EXPIRED" });

    const revoked = await createInvite({ db: t.db, userId: chair, workshopId, now, input: { role: "OBSERVER", delegationId: null } });
    await revokeInvite({ db: t.db, userId: chair, workshopId, inviteId: revoked.inviteId, now });
    await expect(
      acceptInvite({ db: t.db, token: revoked.token, now, newAccount: { name: "Rev", email: "rev@accord.example", password: "long-enough-pw" } }),
    ).rejects.toMatchObject({ code: "INVITE_REVOKED" });
    await expect(
      acceptInvite({ db: t.db, token: "nope", now, newAccount: { name: "Who", email: "who@accord.example", password: "long-enough-pw" } }),
    ).rejects.toMatchObject({ code: "INVITE_UNKNOWN" });
    expect(await t.db.user.count({ where: { email: { in: ["late@accord.example", "rev@accord.example", "who@accord.example"] } } })).toBe(0);
    expect(await inspectInvite({ db: t.db, token: "nope", now })).toEqual({ status: "UNKNOWN" });
  });

  it("rejects a delegate invite without a delegation, and a delegation of another workshop", async () => {
    const chair = ids["chair@accord.example"]!;
    await expect(createInvite({ db: t.db, userId: chair, workshopId, now, input: { role: "DELEGATE", delegationId: null } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const lao = await t.db.delegation.findFirstOrThrow({ where: { code: "LAO" } });
    await expect(createInvite({ db: t.db, userId: chair, workshopId, now, input: { role: "DELEGATE", delegationId: lao.id } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});

describe("agenda order", () => {
  it("moves an item and refuses delegates", async () => {
    const chair = ids["chair@accord.example"]!;
    const before = (await getWorkshopOverview({ db: t.db, userId: chair, workshopId })).proposals.map((p) => p.id);
    await moveAgendaItem({ db: t.db, live: silentNotifier, userId: chair, workshopId, proposalId: before[0]!, direction: "down" });
    const after = (await getWorkshopOverview({ db: t.db, userId: chair, workshopId })).proposals.map((p) => p.id);
    expect(after).toEqual([before[1], before[0], before[2], before[3]]);
    await expect(
      moveAgendaItem({ db: t.db, live: silentNotifier, userId: ids["china1@accord.example"]!, workshopId, proposalId: before[0]!, direction: "up" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.auditEvent.count({ where: { action: "agenda.move" } })).toBe(1);
  });
});

describe("sign-in attempt limits", () => {
  it("slows guessing one account's password: the right one waits out a short delay, with a named error; others are unaffected", async () => {
    const { LoginLimiter } = await import("../../server/auth/login-limiter");
    const { signInWithPassword } = await import("../../server/services/people/sign-in-with-password");
    const limiter = new LoginLimiter(t.db);
    const attempt = (email: string, password: string, address = "10.0.0.1", now = 1000) =>
      signInWithPassword({ db: t.db, limiter, email, password, address, now });
    // Three mistakes are free; the fourth makes the next try wait 2 s, the fifth 4 s.
    for (let i = 0; i < 4; i++) expect(await attempt("japan1@accord.example", `guess-${i}`)).toBeNull();
    await expect(attempt("japan1@accord.example", "guess-4")).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect(await attempt("japan1@accord.example", "guess-4", "10.0.0.1", 3000)).toBeNull();
    await expect(attempt("japan1@accord.example", DEMO_PASSWORD, "10.0.0.1", 3000)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // Another account from another address still signs in.
    expect(await attempt("korea1@accord.example", DEMO_PASSWORD, "10.0.0.2")).toMatchObject({ email: "korea1@accord.example" });
    // Guesses from 10.0.0.1 never delay the account's owner elsewhere.
    expect(await attempt("japan1@accord.example", DEMO_PASSWORD, "10.0.0.3", 3000)).toMatchObject({ email: "japan1@accord.example" });
    // Four seconds later the right password works from 10.0.0.1 too.
    expect(await attempt("japan1@accord.example", DEMO_PASSWORD, "10.0.0.1", 3000 + 4000)).toMatchObject({ email: "japan1@accord.example" });
  });

  it("slows one address failing on many accounts, never another address, and never counts successful sign-ins", async () => {
    const { LoginLimiter } = await import("../../server/auth/login-limiter");
    const { ADDRESS_RULE, throttleKeys } = await import("../../lib/domain/login-delay");
    const limiter = new LoginLimiter(t.db);
    const keys = (account: string, address: string) => Object.values(throttleKeys(account, address));
    for (let i = 0; i < 100; i++) {
      // A venue signing in: each may go ahead, and a success counts nothing.
      expect(await limiter.wait(keys(`delegate${i}@x`, "192.0.2.9"), 0)).toBe(0);
      await limiter.succeeded([throttleKeys(`delegate${i}@x`, "192.0.2.9").account]);
    }
    for (let i = 0; i < ADDRESS_RULE.free; i++) await limiter.failed(keys(`user${i}@x`, "192.0.2.9"), 0);
    expect(await limiter.wait(keys("someone-new@x", "192.0.2.9"), 0)).toBe(0); // the free mistakes
    await limiter.failed(keys("one-more@x", "192.0.2.9"), 0);
    expect(await limiter.wait(keys("someone-new@x", "192.0.2.9"), 0)).toBe(2000);
    expect(await limiter.wait(keys("someone-new@x", "192.0.2.10"), 0)).toBe(0);
  });
});
