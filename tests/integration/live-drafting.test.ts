// Live co-drafting over a real server: real socket.io clients running the browser's provider.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, openClient, openSocket, startTestServer, textOf, waitForConnect, type TestClient, type TestServer } from "../helpers/test-server";
import { MAX_UPDATE_BYTES, PROTOCOL_VERSION } from "../../lib/protocol";
import { loadDocumentState } from "../../server/document-store/load-document";
import { docFromState } from "../../lib/document/convert";

let s: TestServer;
let f: Fixture;
const clients: TestClient[] = [];

beforeAll(async () => {
  s = await startTestServer();
  f = await createFixture(s.db);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await s.close();
});

async function client(userId: string, proposalId = f.proposalId): Promise<TestClient> {
  const c = await openClient(s, userId, proposalId);
  clients.push(c);
  return c;
}

function paragraph(doc: Y.Doc): Y.XmlText {
  const p = doc.getXmlFragment("default").get(0) as Y.XmlElement;
  return p.get(0) as Y.XmlText;
}

function journalRows(proposalId = f.proposalId) {
  return s.db.documentUpdate.count({ where: { proposalId } });
}

/** An update that inserts `text`, authored by a fresh Yjs client that starts from `base`. */
function foreignUpdate(base: Y.Doc, text: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const sv = Y.encodeStateVector(doc);
  paragraph(doc).insert(0, text);
  return Y.encodeStateAsUpdate(doc, sv);
}

function ack<T>(emit: (cb: (res: T) => void) => void): Promise<T> {
  return new Promise((resolve) => emit(resolve));
}

describe("concurrent editing", () => {
  it("converges byte-for-byte across many clients of several delegations", async () => {
    const editors = [
      await client(f.users.china),
      await client(f.users.china2),
      await client(f.users.japan),
      await client(f.users.japan),
      await client(f.users.chair),
    ];
    const watcher = await client(f.users.observer);
    const rounds = 40;
    for (let r = 0; r < rounds; r++) {
      for (const [i, e] of editors.entries()) {
        const t = paragraph(e.doc);
        if (r % 7 === 3 && t.length > 5) t.delete((r * 13 + i) % (t.length - 2), 1);
        else t.insert((r * 31 + i * 17) % (t.length + 1), `${i}${"abcdef"[r % 6]}`);
      }
      // Let the edits interleave on the wire.
      if (r % 5 === 0) await new Promise((res) => setTimeout(res, 5));
    }
    await Promise.all(editors.map((e) => e.provider.whenSaved()));
    const all = [...editors, watcher];
    const server = () => s.server.rooms.peek(f.proposalId)!.doc;
    await eventually(() => all.every((c) => textOf(c.doc) === textOf(server())), "all replicas to converge");
    const expected = Y.encodeStateAsUpdate(server());
    for (const c of all) {
      expect(Buffer.from(Y.encodeStateAsUpdate(c.doc)).equals(Buffer.from(expected))).toBe(true);
      expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(server()));
    }
    // Every character typed is in the text (minus the deletions), and it is durable.
    const stored = docFromState((await loadDocumentState({ db: s.db, proposalId: f.proposalId })).state);
    expect(textOf(stored)).toBe(textOf(server()));
    for (const c of all) c.close();
  });

  it("round-trips Chinese, Japanese and Korean text through storage", async () => {
    const a = await client(f.users.china);
    paragraph(a.doc).insert(0, "区域公共卫生合作机制。地域協力。지역 협력 ");
    await a.provider.whenSaved();
    const stored = docFromState((await loadDocumentState({ db: s.db, proposalId: f.proposalId })).state);
    expect(textOf(stored)).toContain("区域公共卫生合作机制。地域協力。지역 협력 ");
    a.close();
  });
});

