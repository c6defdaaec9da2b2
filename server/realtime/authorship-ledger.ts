// Who owns each Yjs client id of a proposal: the authorship ledger (DocumentClient rows). The
// first update or join that uses an id claims it for its sender; from then on only that user may
// write with it, and every span of text it wrote is attributed to that user's delegation.
// The database row decides, not this node's memory: another node may have claimed the id first.
import type { Db } from "../../lib/db.ts";
import { AppError } from "../../lib/errors.ts";
import { isStorageUnavailable } from "../../lib/storage-errors.ts";

/**
 * New client ids one update may bring. A tab writes with one id; a document kept across a
 * reload or a Yjs id collision adds one more. More is a forged or broken client (a review sent
 * 1,000 in one update: 1,000 ledger rows and a stalled room).
 */
export const MAX_NEW_CLIENT_IDS_PER_UPDATE = 4;
/** Client ids a member may own in one proposal: a reload every ten minutes for two weeks. */
export const MAX_CLIENT_IDS_PER_MEMBER = 2000;
/** New client ids a member may claim per minute in one proposal (people do not open 20 tabs a minute). */
export const MAX_NEW_CLIENT_IDS_PER_MINUTE = 20;
const MINUTE_MS = 60_000;

export type Owner = { userId: string; delegationId: string | null };

/** The owner recorded for ids nobody may write with (a starting draft written outside any session). */
const NOBODY = "";

export class AuthorshipLedger {
  private readonly owned = new Map<string, number>();
  private readonly recentClaims = new Map<string, number[]>();

  private constructor(
    private readonly db: Db,
    readonly proposalId: string,
    private readonly owners: Map<number, string>,
  ) {
    for (const userId of owners.values()) this.owned.set(userId, (this.owned.get(userId) ?? 0) + 1);
  }

  static async load(db: Db, proposalId: string): Promise<AuthorshipLedger> {
    const rows = await db.documentClient.findMany({ where: { proposalId }, select: { clientId: true, userId: true } });
    return new AuthorshipLedger(db, proposalId, new Map(rows.map((r) => [Number(r.clientId), r.userId ?? NOBODY])));
  }

  /** An id whose row was written in another transaction (a server change) that has committed. */
  remember(clientId: number, userId: string): void {
    if (this.owners.has(clientId)) return;
    this.owners.set(clientId, userId);
    this.owned.set(userId, (this.owned.get(userId) ?? 0) + 1);
  }

  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId);
  }

  /** Refuses an update whose new ids exceed the per-update bound, before any of them is written. */
  checkNewIds(clientIds: Iterable<number>): number[] {
    const fresh = [...clientIds].filter((c) => !this.owners.has(c));
    if (fresh.length > MAX_NEW_CLIENT_IDS_PER_UPDATE) {
      throw new AppError("TOO_MANY_CLIENTS", `One change may introduce at most ${MAX_NEW_CLIENT_IDS_PER_UPDATE} new editor ids.`);
    }
    return fresh;
  }

  /**
   * Makes each id the owner's, or refuses: FOREIGN_CLIENT when someone else owns one,
   * TOO_MANY_CLIENTS past the member's bounds, UNAVAILABLE when the ledger cannot be written
   * (the change is then refused before it is applied, and its sender resends it).
   * Server-made changes (a restore) are exempt from the per-member bounds.
   */
  async claim(clientIds: Iterable<number>, owner: Owner, opts: { now: number; isServerChange?: boolean }): Promise<number[]> {
    const claimed: number[] = [];
    for (const clientId of clientIds) {
      const known = this.owners.get(clientId);
      if (known !== undefined) {
        if (known !== owner.userId) throw new AppError("FOREIGN_CLIENT");
        continue;
      }
      if (!opts.isServerChange) this.checkMemberBounds(owner.userId, opts.now);
      let row: { userId: string | null };
      try {
        row = await this.db.documentClient.upsert({
          where: { proposalId_clientId: { proposalId: this.proposalId, clientId: BigInt(clientId) } },
          create: { proposalId: this.proposalId, clientId: BigInt(clientId), userId: owner.userId, delegationId: owner.delegationId },
          update: {},
          select: { userId: true },
        });
      } catch (e) {
        if (isStorageUnavailable(e)) throw new AppError("UNAVAILABLE");
        throw e;
      }
      const rowOwner = row.userId ?? NOBODY;
      this.owners.set(clientId, rowOwner);
      this.owned.set(rowOwner, (this.owned.get(rowOwner) ?? 0) + 1);
      if (rowOwner !== owner.userId) throw new AppError("FOREIGN_CLIENT");
      if (!opts.isServerChange) this.recentClaims.get(owner.userId)!.push(opts.now);
      claimed.push(clientId);
    }
    return claimed;
  }

  private checkMemberBounds(userId: string, now: number): void {
    if ((this.owned.get(userId) ?? 0) >= MAX_CLIENT_IDS_PER_MEMBER) {
      throw new AppError("TOO_MANY_CLIENTS", "You have opened this text in too many sessions; ask the chair for help.");
    }
    const recent = (this.recentClaims.get(userId) ?? []).filter((t) => now - t < MINUTE_MS);
    this.recentClaims.set(userId, recent);
    if (recent.length >= MAX_NEW_CLIENT_IDS_PER_MINUTE) {
      throw new AppError("TOO_MANY_CLIENTS", "Too many new editing sessions in a minute; wait a moment and reload.");
    }
  }
}
