import { describe, expect, it } from "vitest";
import {
  MAX_QUOTE_CHARS,
  canSeeThread,
  mayStartThread,
  mayWriteInThread,
  mentionedDelegations,
  quoteOf,
  type MentionableDelegation,
  type ThreadFacts,
  type Viewer,
} from "./comments";
import { PROPOSAL_STATES, ROLES, type CommentVisibility, type ProposalState, type Role } from "./vocabulary";

const viewer = (role: Role, delegationId: string | null): Viewer => ({ userId: `${role}-${delegationId}`, role, delegationId });
const verdict = (v: { ok: true } | { ok: false; code: string }) => (v.ok ? "ok" : v.code);

const THREADS: Record<string, ThreadFacts> = {
  "everyone's (by China)": { visibility: "EVERYONE", delegationId: "CHN" },
  "everyone's (by the chair)": { visibility: "EVERYONE", delegationId: null },
  "China only": { visibility: "DELEGATION", delegationId: "CHN" },
  "Japan only": { visibility: "DELEGATION", delegationId: "JPN" },
  // Cannot be made (mayStartThread refuses it), but must not become "everyone's" if it ever existed.
  "delegation-only without a delegation": { visibility: "DELEGATION", delegationId: null },
};
const KINDS = Object.keys(THREADS);

describe("canSeeThread: every role × every seat × every kind of thread", () => {
  // Which of THREADS (in order) the viewer sees: "✓" or "·".
  const rows: Array<[Role, string | null, string]> = [
    ["MODERATOR", null, "✓ ✓ · · ·"],
    ["MODERATOR", "CHN", "✓ ✓ ✓ · ·"],
    ["MODERATOR", "JPN", "✓ ✓ · ✓ ·"],
    ["DELEGATE", null, "✓ ✓ · · ·"],
    ["DELEGATE", "CHN", "✓ ✓ ✓ · ·"],
    ["DELEGATE", "JPN", "✓ ✓ · ✓ ·"],
    ["OBSERVER", null, "✓ ✓ · · ·"],
    // Observers sit in no delegation (lib/domain/people.ts seatFor); the rule goes by the seat alone.
    ["OBSERVER", "CHN", "✓ ✓ ✓ · ·"],
    ["OBSERVER", "JPN", "✓ ✓ · ✓ ·"],
  ];
  it("covers every role and seat", () => {
    expect(new Set(rows.map(([r]) => r))).toEqual(new Set(ROLES));
    for (const role of ROLES) expect(rows.filter(([r]) => r === role).map(([, d]) => d)).toEqual([null, "CHN", "JPN"]);
  });
  it.each(rows)("%s seated in %s sees %s", (role, delegationId, expected) => {
    const sees = KINDS.map((k) => (canSeeThread(viewer(role, delegationId), THREADS[k]!) ? "✓" : "·")).join(" ");
    expect(sees).toBe(expected);
  });
  it("the chair does not see a delegation's private thread by being chair", () => {
    expect(canSeeThread(viewer("MODERATOR", null), THREADS["China only"]!)).toBe(false);
  });
});

describe("mayStartThread", () => {
  const rows: Array<[string, Viewer, CommentVisibility, ProposalState, string]> = [
    ["a delegate, for everyone", viewer("DELEGATE", "CHN"), "EVERYONE", "DRAFTING", "ok"],
    ["a delegate, for the delegation", viewer("DELEGATE", "CHN"), "DELEGATION", "DRAFTING", "ok"],
    ["the chair, for everyone", viewer("MODERATOR", null), "EVERYONE", "DRAFTING", "ok"],
    ["the chair without a delegation, delegation-only", viewer("MODERATOR", null), "DELEGATION", "DRAFTING", "FORBIDDEN"],
    ["the chair seated in a delegation, delegation-only", viewer("MODERATOR", "CHN"), "DELEGATION", "DRAFTING", "ok"],
    ["a delegate without a delegation, delegation-only", viewer("DELEGATE", null), "DELEGATION", "DRAFTING", "FORBIDDEN"],
    ["an observer, for everyone", viewer("OBSERVER", null), "EVERYONE", "DRAFTING", "FORBIDDEN"],
    ["an observer, delegation-only", viewer("OBSERVER", null), "DELEGATION", "DRAFTING", "FORBIDDEN"],
    ["while locked", viewer("DELEGATE", "CHN"), "EVERYONE", "LOCKED", "ok"],
    ["while voting", viewer("DELEGATE", "CHN"), "DELEGATION", "VOTING", "ok"],
    ["once adopted", viewer("DELEGATE", "CHN"), "EVERYONE", "ADOPTED", "WRONG_STATE"],
    ["once withdrawn", viewer("MODERATOR", null), "EVERYONE", "WITHDRAWN", "WRONG_STATE"],
    // The role is the first answer: an observer is told what they can never do, not "not now".
    ["an observer, once adopted", viewer("OBSERVER", null), "EVERYONE", "ADOPTED", "FORBIDDEN"],
  ];
  it.each(rows)("%s → %s", (_, v, visibility, state, expected) => expect(verdict(mayStartThread(v, visibility, state))).toBe(expected));

  it("a delegate may comment in every undecided state and in no decided one", () => {
    const open = PROPOSAL_STATES.filter((s) => mayStartThread(viewer("DELEGATE", "CHN"), "EVERYONE", s).ok);
    expect(open).toEqual(["DRAFTING", "LOCKED", "VOTING"]);
  });
});

