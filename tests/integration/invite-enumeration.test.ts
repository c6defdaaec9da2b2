// The invite page must not tell a stranger whether an email has an account. Joining with an
// email that already has one answers exactly what a wrong password answers — the same code,
// status and message, however often it is tried — and never EMAIL_TAKEN. The account's owner,
// who knows its password, joins with that account.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb } from "../../lib/db";
import { ERRORS, statusOf, type ErrorCode } from "../../lib/errors";
import type { ActionResult } from "../../lib/action-result";
import { hashPassword } from "../../lib/auth/password";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { createInvite } from "../../server/services/invites/create-invite";
import { acceptInvite } from "../../server/services/invites/accept-invite";
import { LoginLimiter } from "../../server/auth/login-limiter";
import { joinWithNewAccountAction } from "../../app/invite/[token]/actions";

vi.mock("../../server/auth/session.ts", () => ({ currentUser: async () => null }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const PASSWORD = "the-owner's-password";
let t: TestDb;
let workshopId: string;
let chair: string;
let owner: string;
/** An account nobody has guessed at (the stranger above used up the owner's tries). */
let returning: string;
const now = new Date();

beforeAll(async () => {
  t = await createTestDb();
  setDb(t.db);
  const w = await t.db.workshop.create({ data: { title: "Invite workshop" } });
  workshopId = w.id;
  chair = (await t.db.user.create({ data: { email: "chair@accord.example", name: "Chair", passwordHash: "unused" } })).id;
  await t.db.member.create({ data: { workshopId, userId: chair, role: "MODERATOR", delegationId: null } });
  owner = (await t.db.user.create({ data: { email: "owner@accord.example", name: "Owner", passwordHash: await hashPassword(PASSWORD) } })).id;
  returning = (await t.db.user.create({ data: { email: "returning@accord.example", name: "Returning", passwordHash: await hashPassword(PASSWORD) } })).id;
});
afterAll(async () => {
  await t?.cleanup();
});

async function newInvite(maxUses = 5): Promise<string> {
  return (await createInvite({ db: t.db, userId: chair, workshopId, now, input: { role: "OBSERVER", delegationId: null, maxUses } })).token;
}

function joinForm(fields: { name: string; email: string; password: string }): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

type Answer = { ok: boolean; code?: string; status?: number; message?: string };
function answerOf(result: ActionResult<unknown>): Answer {
  return result.ok ? { ok: true } : { ok: false, code: result.code, status: statusOf(result.code as ErrorCode), message: result.message };
}

async function counts() {
  return {
    users: await t.db.user.count(),
    members: await t.db.member.count({ where: { workshopId } }),
    uses: (await t.db.invite.aggregate({ _sum: { uses: true } }))._sum.uses,
    accepted: await t.db.auditEvent.count({ where: { action: "invite.accept" } }),
  };
}

describe("joining by invite with an email that already has an account", () => {
  it("answers what a wrong password answers, whatever the spelling of the email, and changes nothing", async () => {
    const token = await newInvite();
    const before = await counts();
    const answers: Answer[] = [];
    for (const email of ["owner@accord.example", "  OWNER@accord.example ", "Owner@Accord.Example"]) {
      for (const password of ["a-wrong-password", "another wrong one"]) {
        answers.push(answerOf(await joinWithNewAccountAction(token, null, joinForm({ name: "Stranger", email, password }))));
      }
    }
    expect(answers[0]).toMatchObject({ ok: false });
    expect(answers[0]!.code).not.toBe("EMAIL_TAKEN");
    expect(answers[0]!.message).not.toMatch(/exist|already/i);
    // Identical answers, also past the point where wrong passwords are delayed (after 3).
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(await counts()).toEqual(before);
  });

  it("keeps answering the same once wrong passwords are delayed (no RATE_LIMITED tells it exists)", async () => {
    const token = await newInvite();
    const limiter = new LoginLimiter(t.db);
    const codes = new Set<string>();
    const messages = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const e = await acceptInvite({ db: t.db, token, now, limiter, newAccount: { name: "Stranger", email: "owner@accord.example", password: `wrong-password-${i}` } }).then(
        () => null,
        (err: { code: string; message: string }) => err,
      );
      codes.add(e!.code);
      messages.add(e!.message);
    }
    expect([...codes]).toHaveLength(1);
    expect([...messages]).toHaveLength(1);
    expect(codes.has("EMAIL_TAKEN")).toBe(false);
    expect(codes.has("RATE_LIMITED")).toBe(false);
  });

  it("the message a stranger reads comes from the error table (and so from the catalogues)", async () => {
    const token = await newInvite();
    const result = await joinWithNewAccountAction(token, null, joinForm({ name: "Stranger", email: "owner@accord.example", password: "a-wrong-password" }));
    expect(result.ok).toBe(false);
    const { code, message } = result as { code: keyof typeof ERRORS; message: string };
    expect(message).toBe(ERRORS[code].message);
  });

  it("lets the account's owner join with the account's password, creating no second account", async () => {
    const token = await newInvite();
    const before = await counts();
    // One wrong try first: a typo does not lock the owner out.
    expect(await joinWithNewAccountAction(token, null, joinForm({ name: "Returning", email: "returning@accord.example", password: "a-typo-in-it" }))).toMatchObject({ ok: false });
    const result = await joinWithNewAccountAction(token, null, joinForm({ name: "Typed again", email: " Returning@accord.example", password: PASSWORD }));
    expect(result).toEqual({ ok: true, data: { workshopId } });
    const after = await counts();
    expect(after.users).toBe(before.users);
    expect(after.members).toBe(before.members + 1);
    const member = await t.db.member.findUniqueOrThrow({ where: { workshopId_userId: { workshopId, userId: returning } } });
    expect(member.role).toBe("OBSERVER");
    // The account keeps its own name.
    expect((await t.db.user.findUniqueOrThrow({ where: { id: returning } })).name).toBe("Returning");
    // The stranger's tries never made the owner a member.
    expect(await t.db.member.count({ where: { userId: owner } })).toBe(0);
  });

  it("still creates a new account for a new email", async () => {
    const token = await newInvite();
    const result = await joinWithNewAccountAction(token, null, joinForm({ name: "Newcomer", email: "newcomer@accord.example", password: "a long enough password" }));
    expect(result).toEqual({ ok: true, data: { workshopId } });
    expect(await t.db.user.count({ where: { email: "newcomer@accord.example" } })).toBe(1);
  });
});
