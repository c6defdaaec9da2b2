import { db } from "@/lib/db";
import { currentUser } from "@/server/auth/session";
import { jsonResponse } from "@/server/http/json-route";
import { listDocumentAuthors } from "@/server/services/proposals/list-document-authors";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ proposalId: string }> }) {
  const { proposalId } = await params;
  const user = await currentUser();
  return jsonResponse(() => listDocumentAuthors({ db: db(), userId: user?.id ?? null, proposalId }));
}
