// What a server action answers: data, or a message a form can show. Shared by the actions
// (server) and the forms (components), so it lives in lib/.
export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; error: string };
