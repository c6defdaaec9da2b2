// Download handlers stay thin too: parse the address, run the use case, answer the file (or
// the named error as JSON with its status, like every other route).
import type { z } from "zod";
import { AppError, isAppError, statusOf, toClientError } from "../../lib/errors.ts";
import { searchObject } from "../../lib/export/request.ts";
import { downloadHeaders, type ExportFile } from "../services/exports/export-proposal.ts";

export async function downloadResponse<S extends z.ZodType>(req: Request, schema: S, run: (query: z.output<S>) => Promise<ExportFile>): Promise<Response> {
  try {
    const parsed = schema.safeParse(searchObject(req.url));
    if (!parsed.success) throw new AppError("INVALID_INPUT", `Bad download address: ${parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}`);
    const file = await run(parsed.data);
    return new Response(file.bytes as Uint8Array<ArrayBuffer>, { headers: downloadHeaders(file) });
  } catch (e) {
    if (!isAppError(e)) console.error(e);
    const error = toClientError(e);
    return Response.json({ error }, { status: statusOf(error.code), headers: { "Cache-Control": "no-store" } });
  }
}