describe("mayWriteInThread (reply, resolve, reopen)", () => {
  const rows: Array<[string, Viewer, string, ProposalState, string]> = [
    ["China's delegate, China's thread", viewer("DELEGATE", "CHN"), "China only", "DRAFTING", "ok"],
    ["China's delegate, everyone's thread", viewer("DELEGATE", "CHN"), "everyone's (by the chair)", "DRAFTING", "ok"],
    ["Japan's delegate, China's thread", viewer("DELEGATE", "JPN"), "China only", "DRAFTING", "NOT_FOUND"],
    ["the chair, China's thread", viewer("MODERATOR", null), "China only", "DRAFTING", "NOT_FOUND"],
    ["the chair, everyone's thread", viewer("MODERATOR", null), "everyone's (by China)", "DRAFTING", "ok"],
    ["an observer, everyone's thread", viewer("OBSERVER", null), "everyone's (by China)", "DRAFTING", "FORBIDDEN"],
    // Not "forbidden": that would confirm the thread exists.
    ["an observer, China's thread", viewer("OBSERVER", null), "China only", "DRAFTING", "NOT_FOUND"],
    ["Japan's delegate, China's thread, once adopted", viewer("DELEGATE", "JPN"), "China only", "ADOPTED", "NOT_FOUND"],
    ["China's delegate, China's thread, once adopted", viewer("DELEGATE", "CHN"), "China only", "ADOPTED", "WRONG_STATE"],
    ["China's delegate, China's thread, while voting", viewer("DELEGATE", "CHN"), "China only", "VOTING", "ok"],
    ["a delegate without a delegation, the orphaned private thread", viewer("DELEGATE", null), "delegation-only without a delegation", "DRAFTING", "NOT_FOUND"],
  ];
  it.each(rows)("%s → %s", (_, v, kind, state, expected) => expect(verdict(mayWriteInThread(v, THREADS[kind]!, state))).toBe(expected));

  it("a thread one cannot see is refused with the same words whoever asks", () => {
    const messages = [viewer("DELEGATE", "JPN"), viewer("MODERATOR", null), viewer("OBSERVER", null)].map((v) => mayWriteInThread(v, THREADS["China only"]!, "DRAFTING"));
    expect(new Set(messages.map((m) => JSON.stringify(m))).size).toBe(1);
  });
});

describe("mentionedDelegations", () => {
  const DELEGATIONS: MentionableDelegation[] = [
    { id: "CHN", name: "China", code: "CHN" },
    { id: "JPN", name: "Japan", code: "JPN" },
    { id: "KOR", name: "Republic of Korea", code: "KOR" },
    { id: "MDA", name: "Republic of Moldova", code: "MDA" },
    { id: "REP", name: "Rep", code: "RP" },
  ];
  const everyone: ThreadFacts = { visibility: "EVERYONE", delegationId: "CHN" };
  const chinaOnly: ThreadFacts = { visibility: "DELEGATION", delegationId: "CHN" };
  const rows: Array<[string, ThreadFacts, string[]]> = [
    ["@Japan, please look", everyone, ["JPN"]],
    ["@JPN please look", everyone, ["JPN"]],
    ["@jpn and @jApAn", everyone, ["JPN"]],
    ["(@Japan)", everyone, ["JPN"]],
    ["@China and @Japan", everyone, ["CHN", "JPN"]],
    ["@Republic of Korea agrees", everyone, ["KOR"]],
    ["@republic of korea agrees", everyone, ["KOR"]],
    ["@Republic of Moldova and @KOR", everyone, ["KOR", "MDA"]],
    // "Rep" is a delegation too: the longest name wins, and a name must end where a word ends.
    ["@Rep agrees", everyone, ["REP"]],
    ["@Republic agrees", everyone, []],
    ["@Republic of Koreans", everyone, []],
    ["@Japanese delegates", everyone, []],
    ["@JPNX", everyone, []],
    ["Japan without an at sign", everyone, []],
    ["@", everyone, []],
    ["@@Japan", everyone, ["JPN"]],
    ["", everyone, []],
    // A private thread reaches its own delegation only: nobody outside learns it exists.
    ["@China and @Japan", chinaOnly, ["CHN"]],
    ["@Japan @Republic of Korea", chinaOnly, []],
    ["@CHN", chinaOnly, ["CHN"]],
    ["@China", { visibility: "DELEGATION", delegationId: null }, []],
    ["@Japan", { visibility: "DELEGATION", delegationId: "JPN" }, ["JPN"]],
  ];
  it.each(rows)("%j in %j → %j", (body, thread, expected) => expect(mentionedDelegations(body, DELEGATIONS, thread).sort()).toEqual(expected));

  it("names each delegation once, however often it is mentioned", () => {
    expect(mentionedDelegations("@Japan @JPN @japan", DELEGATIONS, everyone)).toEqual(["JPN"]);
  });
});

describe("quoteOf", () => {
  const rows: Array<[string, string, string]> = [
    ["a short passage", "the Parties agree", "the Parties agree"],
    ["empty (a point, not a passage)", "", ""],
    ["exactly the bound", "x".repeat(MAX_QUOTE_CHARS), "x".repeat(MAX_QUOTE_CHARS)],
    ["one over the bound", "x".repeat(MAX_QUOTE_CHARS + 1), `${"x".repeat(MAX_QUOTE_CHARS - 1)}…`],
    // Characters, not UTF-16 halves: a cut never splits an emoji into garbage.
    ["astral characters", "😀".repeat(MAX_QUOTE_CHARS + 1), `${"😀".repeat(MAX_QUOTE_CHARS - 1)}…`],
  ];
  it.each(rows)("%s", (_, passage, expected) => expect(quoteOf(passage)).toBe(expected));
  it("never exceeds the bound", () => expect([...quoteOf("y".repeat(10 * MAX_QUOTE_CHARS))].length).toBe(MAX_QUOTE_CHARS));
});
