// A small workshop for realtime tests: two delegations, their delegates, a chair, an observer,
// and a proposal whose text is one paragraph.
import type { Role } from "../../lib/domain/vocabulary.ts";
import type { Db } from "../../lib/db.ts";
import { recordStartingDraft } from "../../server/document-store/starting-draft.ts";
import { stateFromPmJson } from "../../lib/document/convert.ts";

export type Fixture = {
  workshopId: string;
  proposalId: string;
  otherProposalId: string;
  users: { chair: string; china: string; china2: string; japan: string; observer: string; outsider: string };
};

export async function createFixture(db: Db, opening = "Opening text."): Promise<Fixture> {
  const w = await db.workshop.create({ data: { title: "Realtime test workshop" } });
  const chn = await db.delegation.create({ data: { workshopId: w.id, name: "China", code: "CHN", colour: "#c2410c" } });
  const jpn = await db.delegation.create({ data: { workshopId: w.id, name: "Japan", code: "JPN", colour: "#be185d" } });
  const other = await db.workshop.create({ data: { title: "Another workshop" } });
  async function user(name: string, workshopId: string, role: Role, delegationId: string | null) {
    const u = await db.user.create({ data: { email: `${name}-${w.id}@accord.example`, name, passwordHash: "unused" } });
    await db.member.create({ data: { workshopId, userId: u.id, role, delegationId } });
    return u.id;
  }
  const users = {
    chair: await user("Chair", w.id, "MODERATOR", null),
    china: await user("Li Wei", w.id, "DELEGATE", chn.id),
    china2: await user("Zhang Min", w.id, "DELEGATE", chn.id),
    japan: await user("Sato Haruki", w.id, "DELEGATE", jpn.id),
    observer: await user("Observer", w.id, "OBSERVER", null),
    outsider: await user("Outsider", other.id, "DELEGATE", null),
  };
  const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: opening }] }] };
  async function proposal(title: string, position: number) {
    const p = await db.proposal.create({ data: { workshopId: w.id, title, position } });
    await recordStartingDraft(db, { proposalId: p.id, state: stateFromPmJson(doc), owner: { userId: users.chair, delegationId: null } });
    return p.id;
  }
  return { workshopId: w.id, proposalId: await proposal("Live text", 0), otherProposalId: await proposal("Second item", 1), users };
}
