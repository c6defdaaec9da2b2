// The one way to write a server action:
//   zod checks every argument → the caller comes from the session → the handler calls its use
//   case, which authorizes through services/authorize.ts (the access table) → the answer is
//   { ok: true, data } or { ok: false, code, message } from the one error table → the pages that
//   changed are revalidated.
// Arguments are checked before anything else runs: a refused call reads no session and touches
// no database.
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { ActionResult } from "../../lib/action-result.ts";
import { AppError } from "../../lib/errors.ts";
import { currentUser } from "../auth/session.ts";
import { failureOf, invalidInput } from "./failure.ts";

/**
 * What the wrapper itself checks about the caller. Role × proposal state is decided by the use
 * case, which every handler calls with the caller's id; the wrapper neither repeats nor replaces
 * that check, so it cannot weaken it.
 *  - "use-case": the handler gets the caller's id, or null when nobody is signed in;
 *  - "signed-in": nobody signed in is refused (UNAUTHENTICATED) before the handler runs.
 */
export type Authorization = "use-case" | "signed-in";

export type Caller<A extends Authorization> = { userId: A extends "signed-in" ? string : string | null };

/** A path to revalidate (Next's revalidatePath): "layout" covers everything below it. */
export type Revalidation = { path: string; type?: "layout" | "page" };

export type ActionConfig<Schema extends z.ZodObject, Names extends readonly string[], A extends Authorization> = {
  /** The positional arguments, in the order callers pass them; each names a field of `input`. */
  args: Names;
  input: Schema;
  authorize?: A;
  revalidate?: {
    paths: (input: z.output<Schema>) => readonly Revalidation[];
    /** "any-outcome": also after a refusal, when a refusal usually means the caller's page is stale. */
    after?: "success" | "any-outcome";
  };
};

/** The action's parameters: the input's field types in `args` order. */
type ParametersOf<Names extends readonly string[], Input> = { -readonly [K in keyof Names]: Names[K] extends keyof Input ? Input[Names[K]] : never };
/** A handler that returns nothing answers `data: undefined` (what the forms' types say). */
type DataOf<T> = [T] extends [void] ? undefined : T;

export function defineAction<
  Schema extends z.ZodObject,
  const Names extends readonly (keyof z.input<Schema> & string)[],
  Data,
  A extends Authorization = "use-case",
>(
  config: ActionConfig<Schema, Names, A>,
  handler: (input: z.output<Schema>, caller: Caller<A>) => Promise<Data>,
): (...args: ParametersOf<Names, z.input<Schema>>) => Promise<ActionResult<DataOf<Data>>> {
  const { args: names, input: schema, authorize = "use-case", revalidate } = config;
  assertArgumentsNameTheInput(names, schema);

  return async (...args: unknown[]): Promise<ActionResult<DataOf<Data>>> => {
    if (args.length > names.length) {
      return invalidInput([{ code: "custom", path: [], input: undefined, message: `expected at most ${names.length} arguments, received ${args.length}` }]);
    }
    const parsed = schema.safeParse(Object.fromEntries(names.map((name, i) => [name, args[i]])));
    if (!parsed.success) return invalidInput(parsed.error.issues);
    const input = parsed.data;

    let result: ActionResult<DataOf<Data>>;
    try {
      const userId = (await currentUser())?.id ?? null;
      if (authorize === "signed-in" && userId === null) throw new AppError("UNAUTHENTICATED");
      const data = await handler(input, { userId } as Caller<A>);
      result = { ok: true, data: data as DataOf<Data> };
    } catch (e) {
      // redirect() and notFound() are Next's control flow, not failures.
      unstable_rethrow(e);
      result = failureOf(e);
    }
    if (revalidate && (result.ok || revalidate.after === "any-outcome")) {
      for (const { path, type } of revalidate.paths(input)) revalidatePath(path, type);
    }
    return result;
  };
}

/** A definition whose `args` and `input` disagree is a bug: fail when the module loads, not on a call. */
function assertArgumentsNameTheInput(names: readonly string[], schema: z.ZodObject): void {
  const fields = Object.keys(schema.shape).sort();
  const named = [...names].sort();
  if (named.length !== new Set(named).size || named.join() !== fields.join()) {
    throw new Error(`defineAction: args (${names.join(", ")}) must name each input field (${fields.join(", ")}) exactly once`);
  }
}
