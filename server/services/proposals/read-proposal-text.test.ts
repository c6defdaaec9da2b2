import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import type { Db } from "../../../lib/db.ts";
import { docFromState, pmJsonOf, stateFromPmJson, type PmJson } from "../../../lib/document/convert.ts";
import type { StoredDocument } from "../../document-store/load-document.ts";
import { readProposalText, type LoadedDocuments } from "./read-proposal-text.ts";

const para = (text: string): PmJson => ({ type: "paragraph", content: [{ type: "text", text }] });
const STORED: PmJson = { type: "doc", content: [para("As stored.")] };
// Never touched on these paths: the text comes from the room or the journal's reader.
const noDb = new Proxy({}, { get: () => { throw new Error("the database was read"); } }) as unknown as Db;

function rooms(opts: { live?: Y.Doc; isBroken?: boolean; stored: StoredDocument }): LoadedDocuments & { reads: number } {
  const r = {
    reads: 0,
    peek: (id: string) => (id === "p1" && opts.live ? { doc: opts.live, isBroken: opts.isBroken ?? false } : undefined),
    journal: { read: async () => (r.reads++, opts.stored) },
  };
  return r;
}

describe("readProposalText", () => {
  const checkpoint = stateFromPmJson(STORED);

  it("reads a loaded room's live document, not the database", async () => {
    const live = docFromState(checkpoint);
    // A change the journal has not stored yet: the live text has it.
    const frag = live.getXmlFragment("default");
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Typed just now.")]);
    frag.insert(frag.length, [p]);
    const r = rooms({ live, stored: { checkpoint, rows: [] } });
    const text = await readProposalText({ db: noDb, live: r, proposalId: "p1" });
    expect(text.source).toBe("live");
    expect(text.content).toEqual(pmJsonOf(live));
    expect(JSON.stringify(text.content)).toContain("Typed just now.");
    expect(r.reads).toBe(0);
  });

  it("reads the stored document (checkpoint, then journal rows) when the room is not loaded", async () => {
    const doc = docFromState(checkpoint);
    const before = Y.encodeStateVector(doc);
    doc.getXmlFragment("default").insert(1, [new Y.XmlElement("paragraph")]);
    const row = Y.encodeStateAsUpdate(doc, before);
    const r = rooms({ stored: { checkpoint, rows: [row] } });
    const text = await readProposalText({ db: noDb, live: r, proposalId: "p2" });
    expect(text.source).toBe("stored");
    expect(text.content).toEqual(pmJsonOf(doc));
    expect(r.reads).toBe(1);
  });

  it("does not trust a broken room (its changes may never have been stored)", async () => {
    const live = docFromState(stateFromPmJson({ type: "doc", content: [para("Never stored.")] }));
    const text = await readProposalText({ db: noDb, live: rooms({ live, isBroken: true, stored: { checkpoint, rows: [] } }), proposalId: "p1" });
    expect(text).toEqual({ source: "stored", content: pmJsonOf(docFromState(checkpoint)) });
  });
});
