// The notices people get come from diffing two boards: only news, each once, in words.
import { describe, expect, it } from "vitest";
import type { LiveRound, WorkshopLive } from "../protocol.ts";
import { noticesBetween, notifiedKey } from "./use-workshop-live.ts";

const round = (over: Partial<LiveRound>): LiveRound => ({
  id: "r1",
  proposalId: "p1",
  question: "Adopt?",
  rule: "CONSENSUS",
  quorum: 2,
  isOpenBallot: false,
  status: "OPEN",
  stateBefore: "DRAFTING",
  versionNumber: 2,
  openedAt: "2026-01-01T10:00:00.000Z",
  closedAt: null,
  voted: [],
  ballots: null,
  tally: null,
  ...over,
});

const tally = (isAdopted: boolean): LiveRound["tally"] => ({ yes: 2, no: 0, abstain: 0, cast: 2, quorum: 2, isQuorate: true, isAdopted, reason: isAdopted ? "ADOPTED" : "NO_SUPPORT" });

const board = (over: Partial<WorkshopLive> = {}): WorkshopLive => ({
  workshopId: "w1",
  workshop: { title: "Workshop", description: "", timeZone: "UTC", defaultVoteRule: "MAJORITY", defaultQuorum: 1, archivedAt: null },
  currentProposalId: "p1",
  delegations: [],
  proposals: [
    { id: "p1", title: "Health", summary: "", state: "DRAFTING", position: 0, lockAt: null, lastRestore: null, progress: null },
    { id: "p2", title: "SMEs", summary: "", state: "DRAFTING", position: 1, lockAt: null, lastRestore: null, progress: null },
  ],
  rounds: [],
  floor: [],
  serverTime: "2026-01-01T10:00:00.000Z",
  ...over,
});

describe("noticesBetween", () => {
  it("says nothing about the first board (that is the state of things, not news)", () => {
    expect(noticesBetween(null, board({ rounds: [round({})] }))).toEqual([]);
  });

  it("says nothing when nothing people care about changed (a ballot, the queue)", () => {
    const before = board({ rounds: [round({})] });
    expect(noticesBetween(before, board({ rounds: [round({ voted: ["d1"] })] }))).toEqual([]);
  });

  it("announces a new item on the floor, but not clearing it", () => {
    expect(noticesBetween(board(), board({ currentProposalId: "p2" }))).toEqual(["Now on the floor: SMEs"]);
    expect(noticesBetween(board(), board({ currentProposalId: null }))).toEqual([]);
  });

  it("announces a vote opening, closing (adopted or not) and being cancelled", () => {
    const open = board({ rounds: [round({})] });
    expect(noticesBetween(board(), open)).toEqual(["Vote opened on Health"]);
    expect(noticesBetween(open, board({ rounds: [round({ status: "CLOSED", tally: tally(true) })] }))).toEqual(["Health: adopted"]);
    expect(noticesBetween(open, board({ rounds: [round({ status: "CLOSED", tally: tally(false) })] }))).toEqual(["Health: not adopted"]);
    expect(noticesBetween(open, board({ rounds: [round({ status: "CANCELLED" })] }))).toEqual(["Vote cancelled on Health"]);
  });

  it("reports a result once: a closed round seen again is not news", () => {
    const closed = board({ rounds: [round({ status: "CLOSED", tally: tally(true) })] });
    expect(noticesBetween(closed, closed)).toEqual([]);
  });

  it("still reports a round that opened and closed between two boards", () => {
    expect(noticesBetween(board(), board({ rounds: [round({ status: "CLOSED", tally: tally(false) })] }))).toEqual(["Health: not adopted"]);
  });

  it("treats a proposal's next round as a new vote", () => {
    const first = board({ rounds: [round({ status: "CLOSED", tally: tally(false) })] });
    expect(noticesBetween(first, board({ rounds: [round({ id: "r2" })] }))).toEqual(["Vote opened on Health"]);
  });

  it("announces the workshop being archived, once", () => {
    const archived = board({ workshop: { ...board().workshop, archivedAt: "2026-01-02T10:00:00.000Z" } });
    expect(noticesBetween(board(), archived)).toEqual(["The workshop has been archived: it can be read, not changed."]);
    expect(noticesBetween(archived, archived)).toEqual([]);
  });
});

describe("notifiedKey (when a page re-reads its stored notifications)", () => {
  const key = (over: Partial<WorkshopLive>) => notifiedKey(board(over));
  it("stays the same for what notifies nobody: a ballot, the queue, a title", () => {
    const base = key({ rounds: [round({})] });
    expect(key({ rounds: [round({ voted: ["d1"] })] })).toBe(base);
    expect(key({ rounds: [round({})], serverTime: "2026-01-01T10:05:00.000Z" })).toBe(base);
  });

  it.each<[string, Partial<WorkshopLive>]>([
    ["the item on the floor", { currentProposalId: "p2" }],
    ["a vote opening", { rounds: [round({})] }],
    ["a lock", { proposals: [{ id: "p1", title: "Health", summary: "", state: "LOCKED", position: 0, lockAt: null, lastRestore: null, progress: null }] }],
    ["a restore", { proposals: [{ id: "p1", title: "Health", summary: "", state: "DRAFTING", position: 0, lockAt: null, lastRestore: { from: 1, to: 3, at: "2026-01-01T10:01:00.000Z" }, progress: null }] }],
  ])("changes with %s", (_, over) => {
    expect(key(over)).not.toBe(key({}));
  });

  it("is null before the first board", () => {
    expect(notifiedKey(null)).toBeNull();
  });
});
