import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// A real database round-trip: a process that cannot reach its database is not healthy.
export async function GET() {
  try {
    await db().$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "error", reason: "database unreachable" }, { status: 503 });
  }
}
