// Notifications kept per person: every session change a member should hear about is stored for
// each other member in the same transaction; the panel lists only the caller's own, in this
// workshop; "Mark all read" touches only the caller's rows; each person's list stays bounded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Fixture } from "../helpers/fixtures";
import { startFixtureServer, stopFixtureServer } from "../helpers/fixture-server";
import type { TestServer } from "../helpers/test-server";
import { MAX_KEPT_NOTIFICATIONS, MAX_LISTED_NOTIFICATIONS, PRUNE_SLACK, type NotificationKind } from "../../lib/domain/notifications";
import { openVoteRound } from "../../server/services/votes/open-vote-round";
import { castBallot } from "../../server/services/votes/cast-ballot";
import { closeVoteRound } from "../../server/services/votes/close-vote-round";
import { changeProposalState } from "../../server/services/proposals/change-proposal-state";
import { setCurrentItem } from "../../server/services/workshop/set-current-item";
import { restoreVersion } from "../../server/services/history/restore-version";
import { saveNamedVersion } from "../../server/services/history/save-named-version";
import { listNotifications } from "../../server/services/notifications/list-notifications";
import { markAllNotificationsRead } from "../../server/services/notifications/mark-all-read";
import { notifyWorkshop } from "../../server/services/notifications/notify";

let s: TestServer;
let f: Fixture;
let otherWorkshopId: string;
const now = () => new Date();

beforeAll(async () => {
  ({ s, f } = await startFixtureServer("The Parties agree."));
  otherWorkshopId = (await s.db.member.findFirstOrThrow({ where: { userId: f.users.outsider } })).workshopId;
});
afterAll(() => stopFixtureServer(s, []));

const ctx = () => ({ db: s.db, live: s.server.live });
const vote = (question: string) =>
  openVoteRound({ ...ctx(), rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, input: { question, rule: "MAJORITY", quorum: 1 }, now: now() });
const rowsOf = (kind: NotificationKind) => s.db.notification.findMany({ where: { kind }, select: { userId: true, workshopId: true, proposalId: true, text: true, href: true, readAt: true } });

describe("every event kind is stored for every other member", () => {
  beforeAll(async () => {
    await setCurrentItem({ ...ctx(), userId: f.users.chair, workshopId: f.workshopId, proposalId: f.proposalId });
    await changeProposalState({ ...ctx(), userId: f.users.chair, proposalId: f.proposalId, change: "lock", now: now() });
    await changeProposalState({ ...ctx(), userId: f.users.chair, proposalId: f.proposalId, change: "unlock", now: now() });
    const first = await vote("Adopt the text?");
    await castBallot({ ...ctx(), userId: f.users.china, input: { roundId: first.id, choice: "YES" }, now: now() });
    await closeVoteRound({ ...ctx(), userId: f.users.chair, roundId: first.id, now: now() });
    // Adopted: a second vote needs another proposal in drafting.
    await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.otherProposalId, label: "Rev.1" });
    const second = await openVoteRound({ ...ctx(), rooms: s.server.rooms, userId: f.users.chair, proposalId: f.otherProposalId, input: { question: "Adopt?", rule: "MAJORITY", quorum: 1 }, now: now() });
    await closeVoteRound({ ...ctx(), userId: f.users.chair, roundId: second.id, cancel: true, now: now() });
    await restoreVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.otherProposalId, number: 1 });
  });

  const others = () => [f.users.china, f.users.china2, f.users.japan, f.users.observer].sort();
  const cases: Array<[NotificationKind, RegExp]> = [
    ["agenda.current", /^Now on the floor: Live text$/],
    ["proposal.lock", /^Drafting locked on Live text$/],
    ["proposal.unlock", /^Drafting reopened on Live text$/],
    ["vote.open", /^Vote opened on (Live text|Second item)$/],
    ["vote.close", /^Live text: adopted$/],
    ["vote.cancel", /^Vote cancelled on Second item$/],
    ["version.restore", /^Version 1 restored on Second item$/],
  ];
  it.each(cases)("%s: one unread row per member but the chair who did it, none outside the workshop", async (kind, text) => {
    const rows = await rowsOf(kind);
    const perVote = kind === "vote.open" ? 2 : 1;
    expect(rows.map((r) => r.userId).sort()).toEqual(perVote === 2 ? [...others(), ...others()].sort() : others());
    for (const r of rows) {
      expect(r).toMatchObject({ workshopId: f.workshopId, readAt: null });
      expect(r.text).toMatch(text);
      expect(r.href).toMatch(new RegExp(`^/workshops/${f.workshopId}/proposals/${r.proposalId}(#ballot-heading)?$`));
    }
  });

  it("a vote that opens leads straight to its ballot", async () => {
    expect((await rowsOf("vote.open")).every((r) => r.href.endsWith("#ballot-heading"))).toBe(true);
  });

  it("lists the caller's own, newest first, with the unread count — the same on every read (reload, another device)", async () => {
    const list = await listNotifications({ db: s.db, userId: f.users.japan, workshopId: f.workshopId });
    expect(list.unread).toBe(8);
    expect(list.items.map((i) => i.kind)).toEqual(["version.restore", "vote.cancel", "vote.open", "vote.close", "vote.open", "proposal.unlock", "proposal.lock", "agenda.current"]);
    expect(await listNotifications({ db: s.db, userId: f.users.japan, workshopId: f.workshopId })).toEqual(list);
    expect((await listNotifications({ db: s.db, userId: f.users.chair, workshopId: f.workshopId })).items).toEqual([]);
  });
});

