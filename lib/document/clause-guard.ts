// Which paragraphs (units, lib/document/clauses.ts) a Yjs update would change, worked out
// BEFORE it is applied, so a change to an agreed paragraph can be refused with nothing applied,
// relayed or journaled.
//
// An update changes a unit when it inserts something whose parent lies in the unit (a character,
// a mark's format item, an attribute of the unit's element, a nested block), or when its delete
// set removes an item of the document that lies in the unit (or the unit's element itself; a
// whole list removes each of its items). A brand-new block between paragraphs — or a new list
// item between items — is a new unit: it touches no existing one.
//
// Cost: one decode of the update, then per struct it inserts a few map lookups (parents are
// resolved once each and cached; a parent in the document costs a binary search and a walk up
// its nesting depth); per deleted range a binary search in the client's structs and one step per
// struct in the range. So it is bounded by the update's size plus the deleted structs it names —
// never a walk of the whole document. (A server change encoded from a whole state, as a restore
// is, names every deletion ever made; those already deleted are passed over one step each.)
import * as Y from "yjs";
import { isListElement, keyOf, unitElementOf } from "./clauses.ts";
import { DOC_FIELD } from "./schema.ts";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types' event parameters differ per type
type AnyType = Y.AbstractType<any>;
type Struct = Y.Item | Y.GC | Y.Skip;


/**
 * Where something sits, seen from the units: inside an existing unit (its key), at the top level,
 * directly in a list (a list item's place), inside a unit this update creates, or outside the text.
 */
type Place = { unit: string } | "root" | "list" | "new" | "outside";


/** The structs of one client in an update, ascending by clock (as the update lists them). */
function findIn(structs: Struct[] | undefined, clock: number): Struct | null {
  if (!structs) return null;
  let lo = 0;
  let hi = structs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid]!;
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return null;
}

/**
 * The keys of the units `update` (not yet applied to `doc`) would change. With `watch`, only
 * those keys are looked for, and the work stops once all of them are found.
 */
export function touchedUnitKeys(doc: Y.Doc, update: Uint8Array, watch?: ReadonlySet<string>): Set<string> {
  const touched = new Set<string>();
  if (watch && watch.size === 0) return touched;
  const { structs, ds } = Y.decodeUpdate(update);
  const root = doc.getXmlFragment(DOC_FIELD);
  const store = doc.store;

  const note = (key: string): boolean => {
    if (!watch || watch.has(key)) touched.add(key);
    return watch !== undefined && touched.size === watch.size;
  };

  // The update's own structs by client, for references into what it brings.
  const brought = new Map<number, Struct[]>();
  for (const s of structs) {
    const list = brought.get(s.id.client) ?? [];
    list.push(s);
    brought.set(s.id.client, list);
  }
  const inStore = (id: Y.ID): boolean => id.clock < Y.getState(store, id.client);
  const storeItem = (id: Y.ID): Y.Item | null => {
    const s = Y.getItem(store, id);
    return s instanceof Y.Item ? s : null;
  };

  // What is inside an existing type: cached per type (a paragraph's characters share one parent).
  const insideExisting = new Map<AnyType, Place>();
  const placeInside = (type: AnyType): Place => {
    let place = insideExisting.get(type);
    if (place) return place;
    if (type === root) place = "root";
    else {
      const unit = unitElementOf(doc, type);
      if (!unit) place = "outside";
      // Directly in a top-level list: a list item's place, not a unit's content.
      else if (unit === type && isListElement(type)) place = "list";
      else place = { unit: keyOf(unit) };
    }
    insideExisting.set(type, place);
    return place;
  };

  // Where each of the update's items sits (cached: typing's items chain to their left neighbours).
  const sitsAt = new Map<Y.Item, Place>();
  // What is inside a type this update creates: it depends on where that type sits.
  const insideNew = (item: Y.Item): Place => {
    if (!(item.content instanceof Y.ContentType)) return "outside";
    const at = placeOf(item);
    if (at === "root") return isListElement(item.content.type) ? "list" : "new";
    if (at === "list") return "new";
    return at;
  };
  const placeInsideRef = (parent: Y.ID): Place => {
    if (inStore(parent)) {
      const item = storeItem(parent);
      return item && item.content instanceof Y.ContentType ? placeInside(item.content.type as AnyType) : "outside";
    }
    const own = findIn(brought.get(parent.client), parent.clock);
    return own instanceof Y.Item ? insideNew(own) : "outside";
  };
  /**
   * Where an item of the update sits. Its parent is written only when it has no neighbours;
   * otherwise Yjs takes it from the left neighbour (else the right), which may itself be one of
   * the update's items: followed iteratively, since a paste chains one item to the next.
   */
  function placeOf(item: Y.Item): Place {
    const chain: Y.Item[] = [];
    let place: Place | undefined;
    let cur: Y.Item = item;
    for (;;) {
      const known = sitsAt.get(cur);
      if (known) {
        place = known;
        break;
      }
      chain.push(cur);
      if (cur.parent instanceof Y.ID) {
        place = placeInsideRef(cur.parent);
        break;
      }
      if (typeof cur.parent === "string") {
        place = cur.parent === DOC_FIELD ? "root" : "outside";
        break;
      }
      const next = neighbour(cur);
      if (!(next instanceof Y.Item)) {
        place = next ?? "outside";
        break;
      }
      cur = next;
    }
    for (const c of chain) sitsAt.set(c, place);
    return place;
  }
  /** The item whose parent this one takes: in the update (to follow), or the place it resolves to. */
  function neighbour(item: Y.Item): Y.Item | Place | null {
    const refs = [item.origin, item.rightOrigin].filter((r): r is Y.ID => r !== null);
    // Next to collected garbage, Yjs drops the item: it lands nowhere.
    for (const ref of refs) if (inStore(ref) && !storeItem(ref)) return "outside";
    const ref = refs[0];
    if (!ref) return null;
    if (inStore(ref)) return placeInside(storeItem(ref)!.parent as AnyType);
    const own = findIn(brought.get(ref.client), ref.clock);
    return own instanceof Y.Item ? own : "outside";
  }

  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    const at = placeOf(s);
    if (typeof at === "object" && note(at.unit)) return touched;
  }

  // Deletions of what the document has (what the update deletes of its own items is new text,
  // counted above). An item already deleted changes nothing.
  for (const [client, ranges] of ds.clients) {
    const own = store.clients.get(client);
    if (!own) continue;
    const known = Y.getState(store, client);
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, known);
      if (clock >= end) continue;
      for (let i = Y.findIndexSS(own, clock); i < own.length && own[i]!.id.clock < end; i++) {
        const d = own[i]!;
        if (!(d instanceof Y.Item) || d.deleted) continue;
        for (const key of deletedUnits(d, placeInside(d.parent as AnyType))) if (note(key)) return touched;
      }
    }
  }
  return touched;
}

/** The units a deleted item of the document changes, given where it sits. */
function deletedUnits(item: Y.Item, at: Place): string[] {
  if (typeof at === "object") return [at.unit];
  const type = item.content instanceof Y.ContentType ? item.content.type : null;
  if (!(type instanceof Y.XmlElement)) return [];
  // A top-level block or a list item: the unit itself goes.
  if (at === "list" || (at === "root" && !isListElement(type))) return [keyOf(type)];
  // A whole list: each of its items goes (those still there).
  if (at === "root") return type.toArray().flatMap((c) => (c instanceof Y.XmlElement ? [keyOf(c)] : []));
  return [];
}
