import { getLocale } from "next-intl/server";
import { db } from "@/lib/db";
import { textExportQuery } from "@/lib/export/request";
import { currentUser } from "@/server/auth/session";
import { downloadResponse } from "@/server/http/download-route";
import { exportProposal } from "@/server/services/exports/export-proposal";

// Made for each request: the text, and who may see which comments, change.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ proposalId: string }> };

/** "Download": the live text or a version as Word, PDF or Markdown. */
export async function GET(req: Request, { params }: Context) {
  const { proposalId } = await params;
  return downloadResponse(req, textExportQuery, async (q) => {
    const user = await currentUser();
    return exportProposal({
      db: db(),
      userId: user?.id ?? null,
      proposalId,
      version: q.version ?? null,
      format: q.format,
      paper: q.paper,
      withDelegationComments: q.comments === "delegation",
      locale: await getLocale(),
    });
  });
}