describe("mark all read", () => {
  it("marks only the caller's rows in this workshop", async () => {
    // Japan's delegate also sits in another workshop, with a notice there.
    await s.db.member.create({ data: { workshopId: otherWorkshopId, userId: f.users.japan, role: "OBSERVER" } });
    await notifyWorkshop(s.db, { workshopId: otherWorkshopId, kind: "agenda.current", text: "Now on the floor: elsewhere", href: `/workshops/${otherWorkshopId}` });
    const chinaBefore = await s.db.notification.count({ where: { userId: f.users.china, readAt: null } });

    const { marked } = await markAllNotificationsRead({ db: s.db, userId: f.users.japan, workshopId: f.workshopId, now: now() });
    expect(marked).toBe(8);
    expect((await listNotifications({ db: s.db, userId: f.users.japan, workshopId: f.workshopId })).unread).toBe(0);
    expect(await s.db.notification.count({ where: { userId: f.users.china, readAt: null } })).toBe(chinaBefore);
    expect(await s.db.notification.count({ where: { userId: f.users.japan, workshopId: otherWorkshopId, readAt: null } })).toBe(1);
  });

  it("refuses a non-member, and marks nothing", async () => {
    await expect(markAllNotificationsRead({ db: s.db, userId: f.users.outsider, workshopId: f.workshopId, now: now() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(markAllNotificationsRead({ db: s.db, userId: null, workshopId: f.workshopId, now: now() })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});

describe("isolation between workshops", () => {
  it("never lists another workshop's notices, and a non-member lists nothing", async () => {
    const here = await listNotifications({ db: s.db, userId: f.users.japan, workshopId: f.workshopId });
    expect(here.items.some((i) => i.text === "Now on the floor: elsewhere")).toBe(false);
    const there = await listNotifications({ db: s.db, userId: f.users.japan, workshopId: otherWorkshopId });
    expect(there.items.map((i) => i.text)).toEqual(["Now on the floor: elsewhere"]);
    await expect(listNotifications({ db: s.db, userId: f.users.outsider, workshopId: f.workshopId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("bounded growth", () => {
  it("lists at most one page, and keeps at most MAX_KEPT_NOTIFICATIONS per person once past the slack, the newest", async () => {
    const old = Date.now() - 86_400_000;
    const seeded = MAX_KEPT_NOTIFICATIONS + PRUNE_SLACK + 10;
    await s.db.notification.createMany({
      data: Array.from({ length: seeded }, (_, i) => ({
        userId: f.users.observer,
        workshopId: f.workshopId,
        kind: "agenda.current",
        text: `old ${i}`,
        href: `/workshops/${f.workshopId}`,
        createdAt: new Date(old + i * 1000),
      })),
    });
    expect((await listNotifications({ db: s.db, userId: f.users.observer, workshopId: f.workshopId })).items).toHaveLength(MAX_LISTED_NOTIFICATIONS);

    await notifyWorkshop(s.db, { workshopId: f.workshopId, kind: "agenda.current", text: "Now on the floor: the newest", href: `/workshops/${f.workshopId}` });
    const kept = await s.db.notification.findMany({ where: { userId: f.users.observer, workshopId: f.workshopId }, select: { text: true } });
    expect(kept).toHaveLength(MAX_KEPT_NOTIFICATIONS);
    const texts = new Set(kept.map((k) => k.text));
    expect(texts.has("Now on the floor: the newest")).toBe(true);
    expect(texts.has("old 0")).toBe(false);
    expect(texts.has(`old ${seeded - 1}`)).toBe(true);
    // Nobody else was near the bound: their rows are untouched.
    expect(await s.db.notification.count({ where: { userId: f.users.japan, workshopId: f.workshopId } })).toBe(9);
  });
});