describe("refusals", () => {
  it("refuses an observer's update: not applied, not relayed, not journaled", async () => {
    const delegate = await client(f.users.japan);
    const observer = await client(f.users.observer);
    expect(observer.provider.edit).toEqual({ canEdit: false, reason: "Observers follow the text read-only." });
    let relayed = 0;
    delegate.socket.on("doc:update", () => relayed++);
    const before = await journalRows();
    const res = await ack<{ ok: boolean; error?: { code: string } }>((cb) =>
      observer.socket.emit("doc:update", { proposalId: f.proposalId, update: foreignUpdate(observer.doc, "OBSERVER WAS HERE") }, cb as never),
    );
    expect(res).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await new Promise((r) => setTimeout(r, 100));
    expect(relayed).toBe(0);
    expect(await journalRows()).toBe(before);
    expect(textOf(s.server.rooms.peek(f.proposalId)!.doc)).not.toContain("OBSERVER WAS HERE");
    delegate.close();
    observer.close();
  });

  it("refuses edits while the proposal is locked, and tells clients live", async () => {
    const a = await client(f.users.china, f.otherProposalId);
    await s.db.proposal.update({ where: { id: f.otherProposalId }, data: { state: "LOCKED" } });
    const room = s.server.rooms.setState(f.otherProposalId, "LOCKED")!;
    expect(room.state).toBe("LOCKED");
    const before = await journalRows(f.otherProposalId);
    const res = await ack<{ ok: boolean; error?: { code: string; message: string } }>((cb) =>
      a.socket.emit("doc:update", { proposalId: f.otherProposalId, update: foreignUpdate(a.doc, "LOCKED EDIT") }, cb as never),
    );
    expect(res).toMatchObject({ ok: false, error: { code: "WRONG_STATE", message: "The chair has locked drafting." } });
    expect(await journalRows(f.otherProposalId)).toBe(before);
    // A client joining now is told it may not edit, and why.
    const b = await client(f.users.japan, f.otherProposalId);
    expect(b.provider.edit).toEqual({ canEdit: false, reason: "The chair has locked drafting." });
    await s.db.proposal.update({ where: { id: f.otherProposalId }, data: { state: "DRAFTING" } });
    s.server.rooms.setState(f.otherProposalId, "DRAFTING");
    a.close();
    b.close();
  });

  it("answers malformed, oversized, mistyped and wrong-room payloads with named errors, and the room goes on", async () => {
    const bad = await client(f.users.china);
    const good = await client(f.users.japan);
    const send = (event: string, payload: unknown) =>
      ack<{ ok: boolean; error?: { code: string } }>((cb) => (bad.socket as unknown as { emit(e: string, p: unknown, cb: unknown): void }).emit(event, payload, cb));
    const before = await journalRows();
    const junk = new Uint8Array([1, 200, 7, 9, 255, 255, 255, 255, 15, 0, 3]);
    expect(await send("doc:update", { proposalId: f.proposalId, update: junk })).toMatchObject({ ok: false, error: { code: "MALFORMED_UPDATE" } });
    expect(await send("doc:update", { proposalId: f.proposalId, update: new Uint8Array(MAX_UPDATE_BYTES + 1) })).toMatchObject({
      ok: false,
      error: { code: "PAYLOAD_TOO_LARGE" },
    });
    expect(await send("doc:update", { proposalId: f.proposalId, update: "not binary" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(await send("doc:update", { proposalId: 42 })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(await send("doc:update", null)).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(await send("doc:update", { proposalId: f.otherProposalId, update: foreignUpdate(bad.doc, "x") })).toMatchObject({
      ok: false,
      error: { code: "NOT_JOINED" },
    });
    expect(await send("doc:sync", { proposalId: f.proposalId, stateVector: new Uint8Array([255, 255, 255]) })).toMatchObject({
      ok: false,
      error: { code: "MALFORMED_UPDATE" },
    });
    expect(await send("awareness:update", { proposalId: f.proposalId, update: junk })).toMatchObject({ ok: false, error: { code: "MALFORMED_UPDATE" } });
    // Joining a proposal of another workshop looks like joining one that does not exist.
    const outsider = await openSocket(s, f.users.outsider);
    await waitForConnect(outsider);
    const join = await ack<{ ok: boolean; error?: { code: string } }>((cb) => outsider.emit("room:join", { proposalId: f.proposalId, clientId: 1, protocol: PROTOCOL_VERSION }, cb as never));
    expect(join).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    outsider.disconnect();
    // An unknown event gets a protocol error, without an ack to answer on.
    const protoError = new Promise<{ code: string; event: string }>((resolve) => bad.socket.once("protocol:error", resolve));
    (bad.socket as unknown as { emit(e: string, p: unknown): void }).emit("doc:delete-everything", {});
    expect(await protoError).toMatchObject({ code: "UNKNOWN_EVENT", event: "doc:delete-everything" });
    expect(await journalRows()).toBe(before);

    // The room goes on: an honest edit still reaches the other client and is saved.
    paragraph(bad.doc).insert(0, "still alive ");
    await bad.provider.whenSaved();
    await eventually(() => textOf(good.doc).includes("still alive "), "the honest edit to arrive");
    bad.close();
    good.close();
  });

  it("refuses an update that claims another participant's authorship", async () => {
    const china = await client(f.users.china);
    const japan = await client(f.users.japan);
    // Japan forges an insert under China's Yjs client id.
    const forged = new Y.Doc();
    forged.clientID = china.doc.clientID;
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(japan.doc));
    const sv = Y.encodeStateVector(forged);
    paragraph(forged).insert(0, "CHINA AGREES TO EVERYTHING ");
    const res = await ack<{ ok: boolean; error?: { code: string } }>((cb) =>
      japan.socket.emit("doc:update", { proposalId: f.proposalId, update: Y.encodeStateAsUpdate(forged, sv) }, cb as never),
    );
    expect(res).toMatchObject({ ok: false, error: { code: "FOREIGN_CLIENT" } });
    expect(textOf(s.server.rooms.peek(f.proposalId)!.doc)).not.toContain("CHINA AGREES");
    china.close();
    japan.close();
  });
});

describe("presence", () => {
  it("stamps who people are from their session, whatever they claim", async () => {
    const china = await client(f.users.china);
    const japan = await client(f.users.japan);
    japan.provider.awareness.setLocalStateField("user", { name: "China's chief negotiator", color: "#000000" });
    await eventually(() => [...china.provider.awareness.getStates().values()].some((st) => st.user?.name === "Sato Haruki"), "Japan's presence");
    const seen = [...china.provider.awareness.getStates().values()].map((st) => st.user);
    expect(seen).toContainEqual(expect.objectContaining({ name: "Sato Haruki", color: "#be185d", delegation: { name: "Japan", code: "JPN" } }));
    expect(seen.map((u) => u?.name)).not.toContain("China's chief negotiator");
    japan.close();
    await eventually(() => ![...china.provider.awareness.getStates().values()].some((st) => st.user?.name === "Sato Haruki"), "Japan to leave");
    china.close();
  });
});
