// The demo workshop, created on the first start of an empty database.
import type { Role } from "../../lib/domain/vocabulary.ts";
import type { Db } from "../../lib/db.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { docFromState, stateFromPmJson } from "../../lib/document/convert.ts";
import { cutVersion, freezeText } from "../services/history/cut-version.ts";
import { recordStartingDraft } from "../document-store/starting-draft.ts";
import { DEMO_PROPOSALS, DEMO_WORKSHOP } from "./content.ts";
import { seedDraftingDemo } from "./drafting-demo.ts";

export const DEMO_PASSWORD = "accord-demo";

export const DEMO_DELEGATIONS = [
  { code: "CHN", name: "China", colour: "#c2410c" },
  { code: "JPN", name: "Japan", colour: "#be185d" },
  { code: "KOR", name: "Republic of Korea", colour: "#1d4ed8" },
  { code: "ASEAN", name: "ASEAN", colour: "#047857" },
] as const;

/** The demo text with brackets and statuses already (server/seed/drafting-demo.ts). */
export const DRAFTING_DEMO_TITLE = "SME financing and capital-chain continuity";

type DemoUser = { email: string; name: string; role: Role; delegation?: string };

export const DEMO_USERS: DemoUser[] = [
  { email: "chair@accord.example", name: "Chair Elena Marsh", role: "MODERATOR" },
  { email: "china1@accord.example", name: "Li Wei", role: "DELEGATE", delegation: "CHN" },
  { email: "china2@accord.example", name: "Zhang Min", role: "DELEGATE", delegation: "CHN" },
  { email: "japan1@accord.example", name: "Sato Haruki", role: "DELEGATE", delegation: "JPN" },
  { email: "japan2@accord.example", name: "Suzuki Yui", role: "DELEGATE", delegation: "JPN" },
  { email: "korea1@accord.example", name: "Kim Jisoo", role: "DELEGATE", delegation: "KOR" },
  { email: "korea2@accord.example", name: "Park Minho", role: "DELEGATE", delegation: "KOR" },
  { email: "asean1@accord.example", name: "Nguyen Thi Lan", role: "DELEGATE", delegation: "ASEAN" },
  { email: "asean2@accord.example", name: "Siti Rahman", role: "DELEGATE", delegation: "ASEAN" },
  { email: "observer@accord.example", name: "Observer Tomas Berg", role: "OBSERVER" },
];

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.workshop.count()) === 0 && (await db.user.count()) === 0;
}

export async function seedDemo(db: Db): Promise<{ workshopId: string }> {
  // One hash for every demo account: hashing is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.$transaction(async (tx) => {
    // Votes start as consensus of every delegation, as the demo's chair runs them.
    const workshop = await tx.workshop.create({
      data: { title: DEMO_WORKSHOP.title, description: DEMO_WORKSHOP.description, defaultVoteRule: "CONSENSUS", defaultQuorum: DEMO_DELEGATIONS.length },
    });
    const delegationIds = new Map<string, string>();
    let chairId: string | null = null;
    for (const d of DEMO_DELEGATIONS) {
      const created = await tx.delegation.create({ data: { workshopId: workshop.id, ...d } });
      delegationIds.set(d.code, created.id);
    }
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const user = await tx.user.create({ data: { email: u.email, name: u.name, passwordHash } });
      userIds.set(u.email, user.id);
      if (u.role === "MODERATOR") chairId = user.id;
      await tx.member.create({
        data: { workshopId: workshop.id, userId: user.id, role: u.role, delegationId: u.delegation ? delegationIds.get(u.delegation)! : null },
      });
    }
    for (const [position, p] of DEMO_PROPOSALS.entries()) {
      const proposal = await tx.proposal.create({ data: { workshopId: workshop.id, title: p.title, summary: p.summary, position } });
      const state = stateFromPmJson(p.doc);
      await recordStartingDraft(tx, { proposalId: proposal.id, state, owner: chairId ? { userId: chairId, delegationId: null } : null });
      // Version 1 of every draft: the text the workshop starts from.
      const doc = docFromState(state);
      await cutVersion(tx, {
        proposalId: proposal.id,
        workshopId: workshop.id,
        frozen: freezeText(doc),
        kind: "NAMED",
        label: "Starting draft",
        authorId: chairId,
        editors: new Set(),
        now: new Date(),
      });
      // One text shows a reading in progress: brackets, an option, paragraph statuses.
      if (p.title === DRAFTING_DEMO_TITLE) {
        await seedDraftingDemo(tx, doc, { workshopId: workshop.id, proposalId: proposal.id }, {
          chairId,
          userOf: (email) => userIds.get(email)!,
          delegationOf: (code) => delegationIds.get(code)!,
        });
      }
      doc.destroy();
      if (position === 0) await tx.workshop.update({ where: { id: workshop.id }, data: { currentProposalId: proposal.id } });
    }
    await tx.auditEvent.create({ data: { workshopId: workshop.id, action: "workshop.seed", detail: "{}" } });
    return { workshopId: workshop.id };
  });
}
