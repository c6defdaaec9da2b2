// A chair's changes to members and delegations, through the use cases, on a real server: the
// rules (last chair, coherent seats, deletable delegations), the audit trail, and open tabs
// taking the change at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detailInWords } from "../../app/workshops/[workshopId]/audit/audit-wording";
import { NO_ACCESS_MESSAGE } from "../../lib/realtime/access-words";
import { changeMember } from "../../server/services/people/change-member";
import { removeMember } from "../../server/services/people/remove-member";
import { listMembers } from "../../server/services/people/list-members";
import { editDelegation } from "../../server/services/workshop/edit-delegation";
import { deleteDelegation } from "../../server/services/workshop/delete-delegation";
import type { Fixture } from "../helpers/fixtures";
import { startFixtureServer, stopFixtureServer } from "../helpers/fixture-server";
import { eventually, openClient, type TestClient, type TestServer } from "../helpers/test-server";

let s: TestServer;
let f: Fixture;
let chn: string;
let jpn: string;
const open: TestClient[] = [];
const now = () => new Date();

beforeAll(async () => {
  ({ s, f, chn, jpn } = await startFixtureServer("The Parties agree."));
});
afterAll(() => stopFixtureServer(s, open, 100));

const ctx = () => ({ db: s.db, live: s.server.live, workshopId: f.workshopId });
const seat = (userId: string) => s.db.member.findUnique({ where: { workshopId_userId: { workshopId: f.workshopId, userId } } });
const lastAudit = (action: string) => s.db.auditEvent.findFirstOrThrow({ where: { workshopId: f.workshopId, action }, orderBy: { id: "desc" } });
const names = { delegation: (id: unknown) => (id === chn ? "China" : id === jpn ? "Japan" : "a removed delegation") };

