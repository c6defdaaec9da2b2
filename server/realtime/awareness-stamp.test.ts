import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as encoding from "lib0/encoding";
import { stampAwarenessUpdate } from "./awareness-stamp";
import type { Participant } from "../../lib/protocol";

const japan: Participant = { userId: "u-jp", name: "Sato Haruki", role: "DELEGATE", delegation: { id: "d", name: "Japan", code: "JPN", colour: "#be185d" } };

function updateFrom(state: Record<string, unknown> | null): { update: Uint8Array; clientId: number } {
  const doc = new Y.Doc();
  const a = new Awareness(doc);
  a.setLocalState(state);
  const update = encodeAwarenessUpdate(a, [doc.clientID]);
  a.destroy();
  return { update, clientId: doc.clientID };
}

function decode(update: Uint8Array): Map<number, Record<string, unknown>> {
  const a = new Awareness(new Y.Doc());
  applyAwarenessUpdate(a, update, "test");
  const states = a.getStates() as Map<number, Record<string, unknown>>;
  a.destroy();
  return states;
}

describe("stampAwarenessUpdate", () => {
  it("replaces the claimed identity with the session's and keeps the rest (cursor)", () => {
    const { update, clientId } = updateFrom({ user: { name: "Someone else", color: "#000" }, cursor: { anchor: 1 } });
    const states = decode(stampAwarenessUpdate(update, new Set([clientId]), japan));
    expect(states.get(clientId)).toEqual({
      user: { userId: "u-jp", name: "Sato Haruki", role: "DELEGATE", color: "#be185d", delegation: { name: "Japan", code: "JPN" } },
      cursor: { anchor: 1 },
    });
  });

  it("refuses to speak for another client id", () => {
    const { update } = updateFrom({ cursor: null });
    expect(() => stampAwarenessUpdate(update, new Set([12345]), japan)).toThrow(expect.objectContaining({ code: "FOREIGN_CLIENT" }));
  });

  it("refuses garbage and non-object states", () => {
    expect(() => stampAwarenessUpdate(new Uint8Array([5, 1, 2]), new Set([1]), japan)).toThrow(expect.objectContaining({ code: "MALFORMED_UPDATE" }));
    for (const json of ["[1,2]", "42", '"text"', "{not json"]) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 7);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, json);
      expect(() => stampAwarenessUpdate(encoding.toUint8Array(e), new Set([7]), japan)).toThrow(expect.objectContaining({ code: "MALFORMED_UPDATE" }));
    }
  });

  it("passes a departure (null state) through unchanged", () => {
    const { update, clientId } = updateFrom(null);
    expect(decode(stampAwarenessUpdate(update, new Set([clientId]), japan)).has(clientId)).toBe(false);
  });
});
