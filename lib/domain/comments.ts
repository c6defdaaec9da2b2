// Comment threads: who sees a thread (the rule every path that carries one applies), who may
// start, reply, resolve and reopen, and which delegations a comment's mentions reach. Pure.
import type { CommentVisibility, ProposalState, Role } from "./vocabulary.ts";

/** One comment: a few paragraphs. */
export const MAX_COMMENT_CHARS = 4000;
/** Threads per proposal: every visible one is sent on opening the text (the benchmark uses 500). */
export const MAX_THREADS = 2000;
/** Comments per thread: a long side conversation, bounded so one thread's payload stays small. */
export const MAX_COMMENTS_PER_THREAD = 200;
/** A thread's quote of its passage (for "on deleted text"); longer passages are cut with an ellipsis. */
export const MAX_QUOTE_CHARS = 500;

/** The passage as a thread keeps it: whole up to MAX_QUOTE_CHARS, else cut there with an ellipsis. */
export function quoteOf(passage: string): string {
  const chars = [...passage];
  return chars.length <= MAX_QUOTE_CHARS ? passage : `${chars.slice(0, MAX_QUOTE_CHARS - 1).join("")}…`;
}

export type Viewer = { userId: string; role: Role; delegationId: string | null };
export type ThreadFacts = { visibility: CommentVisibility; delegationId: string | null };

/**
 * The one visibility rule. A delegation-only thread is its delegation's alone: not the chair's,
 * not an observer's, not another delegation's, whatever their role.
 */
export function canSeeThread(viewer: Viewer, thread: ThreadFacts): boolean {
  if (thread.visibility === "EVERYONE") return true;
  return thread.delegationId !== null && viewer.delegationId === thread.delegationId;
}

export type CommentRefusal = { ok: false; code: "FORBIDDEN" | "WRONG_STATE" | "NOT_FOUND"; message: string };
export type CommentVerdict = { ok: true } | CommentRefusal;

const COMMENT_STATES: readonly ProposalState[] = ["DRAFTING", "LOCKED", "VOTING"];

export function mayStartThread(viewer: Viewer, visibility: CommentVisibility, state: ProposalState): CommentVerdict {
  if (viewer.role === "OBSERVER") return { ok: false, code: "FORBIDDEN", message: "Observers read comments; they cannot write them." };
  if (!COMMENT_STATES.includes(state)) return { ok: false, code: "WRONG_STATE", message: "This proposal is decided: its comments can be read, not added to." };
  if (visibility === "DELEGATION" && viewer.delegationId === null) {
    return { ok: false, code: "FORBIDDEN", message: "Only members of a delegation can start a delegation-only thread." };
  }
  return { ok: true };
}

/** Reply, resolve, reopen: anyone who may write and can see the thread (others are told it does not exist). */
export function mayWriteInThread(viewer: Viewer, thread: ThreadFacts, state: ProposalState): CommentVerdict {
  if (!canSeeThread(viewer, thread)) return { ok: false, code: "NOT_FOUND", message: "There is no such comment thread." };
  if (viewer.role === "OBSERVER") return { ok: false, code: "FORBIDDEN", message: "Observers read comments; they cannot write them." };
  if (!COMMENT_STATES.includes(state)) return { ok: false, code: "WRONG_STATE", message: "This proposal is decided: its comments can be read, not added to." };
  return { ok: true };
}

export type MentionableDelegation = { id: string; name: string; code: string };

/**
 * The delegations a comment mentions: "@" followed by a delegation's code or name (any case,
 * the longest name first so "@Republic of Korea" is not read as a shorter one). In a
 * delegation-only thread only that delegation can be reached: a mention never tells anyone
 * outside it that the thread exists.
 */
export function mentionedDelegations(body: string, delegations: readonly MentionableDelegation[], thread: ThreadFacts): string[] {
  const lower = body.toLocaleLowerCase();
  const found = new Set<string>();
  const names = delegations.flatMap((d) => [d.name, d.code].map((n) => ({ id: d.id, n: n.toLocaleLowerCase() }))).sort((a, b) => b.n.length - a.n.length);
  for (let at = lower.indexOf("@"); at !== -1; at = lower.indexOf("@", at + 1)) {
    // Compared in place (no slice per "@"): a comment of 4,000 "@"s stays linear in the names.
    const hit = names.find(({ n }) => n.length > 0 && lower.startsWith(n, at + 1) && !/[\p{L}\p{N}]/u.test(lower.charAt(at + 1 + n.length)));
    if (hit) found.add(hit.id);
  }
  const ids = [...found];
  return thread.visibility === "DELEGATION" ? ids.filter((id) => id === thread.delegationId) : ids;
}
