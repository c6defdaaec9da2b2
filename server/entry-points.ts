// Every way into the server, and the access action that guards it. This file exists so the
// access-matrix suite (tests/integration/access-matrix.test.ts) can be generated from it and from
// the access table (lib/domain/access.ts): the suite fails when an entry point has no row here,
// when a row names an action the table lacks, when a table action guards nothing, and when an
// entry point lets through (or refuses) a role × proposal state the table says otherwise.
// Data only: adding a socket event, server action, route handler or page means adding its row.
import type { Action } from "../lib/domain/access.ts";
import type { ClientEventName } from "../lib/protocol.ts";

/** The access action an entry point checks, or null with the reason it checks none. */
export type Guard =
  | { action: Action }
  // needsSession: whether the caller must at least be signed in (every socket is, at connect).
  | { action: null; reason: string; needsSession: boolean };

/** A server action whose check depends on one of its arguments: the action per value. */
export type ArgumentGuard = { action: { argument: string; byValue: Readonly<Record<string, Action>> } };

export type ActionEntryPoint = { file: string; name: string } & (Guard | ArgumentGuard);
export type RouteEntryPoint = { method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS"; path: string } & Guard;
/** A page's row names the strictest action among the loads it runs (the one that decides). */
export type PageEntryPoint = { path: string } & Guard;

const SOCKET_REASON_LEAVE = "Only removes the caller's own socket from a room it may not even be in; it reveals and changes nothing else.";

export const SOCKET_ENTRY_POINTS = {
  "room:join": { action: "proposal.view" },
  "room:leave": { action: null, reason: SOCKET_REASON_LEAVE, needsSession: true },
  // Sync and awareness are answered only inside a joined room, which the join checked.
  "doc:sync": { action: "proposal.view" },
  "doc:update": { action: "proposal.edit" },
  "awareness:update": { action: "proposal.view" },
  "workshop:join": { action: "workshop.view" },
  "proposal:mode": { action: "proposal.mode" },
  "amendment:put": { action: "amendment.propose" },
  "amendment:reason": { action: "amendment.propose" },
  "amendment:stance": { action: "amendment.stance" },
  "amendment:withdraw": { action: "amendment.withdraw" },
  "amendment:accept": { action: "amendment.accept" },
  "amendment:reject": { action: "amendment.reject" },
  "amendment:accept-all": { action: "amendment.accept" },
  "comment:start": { action: "comment.write" },
  "comment:reply": { action: "comment.write" },
  "comment:resolve": { action: "comment.write" },
  "bracket:place": { action: "bracket.place" },
  // Only the placing delegation may give the reason (checked by the use case), while placing is open.
  "bracket:reason": { action: "bracket.place" },
  "bracket:hold": { action: "bracket.hold" },
  "bracket:option": { action: "bracket.option" },
  "bracket:support": { action: "bracket.option" },
  "bracket:agree": { action: "bracket.decide" },
  "bracket:lift": { action: "bracket.decide" },
  "clause:status": { action: "clause.status" },
  "clause:confirm": { action: "clause.confirm" },
  "reading:start": { action: "reading.run" },
  "reading:move": { action: "reading.run" },
  "reading:end": { action: "reading.run" },
} as const satisfies Record<ClientEventName, Guard>;

const INVITE = "app/invite/[token]/actions.ts";
const DECISIONS = "app/workshops/[workshopId]/decision-actions.ts";
const MANAGE = "app/workshops/[workshopId]/manage/actions.ts";
const HISTORY = "app/workshops/[workshopId]/proposals/[proposalId]/history/actions.ts";
const NEW_PROPOSAL = "app/workshops/[workshopId]/proposals/new/actions.ts";
const PROPOSAL = "app/workshops/[workshopId]/proposals/[proposalId]/actions.ts";
const NEW_WORKSHOP = "app/workshops/new/actions.ts";
const SETTINGS = "app/workshops/[workshopId]/settings/actions.ts";
const NOTIFICATIONS = "app/workshops/[workshopId]/notification-actions.ts";
const CREATE_WORKSHOP_REASON =
  "Instance-scoped: no workshop exists yet to be a member of. The use case applies the instance rule (assertMayCreateWorkshop: ACCORD_WORKSHOP_CREATORS, administrators by default, or every account) and makes the caller the new workshop's chair.";
const INVITE_REASON = "Accepting an invite is how a non-member becomes one: the link's token is the credential, checked by the use case.";
const ACCOUNT = "app/account/actions.ts";
const RESET = "app/reset/[token]/actions.ts";
const ADMIN_ACCOUNTS = "app/admin/accounts/actions.ts";
const RESET_LINK = "app/workshops/[workshopId]/reset-link-actions.ts";
const ACCOUNT_REASON = "Self-scoped: changes only the caller's own account (the session's user id; no argument names an account).";
const RESET_REASON = "The reset link's token is the credential (one use, one day), checked by the use case; setting the password signs the account out everywhere.";
const ADMIN_REASON =
  "Instance administrators only (User.isAdmin, checked first by the use case: FORBIDDEN otherwise); no workshop role applies. Admin vs non-admin is tested in tests/integration/accounts.test.ts.";

export const ACTION_ENTRY_POINTS: readonly ActionEntryPoint[] = [
  { file: INVITE, name: "joinWithNewAccountAction", action: null, reason: INVITE_REASON, needsSession: false },
  { file: INVITE, name: "joinAsCurrentUserAction", action: null, reason: INVITE_REASON, needsSession: true },
  {
    file: DECISIONS,
    name: "changeProposalStateAction",
    action: { argument: "change", byValue: { lock: "proposal.lock", unlock: "proposal.unlock", withdraw: "proposal.withdraw" } },
  },
  // "Lock in 30 s" and "Cancel lock": both the chair's lock, while drafting.
  { file: DECISIONS, name: "lockCountdownAction", action: "proposal.lock" },
  { file: DECISIONS, name: "openVoteAction", action: "vote.open" },
  // The use case first checks proposal.view (so members learn a round is closed), then vote.cast.
  { file: DECISIONS, name: "castBallotAction", action: "vote.cast" },
  { file: DECISIONS, name: "closeVoteAction", action: { argument: "cancel", byValue: { false: "vote.close", true: "vote.cancel" } } },
  { file: DECISIONS, name: "setCurrentItemAction", action: "workshop.manage" },
  // Only ever the caller's own notices in this workshop (the user id comes from the session).
  { file: NOTIFICATIONS, name: "listNotificationsAction", action: "workshop.view" },
  { file: NOTIFICATIONS, name: "markAllNotificationsReadAction", action: "workshop.view" },
  { file: DECISIONS, name: "requestFloorAction", action: "floor.request" },
  { file: DECISIONS, name: "withdrawFloorAction", action: "floor.request" },
  { file: DECISIONS, name: "giveFloorAction", action: "floor.manage" },
  { file: DECISIONS, name: "endFloorAction", action: "floor.manage" },
  { file: MANAGE, name: "createDelegationAction", action: "workshop.manage" },
  { file: MANAGE, name: "createInviteAction", action: "workshop.manage" },
  { file: MANAGE, name: "revokeInviteAction", action: "workshop.manage" },
  { file: MANAGE, name: "moveAgendaItemAction", action: "workshop.manage" },
  { file: MANAGE, name: "changeMemberAction", action: "people.manage" },
  { file: MANAGE, name: "removeMemberAction", action: "people.manage" },
  { file: MANAGE, name: "editDelegationAction", action: "workshop.manage" },
  { file: MANAGE, name: "deleteDelegationAction", action: "workshop.manage" },
  { file: HISTORY, name: "saveVersionAction", action: "version.create" },
  { file: HISTORY, name: "restoreVersionAction", action: "version.restore" },
  // Also history.view on the source (checked first); every role may read history, so proposal.create decides.
  { file: HISTORY, name: "duplicateAsNewDraftAction", action: "proposal.create" },
  { file: NEW_PROPOSAL, name: "createProposalAction", action: "proposal.create" },
  { file: PROPOSAL, name: "editProposalDetailsAction", action: "proposal.details" },
  { file: ACCOUNT, name: "renameAccountAction", action: null, reason: ACCOUNT_REASON, needsSession: true },
  { file: ACCOUNT, name: "setTimeZoneAction", action: null, reason: ACCOUNT_REASON, needsSession: true },
  { file: ACCOUNT, name: "setLanguageAction", action: null, reason: ACCOUNT_REASON, needsSession: true },
  { file: ACCOUNT, name: "detectTimeZoneAction", action: null, reason: ACCOUNT_REASON, needsSession: true },
  { file: ACCOUNT, name: "changePasswordAction", action: null, reason: `${ACCOUNT_REASON} The current password is checked too.`, needsSession: true },
  { file: ACCOUNT, name: "signOutEverywhereAction", action: null, reason: ACCOUNT_REASON, needsSession: true },
  { file: RESET, name: "resetPasswordAction", action: null, reason: RESET_REASON, needsSession: false },
  { file: ADMIN_ACCOUNTS, name: "createAccountAction", action: null, reason: ADMIN_REASON, needsSession: true },
  { file: ADMIN_ACCOUNTS, name: "createAccountResetLinkAction", action: null, reason: ADMIN_REASON, needsSession: true },
  // Administrators may too (any account); a chair only for a member of this workshop who is not an administrator.
  { file: RESET_LINK, name: "createMemberResetLinkAction", action: "people.manage" },
  { file: NEW_WORKSHOP, name: "createWorkshopAction", action: null, reason: CREATE_WORKSHOP_REASON, needsSession: true },
  { file: SETTINGS, name: "editWorkshopDetailsAction", action: "workshop.edit" },
  { file: SETTINGS, name: "archiveWorkshopAction", action: "workshop.edit" },
];

const NEXT_AUTH_REASON = "next-auth's own handler: signing in, out and reading one's own session is what an anonymous caller must be able to do.";

export const ROUTE_ENTRY_POINTS: readonly RouteEntryPoint[] = [
  { method: "GET", path: "/api/auth/[...nextauth]", action: null, reason: NEXT_AUTH_REASON, needsSession: false },
  { method: "POST", path: "/api/auth/[...nextauth]", action: null, reason: NEXT_AUTH_REASON, needsSession: false },
  { method: "GET", path: "/api/health", action: null, reason: "Liveness for load balancers and probes: answers only ok/error and the process's own event-loop delay.", needsSession: false },
  { method: "GET", path: "/api/proposals/[proposalId]/authors", action: "proposal.view" },
  { method: "GET", path: "/api/proposals/[proposalId]/verify", action: "history.view" },
  // "Download": the live text reads like the proposal page; a version like its history page
  // (the same roles and states); delegation-only comments follow the comment rule inside.
  { method: "GET", path: "/api/proposals/[proposalId]/export", action: "proposal.view" },
  { method: "GET", path: "/api/proposals/[proposalId]/redline", action: "history.view" },
  // The record's download: outcome.view, and observers only where the chair allows it.
  { method: "GET", path: "/api/workshops/[workshopId]/outcome-record", action: "outcome.view" },
  // Anyone, even signed out, gets the record's self-check (the file carries all it checks); only
  // callers outcome.view lets read that workshop's record (observers: when the chair allows it)
  // get the comparison with this database's history — the report says which ran.
  { method: "POST", path: "/api/outcome-records/verify", action: "outcome.view" },
];

// Pages render on the server with the caller's session, so they are entry points too (and the
// only one for the audit log).
export const PAGE_ENTRY_POINTS: readonly PageEntryPoint[] = [
  { path: "/", action: null, reason: "Redirects by whether the caller is signed in; reads nothing else.", needsSession: false },
  { path: "/sign-in", action: null, reason: "The sign-in form.", needsSession: false },
  { path: "/invite/[token]", action: null, reason: "Shows the holder of a usable link what it invites to; says nothing for an unusable one.", needsSession: false },
  { path: "/workshops", action: null, reason: "Lists only the caller's own memberships.", needsSession: true },
  { path: "/account", action: null, reason: "The caller's own account only.", needsSession: true },
  { path: "/reset/[token]", action: null, reason: "Shows the holder of a usable reset link whose account it is for; says nothing for an unusable one.", needsSession: false },
  { path: "/admin/accounts", action: null, reason: ADMIN_REASON, needsSession: true },
  { path: "/workshops/new", action: null, reason: "Instance-scoped form for a new workshop: shown only to those the instance rule lets create one (assertMayCreateWorkshop), 403 otherwise.", needsSession: true },
  { path: "/workshops/[workshopId]", action: "workshop.view" },
  { path: "/workshops/[workshopId]/settings", action: "workshop.edit" },
  { path: "/workshops/[workshopId]/manage", action: "workshop.manage" },
  { path: "/workshops/[workshopId]/audit", action: "audit.view" },
  { path: "/workshops/[workshopId]/proposals/new", action: "proposal.create" },
  { path: "/workshops/[workshopId]/proposals/[proposalId]", action: "proposal.view" },
  { path: "/workshops/[workshopId]/proposals/[proposalId]/history", action: "history.view" },
  { path: "/workshops/[workshopId]/proposals/[proposalId]/history/[number]", action: "history.view" },
  { path: "/workshops/[workshopId]/proposals/[proposalId]/compare", action: "history.view" },
];
