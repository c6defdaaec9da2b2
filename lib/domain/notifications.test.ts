import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS, notificationHref, notificationText, roundsAwaitingBallot, type NotificationKind, type RoundForReminder, type Voter } from "./notifications";

const CHN = "chn";
const JPN = "jpn";
const round = (id: string, status: RoundForReminder["status"], voted: string[]): RoundForReminder => ({ id, proposalId: `p-${id}`, status, voted });
const delegate = (delegationId: string | null = CHN): Voter => ({ role: "DELEGATE", delegationId, isArchived: false });

describe("roundsAwaitingBallot: who sees 'Your delegation has not voted'", () => {
  // viewer, rounds, ids of the rounds the reminder names
  const rows: Array<[string, Voter, RoundForReminder[], string[]]> = [
    ["a delegate, open round, nobody voted", delegate(), [round("a", "OPEN", [])], ["a"]],
    ["a delegate, another delegation voted", delegate(), [round("a", "OPEN", [JPN])], ["a"]],
    ["a delegate whose delegation voted (any of its delegates)", delegate(), [round("a", "OPEN", [JPN, CHN])], []],
    ["a closed round is not owed", delegate(), [round("a", "CLOSED", [])], []],
    ["a cancelled round is not owed", delegate(), [round("a", "CANCELLED", [])], []],
    ["only the open rounds still owed", delegate(), [round("a", "OPEN", [CHN]), round("b", "OPEN", []), round("c", "CLOSED", [])], ["b"]],
    ["no rounds", delegate(), [], []],
    ["a delegate without a delegation cannot vote", delegate(null), [round("a", "OPEN", [])], []],
    ["the chair does not vote", { role: "MODERATOR", delegationId: null, isArchived: false }, [round("a", "OPEN", [])], []],
    ["a chair seated in a delegation still does not cast", { role: "MODERATOR", delegationId: CHN, isArchived: false }, [round("a", "OPEN", [])], []],
    ["an observer does not vote", { role: "OBSERVER", delegationId: null, isArchived: false }, [round("a", "OPEN", [])], []],
    ["nobody votes in an archived workshop", { ...delegate(), isArchived: true }, [round("a", "OPEN", [])], []],
  ];
  it.each(rows)("%s", (_, viewer, rounds, expected) => {
    expect(roundsAwaitingBallot(viewer, rounds).map((r) => r.id)).toEqual(expected);
  });
});

describe("notificationText", () => {
  const rows: Array<[NotificationKind, Parameters<typeof notificationText>[1], string]> = [
    ["vote.open", { title: "SME financing" }, "Vote opened on SME financing"],
    ["vote.close", { title: "SME financing", isAdopted: true }, "SME financing: adopted"],
    ["vote.close", { title: "SME financing", isAdopted: false }, "SME financing: not adopted"],
    ["vote.cancel", { title: "SME financing" }, "Vote cancelled on SME financing"],
    ["agenda.current", { title: "Urban diplomacy" }, "Now on the floor: Urban diplomacy"],
    ["proposal.lock", { title: "Urban diplomacy" }, "Drafting locked on Urban diplomacy"],
    ["proposal.unlock", { title: "Urban diplomacy" }, "Drafting reopened on Urban diplomacy"],
    ["version.restore", { title: "Urban diplomacy", versionNumber: 3 }, "Version 3 restored on Urban diplomacy"],
    ["version.restore", { title: "Urban diplomacy" }, "An earlier version was restored on Urban diplomacy"],
    ["comment.mention", { title: "Urban diplomacy", author: "Li Wei" }, "Li Wei mentioned your delegation in a comment on Urban diplomacy"],
    ["comment.mention", { title: "Urban diplomacy" }, "Someone mentioned your delegation in a comment on Urban diplomacy"],
  ];
  it.each(rows)("%s %j", (kind, subject, text) => expect(notificationText(kind, subject)).toBe(text));

  it("has a sentence for every kind", () => {
    for (const kind of NOTIFICATION_KINDS) expect(notificationText(kind, { title: "T" })).toContain("T");
  });
});

describe("notificationHref", () => {
  const at = { workshopId: "w1", proposalId: "p1" };
  it.each([
    ["vote.open", "/workshops/w1/proposals/p1#ballot-heading"],
    ["vote.close", "/workshops/w1/proposals/p1"],
    ["agenda.current", "/workshops/w1/proposals/p1"],
    ["version.restore", "/workshops/w1/proposals/p1"],
    ["comment.mention", "/workshops/w1/proposals/p1"],
  ] as Array<[NotificationKind, string]>)("%s leads to %s", (kind, href) => expect(notificationHref(kind, at)).toBe(href));
});