describe("changing a member's seat", () => {
  it("moves a delegate to another delegation, records it, and their open editor writes for it at once", async () => {
    const tab = await openClient(s, f.users.china2, f.proposalId);
    open.push(tab);
    expect(tab.provider.self?.delegation?.code).toBe("CHN");
    await changeMember({ ...ctx(), userId: f.users.chair, memberUserId: f.users.china2, input: { role: "DELEGATE", delegationId: jpn } });
    expect(await seat(f.users.china2)).toMatchObject({ role: "DELEGATE", delegationId: jpn });
    await eventually(() => tab.provider.self?.delegation?.code === "JPN", "the editor to take the new delegation", 2000);
    const audit = await lastAudit("member.change");
    expect(audit.actorId).toBe(f.users.chair);
    expect(detailInWords("member.change", JSON.parse(audit.detail), names)).toBe("Zhang Min: delegate, China → delegate, Japan");
  });

  it("makes a delegate an observer (no delegation), and their editor turns read-only", async () => {
    const tab = await openClient(s, f.users.china2, f.proposalId);
    open.push(tab);
    expect(tab.provider.edit.canEdit).toBe(true);
    await changeMember({ ...ctx(), userId: f.users.chair, memberUserId: f.users.china2, input: { role: "OBSERVER", delegationId: jpn } });
    expect(await seat(f.users.china2)).toMatchObject({ role: "OBSERVER", delegationId: null });
    await eventually(() => !tab.provider.edit.canEdit, "the editor to turn read-only", 2000);
  });

  it("changes nothing (and records nothing) when the seat is the same", async () => {
    const before = await s.db.auditEvent.count();
    expect(await changeMember({ ...ctx(), userId: f.users.chair, memberUserId: f.users.china2, input: { role: "OBSERVER", delegationId: null } })).toBeNull();
    expect(await s.db.auditEvent.count()).toBe(before);
  });

  it("refuses incoherent or foreign input, naming the field", async () => {
    const other = await s.db.delegation.create({ data: { workshopId: (await s.db.workshop.create({ data: { title: "Elsewhere" } })).id, name: "Elsewhere", code: "ELS", colour: "#000000" } });
    await expect(changeMember({ ...ctx(), userId: f.users.chair, memberUserId: f.users.china2, input: { role: "DELEGATE", delegationId: null } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/^Delegation: /),
    });
    await expect(changeMember({ ...ctx(), userId: f.users.chair, memberUserId: f.users.china2, input: { role: "DELEGATE", delegationId: other.id } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/^Delegation: /),
    });
    await expect(changeMember({ ...ctx(), userId: f.users.chair, memberUserId: f.users.china2, input: { role: "KING" as never, delegationId: null } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/^Role: /),
    });
    await expect(changeMember({ ...ctx(), userId: f.users.chair, memberUserId: f.users.outsider, input: { role: "OBSERVER", delegationId: null } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is the chair's alone", async () => {
    await expect(changeMember({ ...ctx(), userId: f.users.china, memberUserId: f.users.japan, input: { role: "OBSERVER", delegationId: null } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(removeMember({ ...ctx(), userId: f.users.observer, memberUserId: f.users.japan, now: now() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the last chair", () => {
  it("cannot be demoted or removed; one of two chairs can", async () => {
    await expect(changeMember({ ...ctx(), userId: f.users.chair, memberUserId: f.users.chair, input: { role: "DELEGATE", delegationId: chn } })).rejects.toMatchObject({ code: "LAST_CHAIR" });
    await expect(removeMember({ ...ctx(), userId: f.users.chair, memberUserId: f.users.chair, now: now() })).rejects.toMatchObject({ code: "LAST_CHAIR" });
    // The sole chair may still change their own delegation.
    await changeMember({ ...ctx(), userId: f.users.chair, memberUserId: f.users.chair, input: { role: "MODERATOR", delegationId: chn } });

    await changeMember({ ...ctx(), userId: f.users.chair, memberUserId: f.users.observer, input: { role: "MODERATOR", delegationId: null } });
    await changeMember({ ...ctx(), userId: f.users.observer, memberUserId: f.users.chair, input: { role: "OBSERVER", delegationId: null } });
    expect(await seat(f.users.chair)).toMatchObject({ role: "OBSERVER", delegationId: null });
    // Now the former observer is the only chair.
    await expect(changeMember({ ...ctx(), userId: f.users.observer, memberUserId: f.users.observer, input: { role: "OBSERVER", delegationId: null } })).rejects.toMatchObject({ code: "LAST_CHAIR" });
    // Put things back for the tests below.
    await changeMember({ ...ctx(), userId: f.users.observer, memberUserId: f.users.chair, input: { role: "MODERATOR", delegationId: null } });
    await changeMember({ ...ctx(), userId: f.users.chair, memberUserId: f.users.observer, input: { role: "OBSERVER", delegationId: null } });
  });
});

describe("removing a member", () => {
  it("deletes only their seat: account, text, audit keep their name; their tab loses access within 2 s", async () => {
    const victim = await s.db.user.create({ data: { email: `victim-${f.workshopId}@accord.example`, name: "Tanaka Yui", passwordHash: "unused" } });
    await s.db.member.create({ data: { workshopId: f.workshopId, userId: victim.id, role: "DELEGATE", delegationId: jpn } });
    const tab = await openClient(s, victim.id, f.proposalId);
    open.push(tab);
    const para = (tab.doc.getXmlFragment("default").get(0) as import("yjs").XmlElement).get(0) as import("yjs").XmlText;
    para.insert(0, "Tanaka's words. ");
    await tab.provider.whenSaved();
    await s.db.floorRequest.create({ data: { workshopId: f.workshopId, userId: victim.id, delegationId: jpn } });

    const at = Date.now();
    await removeMember({ ...ctx(), userId: f.users.chair, memberUserId: victim.id, now: now() });
    await eventually(() => tab.provider.access === "removed", "the tab to lose access", 2000);
    expect(Date.now() - at).toBeLessThan(2000);
    expect(tab.provider.edit).toEqual({ canEdit: false, reason: NO_ACCESS_MESSAGE });

    expect(await seat(victim.id)).toBeNull();
    expect(await s.db.user.findUnique({ where: { id: victim.id } })).not.toBeNull();
    expect(await s.db.documentClient.count({ where: { userId: victim.id } })).toBeGreaterThan(0);
    expect(await s.db.floorRequest.count({ where: { userId: victim.id, status: { in: ["WAITING", "SPEAKING"] } } })).toBe(0);
    const audit = await lastAudit("member.remove");
    expect(detailInWords("member.remove", JSON.parse(audit.detail), names)).toBe("Tanaka Yui, delegate, Japan");
    expect((await listMembers({ db: s.db, userId: f.users.chair, workshopId: f.workshopId })).map((m) => m.name)).not.toContain("Tanaka Yui");
    await expect(removeMember({ ...ctx(), userId: f.users.chair, memberUserId: victim.id, now: now() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("delegations", () => {
  it("are renamed and recoloured, with the change recorded and members' tabs told", async () => {
    const tab = await openClient(s, f.users.japan, f.proposalId);
    open.push(tab);
    await editDelegation({ ...ctx(), userId: f.users.chair, delegationId: jpn, input: { name: "Japan (MOFA)", colour: "#1D4ED8" } });
    expect(await s.db.delegation.findUnique({ where: { id: jpn } })).toMatchObject({ name: "Japan (MOFA)", colour: "#1d4ed8", code: "JPN" });
    await eventually(() => tab.provider.self?.delegation?.name === "Japan (MOFA)", "the editor to take the new name", 2000);
    const audit = await lastAudit("delegation.edit");
    expect(detailInWords("delegation.edit", JSON.parse(audit.detail), names)).toBe("JPN: renamed “Japan” → “Japan (MOFA)”, colour #be185d → #1d4ed8");
  });

  it("refuse a bad name or colour, naming the field", async () => {
    await expect(editDelegation({ ...ctx(), userId: f.users.chair, delegationId: jpn, input: { name: " ", colour: "#1d4ed8" } })).rejects.toMatchObject({ message: expect.stringMatching(/^Name: /) });
    await expect(editDelegation({ ...ctx(), userId: f.users.chair, delegationId: jpn, input: { name: "Japan", colour: "blue" } })).rejects.toMatchObject({ message: expect.stringMatching(/^Colour: /) });
    await expect(editDelegation({ ...ctx(), userId: f.users.china, delegationId: jpn, input: { name: "Japan", colour: "#000000" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("are deleted only when nobody sits in them and they cast no ballot", async () => {
    await expect(deleteDelegation({ ...ctx(), userId: f.users.chair, delegationId: chn })).rejects.toMatchObject({ code: "DELEGATION_IN_USE", message: expect.stringMatching(/sits? in this delegation/) });

    const voted = await s.db.delegation.create({ data: { workshopId: f.workshopId, name: "Voted", code: "VTD", colour: "#0f766e" } });
    const version = await s.server.rooms.cutVersionNow(f.proposalId, { kind: "NAMED", label: "For the ballot", authorId: f.users.chair, skipIfUnchanged: false });
    const round = await s.db.voteRound.create({
      data: { proposalId: f.proposalId, versionId: version!.id, question: "Adopt?", rule: "MAJORITY", quorum: 1, openedById: f.users.chair, status: "CANCELLED" },
    });
    await s.db.ballot.create({ data: { roundId: round.id, delegationId: voted.id, choice: "YES", castById: f.users.chair } });
    await expect(deleteDelegation({ ...ctx(), userId: f.users.chair, delegationId: voted.id })).rejects.toMatchObject({ code: "DELEGATION_IN_USE", message: expect.stringMatching(/ballots/) });

    const spare = await s.db.delegation.create({ data: { workshopId: f.workshopId, name: "Spare", code: "SPR", colour: "#0f766e" } });
    await deleteDelegation({ ...ctx(), userId: f.users.chair, delegationId: spare.id });
    expect(await s.db.delegation.findUnique({ where: { id: spare.id } })).toBeNull();
    expect(detailInWords("delegation.delete", JSON.parse((await lastAudit("delegation.delete")).detail), names)).toBe("Spare · SPR");
    await expect(deleteDelegation({ ...ctx(), userId: f.users.chair, delegationId: spare.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
