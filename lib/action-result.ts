// What a server action answers: data, or a named code (lib/errors.ts) and a message a form can
// show. Shared by the actions (server) and the forms (components), so it lives in lib/.
import type { ErrorCode } from "./errors.ts";

export type ActionFailure = { ok: false; code: ErrorCode; message: string };

export type ActionResult<T = undefined> = { ok: true; data: T } | ActionFailure;
