import { getServerSession } from "next-auth";
import { authOptions } from "./options.ts";

export type SessionUser = { id: string; name: string; email: string };

/** The signed-in user of the current request (server components, actions, route handlers). */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const u = session?.user;
  if (!u?.id) return null;
  return { id: u.id, name: u.name ?? "", email: u.email ?? "" };
}
