// The amendments benchmark's hook inside the server process (bench/server-process.ts): seeds the
// annotated proposals through Prisma, and times the handlers of a few socket events from inside
// the server (bench/shared-hooks.ts) — so "opening a proposal" is measured as server time, not as
// the generator's round trip. Benchmark code only: the timing middleware is installed on sockets
// that connect after "setup", never otherwise.
import type { Db } from "../../lib/db.ts";
import type { AccordServer } from "../../server/app-server.ts";
import type { BenchFixture } from "../fixture.ts";
import { handlerTiming, type StatementCounter } from "../shared-hooks.ts";
import { seedAnnotatedProposals } from "./fixture.ts";
import { TIMED_EVENTS, type AnnotatedOp, type AnnotatedReply } from "./protocol.ts";

export function annotatedHooks(db: Db, server: AccordServer, fixture: BenchFixture, sql: StatementCounter | null) {
  const timing = handlerTiming(server, TIMED_EVENTS, sql);
  return async function handle(req: AnnotatedOp): Promise<AnnotatedReply> {
    if (req.op !== "setup") return timing.handle(req);
    timing.start();
    return { fixture: await seedAnnotatedProposals(db, fixture, req.setup) };
  };
}
