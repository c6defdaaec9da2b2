// The brackets benchmark's hook inside the server process (bench/server-process.ts): seeds the
// bracketed and plain proposals through Prisma, and times the handlers of a few socket events
// from inside the server — from socket.io's dispatch of the packet (after the socket's
// rate-limit middleware) until the handler's acknowledgement has been encoded and written.
// Benchmark code only: the timing middleware is installed on sockets that connect after
// "setup", never otherwise.
import type { Socket } from "socket.io";
import type { Db } from "../../lib/db.ts";
import type { AccordServer } from "../../server/app-server.ts";
import type { StatementCounter } from "../amendments/server-hooks.ts";
import type { BenchFixture } from "../fixture.ts";
import { seedBracketedProposals } from "./fixture.ts";
import { TIMED_EVENTS, type BracketsOp, type BracketsReply, type HandlerTime } from "./protocol.ts";

const TIMED: ReadonlySet<string> = new Set(TIMED_EVENTS);

export function bracketsHooks(db: Db, server: AccordServer, fixture: BenchFixture, sql: StatementCounter | null) {
  let times: HandlerTime[] = [];
  let isTiming = false;

  function timeHandlers(socket: Socket): void {
    socket.use((packet, next) => {
      const event = packet[0];
      const last = packet.length - 1;
      const ack: unknown = packet[last];
      if (typeof event === "string" && TIMED.has(event) && last >= 1 && typeof ack === "function") {
        const start = performance.now();
        packet[last] = (res: { ok?: boolean }) => {
          try {
            (ack as (r: unknown) => void)(res);
          } finally {
            times.push({ event, ms: performance.now() - start, ok: res?.ok === true });
          }
        };
      }
      next();
    });
  }

  return async function handle(req: BracketsOp): Promise<BracketsReply> {
    switch (req.op) {
      case "setup": {
        if (!isTiming) {
          server.io.on("connection", timeHandlers);
          isTiming = true;
        }
        return { fixture: await seedBracketedProposals(db, fixture, req.setup) };
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
