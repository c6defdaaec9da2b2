import { db } from "@/lib/db";
import { OUTCOME_RECORD_MAX_BYTES } from "@/lib/domain/outcome-record";
import { isAppError, statusOf, toClientError } from "@/lib/errors";
import { currentUser } from "@/server/auth/session";
import { verifyOutcomeRecordText } from "@/server/services/outcomes/verify-outcome-record";

// Always recomputed: a cached "intact" would defeat the point of checking.
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };
const MB = OUTCOME_RECORD_MAX_BYTES / 1024 / 1024;

function refuse(message: string): Response {
  return Response.json({ error: { code: "INVALID_INPUT", message } }, { status: 400, headers: NO_STORE });
}

/** The body as text, or null past the limit: the declared length first, then the bytes as they arrive. */
async function bodyWithin(req: Request, limit: number): Promise<string | null> {
  if (Number(req.headers.get("content-length") ?? 0) > limit) return null;
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
}

/**
 * Thin: read the record (JSON, at most 50 MB), check it against its own hashes and — when the
 * caller may read that workshop's outcome record — against this database's history; answer the
 * report as JSON. Signed out, the self-check alone (the report says `history: "skipped"`).
 */
export async function POST(req: Request) {
  try {
    let text: string | null;
    try {
      text = await bodyWithin(req, OUTCOME_RECORD_MAX_BYTES);
    } catch {
      return refuse("The outcome record could not be read: send the .json file as the request body (UTF-8).");
    }
    if (text === null) return refuse(`The outcome record is larger than ${MB} MB.`);
    const user = await currentUser();
    const report = await verifyOutcomeRecordText({ db: db(), userId: user?.id ?? null, text });
    if (!report) return refuse("The request body is not JSON: send the outcome record's .json file as it was downloaded.");
    return Response.json(report, { headers: NO_STORE });
  } catch (e) {
    if (!isAppError(e)) console.error(e);
    const error = toClientError(e);
    return Response.json({ error }, { status: isAppError(e) ? statusOf(e.code) : 500, headers: NO_STORE });
  }
}
