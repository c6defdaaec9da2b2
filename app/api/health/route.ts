import { db } from "@/lib/db";
import { eventLoopWatchdog } from "@/server/observability/event-loop-watchdog";

export const dynamic = "force-dynamic";

/** How responsive this process has been: a monitor can alert on a stall the database check cannot see. */
function eventLoop(): { recentMaxDelayMs: number | null; p99DelayMs: number | null } {
  // Null when the watchdog is not running in this process (it starts with the custom server).
  const stats = eventLoopWatchdog()?.stats();
  return { recentMaxDelayMs: stats ? Math.round(stats.recentMaxMs) : null, p99DelayMs: stats ? Math.round(stats.p99Ms) : null };
}

// A real database round-trip: a process that cannot reach its database is not healthy.
export async function GET() {
  try {
    await db().$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok", eventLoop: eventLoop() });
  } catch {
    return Response.json({ status: "error", reason: "database unreachable", eventLoop: eventLoop() }, { status: 503 });
  }
}
