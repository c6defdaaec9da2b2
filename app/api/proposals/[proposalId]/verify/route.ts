import { db } from "@/lib/db";
import { isAppError, statusOf, toClientError } from "@/lib/errors";
import { currentUser } from "@/server/auth/session";
import { verifyHistory } from "@/server/services/history/verify-history";

// Always recomputed: a cached "intact" would defeat the point of checking.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ proposalId: string }> };

/** Thin: who is asking, recompute the proposal's version chain, answer the report as JSON. */
export async function GET(_req: Request, { params }: Context) {
  const { proposalId } = await params;
  try {
    const user = await currentUser();
    const report = await verifyHistory({ db: db(), userId: user?.id ?? null, proposalId });
    return Response.json(report, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    if (!isAppError(e)) console.error(e);
    const error = toClientError(e);
    return Response.json({ error }, { status: isAppError(e) ? statusOf(e.code) : 500, headers: { "Cache-Control": "no-store" } });
  }
}
