import { getLocale } from "next-intl/server";
import { db } from "@/lib/db";
import { outcomeQuery } from "@/lib/export/request";
import { currentUser } from "@/server/auth/session";
import { downloadResponse } from "@/server/http/download-route";
import { exportOutcomeRecord } from "@/server/services/exports/export-outcome";

// Made for each request: the record states when it was generated and what stood then.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workshopId: string }> };

/** "Outcome record": the workshop's verifiable record as JSON, Word or PDF. */
export async function GET(req: Request, { params }: Context) {
  const { workshopId } = await params;
  return downloadResponse(req, outcomeQuery, async (q) => {
    const user = await currentUser();
    return exportOutcomeRecord({ db: db(), userId: user?.id ?? null, workshopId, format: q.format, paper: q.paper, locale: await getLocale() });
  });
}
