// The amendments benchmark's hook inside the server process (bench/server-process.ts): seeds the
// annotated proposals through Prisma, and times the handlers of a few socket events from inside
// the server — from the moment socket.io dispatches the packet (after the socket's rate-limit
// middleware) until the handler's acknowledgement has been encoded and written — so "opening a
// proposal" is measured as server time, not as the generator's round trip. Benchmark code only:
// the timing middleware is installed on sockets that connect after "setup", never otherwise.
import type { Socket } from "socket.io";
import type { Db } from "../../lib/db.ts";
import type { AccordServer } from "../../server/app-server.ts";
import type { BenchFixture } from "../fixture.ts";
import { seedAnnotatedProposals } from "./fixture.ts";
import { TIMED_EVENTS, type AnnotatedOp, type AnnotatedReply, type HandlerTime } from "./protocol.ts";

export type StatementCounter = { statements(): number; reset(): void };

const TIMED: ReadonlySet<string> = new Set(TIMED_EVENTS);

export function annotatedHooks(db: Db, server: AccordServer, fixture: BenchFixture, sql: StatementCounter | null) {
  let times: HandlerTime[] = [];
  let isTiming = false;

  function timeHandlers(socket: Socket): void {
    socket.use((packet, next) => {
      const event = packet[0];
      const last = packet.length - 1;
      const ack: unknown = packet[last];
      if (typeof event === "string" && TIMED.has(event) && last >= 1 && typeof ack === "function") {
        const start = performance.now();
        const payload = packet[1] as { proposalId?: unknown } | undefined;
        const proposalId = typeof payload?.proposalId === "string" ? payload.proposalId : null;
        packet[last] = (res: { ok?: boolean }) => {
          try {
            (ack as (r: unknown) => void)(res);
          } finally {
            times.push({ event, proposalId, ms: performance.now() - start, ok: res?.ok === true });
          }
        };
      }
      next();
    });
  }

  return async function handle(req: AnnotatedOp): Promise<AnnotatedReply> {
    switch (req.op) {
      case "setup": {
        if (!isTiming) {
          server.io.on("connection", timeHandlers);
          isTiming = true;
        }
        return { fixture: await seedAnnotatedProposals(db, fixture, req.setup) };
      }
      case "handler-times": {
        const out = times;
        times = [];
        return { times: out };
      }
      case "sql-statements": {
        if (!sql) return { statements: null };
        const n = sql.statements();
        sql.reset();
        return { statements: n };
      }
    }
  };
}
