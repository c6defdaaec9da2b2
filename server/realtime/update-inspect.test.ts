import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { inspectUpdate } from "./update-inspect";

function sv(doc: Y.Doc): (client: number) => number {
  return (client) => Y.getState(doc.store, client);
}

describe("inspectUpdate", () => {
  const room = new Y.Doc();
  room.getText("t").insert(0, "base");
  const client = new Y.Doc();
  client.clientID = 77;
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));

  it("accepts an update that builds on what the room has, naming its inserting client", () => {
    const before = Y.encodeStateVector(client);
    client.getText("t").insert(4, " more");
    const update = Y.encodeStateAsUpdate(client, before);
    expect([...inspectUpdate(update, sv(room)).insertingClients]).toEqual([77]);
  });

  it("refuses an update that builds on a change the room has not seen (it would stay pending)", () => {
    const c = new Y.Doc();
    c.clientID = 88;
    Y.applyUpdate(c, Y.encodeStateAsUpdate(client)); // includes client 77's " more", unknown to room
    const before = Y.encodeStateVector(c);
    c.getText("t").insert(9, "!"); // origin: 77's text
    expect(() => inspectUpdate(Y.encodeStateAsUpdate(c, before), sv(room))).toThrow(expect.objectContaining({ code: "MISSING_DEPENDENCIES" }));
  });

  it("refuses a gap in a client's clock, and deletions of unknown text", () => {
    const gap = new Y.Doc();
    gap.clientID = 99;
    gap.getText("t").insert(0, "ab");
    const sv1 = Y.encodeStateVector(gap);
    gap.getText("t").insert(2, "cd");
    const secondOnly = Y.encodeStateAsUpdate(gap, sv1); // clock starts at 2; room has none of 99
    expect(() => inspectUpdate(secondOnly, sv(room))).toThrow(expect.objectContaining({ code: "MISSING_DEPENDENCIES" }));
  });

  it.each([
    ["random bytes", new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])],
    ["truncated", new Uint8Array([1, 1, 200])],
  ])("refuses %s as malformed", (_n, bytes) => {
    expect(() => inspectUpdate(bytes, sv(room))).toThrow(expect.objectContaining({ code: expect.stringMatching(/MALFORMED_UPDATE|MISSING_DEPENDENCIES/) }));
  });
});
