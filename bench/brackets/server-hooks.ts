// The brackets benchmark's hook inside the server process (bench/server-process.ts): seeds the
// bracketed and plain proposals through Prisma, and times the handlers of a few socket events
// from inside the server (bench/shared-hooks.ts). Benchmark code only: the timing middleware is
// installed on sockets that connect after "setup", never otherwise.
import type { Db } from "../../lib/db.ts";
import type { AccordServer } from "../../server/app-server.ts";
import type { BenchFixture } from "../fixture.ts";
import { handlerTiming, type StatementCounter } from "../shared-hooks.ts";
import { seedBracketedProposals } from "./fixture.ts";
import { TIMED_EVENTS, type BracketsOp, type BracketsReply } from "./protocol.ts";

export function bracketsHooks(db: Db, server: AccordServer, fixture: BenchFixture, sql: StatementCounter | null) {
  const timing = handlerTiming(server, TIMED_EVENTS, sql);
  return async function handle(req: BracketsOp): Promise<BracketsReply> {
    if (req.op !== "setup") return timing.handle(req);
    timing.start();
    return { fixture: await seedBracketedProposals(db, fixture, req.setup) };
  };
}
