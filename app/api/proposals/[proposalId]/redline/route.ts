import { getLocale } from "next-intl/server";
import { db } from "@/lib/db";
import { redlineQuery } from "@/lib/export/request";
import { currentUser } from "@/server/auth/session";
import { downloadResponse } from "@/server/http/download-route";
import { exportRedline } from "@/server/services/exports/export-proposal";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ proposalId: string }> };

/** "Download redline": a Compare between two versions as Word tracked changes or a marked PDF. */
export async function GET(req: Request, { params }: Context) {
  const { proposalId } = await params;
  return downloadResponse(req, redlineQuery, async (q) => {
    const user = await currentUser();
    return exportRedline({ db: db(), userId: user?.id ?? null, proposalId, from: q.from, to: q.to, format: q.format, paper: q.paper, locale: await getLocale() });
  });
}
