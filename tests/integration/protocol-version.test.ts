// A tab still running a page built for another wire format (open since before a deploy, or
// loaded from a newer node) is refused by name when it joins a proposal's room — before the
// server records anything for it — and its editor is told why: reload the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, openSocket, socketPool, startTestServer, waitForConnect, type TestServer } from "../helpers/test-server";
import { ERRORS } from "../../lib/errors";
import { PROTOCOL_VERSION } from "../../lib/protocol";
import { ProposalProvider, type ProviderSocket } from "../../lib/realtime/proposal-provider";

let s: TestServer;
let f: Fixture;
const pool = socketPool(() => s);
const sockets = pool.sockets;
const socketOf = (userId: string) => pool.open(userId);
beforeAll(async () => {
  s = await startTestServer();
  f = await createFixture(s.db, "Versioned text.");
});
afterAll(async () => {
  pool.closeAll();
  await s.close();
});

type RawEmit = (event: string, ...args: unknown[]) => unknown;

/**
 * The socket as a page of another version uses it: its room:join carries `version` instead of
 * this build's. Every join payload the provider sends is kept in `joins`.
 */
function speaking(socket: ProviderSocket, version: number | null): { joins: Array<Record<string, unknown>> } {
  const joins: Array<Record<string, unknown>> = [];
  const raw = socket as unknown as { emit: RawEmit };
  const emit = raw.emit.bind(socket);
  raw.emit = (event, payload, ...rest) => {
    if (event !== "room:join") return emit(event, payload, ...rest);
    joins.push({ ...(payload as Record<string, unknown>) });
    return emit(event, version === null ? payload : { ...(payload as object), protocol: version }, ...rest);
  };
  return { joins };
}

const ledgerRows = (clientId: number) => s.db.documentClient.count({ where: { proposalId: f.proposalId, clientId } });

describe("protocol version", () => {
  it.each([
    ["an older", PROTOCOL_VERSION - 1, 5_000_001],
    ["a newer", PROTOCOL_VERSION + 1, 5_000_002],
  ])("refuses %s client's join with PROTOCOL_OUTDATED and records nothing for it", async (_, version, clientId) => {
    const so = await socketOf(f.users.china);
    const join = await so.emitWithAck("room:join", { proposalId: f.proposalId, clientId, protocol: version });
    expect(join).toEqual({ ok: false, error: { code: "PROTOCOL_OUTDATED", message: ERRORS.PROTOCOL_OUTDATED.message } });
    // Not in the room, and its Yjs client id never reached the authorship ledger.
    expect(await so.emitWithAck("doc:sync", { proposalId: f.proposalId, stateVector: new Uint8Array([0]) })).toMatchObject({
      ok: false,
      error: { code: "NOT_JOINED" },
    });
    expect(await ledgerRows(clientId)).toBe(0);
  });

  it("the provider sends this build's version and joins", async () => {
    const so = await socketOf(f.users.japan);
    const { joins } = speaking(so, null);
    const provider = new ProposalProvider(so, f.proposalId);
    await provider.whenSynced();
    expect(joins).toEqual([expect.objectContaining({ proposalId: f.proposalId, protocol: PROTOCOL_VERSION })]);
    expect(provider.edit).toEqual({ canEdit: true });
    provider.destroy();
  });

  it("an outdated page's editor shows the refusal as the reason it cannot edit", async () => {
    const so = await socketOf(f.users.china2);
    speaking(so, PROTOCOL_VERSION + 1);
    const provider = new ProposalProvider(so, f.proposalId);
    await eventually(() => provider.lastError !== null, "the join to be refused");
    expect(provider.lastError).toEqual({ code: "PROTOCOL_OUTDATED", message: ERRORS.PROTOCOL_OUTDATED.message });
    // components/editor/live-editor.tsx shows `edit.reason` whenever editing is off and the join failed.
    expect(provider.edit).toEqual({ canEdit: false, reason: ERRORS.PROTOCOL_OUTDATED.message });
    expect(provider.self).toBeNull();
    expect(provider.synced).toBe(false);
    expect(await ledgerRows(provider.doc.clientID)).toBe(0);
    provider.destroy();
  });
});
