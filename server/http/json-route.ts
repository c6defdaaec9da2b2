// Route handlers stay thin: run the use case, answer JSON; a named error becomes its status.
import { isAppError, statusOf, toClientError } from "../../lib/errors.ts";

export async function jsonResponse<T>(run: () => Promise<T>): Promise<Response> {
  try {
    return Response.json(await run());
  } catch (e) {
    if (!isAppError(e)) console.error(e);
    const error = toClientError(e);
    return Response.json({ error }, { status: statusOf(error.code) });
  }
}
